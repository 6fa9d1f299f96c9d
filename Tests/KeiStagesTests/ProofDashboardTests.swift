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
        #expect(html.contains("<tr><th><bdi>a</bdi></th><td><a href=\"a.html\">proof</a></td><td class=\"ok\">ok <small>0E 0W 0I</small></td><td class=\"warnings\">warnings <small>0E 1W 1I</small></td>"))
        #expect(html.contains("<tr><th><bdi>b</bdi></th><td>none</td><td class=\"errors\">errors <small>1E 0W 0I</small></td><td class=\"skipped\">did not run</td>"))
        #expect(html.contains("<a href=\"../jats/a.xml\">jats</a>"))
        #expect(html.contains("<strong class=\"failed\">failed</strong>: <bdi>b</bdi> "))
        #expect(html.contains("2 error(s), 1 warning(s), 1 info(s)"))
        #expect(!html.contains("<script"))
    }

    func issueContext(_ articles: [ArticleOutcome]) -> IssueContext {
        var c = IssueContext(issue: IssueInfo(), workflowName: "w", articles: articles,
                             outputDirectory: URL(fileURLWithPath: "/tmp/none"), workingDirectory: URL(fileURLWithPath: "/tmp"),
                             workflowDisplayPath: "w.yml")
        c.articleStages = ["ingest.html", "lint.style", "emit.jats"]
        c.issueStages = ["lint.issue-consistency", "emit.crossref", "emit.proof"]
        return c
    }

    /// The verdict counts the issue stages' findings before emit.proof, as the run's exit status does; an
    /// issue stage's finding about one article shows in that article's row.
    @Test func gateCountsIssueFindingsAndTheirArticlesRows() {
        let a = outcome("a", [d("style.x", .warning, stage: "lint.style")])
        var c = issueContext([a])
        c.currentStage = "lint.issue-consistency"
        var about = d("style.percent-consistency", .error, stage: "lint.issue-consistency")
        about.article = "a"
        c.emit(about)
        c.currentStage = "emit.crossref"
        c.emit(d("emit.crossref.placeholder-issn", .error, stage: "emit.crossref"))
        let html = ProofDashboard.render(c, proofs: [:])
        #expect(html.contains("<strong class=\"failed\">failed</strong>: <bdi>a</bdi>, <bdi>the issue (emit.crossref)</bdi>"), "\(html)")
        #expect(html.contains("<th>lint.issue-consistency</th><th>outputs</th>"))
        #expect(html.contains("<td class=\"warnings\">warnings <small>0E 1W 0I</small></td><td class=\"ok\">ok <small>0E 0W 0I</small></td><td class=\"errors\">errors <small>1E 0W 0I</small></td>"), "\(html)")
    }

    @Test func anIssueWarningDoesNotFailAnErrorGate() {
        var c = issueContext([outcome("a", [])])
        c.emit(d("pipeline.issue-stage-gated", .warning, stage: "emit.issue"))
        #expect(ProofDashboard.render(c, proofs: [:]).contains("<strong class=\"passed\">passed</strong>"))
    }

    /// With issue stages after emit.proof nothing before it failed, but the run may still fail (verifier, breaker 24):
    /// the dashboard gives no "passed" that could contradict the exit code; a failure seen before it stays a failure.
    @Test func noPassedVerdictWhenStagesRunAfterTheProofs() {
        let c = issueContext([outcome("a", [])])
        let html = ProofDashboard.render(c, proofs: [:], laterStages: ["emit.crossref"])
        #expect(!html.contains("class=\"passed\""))
        #expect(html.contains("<strong class=\"open\">not decided here</strong>") && html.contains("<bdi>emit.crossref</bdi> ran after it"), "\(html)")
        let failing = issueContext([outcome("a", [d("style.x", .error, stage: "lint.style")])])
        #expect(ProofDashboard.render(failing, proofs: [:], laterStages: ["emit.crossref"]).contains("<strong class=\"failed\">failed</strong>"))
    }

    /// After a failed ingest no later stage ran: its cells say so even when the stage reported nothing;
    /// an awaited manuscript's row says so.
    @Test func stagesThatDidNotRunAndAwaitedManuscripts() {
        var failed = outcome("b", [d("ingest.bad", .error, stage: "ingest.html")], model: false)
        failed.artifacts = []
        let awaited = ArticleOutcome(entry: ArticleEntry(id: "c", source: nil, sourceURL: nil, status: .commissioned),
                                     sourceDisplayPath: nil, article: nil, diagnostics: [], artifacts: [], failed: false)
        let html = ProofDashboard.render(issueContext([failed, awaited]), proofs: [:])
        #expect(html.contains("<td class=\"errors\">errors <small>1E 0W 0I</small></td><td class=\"skipped\">did not run</td><td class=\"skipped\">did not run</td>"), "\(html)")
        #expect(html.contains("<tr><th><bdi>c</bdi></th><td>none</td><td class=\"skipped awaiting\" colspan=\"3\">awaiting manuscript</td>"), "\(html)")
    }
}
