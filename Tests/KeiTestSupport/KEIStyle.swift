import Foundation
import KeiCore
import KeiStages

/// The shipped house style for tests: KEI's base layer and Korea Policy's journal layer, loaded from
/// the project's `Workflows/styles/` as the journal file names them.
public enum KEIStyle {
    /// The merged sheet (loading errors stop the test run: the shipped style must load).
    public static let sheet: StyleSheet = {
        do {
            return try StyleLoader().load([TestPaths.workflows.appendingPathComponent("styles/korea-policy.yml")])
        } catch {
            fatalError("the shipped house style does not load: \(error)")
        }
    }()

    /// Stage options that make `lint.style` report only `rules` (ids, or prefixes ending in ".").
    public static func only(_ rules: [String]) -> [String: [String: OptionValue]] {
        [LintStyleStage.description.id: ["rules": .stringList(rules)]]
    }

    /// A `lint.style` stage on the shipped style reporting only `rules`.
    public static func stage(_ rules: [String]) throws -> LintStyleStage {
        var options = StageOptions(defaultsOf: LintStyleStage.description, overrides: only(rules)[LintStyleStage.description.id] ?? [:])
        options.style = sheet
        return try LintStyleStage(options: options)
    }
}

extension KEIStyle {
    /// Copies the shipped style files into `fixture` and returns a workflow (for `Workflows/r.yml`)
    /// with one article `x` (`Samples/x.html`) whose stages are ingest, `lint.style` reporting only
    /// `style.repeated-word`, and emit.
    public static func repeatedWordWorkflow(in fixture: ProjectFixture) throws -> String {
        for name in ["kei.yml", "korea-policy.yml"] {
            let text = try String(contentsOf: TestPaths.workflows.appendingPathComponent("styles/\(name)"), encoding: .utf8)
            try fixture.write("Workflows/styles/\(name)", text)
        }
        return """
        style: styles/korea-policy.yml
        articles:
          - {id: x, source: Samples/x.html, status: received}
        stages: [ingest.html, {id: lint.style, options: {rules: [style.repeated-word]}}, emit.jats]

        """
    }
}
