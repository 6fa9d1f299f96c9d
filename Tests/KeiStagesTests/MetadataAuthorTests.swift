import Foundation
import KeiDocument
import KeiTestSupport
import KeiXML
import Testing
@testable import KeiStages

/// Authors come from the article's own byline and structured data, never from related-content cards,
/// sidebars, teasers or tooltips; group bylines are group authors (issue 6, item 8).
@Suite struct MetadataAuthorTests {
    static func authors(_ html: String) -> [Author] {
        MetadataExtractor.extract(from: MarkupParser.parseHTML(Data(html.utf8)), file: "page.html").metadata.authors
    }

    /// A page whose article has `byline` after its title, with `around` before and after the article.
    static func page(byline: String, before: String = "", after: String = "", head: String = "") -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Trade Rules</title>\(head)</head>
        <body><main>\(before)<article><h1>Trade Rules</h1>\(byline)
        <p>Body text of the article that is long enough to be the content of this page.</p></article>
        \(after)</main></body></html>
        """
    }

    static let relatedCards = """
        <section class="related-content"><h2>Related Content</h2>
        <div class="card"><a href="/a/">Chips</a><div class="card-authors"><a href="/p/lee/">Lee Notreal</a></div></div>
        <div class="card"><a href="/b/">Tariffs</a><div class="card-authors"><a href="/p/sam/">Sam Fictional</a>, <a href="/p/ray/">Ray Invented</a></div></div>
        </section>
        """

    @Test(arguments: [
        ("<p class=\"byline\">By Jane Doe, John Roe and Ann Poe</p>", ["Jane Doe", "John Roe", "Ann Poe"]),
        ("<p class=\"byline\">By Jane Doe &amp; John Roe</p>", ["Jane Doe", "John Roe"]),
        ("<p class=\"byline\">By Dr. Jane Doe and Prof. John Roe</p>", ["Jane Doe", "John Roe"]),
        ("<p class=\"byline\">By Jane Doe, PhD, and John Roe, M.D.</p>", ["Jane Doe", "John Roe"]),
        ("<p class=\"byline\">By Jane Doe, Ph.D.</p>", ["Jane Doe"]),
        ("<p class=\"byline\">By John Roe, Jr. and Jane Doe</p>", ["John Roe Jr.", "Jane Doe"]),
        ("<p>By Ambassador Kim Sung-han</p>", ["Kim Sung-han"]),
    ] as [(String, [String])])
    func bylineSpellings(byline: String, names: [String]) {
        let a = Self.authors(Self.page(byline: byline))
        #expect(a.map(\.name) == names)
        #expect(a.allSatisfy { $0.kind == .person })
    }

    @Test(arguments: [
        // related cards after the article, before it, and a card grid without classes but with a heading
        (relatedCards, "after"),
        (relatedCards, "before"),
        ("<section><h2>More from this author</h2><div class=\"byline\">By Lee Notreal</div><p><a href=\"/x\">Other</a></p></section>", "before"),
        ("<div class=\"sidebar-card\"><h3>More from this author</h3><p class=\"author\">Lee Notreal</p></div>", "before"),
        ("<div class=\"widget\"><span class=\"author-name\">Lee Notreal</span></div>", "before"),
        ("<article class=\"teaser\"><h3><a href=\"/other/\">Other piece</a></h3><p class=\"byline\">By Lee Notreal</p></article>", "before"),
        ("<div class=\"most-read\"><ul><li><a href=\"/o\">Other</a> <span class=\"byline\">Lee Notreal</span></li></ul></div>", "before"),
        ("<div role=\"complementary\"><p class=\"byline\">By Lee Notreal</p></div>", "before"),
    ] as [(String, String)])
    func otherContentNeverGivesAuthors(region: String, position: String) {
        let byline = "<div class=\"byline-block\"><a class=\"person\" href=\"/p/dana/\">Dana Imaginary</a></div>"
        let html = position == "before" ? Self.page(byline: byline, before: region) : Self.page(byline: byline, after: region)
        #expect(Self.authors(html).map(\.name) == ["Dana Imaginary"])
    }

    @Test func aBylineAboveTheTitleIsTheArticlesWhenNoneFollowsIt() {
        let html = """
            <html><body><main><div class="card"><p class="byline">By Lee Notreal</p><a href="/x">Other</a></div>
            <header><p class="byline">By Dana Imaginary</p><h1>Trade Rules</h1></header>
            <p>Body text of the article that is long enough to be the content of this page.</p></main></body></html>
            """
        #expect(Self.authors(html).map(\.name) == ["Dana Imaginary"])
    }

    @Test(arguments: [
        "<span id=\"t1\" role=\"tooltip\" class=\"tooltip\">Dana Imaginary, Senior Fellow - Trade Program</span>",
        "<div class=\"popover\">Dana Imaginary — Senior Fellow - Trade Program</div>",
        "<span class=\"tippy-content\">Dana Imaginary: Senior Fellow - Trade Program</span>",
    ])
    func aTooltipNeverDoublesTheNameButMayGiveTheAffiliation(tooltip: String) {
        let byline = "<div class=\"byline-block\"><a class=\"person\" href=\"/p/d/\" aria-describedby=\"t1\">Dana Imaginary</a>\(tooltip)<span class=\"date\">October 2, 2024</span></div>"
        let a = Self.authors(Self.page(byline: byline))
        #expect(a.map(\.name) == ["Dana Imaginary"])
        #expect(a.first?.affiliation == "Senior Fellow - Trade Program")
    }

    @Test(arguments: [
        "<p class=\"byline\">By <a href=\"/p/d\">Dana Imaginary</a><span class=\"sr-only\">Dana Imaginary</span></p>",
        "<p class=\"byline\">By <a href=\"/p/d\">Dana Imaginary</a><span class=\"visually-hidden\"> Dana Imaginary</span></p>",
        "<p class=\"byline\">By Dana Imaginary Dana Imaginary</p>",
    ])
    func aScreenReaderCopyNeverDoublesTheName(byline: String) {
        #expect(Self.authors(Self.page(byline: byline)).map(\.name) == ["Dana Imaginary"])
    }

    @Test(arguments: [
        ("<div class=\"byline\">By The Standard Staff</div>", "The Standard Staff"),
        ("<p class=\"byline\">By The Editorial Board</p>", "The Editorial Board"),
        ("<p class=\"byline\">By the editorial board</p>", "the editorial board"),
        ("<p class=\"byline\">By Reuters</p>", "Reuters"),
        ("<p class=\"byline\">By AP</p>", "AP"),
        ("<p class=\"byline\">By Yonhap News Agency</p>", "Yonhap News Agency"),
        ("<p class=\"byline\">Korea Economic Institute of America</p>", "Korea Economic Institute of America"),
        ("<p class=\"byline\">By Center for Strategic and International Studies</p>", "Center for Strategic and International Studies"),
        ("<p class=\"byline\">By KEI Staff</p>", "KEI Staff"),
        ("<p class=\"byline\">By Staff</p>", "Staff"),
        ("<p class=\"byline\">By Bank of Korea Research Team</p>", "Bank of Korea Research Team"),
        ("<span class=\"author-name\">The Economist Intelligence Unit</span>", "The Economist Intelligence Unit"),
    ] as [(String, String)])
    func groupBylinesAreGroupAuthors(byline: String, name: String) {
        let a = Self.authors(Self.page(byline: byline))
        #expect(a.map(\.name) == [name])
        #expect(a.map(\.kind) == [.group])
    }

    @Test func aPersonAndAGroupInOneByline() {
        let a = Self.authors(Self.page(byline: "<p class=\"byline\">By Jane Doe and The Editorial Board</p>"))
        #expect(a.map(\.name) == ["Jane Doe", "The Editorial Board"])
        #expect(a.map(\.kind) == [.person, .group])
    }

    @Test func aNewsAgencyAfterAPersonIsTheirAffiliation() {
        let a = Self.authors(Self.page(byline: "<p class=\"byline\">By Jane Doe, Reuters</p>"))
        #expect(a.map(\.name) == ["Jane Doe"])
        #expect(a.first?.affiliation == "Reuters")
    }

    @Test(arguments: ["Victor Cha", "Lee Jae-won", "Jane Doe", "Mi-jin Park", "Daniel Kahn Gillmor", "Doe, Jane", "Madonna"])
    func peopleAreNotGroups(name: String) {
        #expect(!GroupAuthorName.isGroup(name))
    }

    @Test func jsonLDGraphWithPersonAndOrganizationAuthors() {
        let head = """
            <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
              {"@type": "Article", "headline": "Trade Rules", "author": [{"@id": "#jane"}, {"@id": "#kei"}, {"@type": "Person", "name": "Jane Press"}]},
              {"@type": "Person", "@id": "#jane", "name": "Jane Doe"},
              {"@type": "Organization", "@id": "#kei", "name": "Korea Economic Institute of America"}]}</script>
            """
        let a = Self.authors(Self.page(byline: "", after: Self.relatedCards, head: head))
        #expect(a.map(\.name) == ["Jane Doe", "Korea Economic Institute of America", "Jane Press"])
        #expect(a.map(\.kind) == [.person, .group, .person], "the JSON-LD type decides")
    }

    @Test func jsonLDCreatorIsUsedWhenThereIsNoAuthor() {
        let head = "<script type=\"application/ld+json\">{\"@type\": \"Article\", \"creator\": [\"Dana Imaginary\", \"Dana Imaginary\"]}</script>"
        #expect(Self.authors(Self.page(byline: "", after: Self.relatedCards, head: head)).map(\.name) == ["Dana Imaginary"])
    }

    @Test func citationAuthorInSurnameGivenFormStaysOnePersonAndSplitsInJATS() {
        let head = "<meta name=\"citation_author\" content=\"Lee, Jae-won\"><meta name=\"citation_author\" content=\"Doe, Jane A.\">"
        let a = Self.authors(Self.page(byline: "<p class=\"byline\">By Jae-won Lee and Jane A. Doe</p>", head: head))
        #expect(a.map(\.name) == ["Lee, Jae-won", "Doe, Jane A."])
        #expect(a.allSatisfy { $0.kind == .person })
        #expect(JATSNameSplitter.split("Lee, Jae-won")! == ("Lee", "Jae-won", nil))
        #expect(JATSNameSplitter.split("Doe, Jane A.")! == ("Doe", "Jane A.", nil))
        #expect(JATSNameSplitter.split("Doe, Jr.") == nil)
        // The trailing particle of the inverted form belongs to the surname (JATS: <surname>de Jong</surname>).
        #expect(JATSNameSplitter.split("Jong, Michiel de")! == ("de Jong", "Michiel", nil))
        #expect(JATSNameSplitter.split("Jong, de") == nil, "a particle alone is no given name")
    }

    @Test func metaAuthorAndRelAuthor() {
        #expect(Self.authors(Self.page(byline: "", head: "<meta name=\"author\" content=\"Jane Doe, John Roe\">")).map(\.name) == ["Jane Doe", "John Roe"])
        #expect(Self.authors(Self.page(byline: "<p>Written by <a rel=\"author\" href=\"/p/j\">Jane Doe</a></p>", after: Self.relatedCards))
                .map(\.name) == ["Jane Doe"])
        let group = Self.authors(Self.page(byline: "", head: "<meta name=\"author\" content=\"The Editorial Board\">"))
        #expect(group.map(\.kind) == [.group])
    }
}
