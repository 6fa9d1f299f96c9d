import Foundation
import Testing
import KeiStages
import KeiTestSupport

/// Through the real binary: the quotation, URL and identifier rules of `check.citations` on a page of
/// our own and on the seed sample, and `--check-links` against a local server on 127.0.0.1 (a 404, a
/// permanent redirect, a link that works; nothing requested without the flag; the cache file read on a
/// second run).
@Suite(.serialized) struct CitationSourceChecksEndToEndTests {
    static func page(_ body: String, notes: [String]) -> String {
        let markers = notes.indices.map { "<sup><a href=\"#fn\($0 + 1)\" id=\"fnref\($0 + 1)\">\($0 + 1)</a></sup>" }.joined()
        let items = notes.indices.map { "<li id=\"fn\($0 + 1)\">\(notes[$0]) <a href=\"#fnref\($0 + 1)\">↩</a></li>" }.joined()
        return """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="citation_publication_date" content="2025/12/15"><title>T</title></head><body><article><h1>T</h1>
            <p>Alliances in Northeast Asia depend on consultation, and this paragraph carries the argument with enough words to be scored as article text.\(markers)</p>
            \(body)
            <h2>Notes</h2><ol>\(items)</ol>
            </article></body></html>
            """
    }

    func excerpts(_ c: PageCheck, _ rule: String) -> [String] { c.rules(rule).compactMap { $0["excerpt"] as? String } }

    @Test func theSeedsQuotationWithoutASourceIsReported() throws {
        let dir = TestPaths.temporaryDirectory("kei-cite-seed")
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = try PageCheck.run(TestPaths.root.appendingPathComponent("Samples/issue-3-2/allying-against-adversaries.html"), in: dir)
        let found = c.rules("check.citations.quotation-without-source")
        #expect(found.count == 1)
        #expect((found.first?["excerpt"] as? String)?.hasPrefix("“unwavering commitment to the") == true)
        #expect(found.first?["severity"] as? String == "warning")
    }

    @Test func notesWithBadAddressesAndIdentifiersAreReportedAtTheirWords() throws {
        let dir = TestPaths.temporaryDirectory("kei-cite-ids")
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = try PageCheck.run(html: Self.page(
            "<p>The full text is at https://www.example.org/declaration for every reader to see.</p>",
            notes: [
                "The White House, “Declaration,” 2023, https://www.whitehouse.gov/declaration/.",
                "The White House, “Fact Sheet,” 2023, http://www.whitehouse.gov/fact-sheet/.",
                "CSIS, “Allies,” 2024, https://www.csis.org/allies?utm_source=newsletter&amp;id=7.",
                "Ministry, <em>Paper</em>, htp://www.unikorea.go.kr/paper.",
                "Kim, “Politics,” doi:10.12/abc; Doe, <em>Seoul</em>, ISBN 978-0-306-40615-6.",
                "Lee, “Survey,” accessed January 5, 2026, https://www.kinu.or.kr/survey.",
                "Park, <em>Alliance</em> (Seoul: Hanul, 2019, 45.",
            ]), name: "ids", in: dir, arguments: ["--fix"])
        #expect(excerpts(c, "check.citations.bare-url") == ["https://www.example.org/declaration"])
        #expect(excerpts(c, "check.citations.url-http") == ["http"])
        #expect(excerpts(c, "check.citations.url-syntax") == ["htp://www.unikorea.go.kr/paper"])
        #expect(excerpts(c, "check.citations.doi-syntax") == ["10.12/abc"])
        #expect(excerpts(c, "check.citations.isbn-invalid") == ["978-0-306-40615-6"])
        #expect(excerpts(c, "check.citations.accessed-after-publication") == ["January 5, 2026"])
        #expect(excerpts(c, "check.citations.note-unbalanced") == ["("])
        // The tracking parameter is removed by --fix: a change, and the JATS carries the clean address.
        let changes = c.report["changes"] as? [[String: Any]] ?? []
        #expect(changes.contains { $0["rule"] as? String == "check.citations.url-tracking" })
        #expect(c.jats.contains("https://www.csis.org/allies?id=7"))
        #expect(!c.jats.contains("utm_source"))
        #expect(c.jatsProblems.isEmpty, "\(c.jatsProblems)")
    }

    static func linkServer() throws -> LocalHTTPServer {
        try LocalHTTPServer { _, path, _ in
            switch path {
            case "/ok": return .init(200)
            case "/moved": return .init(301, headers: ["Location": "/ok"])
            case "/selfloop": return .init(302, headers: ["Location": "/selfloop"])
            default: return .init(404)
            }
        }
    }

    @Test func checkLinksReportsBrokenAndMovedAddressesAndCachesTheAnswers() throws {
        let server = try Self.linkServer()
        defer { server.stop() }
        let dir = TestPaths.temporaryDirectory("kei-check-links")
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = Self.page("<p>See <a href=\"\(server.url("/ok"))\">the ministry’s report</a> on the talks held that week.</p>", notes: [
            "Ministry, “Statement,” 2024, \(server.url("/gone")).",
            "Ministry, “Report,” 2024, \(server.url("/moved")).",
        ])
        let page = dir.appendingPathComponent("links.html")
        try Data(html.utf8).write(to: page)
        let out = dir.appendingPathComponent("out")

        // Without the flag nothing is requested.
        let quiet = try CLIHarness.runBinary(["check", page.path, "--output", out.path, "--report", "json:-"], in: dir)
        #expect(!quiet.out.contains("check.citations.link-"))
        #expect(server.requests.isEmpty)

        let run = { try CLIHarness.runBinary(["check", page.path, "--output", out.path, "--report", "json:-", "--check-links"], in: dir) }
        let first = try run()
        let report = try #require(try JSONSerialization.jsonObject(with: Data(first.out.utf8)) as? [String: Any])
        let diagnostics = report["diagnostics"] as? [[String: Any]] ?? []
        let broken = diagnostics.filter { $0["rule"] as? String == "check.citations.link-broken" }
        #expect(broken.count == 1)
        #expect(broken.first?["excerpt"] as? String == server.url("/gone"))
        #expect(broken.first?["severity"] as? String == "warning")
        let moved = diagnostics.filter { $0["rule"] as? String == "check.citations.link-redirect" }
        #expect(moved.count == 1)
        #expect((moved.first?["message"] as? String)?.contains(server.url("/ok")) == true)
        #expect(moved.first?["severity"] as? String == "info")
        #expect(!diagnostics.contains { ($0["rule"] as? String)?.hasPrefix("check.citations.link-") == true && ($0["excerpt"] as? String) == "the ministry’s report" })
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("link-cache.json").path))
        let requested = server.requests.count
        #expect(requested >= 3)

        // A second run reads the cache: the same findings, no request.
        let second = try run()
        #expect(server.requests.count == requested)
        #expect(second.out.components(separatedBy: "check.citations.link-broken").count == first.out.components(separatedBy: "check.citations.link-broken").count)
    }

    /// A redirect loop is reported, not followed without end; an address with and without a fragment is one request.
    @Test func checkLinksReportsRedirectLoopsAndIgnoresFragments() throws {
        let server = try Self.linkServer()
        defer { server.stop() }
        let dir = TestPaths.temporaryDirectory("kei-check-links-loop")
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = Self.page("<p>The talks were held that week in the capital of the country.</p>", notes: [
            "Ministry, “Statement,” 2024, \(server.url("/selfloop")).",
            "Ministry, “Report,” 2024, \(server.url("/ok"))#section-2.",
            "Ministry, “Report,” 2024, \(server.url("/ok")).",
        ])
        let page = dir.appendingPathComponent("loop.html")
        try Data(html.utf8).write(to: page)
        let run = try CLIHarness.runBinary(["check", page.path, "--output", dir.appendingPathComponent("out").path, "--report", "json:-", "--check-links"], in: dir)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let diagnostics = report["diagnostics"] as? [[String: Any]] ?? []
        let loop = diagnostics.filter { $0["rule"] as? String == "check.citations.link-status" }
        #expect(loop.count == 1)
        #expect((loop.first?["message"] as? String)?.contains("redirect loop") == true)
        #expect(server.hits("/selfloop") <= 2)
        #expect(server.requests.filter { $0.hasSuffix(" /ok") }.count == 1)
    }
}
