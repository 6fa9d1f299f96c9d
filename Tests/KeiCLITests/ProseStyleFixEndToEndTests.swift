import Foundation
import Testing
import KeiCore
import KeiStages
import KeiTestSupport

/// The prose-mechanics rules through the real binary with `--fix` (the project's `Workflows/default.yml`):
/// each safe typography and number fix is applied and listed as a change, the unsafe ones stay as
/// findings, the JATS holds the corrected text and stays DTD-valid, and the corrected page has nothing
/// left to fix.
@Suite(.serialized) struct ProseStyleFixEndToEndTests {
    static let workflow = ["--workflow", TestPaths.workflows.appendingPathComponent("default.yml").path]

    /// The rules under test (the page is too short for the manuscript rules, which are not these).
    static let rules: Set<String> = ["style.repeated-word", "style.straight-quotes", "style.hyphen-as-dash", "style.spaced-em-dash",
                                     "style.double-space", "style.space-before-punctuation", "style.ellipsis",
                                     "style.number-spell-out", "style.thousands-separator", "style.sentence-length",
                                     "style.en-dash-range", "style.digit-grouping"]

    static let page = """
    <html lang="en"><head><meta charset="utf-8"><title>Alliances in Review</title>
    <meta name="citation_title" content="Alliances in Review"><meta name="citation_author" content="Kim Example">
    <meta name="citation_publication_date" content="2025-12-15"></head>
    <body><article><h1>Alliances in Review</h1>
    <p>Seoul called it "a new chapter" in the alliance's history - and Tokyo agreed.</p>
    <p>About 28500 U.S. troops stay on the peninsula \u{2014} for now , officials said...</p>
    <p>The ministry sent 3 officials to the talks in Busan.</p>
    </article></body></html>
    """

    static let corrected = """
    <html lang="en"><head><meta charset="utf-8"><title>Alliances in Review</title>
    <meta name="citation_title" content="Alliances in Review"><meta name="citation_author" content="Kim Example">
    <meta name="citation_publication_date" content="2025-12-15"></head>
    <body><article><h1>Alliances in Review</h1>
    <p>Seoul called it “a new chapter” in the alliance’s history—and Tokyo agreed.</p>
    <p>About 28,500 U.S. troops stay on the peninsula—for now, officials said…</p>
    <p>The ministry sent three officials to the talks in Busan.</p>
    </article></body></html>
    """

    static func check(_ html: String, fix: Bool) throws -> (report: [String: Any], jats: String) {
        let dir = TestPaths.temporaryDirectory("kei-prose-fix")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("review.html")
        try Data(html.utf8).write(to: file)
        let out = dir.appendingPathComponent("out")
        let r = try CLIHarness.runBinary(["check", file.path, "--output", out.path, "--report", "json:-"] + (fix ? ["--fix"] : []) + workflow, in: dir)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "json: \(r.out) \(r.err)")
        let jatsFile = out.appendingPathComponent("jats/review.xml")
        if XMLLint.dtdsAvailable {
            let lint = try XMLLint.validate(file: jatsFile)
            #expect(lint.passed, "DTD-valid: \(lint.stderr)")
        }
        return (report, try String(contentsOf: jatsFile, encoding: .utf8))
    }

    @Test func safeFixesAreAppliedAndListedUnsafeOnesStay() throws {
        let (report, jats) = try Self.check(Self.page, fix: true)
        let changes = report["changes"] as? [[String: Any]] ?? []
        let byRule = Dictionary(grouping: changes, by: { $0["rule"] as? String ?? "" }).mapValues(\.count)
        #expect(byRule == ["style.straight-quotes": 3, "style.hyphen-as-dash": 1, "style.thousands-separator": 1,
                           "style.spaced-em-dash": 1, "style.space-before-punctuation": 1, "style.ellipsis": 1], "\(changes)")
        #expect(changes.allSatisfy { $0["stage"] as? String == "lint.style" && $0["line"] as? Int != nil })
        let left = (report["diagnostics"] as? [[String: Any]] ?? []).filter { Self.rules.contains($0["rule"] as? String ?? "") }
        #expect(left.map { $0["rule"] as? String } == ["style.number-spell-out"], "the unsafe spell-out stays: \(left)")
        #expect(jats.contains("Seoul called it “a new chapter” in the alliance’s history—and Tokyo agreed."), "\(jats)")
        #expect(jats.contains("About 28,500 U.S. troops stay on the peninsula—for now, officials said…"), "\(jats)")
        #expect(jats.contains("The ministry sent 3 officials"))
    }

    @Test func theCorrectedPageHasNothingLeftToFix() throws {
        let (report, jats) = try Self.check(Self.corrected, fix: true)
        #expect((report["changes"] as? [Any])?.isEmpty == true, "\(report["changes"] ?? "")")
        let left = (report["diagnostics"] as? [[String: Any]] ?? []).filter { Self.rules.contains($0["rule"] as? String ?? "") }
        #expect(left.isEmpty, "\(left)")
        #expect(jats.contains("About 28,500 U.S. troops"))
    }

    /// Breaker report §1.4, 1.6, 1.7 and §5 through the binary: the entity double space, an elision, four
    /// dots, a page range in a note and an amount after a currency code are fixed; a ratio and a score are
    /// left alone; "9,4" and a dash between two names are only suggested.
    @Test func breakerCasesFixedOrSuggested() throws {
        let page = """
        <html lang="en"><head><meta charset="utf-8"><title>Alliances in Review</title>
        <meta name="citation_title" content="Alliances in Review"><meta name="citation_author" content="Kim Example">
        <meta name="citation_publication_date" content="2025-12-15"></head>
        <body><article><h1>Alliances in Review</h1>
        <p>The talks ended in May.&nbsp; Rock 'n' roll diplomacy followed, and the envoy left.... The ratio was 3 : 1.</p>
        <p>The bill came to KRW 9000000000000, Seoul has 9,4 million people, and the Seoul - Washington talks went on.<sup><a href="#fn1" id="fnref1">1</a></sup></p>
        <ol class="footnotes"><li id="fn1"><p>Kim, <em>Alliances</em> (Seoul: KEI, 2024), pp. 12-14; the F-35 on 2025-12-15.</p></li></ol>
        </article></body></html>
        """
        let (report, jats) = try Self.check(page, fix: true)
        let changes = report["changes"] as? [[String: Any]] ?? []
        let byRule = Dictionary(grouping: changes, by: { $0["rule"] as? String ?? "" }).mapValues(\.count)
        #expect(byRule == ["style.double-space": 1, "style.straight-quotes": 2, "style.ellipsis": 1, "style.thousands-separator": 1,
                           "style.en-dash-range": 1], "\(changes)")
        let left = (report["diagnostics"] as? [[String: Any]] ?? []).filter { Self.rules.contains($0["rule"] as? String ?? "") }
        #expect(left.compactMap { $0["rule"] as? String }.sorted() == ["style.digit-grouping", "style.hyphen-as-dash"], "\(left)")
        #expect(jats.contains("The talks ended in May. Rock ’n’ roll diplomacy followed, and the envoy left. … The ratio was 3 : 1."), "\(jats)")
        #expect(jats.contains("KRW 9,000,000,000,000, Seoul has 9,4 million people, and the Seoul - Washington talks"), "\(jats)")
        #expect(CitationLinks.notes(in: jats).contains("pp. 12–14; the F-35 on 2025-12-15."), "\(jats)")
    }
}
