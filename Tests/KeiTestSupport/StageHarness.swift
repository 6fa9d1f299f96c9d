import Foundation
import KeiCore
import KeiDocument
import KeiStages

/// Runs stages on an HTML string without a workflow: writes it to a temporary `example.html`,
/// ingests it, then runs the given stages, and returns the context.
public enum StageHarness {
    public static func run(html: String, stages: [any Stage.Type] = [], options: [String: [String: OptionValue]] = [:],
                           id: String = "example", issue: IssueInfo = IssueInfo(), style: StyleSheet? = nil) throws -> ArticleContext {
        let dir = TestPaths.temporaryDirectory("kei-harness")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("example.html")
        try Data(html.utf8).write(to: file)
        return try run(file: file, display: "example.html", stages: stages, options: options, id: id, issue: issue,
                       output: dir.appendingPathComponent("out"), workingDirectory: dir, style: style)
    }

    public static func run(file: URL, display: String, stages: [any Stage.Type] = [],
                           options: [String: [String: OptionValue]] = [:], id: String = "example",
                           issue: IssueInfo = IssueInfo(), output: URL, workingDirectory: URL,
                           style: StyleSheet? = nil) throws -> ArticleContext {
        let entry = ArticleEntry(id: id, source: display, sourceURL: file, status: .received)
        // No cap on findings per rule (limits.max-findings-per-rule is the runner's): a stage's test sees all it reports.
        var context = ArticleContext(entry: entry, issue: issue, sourceDisplayPath: display, outputDirectory: output,
                                     workingDirectory: workingDirectory, limits: Limits(maxFindingsPerRule: 0))
        var all: [any Stage.Type] = [IngestHTMLStage.self]
        all += stages.filter { $0.description.id != IngestHTMLStage.description.id }
        for type in all {
            let desc = type.description
            var stageOptions = StageOptions(defaultsOf: desc, overrides: options[desc.id] ?? [:])
            stageOptions.style = style
            let stage = try type.init(options: stageOptions)
            context.currentStage = desc.id
            if let s = stage as? any ArticleStage {
                try s.run(&context)
            } else if let s = stage as? any CheckStage, let article = context.article {
                // As the runner does: the shared analysis, built for the checks that read it.
                context.prepareShared(for: desc)
                context.emit(contentsOf: s.check(article, context: context))
            }
        }
        return context
    }

    /// Ingests a page and returns the article model (fails the caller's test by throwing if absent).
    public static func ingest(file: URL, display: String, id: String = "example") throws -> (Article, [Diagnostic]) {
        let dir = TestPaths.temporaryDirectory("kei-harness")
        defer { try? FileManager.default.removeItem(at: dir) }
        let ctx = try run(file: file, display: display, id: id, output: dir, workingDirectory: dir)
        guard let article = ctx.article else { throw KeiError.stage("ingest produced no article for \(display)") }
        return (article, ctx.diagnostics)
    }
}
