import Foundation
import Testing
@testable import KeiCore
import KeiDocument
@testable import KeiStages
import KeiTestSupport

/// emit.proof as a stage: the dashboard's path, the page left at the proof path of an article without a
/// model, and the notice when issue stages run after it.
@Suite struct EmitProofStageTests {
    func context(_ outcomes: [ArticleOutcome], dir: URL) -> IssueContext {
        var c = IssueContext(issue: IssueInfo(), workflowName: "w", articles: outcomes, outputDirectory: dir,
                             workingDirectory: dir, workflowDisplayPath: "Workflows/w.yml")
        c.articleStages = ["ingest.html", "emit.jats"]
        c.issueStages = ["lint.issue-consistency", "emit.proof", "emit.crossref"]
        c.currentStage = "emit.proof"
        return c
    }

    @Test func pathsNoArticleIDCanTake() {
        #expect(EmitProofStage.proofPath(for: "index") == "proof/index.html")
        #expect(EmitProofStage.dashboardPath == "proof/_dashboard.html")
        // The dashboard's file name is not a valid article id, so no proof can overwrite it.
        let name = String(EmitProofStage.dashboardPath.dropFirst("proof/".count).dropLast(".html".count))
        #expect(!WorkflowLoader.isValidID(name))
        #expect(WorkflowLoader.isValidID("index"))
    }

    @Test func anArticleWithoutAModelGetsANoProofPageAndALaterStageIsNamed() throws {
        let dir = TestPaths.temporaryDirectory("kei-emit-proof"); defer { try? FileManager.default.removeItem(at: dir) }
        // A proof of an earlier run, when the article still had a model.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("proof"), withIntermediateDirectories: true)
        try Data("stale proof".utf8).write(to: dir.appendingPathComponent("proof/index.html"))
        let entry = ArticleEntry(id: "index", source: "index.html", sourceURL: URL(fileURLWithPath: "/x/index.html"), status: .received)
        let failed = ArticleOutcome(entry: entry, sourceDisplayPath: "index.html", article: nil,
                                    diagnostics: [Diagnostic(rule: "ingest.html.unreadable", severity: .error, message: "m",
                                                             location: SourceLocation(file: "index.html"))],
                                    artifacts: [], failed: false)
        var c = context([failed], dir: dir)
        try EmitProofStage(options: StageOptions()).run(&c)
        let page = try String(contentsOf: dir.appendingPathComponent("proof/index.html"), encoding: .utf8)
        #expect(page.contains("No proof: <bdi>index</bdi>") && page.contains("ingest failed") && !page.contains("stale proof"))
        #expect(page.contains("<a href=\"_dashboard.html\">issue dashboard</a>"))
        let dash = try String(contentsOf: dir.appendingPathComponent(EmitProofStage.dashboardPath), encoding: .utf8)
        #expect(dash.contains("Not included: the findings of <bdi>emit.crossref</bdi>"))
        let notLast = c.diagnostics.filter { $0.rule == "emit.proof.not-last" }
        #expect(notLast.count == 1 && notLast[0].severity == .info && notLast[0].message.contains("followed by emit.crossref"))
        #expect(c.artifacts.map(\.relativePath) == ["proof/index.html", "proof/_dashboard.html"])
    }

    @Test func lastStageGivesNoNotice() throws {
        let dir = TestPaths.temporaryDirectory("kei-emit-proof"); defer { try? FileManager.default.removeItem(at: dir) }
        var c = context([], dir: dir)
        c.issueStages = ["lint.issue-consistency", "emit.proof"]
        try EmitProofStage(options: StageOptions()).run(&c)
        #expect(!c.diagnostics.contains { $0.rule == "emit.proof.not-last" })
        let dash = try String(contentsOf: dir.appendingPathComponent(EmitProofStage.dashboardPath), encoding: .utf8)
        #expect(!dash.contains("Not included"))
    }
}
