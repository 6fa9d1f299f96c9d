import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport

/// `lint.issue-consistency`: the consistency rules across the issue, with the articles using each form,
/// located at the words in each article's source (line and column resolved by the runner).
@Suite struct IssueConsistencyStageTests {
    static let style = """
        name: s
        rules:
          style.percent:
            kind: consistency
            severity: warning
            message: "Use “{majority}”, not “{match}”."
            description: One form for percent.
            source: CMOS 9.18
            fix: unsafe
            groups:
              - [percent, per cent, "%"]
        """

    static func page(_ title: String, _ text: String) -> String {
        "<html><head><title>\(title)</title></head><body><article><h1>\(title)</h1>\n"
            + "<p>The article opens with a paragraph of its own.</p>\n<p>\(text)</p></article></body></html>"
    }

    /// a uses "%" 3 times; b "percent" 4 times; c "percent" twice and "%" once: "percent" is the issue's majority.
    static func fixture() throws -> ProjectFixture {
        let p = try ProjectFixture()
        try p.write("Workflows/styles/s.yml", style)
        try p.write("Samples/a.html", page("Alpha", "Exports rose 3%, then 4% and 5%."))
        try p.write("Samples/b.html", page("Beta", "Imports fell 3 percent, 4 percent, 5 percent and 6 percent."))
        try p.write("Samples/c.html", page("Gamma", "Growth was 2 percent, then 3 percent, then 1%."))
        try p.write("Workflows/w.yml", """
            name: w
            journal: journals/j.yml
            output: out
            articles:
              - {id: a, source: Samples/a.html}
              - {id: b, source: Samples/b.html}
              - {id: c, source: Samples/c.html}
            stages: [ingest.html, lint.style, lint.issue-consistency]
            """)
        return p
    }

    @Test func minorityFormsAcrossTheIssueAreReportedWithTheArticlesUsingEachForm() throws {
        let p = try Self.fixture(); defer { p.remove() }
        let workflow = try p.load(try String(contentsOf: p.root.appendingPathComponent("Workflows/w.yml"), encoding: .utf8))
        let result = Runner(jobs: 1).run(workflow, workingDirectory: p.root)
        let issue = result.issueDiagnostics.filter { $0.rule == "style.percent" }
        // a's three "%"; c's "%" is c's own minority, reported by lint.style with the same fix, not again.
        #expect(issue.count == 3)
        #expect(issue.allSatisfy { $0.article == "a" && $0.stage == "lint.issue-consistency" })
        #expect(issue.first?.message.contains("“percent” (b: 4, c: 2) vs “%” (a: 3, c: 1)") == true)
        #expect(issue.map(\.location.file) == Array(repeating: "Samples/a.html", count: 3))
        #expect(issue.map(\.location.line) == [3, 3, 3])
        #expect(issue.map(\.location.column) == [18, 27, 34])
        #expect(issue.map(\.excerpt) == ["%", "%", "%"])
        #expect(issue.allSatisfy { $0.edits.count == 1 && !$0.edits[0].isSafe && $0.edits[0].replacement == " percent" })
        let c = try #require(result.outcomes.first { $0.entry.id == "c" })
        #expect(c.diagnostics.filter { $0.rule == "style.percent" }.map(\.excerpt) == ["%"])
    }

    /// d prefers "%" (2 to 1) though the issue prefers "percent": its "%"s are reported across the issue,
    /// and the message says that this supersedes the article-level advice (which wants its "percent" changed).
    @Test func anIssueFindingSaysItIsIssueWideAndSupersedesTheArticlesAdvice() throws {
        let p = try Self.fixture(); defer { p.remove() }
        try p.write("Samples/d.html", Self.page("Delta", "Costs rose 2%, then 3%, then 1 percent."))
        let text = try String(contentsOf: p.root.appendingPathComponent("Workflows/w.yml"), encoding: .utf8)
            .replacingOccurrences(of: "  - {id: c, source: Samples/c.html}", with: "  - {id: c, source: Samples/c.html}\n  - {id: d, source: Samples/d.html}")
        let result = Runner(jobs: 1).run(try p.load(text), workingDirectory: p.root)
        let d = result.issueDiagnostics.filter { $0.rule == "style.percent" && $0.article == "d" }
        #expect(d.map(\.excerpt) == ["%", "%"])
        #expect(d.allSatisfy { $0.message.hasPrefix("Issue-wide: ") && $0.message.contains("supersedes lint.style’s advice for this article") && $0.message.contains("prefers “%”") })
        let a = result.issueDiagnostics.filter { $0.rule == "style.percent" && $0.article == "a" }
        #expect(!a.isEmpty && a.allSatisfy { $0.message.hasPrefix("Issue-wide: ") && !$0.message.contains("supersedes") })
    }

    @Test func aSuppressionInTheArticleCoversItsIssueFinding() throws {
        let p = try Self.fixture(); defer { p.remove() }
        try p.write("Samples/a.html", Self.page("Alpha", "<!-- kei-disable style.percent -->Exports rose 3%, then 4% and 5%."))
        let workflow = try p.load(try String(contentsOf: p.root.appendingPathComponent("Workflows/w.yml"), encoding: .utf8))
        let result = Runner(jobs: 1).run(workflow, workingDirectory: p.root)
        #expect(result.issueDiagnostics.filter { $0.rule == "style.percent" }.isEmpty)
        #expect(result.outcomes.first { $0.entry.id == "a" }?.suppressed == 3)
    }

    @Test func theBinaryReportsTheIssueFindings() throws {
        let p = try Self.fixture(); defer { p.remove() }
        let r = try CLIHarness.runBinary(["run", "w", "--report", "json:-"], in: p.root)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "\(r.err)")
        let found = (report["diagnostics"] as? [[String: Any]] ?? []).filter { $0["stage"] as? String == "lint.issue-consistency" }
        #expect(found.count == 3)
        #expect(found.allSatisfy { $0["file"] as? String == "Samples/a.html" && $0["line"] as? Int == 3 && $0["article"] as? String == "a" })
    }
}
