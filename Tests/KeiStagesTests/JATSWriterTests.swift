import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiTestSupport
import KeiXML
@testable import KeiStages

@Suite struct JATSWriterTests {
    static let rich = JATSFixtures.richArticle()
    static let richXML = JATSWriter.write(rich, issue: JATSFixtures.issue)

    /// The articles every validity test runs on, with a name for messages.
    static var variants: [(String, Article, IssueInfo)] {
        var noSections = JATSFixtures.richArticle()
        noSections.sections = []
        noSections.abstract = []
        var noBack = JATSFixtures.richArticle()
        noBack.notes = []
        noBack.references = []
        return [
            ("rich", rich, JATSFixtures.issue),
            ("rich without workflow issue facts", rich, IssueInfo()),
            ("empty", JATSFixtures.emptyArticle(), IssueInfo()),
            ("no sections, no abstract", noSections, JATSFixtures.issue),
            ("no notes, no references (markers dangle)", noBack, JATSFixtures.issue),
        ]
    }

    // MARK: DTD validity (xmllint)

    @Test(.enabled(if: XMLLint.dtdsAvailable, "needs ../shared/jats"))
    func writtenArticlesAreValidAgainstTheDTD() throws {
        for (name, article, issue) in Self.variants {
            let xml = JATSWriter.write(article, issue: issue)
            let result = try XMLLint.validate(xml: xml)
            #expect(result.status == 0, "xmllint exit \(result.status) for \(name)")
            #expect(result.stderr.isEmpty, "xmllint for \(name): \(result.stderr)")
        }
    }

    // MARK: Swift structural check

    @Test func writtenArticlesPassTheStructuralValidator() {
        for (name, article, issue) in Self.variants {
            let problems = JATSStructureValidator.validate(JATSWriter.write(article, issue: issue))
            #expect(problems.isEmpty, "\(name): \(problems)")
        }
    }

    // MARK: Determinism

    @Test func writingTwiceGivesIdenticalBytes() {
        let a = Data(JATSWriter.write(JATSFixtures.richArticle(), issue: JATSFixtures.issue).utf8)
        let b = Data(JATSWriter.write(JATSFixtures.richArticle(), issue: JATSFixtures.issue).utf8)
        #expect(a == b)
        #expect(!Self.richXML.contains("\r"), "no raw carriage return")
        #expect(Self.richXML.hasSuffix("</article>\n"))
    }

    // MARK: Escaping round trip

    @Test func textSurvivesEscapingRoundTrip() throws {
        let doc = MarkupParser.parseXML(Data(Self.richXML.utf8))
        let root = try #require(doc.root)
        let meta = Self.rich.metadata
        #expect(root.firstDescendant(named: "article-title")?.textContent == meta.title)
        #expect(root.firstDescendant(named: "subtitle")?.textContent == meta.subtitle)
        let expectedSpecial = XMLEscaper.legalCharacters(JATSFixtures.specialText)
        #expect(expectedSpecial != JATSFixtures.specialText, "the fixture must contain illegal characters")
        let paragraphs = root.descendants(named: ["p"]).map(\.textContent)
        #expect(paragraphs.contains(expectedSpecial))
        #expect(expectedSpecial.contains("\u{00A0}") && expectedSpecial.contains("한국어") && expectedSpecial.contains("😀"))
        // U+00A0 is written as the character, never as a reference.
        #expect(Self.richXML.contains("a\u{00A0}b"))
        #expect(!Self.richXML.contains("&#160;") && !Self.richXML.contains("&nbsp;"))
        // Preformatted text keeps its line feeds and carriage return; the bell character is dropped.
        let pre = root.descendants(named: ["preformat"]).map(\.textContent)
        #expect(pre.contains("line 1\n  line <2> & \"3\"\r\nend\t"))
        // Attribute values survive too.
        let links = root.descendants(named: ["ext-link"]).compactMap { $0[attribute: "xlink:href"] }
        // The ampersand survives escaping; the quotes are percent-encoded, as the URL parser writes them.
        #expect(links.contains("https://example.org/?q=a&r=%22b%22"))
        #expect(root.firstDescendant(named: "self-uri")?[attribute: "xlink:href"] == meta.canonicalURL)
        let keywords = root.descendants(named: ["kwd"]).map(\.textContent)
        #expect(keywords == meta.keywords.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
    }

    @Test func paragraphTextMatchesTheModel() throws {
        // Every paragraph of the model without a nested link (whose URL is spelled out) reads back
        // with the same visible text, whatever mapping it needed (line breaks become line feeds).
        let root = try #require(MarkupParser.parseXML(Data(Self.richXML.utf8)).root)
        let written = Set(root.descendants(named: ["p"]).map(\.textContent))
        var checked = 0
        func visit(_ blocks: [Block]) {
            for b in blocks {
                switch b {
                case .paragraph(let p):
                    let text = XMLEscaper.legalCharacters(p.inlines.plainText)
                    if !p.inlines.contains(where: { if case .link(_, let c) = $0 { return c.contains { if case .link = $0 { return true } else { return false } } } else { return false } }) {
                        #expect(written.contains(text), "paragraph not found: \(text)")
                        checked += 1
                    }
                case .list(let l): for i in l.items { visit(i.blocks) }
                case .blockQuote(let q): visit(q.blocks)
                default: break
                }
            }
        }
        func visit(_ sections: [Section]) {
            for s in sections { visit(s.blocks); visit(s.subsections) }
        }
        visit(Self.rich.sections)
        visit(Self.rich.abstract)
        for n in Self.rich.notes { visit(n.blocks) }
        #expect(checked > 10)
    }

    // MARK: Mappings

    @Test func noteMarkersBecomeXrefsAndDanglingOnesSuperscriptText() throws {
        let root = try #require(MarkupParser.parseXML(Data(Self.richXML.utf8)).root)
        let fnIDs = Set(root.descendants(named: ["fn"]).compactMap(\.id))
        let xrefs = root.descendants(named: ["xref"]).filter { $0[attribute: "ref-type"] == "fn" }
        #expect(!xrefs.isEmpty)
        for x in xrefs { #expect(fnIDs.contains(x[attribute: "rid"] ?? ""), "xref to \(x[attribute: "rid"] ?? "nil")") }
        #expect(!Self.richXML.contains("fn99"))
        #expect(Self.richXML.contains("<sup>99</sup>"))
        // A marker already inside <sup> gets no second <sup>.
        #expect(Self.richXML.contains("<sup><xref ref-type=\"fn\" rid=\"fn2\">2</xref></sup>"))
        // Four notes (one with a duplicate model id) give four distinct fn ids.
        #expect(fnIDs.count == 4)
        // Every note has at least one paragraph.
        for fn in root.descendants(named: ["fn"]) { #expect(fn.childElements.contains { $0.name == "p" }) }
    }

    @Test func idsAreUniqueValidNames() throws {
        let root = try #require(MarkupParser.parseXML(Data(Self.richXML.utf8)).root)
        var ids: [String] = []
        root.walk { el in
            if let id = el.id { ids.append(id) }
            return true
        }
        #expect(Set(ids).count == ids.count, "duplicate ids in \(ids)")
        for id in ids { #expect(JATSStructureValidator.isNCName(id), "\(id)") }
        #expect(ids.contains("ref1") && ids.contains("sec1.1"))
        #expect(JATSIDAllocator.sanitize("1 bad id", prefix: "ref") == "ref1-bad-id")
        #expect(JATSIDAllocator.sanitize("xmlfoo", prefix: "sec") == "sec-xmlfoo")
        var allocator = JATSIDAllocator()
        #expect(allocator.allocate("fn1", prefix: "fn") == "fn1")
        #expect(allocator.allocate("fn1", prefix: "fn") == "fn1-2")
        #expect(allocator.allocate("", prefix: "fn") == "fn1-3")
        #expect(allocator.allocate("한국", prefix: "sec") == "sec1")
    }

    @Test func contentTheDTDForbidsInPlaceIsMappedNotDropped() throws {
        let xml = Self.richXML
        let root = try #require(MarkupParser.parseXML(Data(xml.utf8)).root)
        // A table and a figure in a list item are wrapped in a paragraph.
        #expect(xml.contains("<list-item>\n") && xml.contains("<p><table-wrap id=\"tbl1\">"))
        // A list in a note is wrapped in a paragraph.
        #expect(CitationLinks.notes(in: xml).contains("<p><list list-type=\"bullet\"><list-item><p>list in note</p></list-item></list></p>"))
        // An empty list item and an empty note get an empty paragraph.
        #expect(xml.contains("<list-item>\n") && xml.contains("<p/>"))
        // A line break in a paragraph becomes a line feed; in a title or cell it stays a <break/>.
        #expect(xml.contains("line&#xA;break"))
        #expect(root.firstDescendant(named: "sec")?.childElements.first(where: { $0.name == "title" })?.textContent.contains("link in title") == true)
        #expect(xml.contains("<td>line<break/>two</td>"))
        // A nested link keeps its text and URL.
        #expect(xml.contains("nested (https://nested.example.org/)</ext-link><xref ref-type=\"fn\" rid=\"fn1\"><sup>1</sup></xref>"),
                "a marker at the end of a link moves just after it and stays a cross-reference")
        // A link with an empty URL keeps its text; one without text shows its URL.
        #expect(xml.contains(" empty-url link"))
        #expect(xml.contains("<ext-link ext-link-type=\"uri\" xlink:href=\"https://example.org/empty\">https://example.org/empty</ext-link>"))
        // A note marker in a reference (no xref allowed there) is superscript text.
        let citation = try #require(root.firstDescendant(named: "mixed-citation"))
        #expect(citation.descendants(named: ["xref"]).isEmpty)
        #expect(citation.textContent.contains("r11\n2nd line"))
        // Table foot: the totals row stays in tfoot, the source line goes to table-wrap-foot.
        #expect(root.firstDescendant(named: "tfoot")?.textContent.contains("Total") == true)
        #expect(root.firstDescendant(named: "table-wrap-foot")?.textContent == "Source: KEI calculations \n& estimates.")
        #expect(xml.contains("<th colspan=\"2\">Value &amp; share</th>") && xml.contains("<td rowspan=\"2\">2020</td>"))
        // A figure without a graphic keeps its alt text.
        #expect(root.descendants(named: ["alt-text"]).map(\.textContent).contains("only alt"))
        // Leading untitled content goes straight into body; later untitled content is an untitled sec.
        let body = try #require(root.firstDescendant(named: "body"))
        #expect(body.childElements.first?.name == "p")
        #expect(xml.contains("<title/>"))
        // Quote attribution with a link and a line break (no <break/> allowed in attrib).
        #expect(root.firstDescendant(named: "attrib")?.textContent == "\u{2014} Hamlet\nAct 3")
    }

    @Test func frontMatterFollowsTheWorkflowAndMetadata() throws {
        let root = try #require(MarkupParser.parseXML(Data(Self.richXML.utf8)).root)
        let meta = try #require(root.firstDescendant(named: "article-meta"))
        // Issue facts from the workflow win over the article's metadata.
        #expect(meta.firstDescendant(named: "volume")?.textContent == "3")
        #expect(meta.firstDescendant(named: "issue")?.textContent == "2")
        let dates = meta.childElements.filter { $0.name == "pub-date" }
        #expect(dates.map { $0[attribute: "iso-8601-date"] } == ["2025-12-15", "2025-12-15"])
        #expect(dates.first?.childElements.map(\.name) == ["day", "month", "year"])
        #expect(root.descendants(named: ["issn"]).map(\.textContent) == ["0000-0000", "0000-0001"])
        #expect(meta.firstDescendant(named: "copyright-statement")?.textContent == "\u{00A9} 2025 Korea Economic Institute of America")
        #expect(meta.firstDescendant(named: "ali:license_ref")?.textContent == "https://creativecommons.org/licenses/by/4.0/")
        // Names: split only when unambiguous.
        let contribs = meta.descendants(named: ["contrib"])
        #expect(contribs.count == 5)
        #expect(contribs[0].firstDescendant(named: "surname")?.textContent == "Snyder")
        #expect(contribs[0].firstDescendant(named: "given-names")?.textContent == "Scott A.")
        #expect(contribs[1].firstDescendant(named: "string-name")?.textContent == "Lee Jae Myung")
        #expect(contribs[2].firstDescendant(named: "string-name")?.textContent == "Kim Jong Un")
        // "Victor" is no Korean surname, so the order is given name first: surname Cha.
        #expect(contribs[3].firstDescendant(named: "surname")?.textContent == "Cha")
        #expect(contribs[3][attribute: "contrib-type"] == "editor")
        #expect(contribs[4].firstDescendant(named: "string-name")?.textContent == "이재명")
        // Two distinct affiliations, shared by id.
        let affs = meta.childElements.filter { $0.name == "aff" }
        #expect(affs.map(\.textContent) == ["Korea Economic Institute of America", "Seoul National University"])
        #expect(contribs[2].firstDescendant(named: "xref")?[attribute: "rid"] == affs[0].id)
        #expect(JATSNameSplitter.split("Ludwig van Beethoven") == nil)
        #expect(JATSNameSplitter.split("Martin Luther King Jr.") == nil)
        #expect(JATSNameSplitter.split("Madonna") == nil)
        // Korean names: the surname written first is not split; given name first is.
        for name in ["Lee Jae Myung", "Kim Jong Un", "Lee Jae-won", "Kim Min-seo", "Kim Example", "Park Ji"] {
            #expect(JATSNameSplitter.split(name) == nil, "\(name)")
        }
        for (name, surname, given) in [("Min-seo Kwak", "Kwak", "Min-seo"), ("Duyeon Kim", "Kim", "Duyeon"),
                                       ("Andrew Yeo", "Yeo", "Andrew"), ("Hana Seo-Whitfield", "Seo-Whitfield", "Hana"),
                                       ("Ji-won Park", "Park", "Ji-won"), ("Hannah Lee", "Lee", "Hannah")] {
            let split = JATSNameSplitter.split(name)
            #expect(split?.surname == surname && split?.givenNames == given, "\(name)")
        }
    }

    @Test func anArticleWithoutTitleOrContentIsStillComplete() throws {
        let xml = JATSWriter.write(JATSFixtures.emptyArticle(), issue: IssueInfo())
        let root = try #require(MarkupParser.parseXML(Data(xml.utf8)).root)
        #expect(root.firstDescendant(named: "article-title") != nil)
        #expect(xml.contains("<article-title/>"))
        #expect(xml.contains("<issn/>"))
        #expect(xml.contains(" article-type=\"research-article\" "))
        #expect(JATSWriter.write(JATSFixtures.emptyArticle(), issue: IssueInfo(), articleType: "editorial").contains(" article-type=\"editorial\" "))
        #expect(JATSWriter.write(JATSFixtures.emptyArticle(), issue: IssueInfo(), articleType: "  ") == xml)
        #expect(xml.contains("<pub-date-not-available/>"))
        #expect(root.firstDescendant(named: "body") == nil)
        #expect(root.firstDescendant(named: "back") == nil)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE article PUBLIC \"\(JATSWriter.publicIdentifier)\""))
    }

    @Test func indentationIsTwoSpacesAndMixedContentStaysOnOneLine() {
        let lines = Self.richXML.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines.dropFirst(2) where !line.isEmpty {
            let indent = line.prefix { $0 == " " }.count
            // Only preformatted text may continue over lines.
            if line.hasPrefix(" ") || line.hasPrefix("<") {
                #expect(indent % 2 == 0, "odd indentation: \(line)")
            }
        }
        #expect(Self.richXML.contains("\n        <article-title>Supply Chains &amp; &lt;Resilience&gt;"))
        #expect(!Self.richXML.contains("<p>\n"))
    }
}
