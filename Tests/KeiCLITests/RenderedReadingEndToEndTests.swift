import Foundation
import Testing
import KeiStages
import KeiTestSupport

/// Issue 6, items 3, 4, 5 and 7, through the real `kei-pipeline` binary: the shared ingest-case pages
/// and variants written here (hidden text in several spellings, unsafe links, an XHTML internal subset,
/// misnested lists).
@Suite(.serialized) struct RenderedReadingEndToEndTests {
    typealias Checked = PageCheck

    /// Runs `kei-pipeline check PAGE --report json:-` (plus `extra`); the JATS must be valid.
    func check(_ page: URL, _ extra: [String] = []) throws -> Checked {
        let c = try PageCheck.run(page, arguments: extra)
        #expect(c.jatsProblems.isEmpty, "\(page.lastPathComponent): \(c.jatsProblems)")
        return c
    }

    func casePage(_ name: String) -> URL {
        TestPaths.shared.appendingPathComponent("testdata/ingest-cases/\(name).html")
    }

    func writePage(_ html: String, name: String) throws -> (URL, URL) {
        let dir = TestPaths.temporaryDirectory("kei-e2e-page")
        let file = dir.appendingPathComponent("\(name).html")
        try Data(html.utf8).write(to: file)
        return (dir, file)
    }

    @Test(.enabled(if: TestPaths.sharedExists, "needs ../shared"))
    func misnestedListsAreRebuiltWithAWarning() throws {
        let c = try check(casePage("list-misnested"))
        #expect(c.code == 0)
        let repaired = c.rules("ingest.markup-repaired")
        #expect(repaired.count == 1 && repaired.first?["severity"] as? String == "warning" && repaired.first?["line"] as? Int == 25)
        // One ordered list: the inner list under "Set the negotiating calendar", the later items in the same list.
        let ordered = try #require(c.jats.range(of: "<list list-type=\"order\">"))
        let rest = c.jats[ordered.upperBound...]
        let calendar = try #require(rest.range(of: "Set the negotiating calendar"))
        let inner = try #require(rest.range(of: "publish the calendar to both legislatures"))
        let review = try #require(rest.range(of: "<p>Fix a review date</p>"))
        let report = try #require(rest.range(of: "<p>Report the outcome jointly</p>"))
        #expect(calendar.lowerBound < inner.lowerBound && inner.lowerBound < review.lowerBound && review.lowerBound < report.lowerBound)
        let between = rest[inner.upperBound..<review.lowerBound]
        #expect(between.contains("</list>") && between.contains("<list-item>"), "the next item is in the same list:\n\(between)")
        #expect(!rest[..<report.upperBound].contains("</list>\n    <p>"), "no item became a loose paragraph")
        #expect(c.jats.components(separatedBy: "<list list-type=\"order\">").count == 2)
    }

    @Test(.enabled(if: TestPaths.sharedExists, "needs ../shared"))
    func aDataTableOfLinksIsKept() throws {
        let c = try check(casePage("table-of-links"))
        #expect(c.code == 0)
        #expect(c.jats.contains("<table-wrap"))
        for cell in ["Consolidated designations", "XML feed", "Entity list", "Plain-text file", "irregular"] {
            #expect(c.jats.contains(cell), "\(cell) kept")
        }
        #expect(c.jats.contains("xlink:href=\"https://d.example/entity-list.txt\""))
        #expect(!c.jats.contains("Another post") && !c.jats.contains(">Home<"), "the page's chrome is still removed")
    }

    @Test(.enabled(if: TestPaths.sharedExists, "needs ../shared"))
    func tableCellsKeepTheirLists() throws {
        let c = try check(casePage("table-cell-blocks"))
        #expect(c.code == 0)
        let cell = try #require(c.jats.range(of: "<td>\n              <list list-type=\"bullet\">"), "\(c.jats)")
        #expect(c.jats[cell.upperBound...].prefix(400).contains("appeals to a ministry panel"))
    }

    @Test(.enabled(if: TestPaths.sharedExists, "needs ../shared"))
    func blocksInsideLinksAndEmphasisKeepThem() throws {
        let c = try check(casePage("block-in-inline"))
        #expect(c.code == 0)
        #expect(c.jats.contains("<p><ext-link ext-link-type=\"uri\" xlink:href=\"https://example.org/recommendation\">Recommendation one: publish the review schedule a full year ahead.</ext-link></p>"))
        #expect(c.jats.contains("xlink:href=\"https://example.org/recommendation\">Recommendation two:"))
        #expect(c.jats.contains("<p><italic>an entire quoted passage in italics</italic></p>"))
        #expect(c.jats.contains("<italic>where an editor wraps</italic>"))
        #expect(c.jats.contains("<bold>Key finding: delays averaged eleven weeks.</bold>"))
        #expect(!c.jats.contains("<p>, which"), "the sentence's tail stays with its emphasis")
    }

    static let variantPage = """
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd" [
          <!ENTITY kei "Korea Economic Institute">
          <!ENTITY % extra SYSTEM "extra.ent">
        ]>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><title>Variant Reading Page</title>
        <link rel="canonical" href="https://kei.example/papers/variant-reading" />
        <meta name="citation_publication_date" content="2025-02-03" /></head>
        <body><main><article><h1>Variant Reading Page</h1>
        <h2 class="subtitle" style="Display: NONE">SECRET subtitle</h2>
        <div class="byline" hidden="hidden">By Secret Author</div>
        <div class="byline">By Visible Author</div>
        <p>The first paragraph is visible text, long enough to be read as the article body of this page and more.</p>
        <div style="visibility:&#10;hidden">SECRET block that a browser never shows to anyone reading the page.</div>
        <p aria-hidden="true">SECRET screen-reader hidden paragraph.</p>
        <noembed>SECRET noembed</noembed>
        <p>Links: <a href="java&#x09;script:alert(1)">first link</a>, <a href="  VBScript:msgbox(1)">second link</a>,
        <a href="data:text/html;base64,PHNjcmlwdD4=">third link</a> and <a href="/papers/other">fourth link</a>.</p>
        <ul><li>Alpha step</li><ol><li>alpha detail</li></ol><li>Beta step</li></ul>
        <p>The last paragraph is visible text as well, long enough to be read as the article body of this page.</p>
        </article></main></body></html>
        """

    @Test func variantsOfHiddenTextUnsafeLinksAndMisnestingThroughTheBinary() throws {
        let (dir, page) = try writePage(Self.variantPage, name: "variant-reading")
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = try check(page, ["--show-info"])
        #expect(c.code == 0, "warnings do not fail the default gate")
        #expect(!c.jats.contains("SECRET") && !c.jats.contains("ENTITY") && !c.jats.contains("]&gt;"), "\(c.jats)")
        let article = try #require((c.report["articles"] as? [[String: Any]])?.first)
        let metadata = try #require(article["metadata"] as? [String: Any])
        let json = String(decoding: try JSONSerialization.data(withJSONObject: metadata), as: UTF8.self)
        #expect(!json.contains("SECRET") && !json.contains("Secret"), "\(json)")
        #expect((metadata["authors"] as? [[String: Any]])?.first?["name"] as? String == "Visible Author")
        #expect(c.rules("ingest.unsafe-link").count == 3)
        for text in ["first link", "second link", "third link"] { #expect(c.jats.contains(text)) }
        #expect(c.jats.contains("xlink:href=\"https://kei.example/papers/other\">fourth link</ext-link>"))
        #expect(!c.jats.lowercased().contains("script:") && !c.jats.contains("data:"))
        #expect(c.rules("ingest.markup-repaired").count == 1)
        #expect(c.jats.contains("Alpha step</p>\n        <list list-type=\"order\">"), "\(c.jats)")

        let strict = try check(page, ["--strict"])
        #expect(strict.code == 1, "under --strict the warnings fail the gate")
    }
}
