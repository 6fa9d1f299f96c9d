import Foundation
import Testing
import KeiTestSupport

/// Breaker 22's long-table pages through the real `kei-pipeline check` binary: a prose article with a
/// captioned data table of 800 or 1,500 rows was written as the table's cells alone, one `<p>` each.
/// Its JATS now keeps the title, both section headings, every prose paragraph, and one DTD-valid
/// `<table-wrap>` with the caption and every row.
@Suite(.serialized) struct LongDataTableEndToEndTests {
    let harness = RenderedReadingEndToEndTests()

    /// The breaker's page: 20 paragraphs, a `<figure>` holding the table, 20 more paragraphs.
    static func page(rows count: Int) -> String {
        let prose = "of the discussion of trade between the two allies, with enough words to read as prose and not as navigation or boilerplate text on a page."
        let first = (0..<20).map { "<p>Paragraph \($0) \(prose)</p>" }.joined()
        let second = (20..<40).map { "<p>Paragraph \($0) \(prose)</p>" }.joined()
        let rows = (1...count).map {
            "<tr><td>Row \($0) 항목</td><td>\(Double($0) * 1.5)</td><td>\(String(repeating: "long text ", count: $0 % 7))</td></tr>"
        }.joined()
        return """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A Very Long Table of Trade Data</title>
            <meta name="citation_title" content="A Very Long Table of Trade Data"><meta name="citation_author" content="Ann Example">
            <meta name="citation_publication_date" content="2025-12-15"></head>
            <body><main><article><h1>A Very Long Table of Trade Data</h1><div class="entry-content"><h2>Introduction</h2>\(first)
            <figure class="wp-block-table"><table><caption>Table 1: Trade by item</caption><thead><tr><th>Item</th><th>Value</th><th>Comment</th></tr></thead><tbody>\(rows)</tbody></table></figure>
            <h2>Discussion</h2>\(second)<p>End of the article after the long table.</p></div></article></main></body></html>
            """
    }

    @Test(arguments: [800, 1_500])
    func theArticleAndTheWholeTableAreKept(_ count: Int) throws {
        let (dir, file) = try harness.writePage(Self.page(rows: count), name: "table\(count)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = try harness.check(file, ["--show-info"])
        #expect(c.code == 0, "\(c.stderr)")
        let body = c.body
        #expect(c.jats.contains("<article-title>A Very Long Table of Trade Data</article-title>"))
        #expect(body.contains("<title>Introduction</title>") && body.contains("<title>Discussion</title>"))
        let paragraphs = (0..<40).filter { body.contains("<p>Paragraph \($0) of the discussion of trade") }
        #expect(paragraphs.count == 40, "prose paragraphs kept: \(paragraphs.count)")
        #expect(body.contains("<p>End of the article after the long table.</p>"))
        #expect(body.components(separatedBy: "<table-wrap").count == 2)
        #expect(body.contains("Trade by item"))
        #expect(body.components(separatedBy: "<tr>").count - 1 == count + 1, "every row and the head row")
        #expect(body.contains("Row \(count) 항목") && !body.contains("<p>Row 1 항목</p>"))
        #expect(c.rules("ingest.chrome-removed").isEmpty)
    }
}
