import Foundation
import Testing
import KeiXML
@testable import KeiStages

/// Hand-written KEI-like pages: chrome in semantic elements, chrome in generic divs, notes in
/// several common markups, and inputs that must not crash.
@Suite struct ContentExtractorTests {
    static let blurb = """
        Korea Policy is the premier journal for analysis and commentary on developments affecting the \
        U.S.-South Korea alliance. Bridging scholarly insight and policy relevance, Korea Policy features original \
        research and expert perspectives on strategic, political, economic, and other issues shaping Korea’s role \
        in the world. In this way, KEI aims to inform academic debate, guide policy discussions, and foster a \
        deeper understanding of the important partnership between the United States and South Korea.
        """

    static func paragraph(_ n: Int) -> String {
        "Paragraph \(n) argues that the alliance, facing new pressures from Pyongyang and Moscow, must deepen " +
            "cooperation in sanctions enforcement, extended deterrence, and civil nuclear energy, while avoiding " +
            "hasty steps that could be read as weakening its commitments."
    }

    static let articleBody: String = {
        var s = "<h2>Executive Summary</h2><p>\(paragraph(1))<sup><a href=\"#fn1\" id=\"fnref1\">1</a></sup></p>"
        s += "<h2>Background</h2><p>\(paragraph(2))</p><p>\(paragraph(3))<sup><a href=\"#fn2\">2</a></sup></p>"
        s += "<blockquote><p>A quoted passage of some length, cited from a speech on the alliance.</p></blockquote>"
        s += "<h2>Policy Recommendations</h2><ul><li><strong>Affirm denuclearization.</strong> \(paragraph(4))"
        s += "<ul><li>Nested point one about sanctions.</li><li>Nested point two about <em>deterrence</em>.</li></ul></li>"
        s += "<li><strong>Clarify roles.</strong> \(paragraph(5))</li></ul>"
        s += "<table><caption>Table 1. Troop deployments</caption><tr><th>Year</th><th>Troops</th></tr>"
        s += "<tr><td>2024</td><td>14,000</td></tr><tr><td>2025</td><td>5,000</td></tr></table>"
        s += "<figure><img src=\"chart.png\" alt=\"chart\"><figcaption>Figure 1. Trade volume H<sub>2</sub>O</figcaption></figure>"
        s += "<h2>Conclusion</h2><p>\(paragraph(6))<sup><a href=\"#fn3\">3</a></sup></p>"
        return s
    }()

    static let notesList = """
        <ol><li id="fn1">Victor Cha, “Alliance Politics,” <em>CSIS</em>, 2024, <a href="https://csis.org/a">https://csis.org/a</a>. <a href="#fnref1">↩</a></li>
        <li id="fn2">Sue Mi Terry, “North Korea and Russia,” <em>Foreign Affairs</em>, 2025.</li>
        <li id="fn3">Ibid., 12.</li></ol>
        """

    /// WordPress-like page with chrome in semantic elements.
    static let semanticPage = """
        <!DOCTYPE html><html lang="en"><head><title>Allying Against Adversaries</title>
        <script>var x = "Script text must go";</script><style>.a{color:red}</style></head>
        <body><header class="site-header"><a class="logo" href="/"><img src="logo.svg" alt="KEI"></a>
        <nav aria-label="Main"><ul><li><a href="/research/">Research</a></li><li><a href="/events/">Events</a></li></ul></nav>
        <form role="search" action="/search/"><label>Search All Site Content</label><input type="search" name="s"></form>
        <p class="index-total">Total Index: 6869 publications.</p></header>
        <div class="newsletter-signup"><h2>Subscribe to our Mailing List!</h2>
        <p>Sign up for our mailing list to keep up to date on all the latest developments.</p></div>
        <main><aside class="sidebar"><p>Korea Policy Vol. 3, Issue 2</p><h3>About Korea Policy</h3><p>\(blurb)</p>
        <a href="/series/korea-policy/">View Series Publications</a></aside>
        <article class="post"><h1>Allying Against Adversaries</h1><p class="date">Published December 15, 2025</p>
        <a class="download-pdf" href="/a.pdf">Download PDF</a>
        <div class="share-tools"><a href="https://twitter.com/share">Share on X</a> <a href="javascript:print()">Print</a></div>
        <div class="entry-content">\(articleBody)</div>
        <section class="footnotes"><h2>Notes</h2>\(notesList)</section>
        <div class="pdf-embed"><object data="/a.pdf" type="application/pdf"><p>This browser does not support PDFs. Please download the PDF to view it: <a href="/a.pdf">Download PDF</a></p></object></div>
        <div class="related-posts"><h3>Related Publications</h3><ul><li><a href="/p/1">Another paper on the alliance and its future</a></li><li><a href="/p/2">A second related paper</a></li></ul></div>
        <div id="comments"><h3>Leave a comment</h3><p>Comments are closed for this publication, sorry about that.</p></div>
        </article></main>
        <div class="cookie-banner"><p>We use cookies to improve your experience. By continuing you accept them.</p></div>
        <footer><p>© 2025 Korea Economic Institute of America. All rights reserved.</p></footer>
        <iframe src="https://example.com/embed">Iframe fallback text</iframe></body></html>
        """

    /// The same page with chrome in plain divs with generic class names (no semantic elements).
    static let genericPage = """
        <html><head><title>Allying Against Adversaries</title></head><body>
        <div class="top"><div class="box1"><a href="/">Home</a> | <a href="/research/">Research</a> | <a href="/events/">Events</a> | <a href="/about/">About</a></div>
        <div class="box2"><span>Search All Site Content</span></div><div class="box3">Total Index: 6869 publications.</div></div>
        <div class="wrap"><div class="col-a"><div class="box4"><b>Subscribe to our Mailing List!</b><br>Sign up for our mailing list to keep up to date on all the latest developments.</div>
        <div class="box5"><div>Korea Policy Vol. 3, Issue 2</div><div class="t">About Korea Policy</div><div class="blurb-text">\(blurb)</div>
        <div><a href="/series/korea-policy/">View Series Publications</a></div></div></div>
        <div class="col-b"><h1>Allying Against Adversaries</h1><div class="d">Published December 15, 2025</div>
        <div><a href="/a.pdf">Download PDF</a></div>
        <div class="txt">\(articleBody)</div>
        <div class="n"><h2>Endnotes</h2><ol><li id="footnote-0">Victor Cha, “Alliance Politics,” CSIS, 2024, <a href="https://csis.org/a">https://csis.org/a</a>.</li>
        <li id="footnote-1">Sue Mi Terry, “North Korea and Russia,” Foreign Affairs, 2025.</li><li id="footnote-2">Ibid., 12.</li></ol></div>
        <div class="x"><div>This browser does not support PDFs. Please download the PDF to view it: <a href="/a.pdf">Download PDF</a></div></div>
        </div></div>
        <div class="bottom"><a href="https://twitter.com/KEIAdc">X</a> <a href="https://facebook.com/KEI">Facebook</a> © 2025 Korea Economic Institute of America. All rights reserved.</div>
        </body></html>
        """

    /// Chrome mixed into the article's own container, and a right-hand column after the article,
    /// with no hints at all: the series blurb precedes the title, the PDF fallback follows the notes.
    static let flatPage = """
        <html><head><title>Allying Against Adversaries | KEI</title></head><body>
        <div class="g1"><div class="g2"><div class="s1"><p>Korea Policy Vol. 3, Issue 2</p><h3>About Korea Policy</h3>
        <p>\(blurb)</p><p><a href="/series/korea-policy/">View Series Publications</a></p></div>
        <h1>Allying Against Adversaries</h1><p>Published December 15, 2025</p><p><a href="/a.pdf">Download PDF</a></p>
        \(articleBody)
        <h2>Endnotes</h2><ol><li id="fn1">Victor Cha, “Alliance Politics,” CSIS, 2024.</li><li id="fn2">Sue Mi Terry, 2025.</li>
        <li id="fn3">Ibid., 12.</li></ol>
        <p>This browser does not support PDFs. Please download the PDF to view it: <a href="/a.pdf">Download PDF</a></p></div>
        <div class="g3"><h3>About Korea Policy</h3><p>\(blurb)</p><p>Korea Policy Vol. 3, Issue 2 is out now.</p></div></div></body></html>
        """

    static let chrome = [
        "Script text", "Search All Site Content", "Total Index", "Subscribe to our Mailing List", "Sign up for our",
        "About Korea Policy", "premier journal", "View Series Publications", "Download PDF", "This browser does not support",
        "Share on X", "Related Publications", "Leave a comment", "We use cookies", "All rights reserved",
        "Iframe fallback", "Korea Policy Vol.",
    ]

    static func extract(_ html: String) -> DOMElement? {
        ContentExtractor.extract(from: MarkupParser.parseHTML(Data(html.utf8)))
    }

    static func checkArticle(_ content: DOMElement, notesIDPrefix: String) {
        let text = content.textContent
        for c in chrome { #expect(!text.contains(c), "chrome survived: \(c)") }
        for n in 1...6 { #expect(text.contains("Paragraph \(n) argues"), "paragraph \(n) lost") }
        let headings = content.descendants(named: ["h2"]).map { $0.textContent }
        for h in ["Executive Summary", "Background", "Policy Recommendations", "Conclusion"] {
            #expect(headings.contains(h), "heading \(h) lost")
        }
        #expect(content.descendants(named: ["h1"]).map(\.textContent) == ["Allying Against Adversaries"])
        #expect(content.descendants(named: ["ul"]).count == 2, "nested list lost")
        #expect(text.contains("Nested point two about deterrence"))
        #expect(content.firstDescendant(named: "blockquote") != nil)
        #expect(content.firstDescendant(named: "table")?.descendants(named: ["td"]).count == 4)
        #expect(content.firstDescendant(named: "figcaption") != nil)
        #expect(content.firstDescendant(named: "img")?[attribute: "src"] == "chart.png")
        #expect(content.firstDescendant(named: "sub") != nil)
        let notes = content.descendants(named: ["li"]).filter { ($0.id ?? "").hasPrefix(notesIDPrefix) }
        #expect(notes.count == 3, "endnotes lost: \(notes.count)")
        #expect(text.contains("Ibid., 12."))
    }

    @Test func semanticPageKeepsArticleAndDropsChrome() throws {
        let content = try #require(Self.extract(Self.semanticPage))
        Self.checkArticle(content, notesIDPrefix: "fn")
        // Footnote markers inside paragraphs survive.
        #expect(content.descendants(named: ["sup"]).count == 3)
        #expect(content.line > 0)
    }

    @Test func genericDivPageKeepsArticleAndDropsChrome() throws {
        let content = try #require(Self.extract(Self.genericPage))
        Self.checkArticle(content, notesIDPrefix: "footnote-")
    }

    @Test func flatPageDropsBlurbBeforeTitleAndFallbackAfterNotes() throws {
        let content = try #require(Self.extract(Self.flatPage))
        Self.checkArticle(content, notesIDPrefix: "fn")
    }

    @Test func notesOutsideTheArticleContainerAreRescued() throws {
        let html = """
            <html><body><nav><a href="/">Home</a></nav><main><article><div class="wrapper"><div class="inner">
            <h1>Title Here</h1><p>\(Self.paragraph(1))</p><p>\(Self.paragraph(2))</p><p>\(Self.paragraph(3))</p>
            </div></div><div class="wp-block-footnotes"><ol><li id="footnote1_abc">Source one, 2020.</li>
            <li id="footnote2_def">Source two, 2021.</li></ol></div></article></main>
            <footer>All rights reserved</footer></body></html>
            """
        let content = try #require(Self.extract(html))
        let text = content.textContent
        #expect(text.contains("Source one, 2020."))
        #expect(text.contains("Source two, 2021."))
        #expect(text.contains("Paragraph 3 argues"))
        #expect(!text.contains("All rights reserved"))
        #expect(!text.contains("Home"))
    }

    @Test func unmarkedEndnoteListWithNoteIDsIsKept() throws {
        var paras = ""
        for n in 1...5 { paras += "<p>\(Self.paragraph(n))<sup><a href=\"#fn\(n)\">\(n)</a></sup></p>" }
        let html = """
            <html><body><div id="menu"><a href="/a">A</a> <a href="/b">B</a></div><div class="c">\(paras)</div>
            <ol><li id="fn1"><a href="https://x.org/1">https://x.org/1</a></li><li id="fn2"><a href="https://x.org/2">https://x.org/2</a></li>
            <li id="fn3"><a href="https://x.org/3">https://x.org/3</a></li><li id="fn4">Ibid.</li><li id="fn5">Ibid., 4.</li></ol></body></html>
            """
        let content = try #require(Self.extract(html))
        #expect(content.descendants(named: ["li"]).count == 5)
        #expect(content.textContent.contains("https://x.org/3"))
    }

    @Test func blockFootnotesInsideContentEndTheArticle() throws {
        var paras = ""
        for n in 1...4 { paras += "<p>\(Self.paragraph(n))<sup><a href=\"#footnote-\(n - 1)\">\(n)</a></sup></p>" }
        let html = """
            <html><head><title>Block Notes</title></head><body><div class="entry-content">\(paras)
            <p><a href="/series/korea-policy/">View Series Publications</a></p>
            <p>\(Self.paragraph(5))</p>
            <ol class="wp-block-footnotes"><li id="footnote-0">One.</li><li id="footnote-1">Two.</li>
            <li id="footnote-2">Three.</li><li id="footnote-3">Four.</li></ol>
            <p>This browser does not support PDFs. Please download the PDF to view it: <a href="/x.pdf">Download PDF</a></p>
            </div></body></html>
            """
        let content = try #require(Self.extract(html))
        let text = content.textContent
        #expect(content.descendants(named: ["li"]).count == 4)
        #expect(text.contains("Paragraph 5 argues"))
        #expect(!text.contains("View Series Publications"))
        #expect(!text.contains("This browser does not support"))
    }

    @Test func pdfDownloadPromptWithoutHintsIsDropped() throws {
        var paras = ""
        for n in 1...4 { paras += "<p>\(Self.paragraph(n))</p>" }
        let html = """
            <html><body><div class="c">\(paras)
            <p>The 2024 report is at <a href="https://example.org/report.pdf">https://example.org/report.pdf</a>.</p>
            <p>Your viewer cannot show this file; get it here: <a href="/files/paper.pdf">Get the file</a></p>
            <a href="/files/paper.pdf"><img src="icon.png" alt="">Save a copy</a></div></body></html>
            """
        let content = try #require(Self.extract(html))
        #expect(content.textContent.contains("https://example.org/report.pdf"))
        #expect(!content.textContent.contains("Get the file"))
        #expect(!content.textContent.contains("Save a copy"))
        #expect(content.textContent.contains("Paragraph 4 argues"))
    }

    @Test func wordStyleFootnoteBlocksWithURLsAreKept() throws {
        var paras = ""
        for n in 1...4 { paras += "<p>\(Self.paragraph(n))<a href=\"#_ftn\(n)\" name=\"_ftnref\(n)\">[\(n)]</a></p>" }
        var notes = ""
        for n in 1...4 {
            notes += "<div id=\"ftn\(n)\"><p><a href=\"#_ftnref\(n)\" name=\"_ftn\(n)\">[\(n)]</a> Report \(n), "
                + "<a href=\"https://www.example.org/reports/2024/alliance-report-number-\(n).html\">"
                + "https://www.example.org/reports/2024/alliance-report-number-\(n).html</a></p></div>"
        }
        let html = "<html><body><div class=\"entry\">\(paras)<div><hr>\(notes)</div></div></body></html>"
        let content = try #require(Self.extract(html))
        for n in 1...4 { #expect(content.textContent.contains("alliance-report-number-\(n).html"), "note \(n) lost") }
    }

    @Test func headedListInASidebarIsNotTakenForNotes() throws {
        var paras = ""
        for n in 1...4 { paras += "<p>\(Self.paragraph(n))</p>" }
        let html = """
            <html><body><main><div class="c">\(paras)</div>
            <div class="sidebar"><h3>Sources</h3><ul><li><a href="/data">Trade data portal</a></li><li><a href="/polls">Polling archive</a></li></ul></div>
            <section><h2>References</h2><ul><li>Cha, Victor. Powerful Playboys. 2016.</li><li>Terry, Sue Mi. 2025.</li></ul></section>
            </main></body></html>
            """
        let content = try #require(Self.extract(html))
        #expect(!content.textContent.contains("Trade data portal"))
        #expect(content.textContent.contains("Powerful Playboys"))
    }

    @Test func separateExecutiveSummaryBlockIsKept() throws {
        var paras = ""
        for n in 2...9 { paras += "<p>\(Self.paragraph(n))</p>" }
        let html = """
            <html><head><title>Summary Test</title></head><body><div class="x"><h1>Summary Test</h1>
            <div class="y"><h2>Executive Summary</h2><p>\(Self.paragraph(1))</p></div>
            <div class="z">\(paras)</div></div></body></html>
            """
        let content = try #require(Self.extract(html))
        #expect(content.textContent.contains("Executive Summary"))
        #expect(content.textContent.contains("Paragraph 1 argues"))
        #expect(content.textContent.contains("Paragraph 9 argues"))
        // Without a title heading in front, a headed summary right before the text still counts.
        let untitled = html.replacingOccurrences(of: "<h1>Summary Test</h1>", with: "")
        let second = try #require(Self.extract(untitled))
        #expect(second.textContent.contains("Paragraph 1 argues"))
    }

    @Test func hintedInlinePhrasesInSentencesSurvive() throws {
        var paras = ""
        for n in 1...4 { paras += "<p>\(Self.paragraph(n))</p>" }
        let html = """
            <html><body><div class="c"><p>On <span class="date">June 19, 2024</span>, the treaty was signed, as
            <span class="author">one analyst</span> noted in a long and detailed commentary on the alliance.</p>\(paras)</div></body></html>
            """
        let content = try #require(Self.extract(html))
        #expect(content.textContent.contains("June 19, 2024"))
        #expect(content.textContent.contains("one analyst"))
    }

    @Test func editorsNoteMidArticleDoesNotEndTheArticle() throws {
        var paras = ""
        for n in 1...3 { paras += "<p>\(Self.paragraph(n))</p>" }
        let html = """
            <html><body><div class="c">\(paras)<div class="footnote">Editor's note: updated in May.</div>
            <h2>Later Section</h2><p>Short closing line.</p><p>\(Self.paragraph(4))</p></div></body></html>
            """
        let content = try #require(Self.extract(html))
        let text = content.textContent
        #expect(text.contains("Editor's note"))
        #expect(text.contains("Short closing line."))
        #expect(text.contains("Paragraph 4 argues"))
    }

    @Test func layoutTablePageGivesABlockNotARow() throws {
        var paras = ""
        for n in 1...5 { paras += "<p>\(Self.paragraph(n))</p>" }
        let html = """
            <html><body><table><tr><td><a href="/">Home</a><br><a href="/a">About us</a><br><a href="/b">Archive</a></td>
            <td>\(paras)</td></tr></table></body></html>
            """
        let content = try #require(Self.extract(html))
        #expect(!["tr", "tbody", "table"].contains(content.name))
        #expect(content.textContent.contains("Paragraph 5 argues"))
        #expect(!content.textContent.contains("Archive"))
    }

    @Test func wrapperWithChromeLikeClassIsNotDropped() throws {
        var paras = ""
        for n in 1...6 { paras += "<p>\(Self.paragraph(n))</p>" }
        let html = """
            <html><body><div class="page has-sidebar"><div class="sidebar"><p>\(Self.blurb)</p></div>
            <div class="col">\(paras)</div></div></body></html>
            """
        let content = try #require(Self.extract(html))
        #expect(content.textContent.contains("Paragraph 6 argues"))
        #expect(!content.textContent.contains("premier journal"))
    }

    @Test func degenerateInputsDoNotCrash() {
        #expect(ContentExtractor.extract(from: DOMDocument(root: nil)) == nil)
        #expect(Self.extract("") == nil)
        #expect(Self.extract("<html><body></body></html>") == nil)
        #expect(Self.extract("<html><head><title>x</title></head></html>") == nil)
        #expect(Self.extract("<frameset><frame src=\"a.html\"></frameset>") == nil)
        #expect(Self.extract("<html><body><script>only script</script></body></html>") == nil)
        let textOnly = Self.extract("Just some plain text without any markup, long enough to count as content.")
        #expect(textOnly?.textContent.contains("plain text") == true)
        var deep = ""
        for _ in 0..<200 { deep += "<div>" }
        deep += "<p>\(Self.paragraph(1))</p>"
        #expect(Self.extract(deep)?.textContent.contains("Paragraph 1") == true)
        // Past libxml2's nesting limit the parser gives up on the rest; whatever it returns, no crash.
        var deeper = ""
        for _ in 0..<5_000 { deeper += "<div><span>" }
        deeper += "<p>\(Self.paragraph(2))</p>"
        _ = Self.extract(deeper)
        let short = Self.extract("<html><body><p>Short note.</p></body></html>")
        #expect(short?.textContent == "Short note.")
    }

    @Test func detailedResultReportsTextAndPass() throws {
        let strict = ContentExtractor.extractDetailed(from: MarkupParser.parseHTML(Data(Self.semanticPage.utf8)))
        let content = try #require(strict.content)
        #expect(!strict.usedRelaxedPass)
        let visible = content.textContent.unicodeScalars.filter { !$0.properties.isWhitespace }.count
        #expect(strict.textLength == visible)
        // Everything of substance sits in a block whose class says "sidebar": only the relaxed pass finds it.
        var paras = ""
        for n in 1...3 { paras += "<p>\(Self.paragraph(n))</p>" }
        let hidden = "<html><body><nav><a href=\"/\">Home</a></nav><div class=\"x\"><div class=\"sidebar\">\(paras)</div>"
            + "<div class=\"related\"><p>\(Self.blurb)</p><p>\(Self.blurb)</p></div></div></body></html>"
        let relaxed = ContentExtractor.extractDetailed(from: MarkupParser.parseHTML(Data(hidden.utf8)))
        #expect(relaxed.usedRelaxedPass)
        #expect(relaxed.content?.textContent.contains("Paragraph 3 argues") == true)
    }

    @Test func extractionIsDeterministic() {
        let a = Self.extract(Self.semanticPage)
        let b = Self.extract(Self.semanticPage)
        #expect(a == b)
        #expect(Self.extract(Self.genericPage) == Self.extract(Self.genericPage))
        #expect(Self.extract(Self.flatPage) == Self.extract(Self.flatPage))
    }
}
