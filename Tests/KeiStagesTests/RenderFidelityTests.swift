import Foundation
import Testing
import KeiCore
import KeiDocument
@testable import KeiStages
import KeiTestSupport
import KeiXML

/// Issue 6 follow-up: article text that chrome removal or list repair lost or scrambled (links and
/// emphasis around paragraphs, captioned figures written without `<figure>`, doubly misnested lists),
/// addresses read as the WHATWG URL parser reads them, and diagnostics that point at their source.
@Suite struct RenderFidelityTests {
    typealias R = RenderedReadingTests

    /// A short article (few words, as the tester's pages): `body` after one long paragraph.
    static func shortPage(_ body: String, head: String = "") -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title>\(head)</head><body><article><h1>T</h1><p class="byline">By Jane Doe</p><p>This opening paragraph has more than twenty five words so that the article has enough running text to be chosen as the main content of the page.</p>\(body)</article></body></html>
        """
    }

    /// The JATS body (from `<body>` on), where each check below looks.
    static func body(_ jats: String) -> Substring {
        guard let r = jats.range(of: "<body>") else { return jats[...] }
        return jats[r.lowerBound...]
    }

    // MARK: links and emphasis around paragraphs

    @Test(arguments: [
        // The tester's page: two short paragraphs, each wrapped in a link.
        "<a href=\"https://x.example/1\"><p>Linked paragraph one.</p></a><a href=\"https://x.example/2\"><p>Linked paragraph two.</p></a><p>Closing paragraph.</p>",
        // Upper case, attributes, whitespace between.
        "<A class=\"card\" HREF=\"https://x.example/1\">\n<P>Linked paragraph one.</P>\n</A>\n<a href=\"https://x.example/2\" title=\"t\"><p>Linked paragraph two.</p></a>\n<p>Closing paragraph.</p>",
        // Between other paragraphs.
        "<p>Before them.</p><a href=\"https://x.example/1\"><p>Linked paragraph one.</p></a><p>Between them.</p><a href=\"https://x.example/2\"><p>Linked paragraph two.</p></a><p>Closing paragraph.</p>",
    ])
    func paragraphsWrappedInLinksAreKeptAsLinkedParagraphs(_ markup: String) throws {
        for html in [Self.shortPage(markup), R.page(markup)] {
            let (_, _, jats) = try R.ingest(html)
            let body = Self.body(jats)
            #expect(body.contains("<p><ext-link ext-link-type=\"uri\" xlink:href=\"https://x.example/1\">Linked paragraph one.</ext-link></p>"), "\(body)")
            #expect(body.contains("<p><ext-link ext-link-type=\"uri\" xlink:href=\"https://x.example/2\">Linked paragraph two.</ext-link></p>"))
            #expect(body.contains("Closing paragraph."))
        }
    }

    @Test func strayLinksAreStillRemovedAndShortSentencesReported() throws {
        let html = R.page("""
            <p><a href="https://x.example/all">View all publications</a></p>
            <p><a href="https://x.example/more">Read the companion brief on export controls.</a></p>
            """)
        let (_, diagnostics, jats) = try R.ingest(html)
        #expect(!jats.contains("View all publications"), "a stray link line is chrome")
        let infos = R.rules(diagnostics, "ingest.chrome-removed")
        let sentence = infos.filter { ($0.excerpt ?? "").hasPrefix("Read the companion brief") }
        if !jats.contains("Read the companion brief") {
            #expect(sentence.count == 1, "a removed sentence is reported: \(infos.map(\.message))")
        }
        #expect(!infos.contains { ($0.excerpt ?? "").contains("View all") }, "a two-word link is not a sentence")
    }

    @Test func aRemovedBlockOfLinkedSentencesIsReported() throws {
        // A short section that is mostly links is still removed for its link density; its sentences are reported.
        let html = R.page("<section><h2>More</h2><a href=\"https://x.example/1\"><p>Linked paragraph one.</p></a><a href=\"https://x.example/2\"><p>Linked paragraph two.</p></a></section>")
        let (_, diagnostics, jats) = try R.ingest(html)
        if !jats.contains("Linked paragraph one.") {
            let infos = R.rules(diagnostics, "ingest.chrome-removed")
            #expect(infos.contains { ($0.excerpt ?? "").contains("Linked paragraph one.") && $0.span != nil }, "\(infos.map(\.message))")
        }
    }

    @Test func removedSentenceTestReadsPunctuation() {
        #expect(RemovedBlock.isSentence("Linked paragraph one."))
        #expect(RemovedBlock.isSentence("  Is this kept?” "))
        #expect(RemovedBlock.isSentence("He said (in part) so!)"))
        #expect(!RemovedBlock.isSentence("Download PDF"))
        #expect(!RemovedBlock.isSentence("Next."), "one word")
        #expect(!RemovedBlock.isSentence(""))
    }

    @Test(arguments: [
        // The tester's page: a linked block before the emphasised paragraph.
        "<a href=\"https://x.example/blk\"><div><p>Linked block paragraph one.</p><h3>Linked heading</h3></div></a><p>Middle paragraph after linked heading.</p><em><p>Emphasised paragraph A.</p></em><p>Closing paragraph.</p>",
        // The same without the link: a div sibling out-scored the article.
        "<div><p>Linked block paragraph one.</p><h3>Linked heading</h3></div><p>Middle paragraph after linked heading.</p><em><p>Emphasised paragraph A.</p></em><p>Closing paragraph.</p>",
        // Other inline wrappers.
        "<div><p>Linked block paragraph one.</p></div><p>Middle paragraph after linked heading.</p><b><p>Emphasised paragraph A.</p></b><p>Closing paragraph.</p>",
        "<div><p>Linked block paragraph one.</p></div><p>Middle paragraph after linked heading.</p><span class=\"x\"><p>Emphasised paragraph A.</p></span><p>Closing paragraph.</p>",
    ])
    func emphasisAroundAParagraphBesideTheChosenBlockIsKept(_ markup: String) throws {
        let (_, _, jats) = try R.ingest(Self.shortPage(markup))
        let body = Self.body(jats)
        for text in ["Linked block paragraph one.", "Middle paragraph after linked heading.", "Emphasised paragraph A.", "Closing paragraph."] {
            #expect(body.contains(text), "\(text) kept:\n\(body)")
        }
        let middle = try #require(body.range(of: "Middle paragraph"))
        let emphasised = try #require(body.range(of: "Emphasised paragraph A."))
        let closing = try #require(body.range(of: "Closing paragraph."))
        #expect(middle.lowerBound < emphasised.lowerBound && emphasised.lowerBound < closing.lowerBound, "in order")
    }

    // MARK: captioned figures

    @Test(arguments: [
        // The tester's page: an image link and a "Figure 3" caption paragraph that is a link.
        ("<div><a href=\"https://f.example/big.png\"><img src=\"https://f.example/s.png\" alt=\"Second chart\"></a><p class=\"caption\"><a href=\"https://f.example/src\">Figure 3: Exports by month</a></p></div>", "Figure 3", "Exports by month"),
        // A class=caption without a label.
        ("<div class=\"wp-block-image\"><img src=\"https://f.example/s.png\" alt=\"Second chart\"><div class=\"image-caption\"><a href=\"https://f.example/src\">Exports by month</a></div></div>", nil, "Exports by month"),
        // A real figure whose class says share.
        ("<figure class=\"share\"><img src=\"https://f.example/s.png\" alt=\"Second chart\"><figcaption>Figure 4: Exports by month</figcaption></figure>", "Figure 4", "Exports by month"),
        // A chrome class on the wrapper, a "Chart 2." label.
        ("<div class=\"social-embed\"><a href=\"https://f.example/big.png\"><img src=\"https://f.example/s.png\" alt=\"Second chart\"></a><p><a href=\"https://f.example/src\">Chart 2. Exports by month</a></p></div>", "Chart 2", "Exports by month"),
    ] as [(String, String?, String)])
    func captionedFiguresAreKeptWhateverTheirClass(_ markup: String, _ label: String?, _ caption: String) throws {
        for html in [Self.shortPage("<p>Second paragraph here.</p>" + markup), R.page(markup)] {
            let (_, diagnostics, jats) = try R.ingest(html)
            let body = Self.body(jats)
            #expect(body.contains("xlink:href=\"https://f.example/s.png\""), "the image is kept:\n\(body)")
            #expect(body.contains(caption))
            if let label { #expect(body.contains(label)) }
            #expect(R.rules(diagnostics, "ingest.chrome-removed").isEmpty)
        }
    }

    @Test func aRemovedFigureWithACaptionIsReported() throws {
        // Hidden, so removed whatever it holds: the report says a captioned figure went.
        let html = R.page("<div hidden><img src=\"https://f.example/s.png\" alt=\"chart\"><p>Figure 5: Imports</p></div><aside><table><caption>Table 2: Tariffs</caption><tr><td>1</td></tr></table></aside>")
        let (_, diagnostics, jats) = try R.ingest(html)
        #expect(!jats.contains("Imports"))
        let infos = R.rules(diagnostics, "ingest.chrome-removed")
        #expect(infos.contains { ($0.excerpt ?? "").contains("Figure 5") }, "\(infos.map(\.message))")
        if !jats.contains("Tariffs") { #expect(infos.contains { ($0.excerpt ?? "").contains("Table 2") }) }
        #expect(infos.allSatisfy { $0.span != nil })
    }

    // MARK: blocks left out beside the main text

    /// Short fragments of the article that content selection leaves out beside the main text (an
    /// orphan list item, a short div after a long quote) are reported, never dropped silently.
    @Test(arguments: [
        "<strong><blockquote><p>Strong around a block quote.</p></blockquote></strong>\n<li>Orphan list item outside a list</li>",
        "<blockquote><p>Quote text here that is somewhat longer than the other one and keeps going for a while.</p></blockquote><div>Orphan div text here</div>",
    ])
    func shortBlocksLeftOutBesideTheMainTextAreReported(_ markup: String) throws {
        let (_, diagnostics, jats) = try R.ingest(Self.shortPage(markup))
        if !jats.contains("Orphan") {
            let infos = R.rules(diagnostics, "ingest.chrome-removed")
            #expect(infos.contains { ($0.excerpt ?? "").contains("Orphan") && $0.span != nil }, "\(infos.map(\.message))")
        }
    }

    // MARK: misnested lists

    // Doubly misnested lists: cases in RenderedReadingTests.misnestedListsAreRebuilt.

    // MARK: addresses as the URL parser reads them

    @Test func specialURLsAreSerializedAsTheURLParserDoes() throws {
        let base = try #require(URL(string: "https://kei.example/papers/2025/"))
        let cases: [(String, URL?, String)] = [
            ("https:\\\\evil.example\\x", nil, "https://evil.example/x"),
            ("HTTPS:/\\evil.example\\a\\b?q=\\#f", nil, "https://evil.example/a/b?q=\\#f"),
            ("http:///three.example/x", nil, "http://three.example/x"),
            ("https://ok.example/a b", nil, "https://ok.example/a%20b"),
            ("https://ok.example/ü?q=a b&x=\"'<>`#f g`", nil, "https://ok.example/%C3%BC?q=a%20b&x=%22%27%3C%3E`#f%20g%60"),
            ("https://ok.example/{x}|%41", nil, "https://ok.example/%7Bx%7D|%41"),
            ("\\\\evil\\share", nil, "//evil/share"),
            ("\\\\evil\\share", base, "https://evil/share"),
            ("a\\b c", base, "https://kei.example/papers/2025/a/b%20c"),
            ("https:foo/bar", base, "https://kei.example/papers/2025/foo/bar"),
            ("https:foo/bar", nil, "https://foo/bar"),
            ("mailto:a b@x.example", nil, "mailto:a b@x.example"),
        ]
        for (raw, b, expected) in cases {
            #expect(SafeURL.check(raw, for: .link, base: b) == .allowed(expected), "\(raw.debugDescription) base \(b?.absoluteString ?? "none")")
        }
        // Serializing twice changes nothing (the JATS writer checks the model's addresses again).
        for (raw, b, _) in cases {
            if case .allowed(let once) = SafeURL.check(raw, for: .link, base: b) {
                #expect(SafeURL.check(once, for: .link) == .allowed(once))
            }
        }
    }

    @Test func backslashLinksAreWrittenAsTheBrowserFollowsThem() throws {
        let html = Self.shortPage(#"<p>Links in a sentence: <a href="https:\\evil.example\x">one</a>, <a href="\\evil\share">two</a> and <a href="https://ok.example/a b">three</a> of them.</p>"#,
                                  head: #"<link rel="canonical" href="https://kei.example/papers/x">"#)
        let (_, _, jats) = try R.ingest(html)
        #expect(jats.contains("xlink:href=\"https://evil.example/x\">one</ext-link>"), "\(Self.body(jats))")
        #expect(jats.contains("xlink:href=\"https://evil/share\">two</ext-link>"))
        #expect(jats.contains("xlink:href=\"https://ok.example/a%20b\">three</ext-link>"))
        #expect(!jats.contains("\\"))
    }

    // MARK: spans

    /// The text of `html` at a diagnostic's span.
    static func spanned(_ d: Diagnostic, in html: String) -> String? {
        guard let s = d.span else { return nil }
        return String(decoding: Array(html.utf8)[s.start..<s.end], as: UTF8.self)
    }

    @Test func unsafeLinksPointAtTheirAddress() throws {
        let html = Self.shortPage(
            "<p>Links: <a class=\"x\" href=\"javascript:alert(1)\">alpha</a>, <a\nhref='vbscript:x'>bravo</a>.</p><figure><img alt=\"c\" data-src=\"data:text/html,x\" src=\"\"><figcaption>Chart</figcaption></figure>",
            head: "\n<link rel=\"canonical\" href=\"javascript:alert(2)\">\n<meta name=\"citation_pdf_url\" content=\"vbscript:pdf\">")
        let (_, diagnostics, _) = try R.ingest(html)
        let unsafe = R.rules(diagnostics, "ingest.unsafe-link")
        let texts = unsafe.map { Self.spanned($0, in: html) }
        #expect(texts.contains("javascript:alert(1)") && texts.contains("vbscript:x") && texts.contains("data:text/html,x"), "\(texts)")
        #expect(texts.contains("javascript:alert(2)") && texts.contains("vbscript:pdf"), "metadata addresses: \(texts)")
        #expect(unsafe.count == 5 && unsafe.allSatisfy { $0.location.line > 0 && $0.span != nil })
        let canonical = try #require(unsafe.first { $0.message.contains("canonical") })
        #expect(canonical.location.line == 2)
    }

    @Test func removedBlocksPointAtTheirStartTag() throws {
        let html = Self.shortPage("\n<div class=\"share\" id=\"s\">Share this article with your friends and colleagues on all the social networks you use, and tell everyone how much you enjoyed it.</div>")
        let (_, diagnostics, _) = try R.ingest(html)
        let info = try #require(R.rules(diagnostics, "ingest.chrome-removed").first)
        #expect(Self.spanned(info, in: html) == "<div class=\"share\" id=\"s\">")
        #expect(info.location.line == 2)
    }
}
