import Foundation
import Testing
import KeiCore
import KeiDocument
@testable import KeiStages
import KeiTestSupport

/// The issue dashboard of emit.proof: status per article and stage, the gate, relative links.
@Suite struct ProofDashboardTests {
    func outcome(_ id: String, _ diagnostics: [Diagnostic], model: Bool = true) -> ArticleOutcome {
        let entry = ArticleEntry(id: id, source: "\(id).html", sourceURL: URL(fileURLWithPath: "/x/\(id).html"), status: .received)
        return ArticleOutcome(entry: entry, sourceDisplayPath: "\(id).html", article: model ? Article(id: id, source: "\(id).html") : nil,
                              diagnostics: diagnostics, artifacts: [Artifact(kind: "jats", relativePath: "jats/\(id).xml")], failed: false)
    }

    func d(_ rule: String, _ severity: Severity, stage: String) -> Diagnostic {
        var d = Diagnostic(rule: rule, severity: severity, message: "<b>m</b>", location: SourceLocation(file: "x.html", line: 1))
        d.stage = stage
        return d
    }

    @Test func cellsGateAndLinks() {
        let a = outcome("a", [d("style.x", .warning, stage: "lint.style"), d("style.y", .info, stage: "lint.style")])
        let b = outcome("b", [d("ingest.bad", .error, stage: "ingest.html"),
                              d("pipeline.stage-skipped", .error, stage: "lint.style")], model: false)
        var context = IssueContext(issue: IssueInfo(), workflowName: "w<script>", articles: [a, b],
                                   outputDirectory: URL(fileURLWithPath: "/tmp/none"), workingDirectory: URL(fileURLWithPath: "/tmp"),
                                   workflowDisplayPath: "w.yml")
        context.articleStages = ["ingest.html", "lint.style"]
        let html = ProofDashboard.render(context, proofs: ["a": Artifact(kind: "proof", relativePath: "proof/a.html")])
        #expect(ProofHTMLReader(html).nesting.isEmpty)
        #expect(html.contains("<tr><th>a</th><td><a href=\"a.html\">proof</a></td><td class=\"ok\">ok <small>0E 0W 0I</small></td><td class=\"warnings\">warnings <small>0E 1W 1I</small></td>"))
        #expect(html.contains("<tr><th>b</th><td>none</td><td class=\"errors\">errors <small>1E 0W 0I</small></td><td class=\"skipped\">did not run</td>"))
        #expect(html.contains("<a href=\"../jats/a.xml\">jats</a>"))
        #expect(html.contains("<strong class=\"failed\">failed</strong>: b "))
        #expect(html.contains("2 error(s), 1 warning(s), 1 info(s)"))
        #expect(!html.contains("<script"))
    }
}
