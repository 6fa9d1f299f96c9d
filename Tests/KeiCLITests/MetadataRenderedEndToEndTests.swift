import Foundation
import Testing
import KeiStages
import KeiTestSupport

/// Issue 6 through the real `kei-pipeline` binary: metadata read from what the page shows leaves out
/// scripts, styles, noscript and hidden text as the body does; the journal's name is stripped from
/// titles; structured-data names are cleaned; group authors are never affiliations.
@Suite(.serialized) struct MetadataRenderedEndToEndTests {
    static let paragraph = "<p>Alliances in Northeast Asia depend on consultation, and this paragraph carries the argument with enough words to be scored as article text.</p>"

    static func page(head: String, h1: String, byline: String = "<p class=\"byline\">By Jane Doe</p>") -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">\(head)</head><body><article><h1>\(h1)</h1>\(byline)
        \(paragraph)
        </article></body></html>
        """
    }

    @Test func renderedTitlesJournalNamesAndAuthorsThroughTheBinary() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/journals/prq.yml", "title: Policy Review Quarterly\nabbreviated-title: PRQ\npublisher: Example Press\n")
        try p.write("Workflows/default.yml", """
            name: check
            journal: journals/prq.yml
            stages:
              - ingest.html
              - check.metadata
              - emit.jats
            gates:
              fail-on: error
            """)
        let pages: [String: String] = [
            "no-title-tag": Self.page(head: "", h1: "Visible Title<script>SCRIPTH1()</script><style>.x{}</style><noscript>NOSCRIPTH1</noscript>"),
            "hidden-span": Self.page(head: "<title>Visible Title | Korea Policy</title>", h1: "Visible Title<span hidden>HIDDENH1</span>"),
            "display-none": Self.page(head: "<title>Visible Title | Korea Policy</title>",
                                      h1: "Visible Title<span style=\"DISPLAY : NONE !important\">HIDDENH1</span>"),
            "script-in-title": Self.page(head: "<title>Visible Title<script>SCRIPTTITLE()</script> | Korea Policy</title>", h1: "Visible Title"),
            "journal-only": "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Visible Title | Korea Policy</title></head><body><article><p class=\"byline\">By Jane Doe</p>\(Self.paragraph)</article></body></html>",
            "configured-journal": "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>PRQ - Visible Title</title></head><body><article><p class=\"byline\">By Jane Doe</p>\(Self.paragraph)</article></body></html>",
            "jsonld-person": Self.page(head: """
                <title>Visible Title</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Visible Title","author":[{"@type":"Organization","name":"Yonhap"},{"@type":"Person","name":"Dr. Park Ji&#45;won, PhD"}]}</script>
                """, h1: "Visible Title", byline: ""),
            "group-authors": Self.page(head: """
                <title>Visible Title</title><meta name="citation_author" content="Kim, Minho"><meta name="citation_author" content="KEI Staff"><meta name="citation_author" content="Reuters">
                """, h1: "Visible Title", byline: "<p class=\"byline\">By Minho Kim, KEI Staff and Reuters</p>"),
        ]
        for (id, html) in pages { try p.write("pages/\(id).html", html) }
        let ids = pages.keys.sorted()
        let c = try MetadataEndToEndTests.check(ids.map { "pages/\($0).html" }, in: p.root)
        #expect(c.code == 0)

        for id in ids {
            #expect(c.metadata(id)["title"] as? String == "Visible Title", "\(id)")
            #expect(c.diagnostics(id, "ingest.metadata-conflict").isEmpty, "\(id)")
            let jats = try #require(c.jats[id])
            #expect(jats.contains("<article-title>Visible Title</article-title>"), "\(id)")
            for unseen in ["SCRIPTH1", "NOSCRIPTH1", ".x{}", "HIDDENH1", "SCRIPTTITLE", "Korea Policy</article-title>"] {
                #expect(!jats.contains(unseen), "\(id): \(unseen)")
            }
            // The heading that repeats the title is not a section title of the body.
            #expect(!jats.contains("<title>Visible Title</title>"), "\(id)")
        }

        #expect(c.authors("jsonld-person").map { "\($0.name)/\($0.kind)" } == ["Yonhap/group", "Park Ji-won/person"])
        let person = try #require(c.jats["jsonld-person"])
        #expect(!person.contains("Dr.") && !person.contains("PhD"))

        let group = try #require(c.jats["group-authors"])
        #expect(c.authors("group-authors").map { "\($0.name)/\($0.kind)" } == ["Kim, Minho/person", "KEI Staff/group", "Reuters/group"])
        #expect((c.metadata("group-authors")["authors"] as? [[String: Any]] ?? []).allSatisfy { $0["affiliation"] == nil || $0["affiliation"] is NSNull })
        #expect(!group.contains("<aff") && !group.contains("ref-type=\"aff\""))
        #expect(group.contains("<collab>KEI Staff</collab>") && group.contains("<collab>Reuters</collab>"))
        #expect(group.contains("<surname>Kim</surname>"))
    }
}
