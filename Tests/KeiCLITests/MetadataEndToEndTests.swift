import Foundation
import Testing
import KeiStages
import KeiTestSupport

/// Issue 6, item 8 through the real `kei-pipeline` binary: the shared ingest-case pages and variants
/// written here (other spellings, positions, encodings), checked in the JSON report and the JATS.
@Suite(.serialized) struct MetadataEndToEndTests {
    struct Checked {
        var articles: [String: [String: Any]] = [:]
        var diagnostics: [[String: Any]] = []
        var jats: [String: String] = [:]
        var code: Int32 = 0

        func metadata(_ id: String) -> [String: Any] { articles[id]?["metadata"] as? [String: Any] ?? [:] }
        func authors(_ id: String) -> [(name: String, kind: String)] {
            (metadata(id)["authors"] as? [[String: Any]] ?? []).map { ($0["name"] as? String ?? "", $0["kind"] as? String ?? "") }
        }
        func diagnostics(_ id: String, _ rule: String) -> [[String: Any]] {
            diagnostics.filter { $0["article"] as? String == id && $0["rule"] as? String == rule }
        }
    }

    /// Runs `check` on `files` (paths relative to `directory`), returning the report and every JATS file,
    /// each validated against the JATS DTD.
    static func check(_ files: [String], in directory: URL) throws -> Checked {
        let out = TestPaths.temporaryDirectory("kei-meta-e2e")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try CLIHarness.runBinary(["check"] + files + ["--output", out.path, "--report", "json:-"], in: directory)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "stderr: \(r.err)")
        var checked = Checked(code: r.code)
        for a in json["articles"] as? [[String: Any]] ?? [] { checked.articles[a["id"] as? String ?? ""] = a }
        checked.diagnostics = json["diagnostics"] as? [[String: Any]] ?? []
        for id in checked.articles.keys {
            let file = out.appendingPathComponent("jats/\(id).xml")
            let xml = try String(contentsOf: file, encoding: .utf8)
            checked.jats[id] = xml
            #expect(JATSStructureValidator.validate(xml).isEmpty, "\(id)")
            let lint = try XMLLint.validate(file: file)
            #expect(lint.passed, "\(id).xml DTD-valid: \(lint.stderr)")
        }
        return checked
    }

    @Test(.enabled(if: TestPaths.sharedExists, "needs ../shared"))
    func sharedIngestCasesGiveTheirStatedOutcome() throws {
        let dir = TestPaths.shared.appendingPathComponent("testdata/ingest-cases")
        let c = try Self.check(["related-authors.html", "epoch-date.html", "byline-and-inside-word.html"], in: dir)
        #expect(c.code == 0)

        #expect(c.metadata("related-authors")["title"] as? String == "Won\u{2019}t Blink: Reading Seoul\u{2019}s Export Controls")
        #expect(c.authors("related-authors").map(\.name) == ["Dana Imaginary"])
        #expect(c.metadata("related-authors")["pub_date"] as? String == "2024-10-02")
        #expect(c.diagnostics("related-authors", "ingest.metadata-conflict").isEmpty)
        let related = try #require(c.jats["related-authors"])
        for name in ["Lee Notreal", "Sam Fictional", "Ray Invented", "Notreal", "Fictional"] { #expect(!related.contains(name)) }
        #expect(related.components(separatedBy: "Imaginary").count == 2, "the author's name once in the JATS")
        #expect(!related.contains("&#8217;") && !related.contains("&amp;#"))

        #expect(c.metadata("epoch-date")["pub_date"] as? String == "2024-12-03")
        let epoch = c.diagnostics("epoch-date", "ingest.placeholder-date")
        #expect(epoch.count == 2)
        #expect(epoch.allSatisfy { $0["severity"] as? String == "warning" && $0["line"] is Int && $0["column"] is Int })
        #expect(c.jats["epoch-date"]?.contains("iso-8601-date=\"2024-12-03\"") == true)
        #expect(c.jats["epoch-date"]?.contains("1970") == false)

        #expect(c.authors("byline-and-inside-word").map(\.kind) == ["group"])
        let staff = try #require(c.jats["byline-and-inside-word"])
        #expect(staff.contains("<contrib contrib-type=\"author\">\n          <collab>The Standard Staff</collab>"))
        #expect(!staff.contains("<given-names>The Standard</given-names>"))
    }

    @Test func variantPagesThroughTheBinary() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        func page(_ name: String, head: String = "", body: String, title: String = "Trade Rules") throws {
            try p.write("pages/\(name).html", """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">\(head)</head>
                <body><main><article><h1>\(title)</h1>\(body)
                <p>Exporters should expect longer reviews for shipments routed through third countries this year.</p>
                </article></main></body></html>
                """)
        }
        try page("editorial-board", head: "<title>Trade Rules | The Daily</title>", body: "<p class=\"byline\">By The Editorial Board</p><p>Published Dec. 3, 2024</p>")
        try page("agency", head: "<title>Example: Trade Rules</title>", body: "<p class=\"byline\">By Reuters</p><p>Published December 3, 2024</p>")
        try page("institution", head: "<script type=\"application/ld+json\">{\"@type\":\"Report\",\"headline\":\"Trade Rules\",\"datePublished\":\"0\",\"author\":{\"@type\":\"Organization\",\"name\":\"Korea Economic Institute of America\"}}</script>",
                 body: "<p>Published Dec. 3, 2024</p>")
        try page("people", head: "<title>«Example Institute» | Trade Rules</title><meta property=\"article:published_time\" content=\"1969-12-31T19:00:00-05:00\">",
                 body: """
                 <p class="byline">By Dr. Jane Doe, PhD, John Roe &amp; Ann Poe</p><p class="date">Published Dec. 3, 2024</p>
                 <aside><div class="byline">By Lee Notreal</div></aside>
                 <section><h2>More from this author</h2><p class="byline">By Sam Fictional</p></section>
                 """)
        try page("entities", head: """
                 <meta name="citation_title" content="Won&amp;#8217;t Blink">
                 <meta property="og:title" content="WON'T  BLINK">
                 <script type="application/ld+json">{"@type":"Article","headline":"Won&#8217;t Blink","creator":["Dana Imaginary"],"datePublished":"1970-01-01 00:00:00"}</script>
                 """, body: "<div class=\"byline\"><a href=\"/p/d\">Dana Imaginary</a><span role=\"tooltip\">Dana Imaginary, Senior Fellow</span></div><p>Published December 3, 2024</p>",
                 title: "Won&#146;t Blink")
        try page("conflict", head: "<meta name=\"citation_title\" content=\"Trade Rules\">\n<meta property=\"og:title\" content=\"Tariff Season\">",
                 body: "<p class=\"byline\">By Jane Doe</p><p>Published December 3, 2024</p>")
        let ids = ["editorial-board", "agency", "institution", "people", "entities", "conflict"]
        let c = try Self.check(ids.map { "pages/\($0).html" }, in: p.root)
        #expect(c.code == 0, "\(c.diagnostics.filter { $0["severity"] as? String == "error" })")

        #expect(c.authors("editorial-board").map { "\($0.name)/\($0.kind)" } == ["The Editorial Board/group"])
        #expect(c.authors("agency").map { "\($0.name)/\($0.kind)" } == ["Reuters/group"])
        #expect(c.authors("institution").map { "\($0.name)/\($0.kind)" } == ["Korea Economic Institute of America/group"])
        for id in ["editorial-board", "agency", "institution"] {
            #expect(c.jats[id]?.contains("<collab>") == true && c.jats[id]?.contains("<surname>") == false, "\(id)")
            #expect(c.metadata(id)["title"] as? String == "Trade Rules", "\(id)")
            #expect(c.metadata(id)["pub_date"] as? String == "2024-12-03", "\(id)")
        }
        #expect(c.diagnostics("institution", "ingest.placeholder-date").count == 1)

        #expect(c.authors("people").map { "\($0.name)/\($0.kind)" } == ["Jane Doe/person", "John Roe/person", "Ann Poe/person"])
        #expect(c.metadata("people")["title"] as? String == "Trade Rules")
        #expect(c.metadata("people")["pub_date"] as? String == "2024-12-03")
        #expect(c.diagnostics("people", "ingest.placeholder-date").count == 1)
        #expect(c.jats["people"]?.contains("<surname>Doe</surname>") == true)

        #expect(c.metadata("entities")["title"] as? String == "Won\u{2019}t Blink")
        #expect(c.authors("entities").map(\.name) == ["Dana Imaginary"])
        #expect((c.metadata("entities")["authors"] as? [[String: Any]])?.first?["affiliation"] as? String == "Senior Fellow")
        #expect(c.diagnostics("entities", "ingest.metadata-conflict").isEmpty)
        #expect(c.metadata("entities")["pub_date"] as? String == "2024-12-03")

        let conflict = c.diagnostics("conflict", "ingest.metadata-conflict")
        #expect(conflict.count == 1)
        #expect(conflict.first?["line"] as? Int == 2 && conflict.first?["column"] as? Int == 36)
        #expect(conflict.first?["excerpt"] as? String == "Tariff Season")
    }
}
