import Foundation
import Testing
import KeiCore
import KeiDocument
@testable import KeiStages
import KeiTestSupport
import KeiXML

/// Issue 6, items 3, 4, 5 and 7: only rendered text is read, links are safe, chrome removal says
/// what it removed inside the article, and structure libxml2 split is rebuilt as browsers show it.
/// Each kind is tried in several spellings and positions, as small inline pages.
@Suite struct RenderedReadingTests {
    /// A page with a title, an author and a date (so no metadata warnings), `body` inside its article.
    static func page(_ body: String, head: String = "") -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Reading Test Page</title>
        <meta name="citation_title" content="Reading Test Page"><meta name="citation_author" content="Ann Example">
        <meta name="citation_publication_date" content="2025-01-02">\(head)</head>
        <body><main><article><h1>Reading Test Page</h1>
        <p>The opening paragraph has enough words in it to be read as the start of the article body, as pages do.</p>
        \(body)
        \(String(repeating: "<p>A middle paragraph carries the argument of the article, with enough words and commas, clauses, and qualifications to be scored as prose.</p>\n", count: 4))
        <p>The closing paragraph also has enough words in it to be read as part of the article body, as pages do.</p>
        </article></main></body></html>
        """
    }

    /// Ingests `html` and renders it to JATS; returns the article, diagnostics and the JATS text.
    static func ingest(_ html: String) throws -> (Article, [Diagnostic], String) {
        let ctx = try StageHarness.run(html: html)
        let article = try #require(ctx.article)
        return (article, ctx.diagnostics, JATSWriter.write(article, issue: IssueInfo()))
    }

    static func rules(_ d: [Diagnostic], _ rule: String) -> [Diagnostic] { d.filter { $0.rule == rule } }

    // MARK: 3. nothing that is not rendered is read

    @Test(arguments: [
        "display:none", "DISPLAY : NONE", "display:none !important", "display: none!important",
        "color:red;display:\n none", "display:/*hide*/none", "Display:None;", "visibility:hidden",
        "visibility : HIDDEN", "visibility:collapse", "content-visibility:hidden", "display:block;display:none",
        "\tdisplay\t:\tnone\t",
    ])
    func styleThatHides(_ style: String) {
        #expect(RenderedContent.styleHides(style), "\(style.debugDescription) hides")
    }

    @Test(arguments: [
        "display:block", "display:inline-block", "visibility:visible", "--display:none", "x-display:none",
        "display:none;display:block", "font-family:none", "color:hidden-gray", "",
    ])
    func styleThatShows(_ style: String) {
        #expect(!RenderedContent.styleHides(style), "\(style.debugDescription) does not hide")
    }

    @Test func hiddenAttributes() {
        func e(_ attributes: [(String, String)], _ name: String = "div") -> DOMElement {
            DOMElement(name: name, attributes: attributes.map { DOMAttribute(name: $0.0, value: $0.1) })
        }
        #expect(!RenderedContent.isRendered(e([("hidden", "")])))
        #expect(!RenderedContent.isRendered(e([("hidden", "hidden")])))
        #expect(RenderedContent.isRendered(e([("hidden", "until-found")])), "until-found content can be revealed by search")
        #expect(!RenderedContent.isRendered(e([("aria-hidden", "true")])))
        #expect(!RenderedContent.isRendered(e([("aria-hidden", " TRUE ")])))
        #expect(RenderedContent.isRendered(e([("aria-hidden", "false")])))
        #expect(!RenderedContent.isRendered(e([("style", "display:none")])))
        #expect(RenderedContent.isRendered(e([("style", "display:none")], "body")), "anti-flicker body is read")
        for name in ["script", "style", "noscript", "template", "iframe", "object", "noembed", "noframes"] {
            #expect(!RenderedContent.isRendered(e([], name)), "\(name) is not rendered")
        }
        #expect(RenderedContent.isRendered(e([("class", "hidden-xs")])), "a class name alone does not hide")
    }

    @Test func unrenderedTextNeverReachesBodyMetadataOrJATS() throws {
        let hidden = [
            "<div style=\"DISPLAY : None !important\">SECRETA inline style upper case spaced</div>",
            "<div style=\"color:red;\n  visibility:\n  hidden\">SECRETB visibility across lines</div>",
            "<p hidden>SECRETC hidden attribute</p>",
            "<p aria-hidden=\" TRUE \">SECRETD aria hidden</p>",
            "<noembed>SECRETE noembed</noembed>",
            "<noframes>SECRETF noframes</noframes>",
            "<span style=\"display:/*x*/none\">SECRETG comment in style</span>",
            "<template><p>SECRETH template</p></template>",
            "<noscript><p>SECRETI noscript</p></noscript>",
            "<object data=\"x.swf\"><p>SECRETJ object fallback</p></object>",
            "<ul><li>visible item</li><li style=\"display:none\">SECRETK hidden item</li></ul>",
            "<p>Inline <span hidden>SECRETL</span>hidden span in a sentence.</p>",
            "<div class=\"byline\" style=\"display:none\">By SECRETM Person</div>",
            "<h2 class=\"subtitle\" hidden>SECRETN subtitle</h2>",
            "<ol class=\"footnotes\"><li id=\"fn1\">A visible note.<span style=\"display:none\">SECRETO in a note</span></li></ol>",
        ].joined(separator: "\n")
        let (article, _, jats) = try Self.ingest(Self.page(hidden))
        #expect(!jats.contains("SECRET"), "no hidden text in the JATS:\n\(jats)")
        let dump = TreeDumper.dump(article)
        #expect(!dump.contains("SECRET"), "no hidden text in the model:\n\(dump)")
        #expect(!(article.metadata.subtitle ?? "").contains("SECRET"))
        #expect(!article.metadata.authors.contains { $0.name.contains("SECRET") })
        #expect(dump.contains("visible item") && dump.contains("hidden span in a sentence"))
    }

    @Test func hiddenBylineAndSubtitleAreNotMetadata() throws {
        // No citation_author: the visible byline is the only author source.
        let html = """
            <html><head><title>A Title Here</title><meta name="citation_publication_date" content="2025-01-02"></head>
            <body><article><h1>A Title Here</h1>
            <p class="subtitle" style="visibility: hidden">SECRET subtitle</p>
            <div class="byline" aria-hidden="true">By Secret Person</div>
            <div class="byline">By Visible Writer</div>
            <p>Some text that is long enough to count as the article body of this page, and a little more.</p>
            </article></body></html>
            """
        let (article, _, _) = try Self.ingest(html)
        #expect(article.metadata.subtitle == nil)
        #expect(article.metadata.authors.map(\.name) == ["Visible Writer"])
    }

    @Test(arguments: [
        "<!DOCTYPE html [\n<!ENTITY org \"Korea Economic Institute\">\n]>\n",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.1//EN\" \"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd\" [\n  <!ENTITY org \"KEI\">\n  <!ENTITY % local SYSTEM \"x.ent\">\n  <!ATTLIST p x CDATA #IMPLIED>\n  <!-- a comment > here -->\n]>\n",
        "\u{FEFF}<!-- lead --><!doctype HTML [ <!ENTITY a 'x'> <!ENTITY b \"]\"> ]>",
    ])
    func doctypeInternalSubsetIsNeverAParagraph(_ doctype: String) throws {
        let html = doctype + """
            <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Subset Page</title>
            <meta name="citation_author" content="Ann Example"><meta name="citation_publication_date" content="2025-01-02"></head>
            <body><h1>Subset Page</h1><p>The article text is long enough to be the body of this page, and then some more words.</p></body></html>
            """
        let (article, _, jats) = try Self.ingest(html)
        let dump = TreeDumper.dump(article)
        for debris in ["]>", "ENTITY", "ATTLIST", "x.ent", "]&gt;"] {
            #expect(!dump.contains(debris) && !jats.contains(debris), "\(debris) is not content:\n\(dump)")
        }
        #expect(dump.contains("The article text is long enough"))
    }

    @Test func aDoctypeWithoutSubsetChangesNothing() {
        #expect(DoctypeSubset.declaration(in: "<!DOCTYPE html><p>[x]</p>") == nil)
        #expect(DoctypeSubset.declaration(in: "<p>text</p><!DOCTYPE html [ ]>") == nil)
        let s = "<!DOCTYPE html [ <!ENTITY a \"x>y\"> ]><p>z</p>"
        #expect(DoctypeSubset.declaration(in: s) == SourceSpan(start: 0, end: s.utf8.count - "<p>z</p>".utf8.count))
    }

    // MARK: 4. links are safe

    @Test(arguments: [
        ("javascript:alert(1)", "javascript"), ("JaVaScRiPt:alert(1)", "javascript"), (" \u{01}javascript:x", "javascript"),
        ("java\tscript:x", "javascript"), ("java\nscript:x", "javascript"), ("jav\r\nascript:x", "javascript"),
        ("java&Tab;script:x", "javascript"), ("javascript&colon;x", "javascript"), ("vbscript:msgbox", "vbscript"),
        ("data:text/html,<b>x</b>", "data"), ("DATA:image/png;base64,AAAA", "data"), ("file:///etc/passwd", "file"),
        ("\u{0}\u{1F} javascript:x", "javascript"), ("ftp://x.example/a", "ftp"), ("chrome:settings", "chrome"),
    ])
    func unsafeLinksAreRejected(_ raw: String, _ scheme: String) {
        #expect(SafeURL.check(raw, for: .link) == .rejected(scheme: scheme), "\(raw.debugDescription)")
        #expect(SafeURL.check(raw, for: .resource) == .rejected(scheme: scheme), "\(raw.debugDescription)")
    }

    @Test func allowedLinksAreNormalised() throws {
        let base = try #require(URL(string: "https://kei.example/papers/2025/"))
        #expect(SafeURL.check("  https://a.example/x \n", for: .link) == .allowed("https://a.example/x"))
        #expect(SafeURL.check("ht\ttps://a.exa\nmple/x", for: .link) == .allowed("https://a.example/x"))
        #expect(SafeURL.check("HTTP://A.example", for: .link) == .allowed("http://a.example/"), "WHATWG: scheme and host lower-cased, empty path /")
        #expect(SafeURL.check("mailto:ed@kei.example", for: .link) == .allowed("mailto:ed@kei.example"))
        #expect(SafeURL.check("mailto:ed@kei.example", for: .resource) == .rejected(scheme: "mailto"))
        #expect(SafeURL.check("doi:10.1000/xyz", for: .link) == .allowed("doi:10.1000/xyz"))
        #expect(SafeURL.check("urn:isbn:0451450523", for: .link) == .allowed("urn:isbn:0451450523"))
        #expect(SafeURL.check("../other.html", for: .link, base: base) == .allowed("https://kei.example/papers/other.html"))
        #expect(SafeURL.check("//cdn.example/x.png", for: .resource, base: base) == .allowed("https://cdn.example/x.png"))
        #expect(SafeURL.check("chart.png", for: .resource, base: base) == .allowed("https://kei.example/papers/2025/chart.png"))
        #expect(SafeURL.check("chart.png", for: .resource) == .allowed("chart.png"), "no base: kept relative")
        #expect(SafeURL.check(" #fn1", for: .link, base: base) == .fragment("#fn1"))
        #expect(SafeURL.check(" \t ", for: .link) == .empty)
        // A colon after a slash or a query is no scheme: the reference is relative.
        #expect(SafeURL.check("/a:b", for: .link, base: base) == .allowed("https://kei.example/a:b"))
        #expect(SafeURL.scheme(of: "1abc:x") == nil)
    }

    @Test func unsafeLinksAreDroppedWithAWarningAndTheirTextKept() throws {
        let links = [
            "<a href=\" java&#9;script:alert(1)\">alpha</a>", "<a href=\"JaVaScRiPt:alert(2)\">bravo</a>",
            "<a href=\"vbscript:msgbox\">charlie</a>", "<a href=\"data:text/html,hi\">delta</a>",
            "<a href=\"file:///etc/passwd\">echo</a>", "<a href=\"java&Tab;script:alert(4)\">foxtrot</a>",
            "<a href=\"javascript&colon;alert(5)\">golf</a>", "<a href=\"&#x20;&#x0A;javascript:alert(6)\">hotel</a>",
        ]
        let html = Self.page("<p>Links: " + links.joined(separator: ", ") + ", and <a href=\"../ok.html\">india</a>.</p>"
                             + "\n<figure><img src=\"javascript:alert(7)\" alt=\"bad chart\"><figcaption>Figure 1: A chart</figcaption></figure>"
                             + "\n<p><img src=\"data:image/svg+xml,&lt;svg/&gt;\" alt=\"inline svg\"><img src=\"img/ok.png\" alt=\"fine\"></p>",
                             head: "<base href=\"/papers/2025/\"><link rel=\"canonical\" href=\"https://kei.example/papers/reading\">")
        let (_, diagnostics, jats) = try Self.ingest(html)
        let unsafe = Self.rules(diagnostics, "ingest.unsafe-link")
        #expect(unsafe.count == 10, "8 links and 2 images: \(unsafe.map(\.message))")
        #expect(unsafe.allSatisfy { $0.severity == .warning && $0.location.line > 0 })
        for word in ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "bad chart", "A chart"] {
            #expect(jats.contains(word), "\(word) kept")
        }
        for bad in ["javascript", "vbscript", "data:", "file:", "&amp;Tab;", "&amp;colon;"] {
            #expect(!jats.lowercased().contains(bad), "\(bad) never written:\n\(jats)")
        }
        #expect(jats.contains("xlink:href=\"https://kei.example/papers/ok.html\">india</ext-link>"))
        #expect(jats.contains("xlink:href=\"https://kei.example/papers/2025/img/ok.png\""))
    }

    @Test func theJATSWriterRefusesUnsafeAddressesInAModel() {
        let loc = SourceLocation(file: "t.html", line: 1)
        var article = Article(id: "t", source: "t.html", metadata: ArticleMetadata(title: "T", canonicalURL: "javascript:alert(1)", pdfURL: "data:application/pdf,x"))
        article.sections = [Section(id: "s", title: [], level: 0, blocks: [
            .paragraph(Paragraph(inlines: [.link(url: "java\nscript:alert(1)", children: [.text("kept text")])], location: loc)),
            .figure(Figure(id: "f", label: nil, caption: nil, graphic: "vbscript:x", altText: "alt kept", location: loc)),
        ], location: loc)]
        let xml = JATSWriter.write(article, issue: IssueInfo())
        #expect(xml.contains("kept text") && xml.contains("alt kept"))
        #expect(!xml.contains("script") && !xml.contains("data:"), "\(xml)")
    }

    // MARK: 5. chrome removal never silently deletes article content

    @Test func linkHeavyContentInsideTheArticleIsKept() throws {
        let html = Self.page("""
            <div class="table-scroll"><table><caption>Official lists</caption>
            <tr><td><a href="https://a.example/1">List one of designations</a></td><td><a href="https://a.example/2">XML feed</a></td></tr>
            <tr><td><a href="https://b.example/1">List two of designations</a></td><td><a href="https://b.example/2">CSV file</a></td></tr></table></div>
            <p>Table 2. Registers by country</p>
            <div><table><tr><td><a href="https://c.example/1">Register C</a></td><td><a href="https://c.example/2">JSON</a></td></tr>
            <tr><td><a href="https://d.example/1">Register D</a></td><td><a href="https://d.example/2">TXT</a></td></tr></table></div>
            <figure><a href="https://e.example/chart"><img src="https://e.example/chart.png" alt="chart"></a>
            <figcaption><a href="https://e.example/data">Source data for the chart</a></figcaption></figure>
            <blockquote><p><a href="https://f.example/speech">The whole quoted speech is one long link to its transcript</a></p></blockquote>
            <ul><li><a href="https://g.example/1">Further reading one</a></li><li><a href="https://g.example/2">Further reading two</a></li></ul>
            """)
        let (_, _, jats) = try Self.ingest(html)
        for kept in ["List one of designations", "Register D", "Source data for the chart", "one long link to its transcript",
                     "Further reading two"] {
            #expect(jats.contains(kept), "\(kept) kept:\n\(jats)")
        }
        #expect(jats.components(separatedBy: "<table-wrap").count - 1 == 2)
    }

    @Test func removedArticleBlocksAreReportedAsInfo() throws {
        let longLinks = (1...8).map { "<a href=\"https://x.example/\($0)\">linked phrase number \($0) here</a>" }.joined(separator: " ")
        // Enough prose that the strict pass (class hints, conditional cleaning) is the one used.
        let prose = "<p>The middle paragraph carries the argument of the article, with enough words and commas, clauses, and qualifications to be scored as prose by the extractor.</p>"
        let html = Self.page(prose + prose + """
            <div class="promo-box">\(longLinks)</div>
            <div class="box-links">\(longLinks)</div>
            <div style="display:none">This hidden block has more than twenty words in it, so a reviewer is told that it was not read at all, even though it sits inside the article.</div>
            <div class="share">Share</div>
            """)
        let (_, diagnostics, _) = try Self.ingest(html)
        let infos = Self.rules(diagnostics, "ingest.chrome-removed")
        #expect(infos.count == 3, "\(infos.map(\.message))")
        #expect(infos.allSatisfy { $0.severity == .info && $0.location.line > 0 && !($0.excerpt ?? "").isEmpty })
        #expect(infos.contains { $0.message.contains("hidden") && ($0.excerpt ?? "").hasPrefix("This hidden block") })
        #expect(infos.filter { ($0.excerpt ?? "").hasPrefix("linked phrase number 1") }.count == 2, "hinted and link-dense blocks")
        #expect(infos.contains { $0.message.contains("class, id or role") } && infos.contains { $0.message.contains("mostly links") })
    }

    // MARK: 7. structure the parser repaired

    static func lists(_ article: Article) -> [ListBlock] {
        var out: [ListBlock] = []
        func walk(_ b: Block) { if case .list(let l) = b { out.append(l) } }
        for s in article.sections { s.blocks.forEach(walk); s.subsections.forEach { $0.blocks.forEach(walk) } }
        return out
    }

    /// An outline of a list: "a[b,c],d" (items, nested lists in brackets).
    static func outline(_ l: ListBlock) -> String {
        l.items.map { item in
            var s = ""
            for b in item.blocks {
                switch b {
                case .paragraph(let p): s += p.inlines.plainText
                case .list(let inner): s += (inner.ordered ? "(" : "[") + outline(inner) + (inner.ordered ? ")" : "]")
                default: s += "?"
                }
            }
            return s
        }.joined(separator: ",")
    }

    @Test(arguments: [
        ("<ol><li>a</li><ul><li>b</li></ul><li>c</li></ol>", "a[b],c", 1),
        ("<ul><li>a</li><ol><li>b</li></ol><li>c</li></ul>", "a(b),c", 1),
        ("<OL start=\"3\"><LI>a</LI>\n  <UL>\n<LI>b</LI><li>b2</li></UL>\n  <li>c</li>\n<li>d</li></OL>", "a[b,b2],c,d", 1),
        ("<ol><li>a</li><!-- note --><ul><li>b</li></ul><li>c</li></ol>", "a[b],c", 1),
        ("<ol><li>a</li><ul><li>b</li><ol><li>x</li></ol><li>y</li></ul><li>c</li></ol>", "a[b(x),y],c", 2),
        ("<ol><li>a</li><ul><li>b</li></ul><li>c</li><ul><li>d</li></ul><li>e</li></ol>", "a[b],c[d],e", 2),
        ("<ol><li>a</li><ul><li>b</li></ul></ol>", "a[b]", 1),
        ("<ol><li>a</li><ul><li>b</li></ul><li>c<ul><li>c1</li></ul></li><li>d</li></ol>", "a[b],c[c1],d", 1),
        // Doubly misnested, two inner lists in a row, deeper (the tester's pages and variants).
        ("<ol><li>One</li><ol><li>One-a</li><ul><li>One-a-i</li></ul><li>One-b</li></ol><li>Two</li><li>Three</li></ol>", "One(One-a[One-a-i],One-b),Two,Three", 1),
        ("<ol><li>P</li><ul><li>P-a</li></ul><ul><li>P-b</li></ul><li>Q</li></ol>", "P[P-a][P-b],Q", 2),
        ("<ul><li>M</li><ol><li>M-1</li><ol><li>M-1-x</li></ol><li>M-2</li></ol><li>N</li></ul>", "M(M-1(M-1-x),M-2),N", 1),
        ("<ul>\n<li>P</li>\n<ol><li>P-a</li></ol>\n<!-- c -->\n<ol><li>P-b</li></ol>\n<li>Q</li>\n</ul>", "P(P-a)(P-b),Q", 2),
        ("<ol><li>P</li><ol><li>P-a</li></ol><ul><li>P-b</li></ul><li>Q</li></ol>", "P(P-a)[P-b],Q", 1),
        ("<ol><li>A</li><ol><li>B</li><ol><li>C</li><ul><li>D</li></ul><li>E</li></ol><li>F</li></ol><li>G</li></ol>", "A(B(C[D],E),F),G", 1),
    ])
    func misnestedListsAreRebuilt(_ markup: String, _ expected: String, _ repairs: Int) throws {
        let (article, diagnostics, jats) = try Self.ingest(Self.page(markup))
        let lists = Self.lists(article)
        #expect(lists.count == 1, "one list: \(TreeDumper.dump(article))")
        if let l = lists.first { #expect(Self.outline(l) == expected) }
        let warnings = Self.rules(diagnostics, "ingest.markup-repaired")
        #expect(warnings.count == repairs, "\(warnings.map(\.message))")
        #expect(warnings.allSatisfy { $0.severity == .warning && $0.span != nil })
        #expect(JATSStructureValidator.validate(jats).isEmpty)
    }

    @Test(arguments: [
        "<ol><li>a</li></ol><ul><li>b</li></ul>",
        "<ol><li>a</li></ol >\n<ul><li>b</li></ul>",
        "<ul><li>a</li><ul><li>b</li></ul><li>c</li></ul>",
    ])
    func listsTheAuthorClosedAreLeftAlone(_ markup: String) throws {
        let (_, diagnostics, _) = try Self.ingest(Self.page(markup))
        #expect(Self.rules(diagnostics, "ingest.markup-repaired").isEmpty)
    }

    @Test func blocksInsideLinksAndEmphasisKeepThem() throws {
        let html = Self.page("""
            <a class="callout" href="https://example.org/rec"><p>Recommendation one: publish the review schedule a full year ahead of time.</p><p>Recommendation two: name a single office that is responsible for all follow-up.</p></a>
            <p>Before, <em>inside em <p>a whole paragraph</p> after it</em>, tail.</p>
            <div><strong><p>Key finding in bold: the delays averaged eleven weeks across the period.</p></strong></div>
            <b><div><i><p>Nested bold italic, a sentence long enough to be kept as content here.</p></i></div></b>
            """)
        let (_, _, jats) = try Self.ingest(html)
        #expect(jats.contains("<p><ext-link ext-link-type=\"uri\" xlink:href=\"https://example.org/rec\">Recommendation one: publish"))
        #expect(jats.contains("<p><ext-link ext-link-type=\"uri\" xlink:href=\"https://example.org/rec\">Recommendation two: name"))
        #expect(jats.contains("<p>Before, <italic>inside em</italic></p>"), "\(jats)")
        #expect(jats.contains("<p><italic>a whole paragraph</italic></p>"))
        #expect(jats.contains("<p><italic>after it</italic>, tail.</p>"))
        #expect(jats.contains("<bold>Key finding in bold: the delays averaged eleven weeks across the period.</bold>"))
        // libxml2 closes the <i> at the <div> ("Unexpected end tag : i"): the bold survives.
        #expect(jats.contains("<bold>Nested bold italic, a sentence"))
    }

    @Test func listsAndQuotationsInTableCellsStayBlocks() throws {
        let html = Self.page("""
            <table><thead><tr><th>Regime</th><th>Notes</th></tr></thead><tbody>
            <tr><td>A</td><td><ul><li>first point</li><li>second point</li></ul></td></tr>
            <tr><td>B</td><td><ol><li>step</li></ol><p>and a paragraph</p></td></tr>
            <tr><td>C</td><td><blockquote>Quoted standard.</blockquote></td></tr>
            <tr><td>D</td><td><p>One.</p><p>Two.</p></td></tr>
            </tbody></table>
            """)
        let (article, _, jats) = try Self.ingest(html)
        #expect(jats.contains("<list list-type=\"bullet\">"), "\(jats)")
        #expect(jats.contains("<list list-type=\"order\">"))
        #expect(jats.contains("<disp-quote>"))
        #expect(jats.contains("<td>One.<break/>Two.</td>"), "cells of paragraphs stay lines")
        #expect(JATSStructureValidator.validate(jats).isEmpty)
        if XMLLint.dtdsAvailable {
            let lint = try XMLLint.validate(xml: jats)
            #expect(lint.passed, "DTD-valid: \(lint.stderr)")
        }
        // Checks see the text inside cell lists.
        let analysis = ArticleAnalysis(article)
        #expect(analysis.units.contains { $0.text.string.contains("second point") })
    }
}
