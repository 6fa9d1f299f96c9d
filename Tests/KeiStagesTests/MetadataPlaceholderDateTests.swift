import Foundation
import KeiDocument
import KeiTestSupport
import KeiXML
import Testing
@testable import KeiStages

/// Placeholder dates (the Unix epoch, the WordPress zero date, 1900-01-01 …) are ignored with
/// `ingest.placeholder-date` and lose to any real date (issue 6, item 8).
@Suite struct MetadataPlaceholderDateTests {
    static func extract(_ html: String) -> (ArticleMetadata, [Diagnostic]) {
        let r = MetadataExtractor.extract(from: MarkupParser.parseHTML(Data(html.utf8)), file: "page.html")
        return (r.metadata, r.diagnostics)
    }

    static let placeholders = [
        "1970-01-01", "1970-01-01T00:00:00Z", "1970-01-01T00:00:00+00:00", "1970-01-01T00:00:00.000Z",
        "1970-01-01 00:00:00", "1970-01-01T09:00:00+09:00", "1969-12-31T19:00:00-05:00", "1969-12-31T16:00:00-0800",
        "Thu, 01 Jan 1970 00:00:00 GMT", "01/01/1970", "1970/01/01", "01.01.1970", "January 1, 1970", "0", "0000000000",
        "1900-01-01", "1900-01-01T00:00:00", "0000-00-00", "0000-00-00 00:00:00", "-0001-11-30T00:00:00+00:00",
        "0001-01-01T00:00:00Z", "1899-12-30",
    ]

    @Test(arguments: placeholders)
    func aPlaceholderInAMetaTagLosesToTheVisibleDate(raw: String) throws {
        let html = """
            <html><head><meta property="article:published_time" content="\(raw)"></head>
            <body><article><h1>T</h1><p class="published">Published Dec. 3, 2024</p><p>Body.</p></article></body></html>
            """
        let (m, d) = Self.extract(html)
        #expect(m.publicationDate?.iso == "2024-12-03")
        let warnings = d.filter { $0.rule == "ingest.placeholder-date" }
        #expect(warnings.count == 1, "\(d.map(\.message))")
        let w = try #require(warnings.first)
        #expect(w.severity == .warning && w.location.line == 1 && w.span != nil && w.message.contains(raw))
        #expect(!d.contains { $0.rule == "ingest.date-invalid" || $0.rule == "ingest.metadata-conflict" })
    }

    @Test(arguments: ["\"1970-01-01T00:00:00+00:00\"", "0", "\"0000-00-00 00:00:00\""])
    func aPlaceholderInJSONLDLosesToALowerRealDate(value: String) {
        let html = """
            <html><head><script type="application/ld+json">{"@type": "Article", "datePublished": \(value)}</script>
            <meta property="article:published_time" content="2024-12-03T10:00:00+09:00"></head><body><h1>T</h1></body></html>
            """
        let (m, d) = Self.extract(html)
        #expect(m.publicationDate?.iso == "2024-12-03")
        #expect(d.filter { $0.rule == "ingest.placeholder-date" }.count == 1)
    }

    @Test func aVisiblePlaceholderIsSkippedForTheRealVisibleDate() {
        let html = """
            <html><body><article><h1>T</h1><span class="date">January 1, 1970</span>
            <p>Published December 3, 2024</p><p>Body.</p></article></body></html>
            """
        let (m, d) = Self.extract(html)
        #expect(m.publicationDate?.iso == "2024-12-03")
        #expect(d.filter { $0.rule == "ingest.placeholder-date" }.map(\.location.line) == [1])
    }

    @Test(arguments: ["1970-01-02", "1969-12-31T12:00:00-05:00", "2024-12-03T00:00:00+00:00", "1901-01-01", "December 3, 2024"])
    func realDatesAreNotPlaceholders(raw: String) {
        let parsed = DateCandidate(raw: raw, source: "x", line: 1).parse()
        #expect(parsed != nil)
        #expect(PlaceholderDate.describe(raw, parsed: parsed) == nil)
    }

    @Test func onlyPlaceholdersLeaveNoDate() {
        let (m, d) = Self.extract("""
            <html><head><meta name="citation_publication_date" content="1970-01-01"></head>
            <body><time datetime="1900-01-01" pubdate>1 January 1900</time></body></html>
            """)
        #expect(m.publicationDate == nil)
        #expect(d.filter { $0.rule == "ingest.placeholder-date" }.count == 2)
        #expect(d.contains { $0.rule == "ingest.metadata-missing" })
    }
}
