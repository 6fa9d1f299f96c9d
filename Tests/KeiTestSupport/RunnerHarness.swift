import Foundation
import KeiCore
import KeiDates
import KeiDocument
import KeiStages

/// Runs an HTML string through the real ``Runner``: a workflow built in code with one article
/// (`example`, source `example.html`), `ingest.html` and then the given stages. Diagnostics come back
/// as reports get them (spans resolved to line and column, suppressions applied, sorted).
///
/// `style` is handed to every stage as the workflow loader hands a workflow's house style
/// (``StageOptions/style``), and `timeline` as it hands its timeline (``StageOptions/timeline``); `fix` runs the runner with `--fix`.
public enum RunnerHarness {
    public static func run(html: String, stages: [any Stage.Type], options: [String: [String: OptionValue]] = [:],
                           issue: IssueInfo = StageExample.issue, style: StyleSheet? = nil,
                           timeline: Timeline? = nil, fix: Bool = false, limits: Limits = Limits()) throws -> ArticleOutcome {
        let dir = TestPaths.temporaryDirectory("kei-runner")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("example.html")
        try Data(html.utf8).write(to: file)
        var invocations: [StageInvocation] = []
        for type in [IngestHTMLStage.self] + stages.filter({ $0.description.id != IngestHTMLStage.description.id }) {
            let desc = type.description
            var stageOptions = StageOptions(defaultsOf: desc, overrides: options[desc.id] ?? [:])
            stageOptions.style = style
            stageOptions.timeline = timeline
            invocations.append(try StageInvocation(type: type, options: stageOptions,
                                                   location: SourceLocation(file: "example.yml", line: 1)))
        }
        let entry = ArticleEntry(id: "example", source: "example.html", sourceURL: file, status: .received)
        let workflow = Workflow(name: "example", displayPath: "example.yml", projectRoot: dir, issue: issue, articles: [entry],
                                stages: invocations, gate: GatePolicy(), outputDirectory: dir.appendingPathComponent("out"),
                                limits: limits)
        var runner = Runner(jobs: 1)
        runner.fix = fix
        let result = runner.run(workflow, workingDirectory: dir)
        guard let outcome = result.outcomes.first else { throw KeiError.stage("the runner returned no outcome") }
        return outcome
    }
}
