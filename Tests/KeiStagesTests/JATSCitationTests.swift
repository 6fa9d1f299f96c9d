import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiTestSupport
@testable import KeiCitations
@testable import KeiStages

/// The JATS of notes read as citations: the `ref-list` written from hand-built ``CSLItem``s (JATS 1.3,
/// JATS4R), and the notes' citations linked to their `ref`s with `xref ref-type="bibr"`, the notes'
/// text unchanged, every output valid against the DTD.
@Suite struct JATSCitationTests {
    typealias F = JATSCitationFixtures

    /// Writes `article` with `index`, checks it against the DTD, the structural validator and (when
    /// xsltproc is installed) the PMC Style Checker on the notes and reference list, and checks that the
    /// notes' text is the same as without any citation. Returns the XML.
    static func written(_ article: Article, _ index: CitationIndex, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let xml = JATSWriter.write(article, issue: IssueInfo(), citations: index)
        let plain = JATSWriter.write(article, issue: IssueInfo(), citations: CitationIndex())
        #expect(notesText(xml) == notesText(plain), "the notes' text changed", sourceLocation: sourceLocation)
        #expect(JATSStructureValidator.validate(xml).isEmpty, "\(JATSStructureValidator.validate(xml))", sourceLocation: sourceLocation)
        if XMLLint.dtdsAvailable {
            let lint = try XMLLint.validate(xml: xml)
            #expect(lint.passed, "xmllint: \(lint.stderr)\n\(xml)", sourceLocation: sourceLocation)
        }
        if PMCStyleChecker.available {
            let findings = PMCStyleChecker.findingsInNotesAndReferences(try PMCStyleChecker.check(xml: xml))
            #expect(findings.isEmpty, "PMC style checker on the notes and ref-list: \(findings)", sourceLocation: sourceLocation)
        }
        return xml
    }

    /// The text of the `fn-group`, tags removed.
    static func notesText(_ xml: String) -> String {
        guard let a = xml.range(of: "<fn-group>"), let b = xml.range(of: "</fn-group>") else { return "" }
        return String(xml[a.upperBound..<b.lowerBound]).replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
    }

    /// The `<fn>` element with this id.
    static func fn(_ id: String, in xml: String) -> String {
        guard let a = xml.range(of: "<fn id=\"\(id)\">"), let b = xml[a.upperBound...].range(of: "</fn>") else { return "" }
        return String(xml[a.lowerBound..<b.upperBound])
    }

    /// The `<ref>` element with this id.
    static func ref(_ id: String, in xml: String) -> String {
        guard let a = xml.range(of: "<ref id=\"\(id)\">"), let b = xml[a.upperBound...].range(of: "</ref>") else { return "" }
        return String(xml[a.lowerBound..<b.upperBound])
    }

    static func count(_ needle: String, in s: String) -> Int { s.components(separatedBy: needle).count - 1 }

    /// One note citing one item over its whole text.
    static func oneSource(_ item: CSLItem, _ inlines: [Inline]) throws -> String {
        let note = F.note("fn1", inlines)
        let text = TextUnit(scope: .note, location: F.loc, inlines: inlines).text.string
        let index = F.index([F.citation(.full, note, text, source: "ref1", item: item)])
        return try written(F.article([note]), index)
    }

    // MARK: element-citation from CSL items

    @Test func bookWithEditors() throws {
        let xml = try Self.oneSource(F.bookWithEditors, [
            .text("Victor D. Cha and Sung-han Kim, eds., "), .emphasis([.text("Alliance Politics & Korea")]),
            .text(", 2nd ed. (Washington, DC: KEI, 2021), 34–38."),
        ])
        let ref = Self.ref("ref1", in: xml)
        for needle in ["<citation-alternatives>", "<element-citation publication-type=\"book\">",
                       "<person-group person-group-type=\"editor\">",
                       "<name><surname>Cha</surname><given-names>Victor D.</given-names></name>",
                       "<name><surname>Kim</surname><given-names>Sung-han</given-names></name>",
                       "<source>Alliance Politics &amp; Korea</source>", "<edition>2nd ed.</edition>",
                       "<publisher-loc>Washington, DC</publisher-loc>", "<publisher-name>KEI</publisher-name>",
                       "<year iso-8601-date=\"2021\">2021</year>", "<fpage>34</fpage>", "<lpage>38</lpage>",
                       "<isbn>978-0-306-40615-7</isbn>",
                       "<mixed-citation publication-type=\"book\">Victor D. Cha and Sung-han Kim, eds., <italic>Alliance Politics &amp; Korea</italic>, 2nd ed."] {
            #expect(ref.contains(needle), "\(needle) in\n\(ref)")
        }
        #expect(!ref.contains("person-group-type=\"author\""), "a book with editors only has no author group")
        #expect(Self.fn("fn1", in: xml).contains("<xref ref-type=\"bibr\" rid=\"ref1\">Victor D. Cha"))
    }

    @Test func chapterInAnEditedBook() throws {
        let xml = try Self.oneSource(F.chapter, [
            .text("Elena Marsh, “Two Audiences,” in "), .emphasis([.text("Extended Deterrence in Asia")]),
            .text(", ed. Daniel R. Okafor (Ithaca, NY: Northgate University Press, 2021), 211–29."),
        ])
        let ref = Self.ref("ref1", in: xml)
        for needle in ["<element-citation publication-type=\"book\">", "<person-group person-group-type=\"author\">",
                       "<name><surname>Marsh</surname><given-names>Elena</given-names></name>",
                       "<person-group person-group-type=\"editor\">", "<chapter-title>Two Audiences</chapter-title>",
                       "<source>Extended Deterrence in Asia</source>", "<fpage>211</fpage>", "<lpage>229</lpage>"] {
            #expect(ref.contains(needle), "\(needle) in\n\(ref)")
        }
        #expect(!ref.contains("<article-title>"))
    }

    @Test func journalArticleWithDOI() throws {
        let xml = try Self.oneSource(F.journalArticle, [
            .text("Min-seo Kwak, “Subsidy Races and Alliance Politics,” "), .emphasis([.text("Korea Trade Review")]),
            .text(" 31, no. 2 (March 2025): 77–98, https://doi.org/10.1234/ktr.2025.31.2.77."),
        ])
        let ref = Self.ref("ref1", in: xml)
        for needle in ["<element-citation publication-type=\"journal\">", "<article-title>Subsidy Races and Alliance Politics</article-title>",
                       "<source>Korea Trade Review</source>", "<volume>31</volume>", "<issue>2</issue>",
                       "<year iso-8601-date=\"2025-03\">2025</year>", "<month>03</month>", "<fpage>77</fpage>", "<lpage>98</lpage>",
                       "<pub-id pub-id-type=\"doi\">10.1234/ktr.2025.31.2.77</pub-id>"] {
            #expect(ref.contains(needle), "\(needle) in\n\(ref)")
        }
    }

    @Test func webPageWithAccessDateAndOrganisationAuthor() throws {
        let url = F.webPage.url!
        let xml = try Self.oneSource(F.webPage, [
            .text("The White House, “Washington Declaration,” April 26, 2023, accessed May 3, 2025, "),
            .link(url: url, children: [.text(TextRun(url))]), .text("."),
        ])
        let ref = Self.ref("ref1", in: xml)
        for needle in ["<element-citation publication-type=\"webpage\">", "<collab>The White House</collab>",
                       "<article-title>Washington Declaration</article-title>", "<source>whitehouse.gov</source>",
                       "<year iso-8601-date=\"2023-04-26\">2023</year>", "<month>04</month>", "<day>26</day>",
                       "<ext-link ext-link-type=\"uri\" xlink:href=\"https://www.whitehouse.gov/briefing-room/statements-releases/2023/04/26/washington-declaration-2/?a=1&amp;b=2\">",
                       "<date-in-citation content-type=\"access-date\" iso-8601-date=\"2025-05-03\">May 3, 2025</date-in-citation>"] {
            #expect(ref.contains(needle), "\(needle) in\n\(ref)")
        }
        // The URL is a link, which may not stand in an xref: the citation's words are linked, the link
        // follows, and the separators stay outside.
        let fn = Self.fn("fn1", in: xml)
        #expect(fn.contains("<p><xref ref-type=\"bibr\" rid=\"ref1\">The White House, “Washington Declaration,” April 26, 2023, accessed May 3, 2025</xref>, <ext-link "), "\(fn)")
        #expect(fn.hasSuffix("</ext-link>.</p>\n      </fn>"), "\(fn)")
    }

    @Test func organisationReportWithGenreAndNote() throws {
        let xml = try Self.oneSource(F.organisationReport, [.text("Korea Economic Institute of America, Chips, Trust and Trade, white paper (Washington, DC, 2024).")])
        let ref = Self.ref("ref1", in: xml)
        for needle in ["<element-citation publication-type=\"report\">", "<person-group person-group-type=\"author\">",
                       "<collab>Korea Economic Institute of America</collab>", "<source>Chips, Trust and Trade</source>",
                       "<comment content-type=\"genre\">white paper</comment>", "<comment>Cited in the press release</comment>"] {
            #expect(ref.contains(needle), "\(needle) in\n\(ref)")
        }
        #expect(!ref.contains("<name>"))
    }

    // MARK: Links from the notes

    @Test func shortFormAndIbidLinkToTheFullNotesRef() throws {
        let full = F.note("fn1", [.text("Min-seo Kwak, “Subsidy Races and Alliance Politics,” "), .emphasis([.text("Korea Trade Review")]), .text(" 31, no. 2 (2025): 77–98.")])
        let short = F.note("fn2", [.text("Kwak, “Subsidy Races,” 90.")])
        let ibid = F.note("fn3", [.text("Ibid., 92.")])
        let other = F.note("fn4", [.text("Elena Marsh, "), .emphasis([.text("Two Audiences")]), .text(" (Ithaca, NY: Northgate University Press, 2021).")])
        let index = F.index([
            F.citation(.full, full, "Min-seo Kwak, “Subsidy Races and Alliance Politics,” Korea Trade Review 31, no. 2 (2025): 77–98.", source: "ref1", item: F.journalArticle),
            F.citation(.shortForm, short, "Kwak, “Subsidy Races,” 90.", source: "ref1"),
            F.citation(.ibid, ibid, "Ibid., 92.", source: "ref1"),
            F.citation(.full, other, "Elena Marsh, Two Audiences (Ithaca, NY: Northgate University Press, 2021).", source: "ref2", item: F.chapter),
        ])
        let xml = try Self.written(F.article([full, short, ibid, other]), index)
        #expect(Self.count("<ref id=", in: xml) == 2, "one ref per source, not per note")
        #expect(Self.fn("fn2", in: xml).contains("<p><xref ref-type=\"bibr\" rid=\"ref1\">Kwak, “Subsidy Races,” 90.</xref></p>"))
        #expect(Self.fn("fn3", in: xml).contains("<p><xref ref-type=\"bibr\" rid=\"ref1\">Ibid., 92.</xref></p>"))
        #expect(Self.fn("fn4", in: xml).contains("rid=\"ref2\""))
        #expect(Self.count("rid=\"ref1\"", in: xml) == 3)
        // The mixed-citation is the full note's words, italics kept.
        #expect(Self.ref("ref1", in: xml).contains("<mixed-citation publication-type=\"journal\">Min-seo Kwak, “Subsidy Races and Alliance Politics,” <italic>Korea Trade Review</italic> 31, no. 2 (2025): 77–98.</mixed-citation>"))
    }

    @Test func noteWithTwoSourcesAndCommentary() throws {
        let note = F.note("fn1", [
            .text("On subsidies, see Min-seo Kwak, “Subsidy Races,” "), .emphasis([.text("Korea Trade Review")]),
            .text(" 31 (2025): 77–98; and Elena Marsh, "), .emphasis([.text("Two Audiences")]),
            .text(" (Ithaca, NY: Northgate, 2021). Both overstate the case."),
        ])
        let first = "Min-seo Kwak, “Subsidy Races,” Korea Trade Review 31 (2025): 77–98"
        let second = "Elena Marsh, Two Audiences (Ithaca, NY: Northgate, 2021)."
        let index = F.index([
            F.citation(.commentary, note, "On subsidies, see ", source: nil),
            F.citation(.full, note, first, source: "ref1", item: F.journalArticle),
            F.citation(.commentary, note, "; and ", source: nil),
            F.citation(.full, note, second, source: "ref2", item: F.bookWithEditors),
            F.citation(.commentary, note, " Both overstate the case.", source: nil),
        ])
        let xml = try Self.written(F.article([note]), index)
        #expect(Self.fn("fn1", in: xml).contains(
            "<p>On subsidies, see <xref ref-type=\"bibr\" rid=\"ref1\">Min-seo Kwak, “Subsidy Races,” <italic>Korea Trade Review</italic> 31 (2025): 77–98</xref>; and <xref ref-type=\"bibr\" rid=\"ref2\">Elena Marsh, <italic>Two Audiences</italic> (Ithaca, NY: Northgate, 2021).</xref> Both overstate the case.</p>"),
            "\(Self.fn("fn1", in: xml))")
        #expect(Self.ref("ref2", in: xml).contains("<mixed-citation publication-type=\"book\">Elena Marsh, <italic>Two Audiences</italic> (Ithaca, NY: Northgate, 2021).</mixed-citation>"))
    }

    @Test func citationCutThroughItalicKeepsTheItalicWhole() throws {
        let note = F.note("fn1", [.text("See "), .emphasis([.text("Big Title, vol. 2")]), .text(" (2020). More.")])
        let index = F.index([F.citation(.full, note, "Title, vol. 2 (2020).", source: "ref1", item: F.bookWithEditors)])
        let xml = try Self.written(F.article([note]), index)
        #expect(Self.fn("fn1", in: xml).contains(
            "<p>See <italic>Big <xref ref-type=\"bibr\" rid=\"ref1\">Title, vol. 2</xref></italic> <xref ref-type=\"bibr\" rid=\"ref1\">(2020).</xref> More.</p>"),
            "\(Self.fn("fn1", in: xml))")
        #expect(Self.ref("ref1", in: xml).contains("<mixed-citation publication-type=\"book\"><italic>Title, vol. 2</italic> (2020).</mixed-citation>"))
    }

    @Test func citationThatIsAllLinkTextGetsAnAnchor() throws {
        let note = F.note("fn1", [.text("See "), .link(url: "https://example.org/r", children: [.text("The Report")]), .text(". Also a marker"),
                                  .noteRef(NoteRef(label: "9", noteID: "fn1")), .text(".")])
        let index = F.index([F.citation(.full, note, "The Report", source: "ref1", item: F.organisationReport)])
        let xml = try Self.written(F.article([note]), index)
        #expect(Self.fn("fn1", in: xml).contains("<p>See <ext-link ext-link-type=\"uri\" xlink:href=\"https://example.org/r\">The Report</ext-link><xref ref-type=\"bibr\" rid=\"ref1\"/>. Also a marker"),
                "\(Self.fn("fn1", in: xml))")
    }

    @Test func citationsOfUnwrittenSourcesAndBadRangesAreWrittenAsText() throws {
        let note = F.note("fn1", [.text("Kwak, “Subsidy Races,” 90.")])
        var bad = F.citation(.shortForm, note, "Kwak", source: "ref1")
        bad.range = 5..<10_000
        let dangling = F.citation(.ibid, note, "90", source: "ref9")
        let index = F.index([F.citation(.full, note, "Kwak, “Subsidy Races,” 90.", source: "ref1", item: F.journalArticle), bad, dangling])
        let xml = try Self.written(F.article([note]), index)
        #expect(!xml.contains("ref9"), "a citation of a source that is not written links nowhere")
    }

    // MARK: The page's own reference list

    @Test func pageReferencesGetAnElementCitationAndNoteSourcesNumberOn() throws {
        var article = F.article([F.note("fn1", [.text("Kwak, “Subsidy Races,” 90.")])])
        article.references = [Reference(id: "ref1", label: "1", inlines: [.text("KEI. 2024. "), .emphasis([.text("Report")]), .text(".")], location: F.loc)]
        let note = article.notes[0]
        let index = F.index([F.citation(.full, note, "Kwak, “Subsidy Races,” 90.", source: "ref1", item: F.journalArticle)])
        let xml = try Self.written(article, index)
        let page = Self.ref("ref1", in: xml)
        #expect(page.contains("<element-citation publication-type=\"") && page.contains("<mixed-citation"), "\(page)")
        #expect(page.contains("<italic>Report</italic>"))
        #expect(Self.ref("ref2", in: xml).contains("<article-title>Subsidy Races and Alliance Politics</article-title>"))
        #expect(Self.fn("fn1", in: xml).contains("rid=\"ref2\""), "the note links to the source's ref, numbered after the page's")
    }

    // MARK: Page fields

    @Test func pagesMapToFirstAndLastPageOrARange() {
        func f(_ s: String) -> [String] { JATSCitationWriter.pageFields(s).map { "\($0.0)=\($0.2)" } }
        #expect(f("211–29") == ["fpage=211", "lpage=229"])
        #expect(f("1536-38") == ["fpage=1536", "lpage=1538"])
        #expect(f("77–98") == ["fpage=77", "lpage=98"])
        #expect(f("90") == ["fpage=90"])
        #expect(f("xi–xv") == ["fpage=xi", "lpage=xv"])
        #expect(f("e0123") == ["elocation-id=e0123"])
        #expect(f("12, 15–19") == ["page-range=12, 15–19"])
        #expect(f("45n3") == ["page-range=45n3"])
        #expect(f("98–77") == ["fpage=98", "lpage=77"], "a range that does not complete upwards is left as written")
    }
}

extension JATSCitationTests {
    @Test func theMixedCitationLeavesOutTheSeparatorsAroundTheSource() throws {
        let note = F.note("fn1", [.text("See Kwak, "), .emphasis([.text("Subsidy Races")]), .text(" (2025); and more.")])
        let index = F.index([F.citation(.full, note, " Kwak, Subsidy Races (2025); ", source: "ref1", item: F.journalArticle)])
        let xml = try Self.written(F.article([note]), index)
        #expect(Self.ref("ref1", in: xml).contains("<mixed-citation publication-type=\"journal\">Kwak, <italic>Subsidy Races</italic> (2025)</mixed-citation>"),
                "\(Self.ref("ref1", in: xml))")
        #expect(Self.fn("fn1", in: xml).contains("<p>See <xref ref-type=\"bibr\" rid=\"ref1\">Kwak, <italic>Subsidy Races</italic> (2025)</xref>; and more.</p>"),
                "\(Self.fn("fn1", in: xml))")
    }
}

extension JATSCitationTests {
    @Test func aNameWithoutFamilyNameIsGivenOnly() throws {
        var item = CSLItem(type: .book)
        item.author = [CSLName(family: nil, given: "Plato"), CSLName(family: "Kim", given: nil)]
        item.title = "Republic"
        let xml = try Self.oneSource(item, [.text("Plato and Kim, Republic.")])
        let ref = Self.ref("ref1", in: xml)
        #expect(ref.contains("<name name-style=\"given-only\"><given-names>Plato</given-names></name>"), "\(ref)")
        #expect(ref.contains("<name><surname>Kim</surname></name>"), "\(ref)")
    }
}

extension JATSCitationTests {
    @Test func theAnchorOfALinkedTitleFollowsTheLink() throws {
        let note = F.note("fn1", [.text("See the discussion at "), .link(url: "https://keia.org/p/", children: [.text("The Peninsula")]), .text(".")])
        let index = F.index([F.citation(.full, note, "The Peninsula.", source: "ref1", item: F.webPage)])
        let xml = try Self.written(F.article([note]), index)
        #expect(Self.fn("fn1", in: xml).contains("<p>See the discussion at <ext-link ext-link-type=\"uri\" xlink:href=\"https://keia.org/p/\">The Peninsula</ext-link><xref ref-type=\"bibr\" rid=\"ref1\"/>.</p>"),
                "\(Self.fn("fn1", in: xml))")
    }
}
