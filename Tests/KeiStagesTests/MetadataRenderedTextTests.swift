import Foundation
import KeiDocument
import KeiTestSupport
import KeiXML
import Testing
@testable import KeiStages

/// Metadata read from what the page shows uses the body's removal (``RenderedContent``): no script,
/// style, noscript or hidden text in the title `<h1>`, a `<time>`, a subtitle or a byline; a `<title>`
/// gives only its own text; structured-data person names are cleaned as bylines are; a group author
/// is never a person's affiliation (issue 6).
@Suite struct MetadataRenderedTextTests {
    static func extract(_ html: String, siteNames: [String] = []) -> (ArticleMetadata, [Diagnostic]) {
        let r = MetadataExtractor.extract(from: MarkupParser.parseHTML(Data(html.utf8)), file: "page.html", siteNames: siteNames)
        return (r.metadata, r.diagnostics)
    }

    static func page(head: String = "<title>T</title>", h1: String, byline: String = "<p class=\"byline\">By Jane Doe</p>",
                     body: String = "") -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">\(head)</head><body><article><h1>\(h1)</h1>\(byline)
        \(body)<p>Alliances in Northeast Asia depend on consultation, and this paragraph carries the argument with enough words.</p>
        </article></body></html>
        """
    }

    /// Content a reader never sees, inside the title heading, in several spellings.
    static let unseen = [
        "<script>SCRIPTH1()</script>", "<style>.x{}</style>", "<noscript>NOSCRIPTH1</noscript>",
        "<template>TEMPLATEH1</template>", "<span hidden>X</span>", "<span hidden=\"hidden\">X</span>",
        "<span style=\"display:none\">X</span>", "<span style=\"DISPLAY : NONE !important\">X</span>",
        "<span style=\"color:red;\n display:\tnone\">X</span>", "<span style=\"visibility: hidden\">X</span>",
        "<span aria-hidden=\"TRUE\">X</span>", "<b style=\"display:none/* c */\">X<i>Y</i></b>",
        "<script>SCRIPTH1()</script><style>.x{}</style><noscript>NOSCRIPTH1</noscript>",
    ]

    @Test(arguments: unseen)
    func titleHeadingWithoutATitleTagGivesOnlyItsRenderedText(_ markup: String) {
        for h1 in ["Visible Title\(markup)", "\(markup)Visible Title", "Visible \(markup)Title"] {
            let (m, d) = Self.extract(Self.page(head: "", h1: h1))
            #expect(m.title == "Visible Title", "\(h1)")
            #expect(d.filter { $0.rule == "ingest.metadata-conflict" }.isEmpty, "\(h1)")
        }
    }

    @Test(arguments: unseen)
    func hiddenTextInTheHeadingIsNoConflictAndTheSiteNameIsStripped(_ markup: String) {
        for head in ["<title>Visible Title | Korea Policy</title>", "<title>Visible Title | Example Review</title>",
                     "<title>Example Review - Visible Title</title>", "<meta property=\"og:title\" content=\"Visible Title\">"] {
            let (m, d) = Self.extract(Self.page(head: head, h1: "Visible Title\(markup)"))
            #expect(m.title == "Visible Title", "\(head) \(markup)")
            #expect(d.filter { $0.rule == "ingest.metadata-conflict" }.isEmpty, "\(head) \(markup): \(d.map(\.message))")
        }
    }

    @Test func aRealConflictWithTheRenderedHeadingIsStillReported() {
        let (m, d) = Self.extract(Self.page(head: "<title>Another Title</title>", h1: "Visible Title<span hidden>Another</span>"))
        #expect(m.title == "Another Title")
        let conflicts = d.filter { $0.rule == "ingest.metadata-conflict" }
        #expect(conflicts.count == 1)
        #expect(conflicts.first?.message.contains("\u{201C}Visible Title\u{201D}") == true)
        #expect(conflicts.first?.severity == .warning)
    }

    @Test(arguments: ["<script>x()</script>", "<script>var x=\"SCRIPTINTITLE\";</script>", "<style>.a{}</style>",
                      "<b>x()</b>"])
    func aTitleTagGivesOnlyItsOwnText(_ markup: String) {
        let (m, d) = Self.extract(Self.page(head: "<title>Visible Title\(markup) | Korea Policy</title>", h1: "Visible Title"))
        #expect(m.title == "Visible Title", "\(markup)")
        #expect(d.filter { $0.rule == "ingest.metadata-conflict" }.isEmpty, "\(markup)")
    }

    @Test func theJournalAndConfiguredSiteNamesAreStrippedWithoutAHeading() {
        let noHeading = { (title: String) in
            "<!DOCTYPE html><html><head><title>\(title)</title></head><body><p>Text of the page.</p></body></html>"
        }
        #expect(Self.extract(noHeading("Visible Title | Korea Policy")).0.title == "Visible Title")
        #expect(Self.extract(noHeading("Korea Policy :: Visible Title")).0.title == "Visible Title")
        #expect(Self.extract(noHeading("Visible Title | Policy Review Quarterly")).0.title == "Visible Title | Policy Review Quarterly")
        #expect(Self.extract(noHeading("Visible Title | Policy Review Quarterly"), siteNames: ["Policy Review Quarterly"]).0.title
            == "Visible Title")
        #expect(Self.extract(noHeading("PRQ - Visible Title"), siteNames: ["Policy Review Quarterly", "PRQ"]).0.title == "Visible Title")
    }

    @Test func headingsAndTimesThatAreNotRenderedAreNotTheTitleOrTheDate() {
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"></head><body><main>
            <noscript><h1>NOSCRIPT HEADLINE</h1></noscript>
            <h1 aria-hidden="true">ARIA H1</h1><div style="display:none"><h1>HIDDEN H1</h1><time datetime="2020-01-01" pubdate>x</time></div>
            <h1>Real Headline Here</h1>
            <p class="byline" hidden>By Ghost Writer</p><p class="byline">By Real Author</p>
            <p class="dek">Real dek<span hidden>HIDDEN DEK</span><script>DEKSCRIPT</script></p>
            <template><time datetime="2019-05-05" pubdate>y</time></template>
            <p>Published December 15, 2025</p>
            <p>Body paragraph has plenty of words to count as content for the extractor that reads it.</p>
            </main></body></html>
            """
        let (m, d) = Self.extract(html)
        #expect(m.title == "Real Headline Here")
        #expect(m.subtitle == "Real dek")
        #expect(m.authors.map(\.name) == ["Real Author"])
        #expect(m.publicationDate == PublicationDate(year: 2025, month: 12, day: 15))
        #expect(d.filter { $0.rule == "ingest.metadata-conflict" }.isEmpty, "\(d.map(\.message))")
    }

    @Test func aBylineAndItsTooltipAreReadWithoutScriptsOrHiddenText() {
        let (m, _) = Self.extract(Self.page(h1: "Visible Title", byline: """
            <div class="byline"><a href="/p/d">Dana<script>SCRIPTNAME</script> Imaginary</a><span role="tooltip">Dana Imaginary, Senior Fellow<style>.t{}</style><span hidden> HIDDENAFF</span></span></div>
            """))
        #expect(m.authors.map(\.name) == ["Dana Imaginary"])
        #expect(m.authors.first?.affiliation == "Senior Fellow")
    }

    // MARK: structured-data names

    @Test(arguments: [
        ("<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":{\"@type\":\"Person\",\"name\":\"Dr. Park Ji&#45;won, PhD\"}}</script>", "Park Ji-won"),
        ("<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":{\"name\":\"Prof. Park Ji-won, Ph.D.\"}}</script>", "Park Ji-won"),
        ("<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":\"Dr. Park Ji-won, PhD\"}</script>", "Park Ji-won"),
        ("<script type=\"application/ld+json\">{\"@type\":\"Article\",\"creator\":[{\"@type\":\"Person\",\"name\":\"Amb. Park Ji-won Ph.D.\"}]}</script>", "Park Ji-won"),
        ("<meta name=\"citation_author\" content=\"Dr. Park Ji-won, PhD\">", "Park Ji-won"),
        ("<meta name=\"citation_author\" content=\"Park, Dr. Ji-won\">", "Park, Ji-won"),
        ("<meta name=\"citation_author\" content=\"Dr. Park, Ji-won, M.D.\">", "Park, Ji-won"),
        ("<meta name=\"author\" content=\"Prof. Park Ji-won, MPP\">", "Park Ji-won"),
        ("<meta name=\"DC.creator\" content=\"Dr. Park Ji-won, PhD\">", "Park Ji-won"),
        ("<meta name=\"dcterms.creator\" content=\"Mr. Park Ji-won\">", "Park Ji-won"),
        ("<meta name=\"citation_author\" content=\"Martin Luther King, Jr.\">", "Martin Luther King, Jr."),
        ("<meta name=\"citation_author\" content=\"Jack Ma\">", "Jack Ma"),
        ("<meta name=\"citation_author\" content=\"JACK MA\">", "JACK MA"),
        ("<meta name=\"citation_author\" content=\"Ma, Jack\">", "Ma, Jack"),
        ("<meta name=\"citation_author\" content=\"Dr.\">", "Dr."),
    ] as [(String, String)])
    func structuredDataPersonNamesAreCleanedAsBylinesAre(_ head: String, _ name: String) {
        let (m, _) = Self.extract(Self.page(head: "<title>T</title>\(head)", h1: "T", byline: ""))
        #expect(m.authors.map(\.name) == [name], "\(head)")
        #expect(m.authors.map(\.kind) == [.person], "\(head)")
    }

    @Test func organisationNamesInStructuredDataAreLeftAsTheyAre() {
        let (m, _) = Self.extract(Self.page(head: """
            <title>T</title><script type="application/ld+json">{"@type":"Article","author":[{"@type":"Organization","name":"Dr. Who Fan Club, Inc"},{"@type":"Person","name":"Dr. Jane Doe"}]}</script>
            """, h1: "T", byline: ""))
        #expect(m.authors.map(\.name) == ["Dr. Who Fan Club, Inc", "Jane Doe"])
        #expect(m.authors.map(\.kind) == [.group, .person])
    }

    // MARK: group authors are not affiliations

    static func summary(_ authors: [Author]) -> [String] {
        authors.map { "\($0.name)/\($0.kind == .group ? "group" : "person")/\($0.affiliation ?? "-")" }
    }

    @Test(arguments: [
        ("""
         <meta name="citation_author" content="Kim, Minho"><meta name="citation_author" content="KEI Staff"><meta name="citation_author" content="Reuters">
         """, ["Kim, Minho/person/-", "KEI Staff/group/-", "Reuters/group/-"]),
        ("""
         <script type="application/ld+json">{"@type":"Article","author":[{"@type":"Person","name":"Minho Kim"},{"@type":"Organization","name":"KEI Staff"},{"@type":"Organization","name":"Reuters"}]}</script>
         """, ["Minho Kim/person/-", "KEI Staff/group/-", "Reuters/group/-"]),
        ("", ["Minho Kim/person/-", "KEI Staff/group/-", "Reuters/group/-"]),
        ("<meta name=\"author\" content=\"Minho Kim, KEI Staff and Reuters\">", ["Minho Kim/person/-", "KEI Staff/group/-", "Reuters/group/-"]),
    ] as [(String, [String])])
    func aGroupAuthorIsNeverAPersonsAffiliation(_ head: String, _ expected: [String]) {
        let (m, _) = Self.extract(Self.page(head: "<title>Trade Winds</title>\(head)", h1: "Trade Winds",
                                            byline: "<p class=\"byline\">By Minho Kim, KEI Staff and Reuters</p>"))
        #expect(Self.summary(m.authors) == expected, "\(head)")
    }

    @Test(arguments: [
        ("By Minho Kim, The Foreign Desk", ["Minho Kim/person/-", "The Foreign Desk/group/-"]),
        ("By Minho Kim, Yonhap Correspondents", ["Minho Kim/person/-", "Yonhap Correspondents/group/-"]),
        ("By Minho Kim, Korea University", ["Minho Kim/person/Korea University"]),
        ("By Minho Kim, KEI", ["Minho Kim/person/KEI"]),
        ("By Minho Kim, Korea University and KEI Staff", ["Minho Kim/person/Korea University", "KEI Staff/group/-"]),
    ] as [(String, [String])])
    func collectiveSignaturesInABylineAreAuthorsAndInstitutionsAffiliations(_ byline: String, _ expected: [String]) {
        let (m, _) = Self.extract(Self.page(h1: "T", byline: "<p class=\"byline\">\(byline)</p>"))
        #expect(Self.summary(m.authors) == expected, "\(byline)")
    }

    @Test func anAffiliationThatNamesAGroupAuthorOfTheWinningSourceIsNotTaken() {
        for group in ["KEI", "Korea Economic Institute of America", "Reuters"] {
            let (m, _) = Self.extract(Self.page(
                head: "<title>T</title><meta name=\"citation_author\" content=\"Kim, Minho\"><meta name=\"citation_author\" content=\"\(group)\">",
                h1: "T", byline: "<p class=\"byline\">By Minho Kim, \(group)</p>"))
            #expect(Self.summary(m.authors) == ["Kim, Minho/person/-", "\(group)/group/-"], "\(group)")
        }
    }

    @Test func anAffiliationFromAnotherSourceIsStillFilledIn() {
        let (m, _) = Self.extract(Self.page(head: "<title>T</title><meta name=\"citation_author\" content=\"Kim, Minho\">", h1: "T",
                                            byline: "<p class=\"byline\">By Minho Kim, Korea University</p>"))
        #expect(Self.summary(m.authors) == ["Kim, Minho/person/Korea University"])
    }
}
