import Foundation
import Testing
import KeiStages
import KeiTestSupport

/// Issue 6 follow-ups through the real `kei-pipeline` binary, checked in the JSON report and the
/// DTD-valid JATS: an agency after a group author is a second `<collab>`, never an `<aff>`; a
/// `citation_author` "Surname, Given, Jr." is a `<name>` with `<suffix>`; a US-style `DC.date` of the
/// epoch (`12/31/1969`) is `ingest.placeholder-date` and a real numeric date is read.
@Suite(.serialized) struct MetadataAgencySuffixDateEndToEndTests {
    static func page(head: String = "", byline: String = "<p class=\"byline\">By Jane Doe</p>", after: String = "") -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title>\(head)</head><body><article><h1>T</h1>\(byline)\(after)
        <p>Alliances in Northeast Asia depend on consultation, and this paragraph carries the argument with enough words to be scored as article text by any reasonable reader.</p>
        </article></body></html>
        """
    }

    static let agencies = ["Yonhap", "AFP", "AP", "Kyodo", "Xinhua", "NK News"]

    @Test func agenciesSuffixesAndNumericDatesThroughTheBinary() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        var pages: [String: String] = [:]
        for (i, agency) in Self.agencies.enumerated() {
            pages["agency-\(i)"] = Self.page(byline: """
                <div class="byline"><span>By</span> <a href="/staff">Staff Reporter</a>, <a href="/agency">\(agency)</a></div>
                """)
        }
        let suffixes = ["Jr.", "Sr.", "II", "III"]
        for (i, suffix) in suffixes.enumerated() {
            pages["suffix-\(i)"] = Self.page(head: "<meta name=\"citation_author\" content=\"Seo-Whitfield, Hana, \(suffix)\">")
        }
        let epochs = ["12/31/1969", "31.12.1969", "12-31-1969", "01/01/1970", "12/31/1969 7:00:00 PM", "Wed, 31 Dec 1969 19:00:00 -0500"]
        for (i, raw) in epochs.enumerated() {
            pages["epoch-\(i)"] = Self.page(head: "<meta name=\"DC.date\" content=\"\(raw)\">", after: "<p>Published Dec. 3, 2024</p>")
        }
        pages["us-date"] = Self.page(head: "<meta name=\"DC.date\" content=\"12/03/2024\">")
        pages["eu-date"] = Self.page(head: "<meta name=\"DC.date\" content=\"25.12.2024\">")
        for (id, html) in pages { try p.write("pages/\(id).html", html) }
        let c = try MetadataEndToEndTests.check(pages.keys.sorted().map { "pages/\($0).html" }, in: p.root)
        #expect(c.code == 0)

        for (i, agency) in Self.agencies.enumerated() {
            let id = "agency-\(i)"
            #expect(c.authors(id).map { "\($0.name)/\($0.kind)" } == ["Staff Reporter/group", "\(agency)/group"], "\(id)")
            let jats = try #require(c.jats[id])
            #expect(jats.contains("<collab>Staff Reporter</collab>") && jats.contains("<collab>\(agency)</collab>"), "\(id)")
            #expect(!jats.contains("<aff") && !jats.contains("ref-type=\"aff\""), "\(id)")
        }

        for (i, suffix) in suffixes.enumerated() {
            let jats = try #require(c.jats["suffix-\(i)"])
            #expect(jats.contains("""
                <surname>Seo-Whitfield</surname>
                            <given-names>Hana</given-names>
                            <suffix>\(suffix)</suffix>
                """), "\(suffix): \(jats)")
            #expect(!jats.contains("<string-name>"), "\(suffix)")
        }

        for (i, raw) in epochs.enumerated() {
            let id = "epoch-\(i)"
            #expect(c.metadata(id)["pub_date"] as? String == "2024-12-03", "\(raw)")
            let w = c.diagnostics(id, "ingest.placeholder-date")
            #expect(w.count == 1 && w.allSatisfy { $0["severity"] as? String == "warning" && $0["line"] is Int && $0["column"] is Int },
                    "\(raw): \(c.diagnostics.filter { $0["article"] as? String == id })")
            #expect(c.diagnostics(id, "ingest.date-invalid").isEmpty, "\(raw)")
            #expect(c.jats[id]?.contains("iso-8601-date=\"2024-12-03\"") == true, "\(raw)")
            #expect(c.jats[id]?.contains("1969") == false && c.jats[id]?.contains("1970") == false, "\(raw)")
        }
        #expect(c.metadata("us-date")["pub_date"] as? String == "2024-12-03")
        #expect(c.metadata("eu-date")["pub_date"] as? String == "2024-12-25")
        for id in ["us-date", "eu-date"] {
            #expect(c.diagnostics(id, "ingest.date-invalid").isEmpty && c.diagnostics(id, "ingest.metadata-missing").isEmpty, "\(id)")
        }
    }
}
