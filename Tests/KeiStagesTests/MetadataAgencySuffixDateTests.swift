import Foundation
import KeiDocument
import KeiTestSupport
import KeiXML
import Testing
@testable import KeiStages

/// Issue 6 follow-ups: a news agency after a group author is another group author, never the group's
/// affiliation ("Staff Reporter, Yonhap"); a "Surname, Given, Jr." name splits with a JATS `<suffix>`;
/// numeric dates (`12/31/1969`, `31.12.1969`) are read, and the epoch as a US clock shows it is a
/// placeholder.
@Suite struct MetadataAgencySuffixDateTests {
    static func summary(_ html: String) -> [String] {
        MetadataRenderedTextTests.extract(html).0.authors
            .map { "\($0.name)/\($0.kind == .group ? "group" : "person")/\($0.affiliation ?? "-")" }
    }

    static func byline(_ markup: String) -> String {
        MetadataRenderedTextTests.page(h1: "T", byline: markup)
    }

    // MARK: - A group author has no affiliation

    @Test(arguments: ["Yonhap", "AFP", "AP", "Kyodo", "Xinhua", "NK News", "Reuters", "Yonhap News Agency", "Kyodo News"])
    func anAgencyAfterAGroupAuthorIsAnotherGroupAuthor(agency: String) {
        for markup in [
            "<div class=\"byline\"><span>By</span> <a href=\"/staff\">Staff Reporter</a>, <a href=\"/a\">\(agency)</a></div>",
            "<p class=\"byline\">By Staff Reporter, \(agency)</p>",
            "<p class=\"byline\">The Editorial Board, \(agency)</p>",
            "<p class=\"byline\">By KEI Staff; \(agency)</p>",
        ] {
            let authors = Self.summary(Self.byline(markup))
            #expect(authors.count == 2, "\(markup)")
            #expect(authors.last == "\(agency)/group/-", "\(markup): \(authors)")
            #expect(authors.allSatisfy { $0.hasSuffix("/group/-") }, "\(markup): \(authors)")
        }
    }

    @Test func anAgencyAfterACollectiveSignatureIsAThirdAuthor() {
        #expect(Self.summary(Self.byline("<p class=\"byline\">By Minho Kim, KEI Staff, Xinhua</p>"))
            == ["Minho Kim/person/-", "KEI Staff/group/-", "Xinhua/group/-"])
        #expect(Self.summary(Self.byline("<p class=\"byline\">By Staff Reporter, Seoul National University</p>"))
            == ["Staff Reporter/group/-", "Seoul National University/group/-"])
    }

    @Test(arguments: ["AFP", "Kyodo", "NK News", "Korea University"])
    func anAgencyOrInstitutionAfterAPersonIsStillTheirAffiliation(group: String) {
        #expect(Self.summary(Self.byline("<p class=\"byline\">By Jane Doe, \(group)</p>")) == ["Jane Doe/person/\(group)"])
    }

    // MARK: - Generational suffixes

    @Test(arguments: [
        ("Seo-Whitfield, Hana, Jr.", "Seo-Whitfield", "Hana", "Jr."),
        ("Doe, John, Sr.", "Doe", "John", "Sr."),
        ("Doe, John, Jr", "Doe", "John", "Jr"),
        ("Doe, John Paul, II", "Doe", "John Paul", "II"),
        ("Van Buren, Martin, III", "Van Buren", "Martin", "III"),
        ("Seo-Whitfield, Hana Jr.", "Seo-Whitfield", "Hana", "Jr."),
        ("Doe, John A. IV", "Doe", "John A.", "IV"),
    ] as [(String, String, String, String)])
    func anInvertedNameWithASuffixSplitsIntoThree(name: String, surname: String, given: String, suffix: String) throws {
        let split = try #require(JATSNameSplitter.split(name))
        #expect(split.surname == surname && split.givenNames == given && split.suffix == suffix)
    }

    @Test(arguments: ["Doe, Jr.", "Doe, John, PhD", "Doe, John, V.", "Doe, John, jr.", "Doe, John, Esq.", "Doe, John, Jr., III",
                      "Martin Luther King, Jr."])
    func otherThirdPartsAreNotSplit(name: String) {
        #expect(JATSNameSplitter.split(name) == nil)
    }

    @Test func aCitationAuthorWithASuffixKeepsItInTheModel() {
        let html = MetadataRenderedTextTests.page(head: "<title>T</title><meta name=\"citation_author\" content=\"Seo-Whitfield, Hana, Jr.\">", h1: "T")
        #expect(Self.summary(html) == ["Seo-Whitfield, Hana, Jr./person/-"])
    }

    // MARK: - Numeric dates and the epoch west of Greenwich

    @Test(arguments: [
        ("12/31/1969", "1969-12-31"), ("31/12/1969", "1969-12-31"), ("12-31-1969", "1969-12-31"), ("31.12.1969", "1969-12-31"),
        ("12/03/2024", "2024-12-03"), ("3/12/2024", "2024-03-12"), ("03.12.2024", "2024-12-03"), ("25.12.2024", "2024-12-25"),
        ("12.25.2024", "2024-12-25"), ("2024/3/5", "2024-03-05"), ("2024.12.03", "2024-12-03"), ("12/31/1969 7:00:00 PM", "1969-12-31"),
    ] as [(String, String)])
    func numericDatesAreRead(raw: String, iso: String) {
        #expect(NumericDate.read(raw)?.iso == iso)
        #expect(DateCandidate(raw: raw, source: "x", line: 1).parse()?.iso == iso)
    }

    @Test(arguments: ["13/13/2024", "02/30/2024", "1/2/24", "12/31", "12/31/1969/1", "2024/13/01", "12//2024", "१२/३१/१९६९"])
    func impossibleOrIncompleteNumericDatesAreNotRead(raw: String) {
        #expect(NumericDate.read(raw) == nil)
    }

    static let epochWest = [
        "12/31/1969", "31/12/1969", "12-31-1969", "31.12.1969", "1969-12-31", "12/31/1969 7:00:00 PM", "12/31/1969 16:00",
        "Wed, 31 Dec 1969 19:00:00 -0500", "Wed Dec 31 1969 16:00:00 GMT-0800 (Pacific Standard Time)",
        "1969-12-31T14:30:00-09:30", "1/1/1970", "01/01/1970 00:00:00", "December 31, 1969",
    ]

    @Test(arguments: epochWest)
    func theEpochAsAUSClockShowsItIsAPlaceholder(raw: String) throws {
        let html = """
            <html><head><meta name="DC.date" content="\(raw)"></head>
            <body><article><h1>T</h1><p class="published">Published Dec. 3, 2024</p><p>Body.</p></article></body></html>
            """
        let (m, d) = MetadataRenderedTextTests.extract(html)
        #expect(m.publicationDate?.iso == "2024-12-03")
        let w = try #require(d.first { $0.rule == "ingest.placeholder-date" }, "\(d.map(\.message))")
        #expect(w.severity == .warning && w.span != nil && w.message.contains(raw) && w.message.contains("epoch"))
        #expect(!d.contains { $0.rule == "ingest.date-invalid" || $0.rule == "ingest.metadata-conflict" })
    }

    @Test(arguments: [
        ("1969-12-31T19:00:00Z", "1969-12-31"), ("12/31/1969 08:00", "1969-12-31"), ("1969-12-31T19:00:00-04:00", "1969-12-31"),
        ("12/31/1969 7:10:00 PM", "1969-12-31"), ("12/30/1969", "1969-12-30"), ("12/03/2024", "2024-12-03"),
        ("31.12.2024", "2024-12-31"),
    ] as [(String, String)])
    func otherNumericDatesAreRealDates(raw: String, iso: String) {
        let parsed = DateCandidate(raw: raw, source: "x", line: 1).parse()
        #expect(parsed?.iso == iso)
        #expect(PlaceholderDate.describe(raw, parsed: parsed) == nil)
    }

    @Test func aVisibleEpochWestOfGreenwichLosesToTheRealVisibleDate() {
        let (m, d) = MetadataRenderedTextTests.extract("""
            <html><body><article><h1>T</h1><span class="date">December 31, 1969</span>
            <p>Published December 3, 2024</p><p>Body.</p></article></body></html>
            """)
        #expect(m.publicationDate?.iso == "2024-12-03")
        #expect(d.filter { $0.rule == "ingest.placeholder-date" }.count == 1)
    }
}
