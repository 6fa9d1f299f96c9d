import Foundation
import KeiDocument
import KeiStages
import KeiXML
import Testing

/// Conflicts, invalid dates and junk JSON-LD: rule ids, severities, messages and locations.
@Suite struct MetadataDiagnosticsTests {
    static func extract(_ html: String) -> (ArticleMetadata, [Diagnostic]) {
        let r = MetadataExtractor.extract(from: MarkupParser.parseHTML(Data(html.utf8)), file: "kp-3-2-1.html")
        return (r.metadata, r.diagnostics)
    }

    /// The 1-based line of the first line of `html` containing `needle`.
    static func line(of needle: String, in html: String) -> Int {
        let lines = html.components(separatedBy: "\n")
        return (lines.firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    @Test func visibleDateDisagreeingWithCitationDateIsAConflictAtTheVisibleLine() throws {
        let html = MetadataFixtures.keiPage.replacingOccurrences(of: "Published December 15, 2025", with: "Published December 16, 2025")
        let (m, d) = Self.extract(html)
        #expect(m.publicationDate?.iso == "2025-12-15")
        let conflicts = d.filter { $0.rule == "ingest.metadata-conflict" }
        #expect(conflicts.count == 1)
        let c = try #require(conflicts.first)
        #expect(c.severity == .warning)
        #expect(c.location.file == "kp-3-2-1.html")
        #expect(c.location.line == Self.line(of: "Published December 16, 2025", in: html))
        #expect(c.message.contains("citation_publication_date") && c.message.contains("2025-12-15"))
        #expect(c.message.contains("Published December 16, 2025") && c.message.contains("2025-12-16"))
    }

    @Test func differentTitlesConflictButCosmeticDifferencesDoNot() throws {
        let other = "<meta property=\"og:title\" content=\"Allying Against Adversaries: U.S.–South Korea Cooperation amid Heightened North Korea–Russia Ties\">"
        #expect(MetadataFixtures.keiPage.contains(other))
        let html = MetadataFixtures.keiPage.replacingOccurrences(of: other, with: "<meta property=\"og:title\" content=\"Old Draft Title\">")
        let (m, d) = Self.extract(html)
        #expect(m.title?.hasPrefix("Allying Against Adversaries") == true)
        let conflicts = d.filter { $0.rule == "ingest.metadata-conflict" }
        #expect(conflicts.count == 1)
        #expect(conflicts.first?.location.line == Self.line(of: "Old Draft Title", in: html))
        #expect(conflicts.first?.message.contains("og:title") == true)
        #expect(conflicts.first?.message.contains("citation_title") == true)
        #expect(conflicts.first?.message.contains("Old Draft Title") == true)
    }

    @Test func seriesBannerDisagreeingWithCitationIssueIsAConflictAtTheBanner() throws {
        let html = MetadataFixtures.keiPage.replacingOccurrences(of: "Korea Policy Vol. 3, Issue 2", with: "Korea Policy Vol. 3, Issue 3")
        let (m, d) = Self.extract(html)
        #expect(m.issue == "2" && m.volume == "3")
        let conflicts = d.filter { $0.rule == "ingest.metadata-conflict" }
        #expect(conflicts.count == 1)
        let c = try #require(conflicts.first)
        #expect(c.location.line == Self.line(of: "Issue 3", in: html))
        #expect(c.message.contains("issue") && c.message.contains("citation_issue") && c.message.contains("series banner"))
    }

    @Test func titlesDifferingOnlyInCaseQuotesDashesAndSpacesAgree() {
        let html = """
        <html><head><meta charset="utf-8"><meta name="citation_title" content="Seoul\u{2019}s \u{201C}New\u{201D} Policy \u{2014} A Review">
        <meta property="og:title" content="SEOUL'S &quot;NEW&quot;   POLICY - A REVIEW.">
        <title>Seoul's "New" Policy - A Review | Korea Policy</title></head><body><h1>Seoul’s “New” Policy – A Review</h1></body></html>
        """
        let (_, d) = Self.extract(html)
        #expect(!d.contains { $0.rule == "ingest.metadata-conflict" }, "\(d.map(\.message))")
    }

    @Test func aHyphenatedLongerTitleIsAConflict() {
        let html = "<html><head><meta name=\"citation_title\" content=\"Korea\">\n<meta property=\"og:title\" content=\"Korea-Japan Relations\"></head></html>"
        let (m, d) = Self.extract(html)
        #expect(m.title == "Korea")
        #expect(d.filter { $0.rule == "ingest.metadata-conflict" }.map(\.location.line) == [2])
    }

    @Test(arguments: ["2025-13-45", "not a date", "2025-02-30", "0000-13-01"])
    func invalidMachineDateIsIgnoredAndTheNextSourceUsed(bad: String) throws {
        let html = MetadataFixtures.keiPage.replacingOccurrences(
            of: "<meta name=\"citation_publication_date\" content=\"2025/12/15\">",
            with: "<meta name=\"citation_publication_date\" content=\"\(bad)\">")
        let (m, d) = Self.extract(html)
        #expect(m.publicationDate?.iso == "2025-12-15")
        let invalid = d.filter { $0.rule == "ingest.date-invalid" }
        #expect(invalid.count == 1)
        let i = try #require(invalid.first)
        #expect(i.severity == .warning)
        #expect(i.location.line == Self.line(of: "citation_publication_date", in: html))
        #expect(i.message.contains(bad) && i.message.contains("citation_publication_date"))
        #expect(i.fix?.contains("YYYY-MM-DD") == true)
        #expect(!d.contains { $0.rule == "ingest.metadata-conflict" })
    }

    @Test func zeroDateEverywhereLeavesNoDate() {
        let html = """
        <html><head>
        <meta property="article:published_time" content="-0001-11-30T00:00:00+00:00">
        <title>T</title></head><body>
        <time datetime="0000-00-00" pubdate>never</time>
        </body></html>
        """
        let (m, d) = Self.extract(html)
        #expect(m.publicationDate == nil)
        #expect(d.filter { $0.rule == "ingest.placeholder-date" }.map(\.location.line)
                == [Self.line(of: "article:published_time", in: html), Self.line(of: "<time", in: html)])
        #expect(d.contains { $0.rule == "ingest.metadata-missing" })
    }

    @Test(arguments: [
        "{", "[1, 2", "null", "42", "\"text\"", "[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]", "{\"@type\": 7, \"author\": {\"name\": 3}}",
        "{\"@type\": \"Article\", \"author\": [null, 1, [], {}], \"isPartOf\": [[[{\"issueNumber\": {}}]]], \"keywords\": {}}",
        "{\"@graph\": {\"@graph\": {\"@type\": \"Article\", \"headline\": [\"H\"]}}}",
        String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000),
        "<!-- {\"@type\": \"Article\", \"headline\": \"Commented\"} -->",
    ])
    func junkJSONLDNeverCrashes(json: String) {
        let (m, d) = Self.extract("<html><head><script type=\"application/ld+json\">\(json)</script></head><body></body></html>")
        for x in d { #expect(!x.rule.isEmpty && !x.message.isEmpty && x.location.file == "kp-3-2-1.html") }
        _ = m
    }

    @Test func invalidJSONLDIsReportedAsInfo() {
        let (_, d) = Self.extract("<html><head>\n<script type=\"application/ld+json\">{\"@type\": \"Article\" \"headline\": 1}</script></head></html>")
        let bad = d.filter { $0.rule == "ingest.jsonld-invalid" }
        #expect(bad.count == 1)
        #expect(bad.first?.severity == .info)
        #expect(bad.first?.location.line == 2)
    }
}
