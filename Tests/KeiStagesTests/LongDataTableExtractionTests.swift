import Foundation
import Testing
import KeiCore
import KeiDocument
@testable import KeiStages
import KeiTestSupport
import KeiXML

/// Breaker 22: a prose article holding a long data table (800 rows and more, each row a cell of
/// twenty-odd characters) was read as the table's cells alone, one paragraph each: every cell scored
/// as a paragraph, the table's body outscored the article, and the headings, the prose, the caption
/// and the table structure were lost without a diagnostic. A data table's cells now score nothing
/// (``ExtractionPass``), so the article keeps its text and the table stays a table, at any length.
@Suite struct LongDataTableExtractionTests {
    typealias R = RenderedReadingTests

    static let prose = "of the discussion of trade between the two allies, with enough words to read as prose and not as navigation or boilerplate text on a page."

    /// The breaker's page shape: a title, a heading and 20 paragraphs, `table` (its rows from `rows`),
    /// a second heading and 20 more paragraphs, all in one content `div` inside `<article>`.
    static func page(_ table: String) -> String {
        let first = (0..<20).map { "<p>Paragraph \($0) \(prose)</p>" }.joined()
        let second = (20..<40).map { "<p>Paragraph \($0) \(prose)</p>" }.joined()
        return """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A Very Long Table of Trade Data</title>
            <meta name="citation_title" content="A Very Long Table of Trade Data"><meta name="citation_author" content="Ann Example">
            <meta name="citation_publication_date" content="2025-12-15"></head>
            <body><main><article><h1>A Very Long Table of Trade Data</h1><div class="entry-content"><h2>Introduction</h2>\(first)
            \(table)
            <h2>Discussion</h2>\(second)<p>End of the article after the long table.</p></div></article></main></body></html>
            """
    }

    /// `count` rows of three cells: a label, a number, and 0 to 6 times "long text " (as the breaker's pages).
    static func rows(_ count: Int, cell: (Int) -> String = { "<td>\(String(repeating: "long text ", count: $0 % 7))</td>" }) -> String {
        (1...count).map { "<tr><td>Row \($0) 항목</td><td>\(Double($0) * 1.5)</td>\(cell($0))</tr>" }.joined()
    }

    static func captioned(_ rows: String) -> String {
        "<table><caption>Table 1: Trade by item</caption><thead><tr><th>Item</th><th>Value</th><th>Comment</th></tr></thead><tbody>\(rows)</tbody></table>"
    }

    /// Checks the JATS of `html`: the two headings as section titles, all 40 paragraphs and the last
    /// line as prose, one `<table-wrap>` with `rowCount` rows, and no chrome-removed report.
    static func expectArticleAndTable(_ html: String, rowCount: Int, caption: Bool = true, _ what: String) throws {
        let (_, diagnostics, jats) = try R.ingest(html)
        let body = RenderFidelityTests.body(jats)
        #expect(body.contains("<title>Introduction</title>") && body.contains("<title>Discussion</title>"), "\(what): headings")
        for n in [0, 19, 20, 39] { #expect(body.contains("<p>Paragraph \(n) of the discussion"), "\(what): paragraph \(n)") }
        #expect(body.contains("<p>End of the article after the long table.</p>"), "\(what): last line")
        #expect(body.components(separatedBy: "<table-wrap").count == 2, "\(what): one table")
        #expect(body.components(separatedBy: "<tr>").count - 1 == rowCount, "\(what): rows")
        #expect(body.contains("Row \(rowCount - (caption ? 1 : 0)) 항목"), "\(what): last row")
        #expect(!body.contains("<p>Row 1 항목</p>"), "\(what): cells are not paragraphs")
        if caption { #expect(body.contains("Trade by item"), "\(what): caption") }
        #expect(R.rules(diagnostics, "ingest.chrome-removed").isEmpty, "\(what): \(diagnostics.map(\.message))")
    }

    @Test(arguments: [300, 800, 1_500, 5_000])
    func aLongTableInAFigureKeepsTheArticle(_ count: Int) throws {
        let html = Self.page("<figure class=\"wp-block-table\">\(Self.captioned(Self.rows(count)))</figure>")
        try Self.expectArticleAndTable(html, rowCount: count + 1, "figure, \(count) rows")
    }

    @Test(arguments: [300, 800, 1_500])
    func aLongTableInAnyWrapperKeepsTheArticle(_ count: Int) throws {
        let table = Self.captioned(Self.rows(count))
        // Bare among the paragraphs, in a responsive wrapper, and without a head or caption.
        try Self.expectArticleAndTable(Self.page(table), rowCount: count + 1, "bare, \(count) rows")
        try Self.expectArticleAndTable(Self.page("<div class=\"table-responsive\">\(table)</div>"), rowCount: count + 1, "div, \(count) rows")
        try Self.expectArticleAndTable(Self.page("<table>\(Self.rows(count))</table>"), rowCount: count, caption: false, "no head, \(count) rows")
        // Each cell a paragraph (as word processors export tables), long enough to score on its own.
        let paragraphs = Self.rows(count) { "<td><p>Comment on row \($0), long enough to score as a paragraph.</p></td>" }
        try Self.expectArticleAndTable(Self.page(Self.captioned(paragraphs)), rowCount: count + 1, "cell paragraphs, \(count) rows")
    }

    @Test func aLongTableInASiblingWrapperIsKeptWithTheText() throws {
        // The prose in one block and the table in a wrapper beside it: the wrapper is kept for its table.
        let html = Self.page("</div><div class=\"table-wrap\">\(Self.captioned(Self.rows(800)))</div><div class=\"entry-content\">")
        try Self.expectArticleAndTable(html, rowCount: 801, "sibling wrapper")
    }

    @Test func theExtractedContentHoldsTheHeadingsAndTheWholeTable() throws {
        let html = Self.page("<figure>\(Self.captioned(Self.rows(1_500)))</figure>")
        let extraction = ContentExtractor.extractDetailed(from: MarkupParser.parseHTML(Data(html.utf8)))
        let content = try #require(extraction.content)
        #expect(content.name == "article", "the article, not a part of its table: \(content.name)")
        var tables = 0, rows = 0, headings = 0
        content.walk { e in
            if e.name == "table" { tables += 1 }
            if e.name == "tr" { rows += 1 }
            if e.name == "h2" { headings += 1 }
            return true
        }
        #expect(tables == 1 && rows == 1_501 && headings == 2)
        #expect(extraction.removedBlocks.isEmpty)
    }

    @Test func aLayoutTablesContentCellStillScores() throws {
        // A page laid out in a table (header, content and footer rows, links in a side cell): the content
        // cell holds most of the table's text, so its paragraphs still make it the article.
        let paras = (1...5).map { "<p>Paragraph \($0) \(Self.prose)</p>" }.joined()
        let html = """
            <html><body><table><tr><td colspan="2">Site banner</td></tr>
            <tr><td><a href="/">Home</a><br><a href="/a">About us</a><br><a href="/b">Archive</a></td><td>\(paras)</td></tr>
            <tr><td colspan="2">Copyright line</td></tr></table></body></html>
            """
        let content = try #require(ContentExtractor.extract(from: MarkupParser.parseHTML(Data(html.utf8))))
        #expect(content.textContent.contains("Paragraph 5 of the discussion"))
        #expect(!content.textContent.contains("Archive") && !content.textContent.contains("Site banner"))
    }
}
