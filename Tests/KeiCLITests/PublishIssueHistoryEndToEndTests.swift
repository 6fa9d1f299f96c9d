import Foundation
import Testing
import KeiStages
import KeiTestSupport

/// Issue outputs across runs, through the real binary: a DOI keeps its article (`crossref/dois.txt`), a
/// refused deposit goes beside the accepted one, a blocked run names the issue files it left stale, and the
/// index links the proofs and the dashboard.
@Suite(.serialized) struct PublishIssueHistoryEndToEndTests {
    static func workflow(timestamp: String, batch: String, articles: [String]) -> String {
        """
        journal: journals/j.yml
        volume: 3
        number: 2
        cover-date: 2025-12-15
        deposit:
          batch-id: \(batch)
          timestamp: "\(timestamp)"
        articles:
        \(articles.map { "  - \($0)" }.joined(separator: "\n"))
        stages:
          - ingest.html
          - emit.jats
          - emit.issue
          - emit.crossref
          - emit.proof
        """
    }

    static func article(_ id: String, source: Bool = true) -> String {
        "id: \(id)\n    title: Article \(id.uppercased())\n    authors: [Laura J. Brennan]\n    "
            + (source ? "status: approved\n    source: Samples/a.html" : "status: commissioned")
    }

    @Test(.enabled(if: CrossrefSchema.available, "needs ../shared/crossref/5.3.1"))
    func depositsKeepTheirDOIsTheAcceptedFileAndStaleFilesAreNamed() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/journals/j.yml", PublishIssueEndToEndTests.journal)
        let out = p.root.appendingPathComponent("out/w")
        func run() throws -> (code: Int32, text: String) {
            let r = try CLIHarness.runBinary(["run", "w", "--output", "out/w"], in: p.root)
            return (r.code, r.out + r.err)
        }
        // b's authors are written inverted, as a byline sometimes prints them.
        let inverted = Self.article("b").replacingOccurrences(of: "authors: [Laura J. Brennan]", with: """
        authors:
              - name: "Kwak, Min-seo"
                surname: Kwak
                given-names: Min-seo
              - name: "Seo-Whitfield, Hana"
                surname: Seo-Whitfield
                given-names: Hana
        """)
        try p.write("Workflows/w.yml", Self.workflow(timestamp: "20251215090000", batch: "kp-001", articles: [Self.article("a"), inverted]))
        let first = try run()
        #expect(first.code == 0, "\(first.text)")
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("<div class=\"authors\">Min-seo Kwak, Hana Seo-Whitfield</div>"), "\(html)")
        for link in [EmitProofStage.proofPath(for: "a"), EmitProofStage.proofPath(for: "b"), EmitProofStage.dashboardPath] {
            #expect(html.contains("href=\"\(link)\""), "index links \(link)")
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(link).path), "\(link) exists")
        }
        let deposit = out.appendingPathComponent("crossref/w-deposit.xml")
        let accepted = try Data(contentsOf: deposit)

        // A new article in front: it would take a's DOI. Refused, written aside, the accepted deposit kept.
        try p.write("Workflows/w.yml", Self.workflow(timestamp: "20251216090000", batch: "kp-002",
                                                     articles: [Self.article("n"), Self.article("a"), Self.article("b")]))
        let moved = try run()
        #expect(moved.code == 1)
        #expect(moved.text.contains("error: article 'n' would get the DOI 10.5555/kp.3.2.01, which was deposited for article 'a'")
                && moved.text.contains("[emit.crossref.doi-reassigned]"), "\(moved.text)")
        #expect(try Data(contentsOf: deposit) == accepted)
        let rejected = out.appendingPathComponent("crossref/w-deposit.rejected.xml")
        let lint = try CrossrefSchema.validate(file: rejected)
        #expect(lint.passed, "the refused deposit is still a reviewable, schema-valid file: \(lint.messages)")

        // An article awaits its manuscript: the publishing stages are blocked and name their stale files.
        try p.write("Workflows/w.yml", Self.workflow(timestamp: "20251217090000", batch: "kp-003",
                                                     articles: [Self.article("a"), Self.article("b"), Self.article("c", source: false)]))
        let blocked = try run()
        let lines = blocked.text.split(separator: "\n").filter { $0.contains("[pipeline.issue-stage-blocked]") }
        #expect(lines.count == 2, "\(blocked.text)")
        #expect(lines.first { $0.contains("emit.issue did not run") }?.contains("stale (they may disagree with this run's output): out/w/issue-toc.xml, out/w/index.html.") == true, "\(lines)")
        #expect(lines.first { $0.contains("emit.crossref did not run") }?.contains("out/w/crossref/w-deposit.xml") == true, "\(lines)")
    }
}
