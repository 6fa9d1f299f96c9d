import Foundation
import KeiCore
import KeiStages

/// Helpers to run `lint.style` on the shipped house style (``ShippedStyle``) with only some rules.
public enum KEIStyle {
    /// The shipped sheet (``ShippedStyle/sheet()``).
    public static var sheet: StyleSheet {
        get throws { try ShippedStyle.sheet() }
    }

    /// Stage options that make `lint.style` report only `rules` (ids, or prefixes ending in ".").
    public static func only(_ rules: [String]) -> [String: [String: OptionValue]] {
        [LintStyleStage.description.id: ["rules": .stringList(rules)]]
    }

    /// A `lint.style` stage on the shipped style reporting only `rules`.
    public static func stage(_ rules: [String]) throws -> LintStyleStage {
        var options = StageOptions(defaultsOf: LintStyleStage.description, overrides: only(rules)[LintStyleStage.description.id] ?? [:])
        options.style = try sheet
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
