import Foundation
import KeiCore
import KeiStages

/// Runs `ingest.html` alone on a page under given ``Limits`` (the element and word limits' tests).
public enum IngestLimitFixture {
    /// Writes `page` (UTF-8) as `name` into a fresh temporary folder, runs `IngestHTMLStage` with its default
    /// options on article `big` under `limits`, removes the folder and returns the context (its article is
    /// nil when a limit refused the page). Throws what writing the file or the stage throws.
    public static func ingest(_ page: String, name: String = "big.html", limits: Limits) throws -> ArticleContext {
        let dir = TestPaths.temporaryDirectory("kei-ingest-limit")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(name)
        try Data(page.utf8).write(to: file)
        var context = ArticleContext(entry: ArticleEntry(id: "big", source: name, sourceURL: file, status: .received),
                                     issue: IssueInfo(), sourceDisplayPath: name, outputDirectory: dir,
                                     workingDirectory: dir, limits: limits)
        try IngestHTMLStage(options: StageOptions(defaultsOf: IngestHTMLStage.description)).run(&context)
        return context
    }
}
