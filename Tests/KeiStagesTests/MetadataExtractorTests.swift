import Foundation
import KeiDocument
import KeiStages
import KeiTestSupport
import KeiXML
import Testing

/// Field extraction and precedence on KEI-like pages.
@Suite struct MetadataExtractorTests {
    static func extract(_ html: String, file: String = "page.html") -> (ArticleMetadata, [Diagnostic]) {
        let r = MetadataExtractor.extract(from: MarkupParser.parseHTML(Data(html.utf8)), file: file)
        return (r.metadata, r.diagnostics)
    }

    @Test func keiPageWithAgreeingSourcesGivesEveryFieldAndNoDiagnostics() {
        let (m, d) = Self.extract(MetadataFixtures.keiPage)
        #expect(m.title == "Allying Against Adversaries: U.S.-South Korea Cooperation amid Heightened North Korea-Russia Ties")
        #expect(m.subtitle == "Policy Recommendations for Seoul and Washington")
        #expect(m.authors.map(\.name) == ["Lee, Jae-won", "Victor Cha"])
        #expect(m.authors.map(\.affiliation) == ["Korea University", "Center for Strategic and International Studies"])
        #expect(m.authors.last?.email == "vcha@example.org")
        #expect(m.publicationDate == PublicationDate(year: 2025, month: 12, day: 15))
        #expect(m.journal == "Korea Policy")
        #expect(m.series == "Korea Policy")
        #expect(m.volume == "3")
        #expect(m.issue == "2")
        #expect(m.publisher == "Korea Economic Institute of America")
        #expect(m.canonicalURL == "https://keia.org/publication/allying-against-adversaries/")
        #expect(m.language == "en")
        #expect(m.keywords == ["alliance", "North Korea", "Russia"])
        #expect(m.summary == "At a time of escalating cooperation between Russia and North Korea, the alliance matters.")
        #expect(m.pdfURL == "https://keia.org/wp-content/uploads/2025/12/allying.pdf")
        #expect(m.doi == "10.5555/kp.2025.3.2.1")
        // en dashes in og:title, the site-name suffix of <title> and the U+00A0 in <h1> are not conflicts.
        #expect(d.isEmpty, "unexpected: \(d.map(\.message))")
    }

    @Test func jsonLDAloneGivesTitleAuthorsDateAndIssue() {
        let html = """
        <html><head><script type="application/ld+json">
        [{"@type": "BreadcrumbList"}, {"@context": "https://schema.org", "@type": ["NewsArticle"],
          "name": "A  Headline", "datePublished": "2024-03-05T10:00:00Z",
          "author": [{"@type": "Person", "name": "Ann Author", "affiliation": [{"name": "KEI"}, "Yonsei University"]},
                     {"@type": "Organization", "name": "KEI Staff"}],
          "keywords": "trade, tariffs ,  semiconductors",
          "isPartOf": {"@type": "Periodical", "name": "Korea Policy"}, "issueNumber": 4, "volumeNumber": "2",
          "inLanguage": {"@type": "Language", "name": "English", "alternateName": "en"},
          "mainEntityOfPage": {"@id": "https://keia.org/a/"}, "identifier": "doi:10.1234/ABC"}]
        </script></head><body><p>Text</p></body></html>
        """
        let (m, d) = Self.extract(html)
        #expect(m.title == "A Headline")
        #expect(m.authors.map(\.name) == ["Ann Author", "KEI Staff"])
        #expect(m.authors.first?.affiliation == "KEI; Yonsei University")
        #expect(m.publicationDate?.iso == "2024-03-05")
        #expect(m.keywords == ["trade", "tariffs", "semiconductors"])
        #expect(m.journal == "Korea Policy")
        #expect(m.volume == "2")
        #expect(m.issue == "4")
        #expect(m.language == "en")
        #expect(m.canonicalURL == "https://keia.org/a/")
        #expect(m.doi == "10.1234/ABC")
        #expect(d.isEmpty, "unexpected: \(d.map(\.message))")
    }

    @Test func affiliationsComeFromALowerSourceNamingTheSamePerson() {
        let html = """
        <html><head>
        <meta name="citation_author" content="Doe, Jane"><meta name="citation_author" content="John Roe">
        <script type="application/ld+json">{"@type": "Article", "author": [
          {"@type": "Person", "name": "Jane Doe", "affiliation": "Korea University", "email": "jane@example.org"}]}</script>
        </head><body><p class="byline">John Roe, Seoul National University</p></body></html>
        """
        let (m, _) = Self.extract(html)
        #expect(m.authors.map(\.name) == ["Doe, Jane", "John Roe"])
        #expect(m.authors.map(\.affiliation) == ["Korea University", "Seoul National University"])
        #expect(m.authors.first?.email == "jane@example.org")
    }

    @Test func visibleTextGivesSeriesBylineAffiliationsAndDate() {
        let (m, d) = Self.extract(MetadataFixtures.visibleOnlyPage)
        #expect(m.title == "Deterrence on the Peninsula")
        #expect(m.subtitle == "What the alliance can still do")
        #expect(m.series == "Korea Policy")
        #expect(m.journal == "Korea Policy")
        #expect(m.volume == "4")
        #expect(m.issue == "1")
        #expect(m.authors.map(\.name) == ["Jane Doe", "John Roe", "Mi-jin Park"])
        #expect(m.authors.map(\.affiliation) == ["Korea University", "Seoul National University", nil])
        #expect(m.publicationDate?.iso == "2025-12-03")
        #expect(d.isEmpty, "unexpected: \(d.map(\.message))")
    }

    @Test(arguments: [
        ("<p class=\"byline\">By Jane Doe and John Roe</p>", ["Jane Doe", "John Roe"], [String?.none, nil]),
        ("<div class=\"byline\">Jane Doe, Korea University</div>", ["Jane Doe"], ["Korea University"]),
        ("<div class=\"byline\">Written by Jane Doe, John Roe &amp; Ann Poe | December 1, 2025</div>",
         ["Jane Doe", "John Roe", "Ann Poe"], [nil, nil, nil]),
        ("<p>By Jane Doe</p>", ["Jane Doe"], [nil]),
        ("<span class=\"author\"><a rel=\"author\" href=\"/a\">Jane Doe</a></span>", ["Jane Doe"], [nil]),
        ("<div itemprop=\"author\" itemscope><span itemprop=\"name\">Jane Doe</span><span itemprop=\"affiliation\">KEI</span></div>",
         ["Jane Doe"], ["KEI"]),
    ] as [(String, [String], [String?])])
    func visibleBylines(fragment: String, names: [String], affiliations: [String?]) {
        let (m, _) = Self.extract("<html><body><h1>T</h1>\(fragment)<p>Body text.</p></body></html>")
        #expect(m.authors.map(\.name) == names)
        #expect(m.authors.map(\.affiliation) == affiliations)
    }

    @Test(arguments: [
        ("Published December 15, 2025", "2025-12-15"),
        ("Published Dec. 15, 2025", "2025-12-15"),
        ("Published: 15 December 2025", "2025-12-15"),
        ("Posted Sept 3 2025", "2025-09-03"),
        ("Published on the 15th December 2025", "2025-12-15"),
        ("Published December 1st, 2025", "2025-12-01"),
    ])
    func visibleDates(text: String, iso: String) {
        let (m, _) = Self.extract("<html><body><h1>T</h1><p>\(text)</p><p>Body.</p></body></html>")
        #expect(m.publicationDate?.iso == iso)
    }

    @Test func normalisesWhitespaceAndNoBreakSpacesButKeepsCurlyQuotes() {
        let (m, _) = Self.extract("<html><head><meta charset=\"utf-8\"><meta name=\"citation_title\" content=\"  The \u{201C}Ironclad\u{201D}&#160;Alliance\n\tRevisited \"></head><body></body></html>")
        #expect(m.title == "The \u{201C}Ironclad\u{201D} Alliance Revisited")
    }

    @Test func siteNameSuffixIsStrippedFromTitleElement() {
        let (m, d) = Self.extract("<html><head><meta charset=\"utf-8\"><title>North Korea\u{2019}s Economy | Korea Economic Institute of America</title></head><body><h1>North Korea's Economy</h1></body></html>")
        #expect(m.title == "North Korea\u{2019}s Economy")
        #expect(!d.contains { $0.rule == "ingest.metadata-conflict" })
    }

    @Test func missingTitleAndDateAreReported() {
        let (m, d) = Self.extract("<html><head></head><body><p>Only text.</p></body></html>", file: "bare.html")
        #expect(m.title == nil && m.publicationDate == nil)
        let missing = d.filter { $0.rule == "ingest.metadata-missing" }
        #expect(missing.count == 2)
        #expect(missing.allSatisfy { $0.severity == .warning && $0.location.file == "bare.html" && $0.fix != nil })
    }

    @Test func stageDeclaresTheMetadataMessagesItCanEmit() {
        let rules = Set(MetadataMessages.all.map(\.rule))
        #expect(rules == ["ingest.metadata-conflict", "ingest.date-invalid", "ingest.placeholder-date", "ingest.metadata-missing",
                          "ingest.jsonld-invalid"])
    }

    @Test func runsThroughTheIngestStage() throws {
        let ctx = try StageHarness.run(html: MetadataFixtures.keiPage)
        #expect(ctx.article?.metadata.title?.hasPrefix("Allying Against Adversaries") == true)
        #expect(ctx.article?.metadata.volume == "3")
        #expect(!ctx.diagnostics.contains { $0.rule.hasPrefix("ingest.metadata") || $0.rule == "ingest.date-invalid" })
    }
}
