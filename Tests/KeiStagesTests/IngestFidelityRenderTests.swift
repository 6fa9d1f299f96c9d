import Foundation
import Testing
import KeiCore
import KeiDocument
@testable import KeiStages
import KeiTestSupport
import KeiXML

/// Issue 6, third round: images among words (JATS `inline-graphic`, never silently dropped), metadata
/// addresses read as the URL parser reads them, and URLs serialized as the WHATWG URL Standard does.
@Suite struct IngestFidelityRenderTests {
    typealias R = RenderedReadingTests
    static func page(_ body: String, head: String = "") -> String { RenderFidelityTests.shortPage(body, head: head) }
    static let canonical = #"<link rel="canonical" href="https://kei.example/papers/x.html">"#

    // MARK: inline images

    @Test func anImageAmongWordsIsAnInlineGraphicWithItsAltText() throws {
        let (article, diagnostics, jats) = try R.ingest(Self.page(
            #"<p>A paragraph with an inline chart <img src="chart.png" alt="Chart: exports fell twenty percent in 2023"> that explains things.</p>"#,
            head: Self.canonical))
        let images = article.sections.flatMap(\.blocks).compactMap { b -> [InlineImage]? in
            if case .paragraph(let p) = b { return p.inlines.images }
            return nil
        }.flatMap { $0 }
        #expect(images == [InlineImage(source: "https://kei.example/papers/chart.png", altText: "Chart: exports fell twenty percent in 2023",
                                       location: images.first?.location ?? SourceLocation(file: "", line: 0))])
        #expect(jats.contains(#"<p>A paragraph with an inline chart <inline-graphic xlink:href="https://kei.example/papers/chart.png"><alt-text>Chart: exports fell twenty percent in 2023</alt-text></inline-graphic> that explains things.</p>"#), "\(RenderFidelityTests.body(jats))")
        #expect(R.rules(diagnostics, "ingest.unsafe-link").isEmpty)
        #expect(JATSStructureValidator.validate(jats).isEmpty)
    }

    @Test(arguments: [
        // In formatting, a link, a heading, a table cell, a list item, a quotation and its attribution, a caption.
        (#"<p>In <em>italic <img src="https://i.example/i.png" alt="it"></em> words.</p>"#, #"<italic>italic <inline-graphic xlink:href="https://i.example/i.png"><alt-text>it</alt-text></inline-graphic></italic>"#),
        (#"<h2>Heading <img src="https://i.example/h.png" alt="hd"> text</h2><p>Body.</p>"#, #"<title>Heading <inline-graphic xlink:href="https://i.example/h.png"><alt-text>hd</alt-text></inline-graphic> text</title>"#),
        (#"<table><tr><td>Cell <img src="https://i.example/c.png"> text</td></tr></table>"#, #"<td>Cell <inline-graphic xlink:href="https://i.example/c.png"/> text</td>"#),
        (#"<ul><li>Item <IMG SRC="https://i.example/l.png" ALT="li"> text</li></ul>"#, #"<p>Item <inline-graphic xlink:href="https://i.example/l.png"><alt-text>li</alt-text></inline-graphic> text</p>"#),
        (#"<blockquote><p>Quoted.</p><footer>Someone <img src="https://i.example/f.png" alt="f"></footer></blockquote>"#, #"<attrib>Someone <inline-graphic xlink:href="https://i.example/f.png"><alt-text>f</alt-text></inline-graphic></attrib>"#),
        // In a link: the DTD allows no inline-graphic in ext-link, so it follows the link.
        (#"<p>A <a href="https://l.example/">link <img src="https://i.example/a.png" alt="ln"></a> here.</p>"#, #"<ext-link ext-link-type="uri" xlink:href="https://l.example/">link </ext-link><inline-graphic xlink:href="https://i.example/a.png"><alt-text>ln</alt-text></inline-graphic> here."#),
        (#"<p>An <a href="https://l.example/2"><img src="https://i.example/i.png" alt="icon"></a> link.</p>"#, #"<ext-link ext-link-type="uri" xlink:href="https://l.example/2">icon</ext-link><inline-graphic xlink:href="https://i.example/i.png"><alt-text>icon</alt-text></inline-graphic>"#),
        // In <picture> after a <source> (a void element libxml2 2.9 reads as a container), lazily loaded.
        (#"<p>Picture <picture><source srcset="p.webp"><img src="https://i.example/p.png" alt="pic"></picture> end.</p>"#, #"Picture <inline-graphic xlink:href="https://i.example/p.png"><alt-text>pic</alt-text></inline-graphic> end."#),
        (#"<p>Lazy <img src="data:image/gif;base64,R0lGOD" data-src="https://i.example/z.png" alt="lazy"> one.</p>"#, #"Lazy <inline-graphic xlink:href="https://i.example/z.png"><alt-text>lazy</alt-text></inline-graphic> one."#),
    ])
    func inlineImagesAreWrittenWhereverTheyStand(_ markup: String, _ expected: String) throws {
        let (_, diagnostics, jats) = try R.ingest(Self.page(markup))
        #expect(jats.contains(expected), "\(RenderFidelityTests.body(jats))")
        #expect(R.rules(diagnostics, "ingest.unsafe-link").isEmpty)
        #expect(JATSStructureValidator.validate(jats).isEmpty)
    }

    @Test func anImageAloneIsStillAFigure() throws {
        let (_, _, jats) = try R.ingest(Self.page(#"<p><img src="https://i.example/alone.png" alt="alone"></p><p>After it.</p>"#))
        #expect(jats.contains("<fig id=") && jats.contains(#"<graphic xlink:href="https://i.example/alone.png">"#))
        #expect(!jats.contains("inline-graphic"))
    }

    @Test func imagesBetweenWordsDoNotMakeTheWordsRepeat() throws {
        let html = Self.page(#"<p>Images: <img src=a alt=x> and <img src=b alt=y> and <img src=c alt=z>.</p>"#)
        let ctx = try StageHarness.run(html: html, stages: [IngestHTMLStage.self, LintStyleStage.self],
                                       options: KEIStyle.only(["style.repeated-word"]), style: KEIStyle.sheet)
        #expect(R.rules(ctx.diagnostics, "style.repeated-word").isEmpty, "\(ctx.diagnostics.map(\.message))")
        // The stage did run: the same words without the images are a repetition.
        let plain = try StageHarness.run(html: Self.page("<p>Images: and and and.</p>"), stages: [LintStyleStage.self],
                                         options: KEIStyle.only(["style.repeated-word"]), style: KEIStyle.sheet)
        #expect(R.rules(plain.diagnostics, "style.repeated-word").count == 2)
    }

    @Test(arguments: [
        (#"<img src="javascript:alert(1)" alt="bad one">"#, "javascript"),
        (#"<img src="java&#x09;script:alert(1)" alt="bad one">"#, "javascript"),
        (#"<img src="DATA:image/png;base64,AAA" alt="bad one">"#, "data"),
        (#"<img src="vbscript:x" alt="bad one">"#, "vbscript"),
    ])
    func unsafeInlineImagesAreReportedAndKeepTheirAltText(_ img: String, _ scheme: String) throws {
        let (_, diagnostics, jats) = try R.ingest(Self.page("<p>Before \(img) after.</p>"))
        let unsafe = R.rules(diagnostics, "ingest.unsafe-link")
        #expect(unsafe.count == 1 && unsafe[0].message.contains("“\(scheme):”"), "\(unsafe.map(\.message))")
        #expect(unsafe.allSatisfy { $0.span != nil && $0.severity == .warning })
        #expect(jats.contains("<p>Before bad one after.</p>"), "\(RenderFidelityTests.body(jats))")
        #expect(!jats.lowercased().contains("script:") && !jats.lowercased().contains("data:"))
    }

    @Test func voidElementsLibxmlDoesNotKnowNoLongerSwallowText() throws {
        let (_, _, jats) = try R.ingest(Self.page("<p>A very long<wbr>word and an <embed src=\"x.swf\">embed and after.</p>"))
        #expect(jats.contains("A very longword and an embed and after."), "\(RenderFidelityTests.body(jats))")
    }

    // MARK: metadata addresses

    @Test(arguments: [
        #"<meta name="citation_pdf_url" content="java&#x09;script:alert(1)">"#,
        #"<meta name="citation_pdf_url" content="java&#x0A;script:alert(1)">"#,
        #"<meta name="citation_pdf_url" content=" java&#x0D;script:alert(1)">"#,
        #"<meta name="citation_pdf_url" content="javascript&colon;alert(1)">"#,
    ])
    func aPDFURLWithAHiddenSchemeIsDroppedAndReported(_ meta: String) throws {
        let (article, diagnostics, jats) = try R.ingest(Self.page("<p>Body.</p>", head: meta))
        #expect(article.metadata.pdfURL == nil)
        let unsafe = R.rules(diagnostics, "ingest.unsafe-link")
        #expect(unsafe.count == 1 && unsafe[0].message.contains("PDF URL"), "\(unsafe.map(\.message))")
        #expect(!jats.contains("self-uri content-type=\"pdf\""))
    }

    @Test func metadataAddressesAreResolvedAndSerializedAsLinksAre() throws {
        let head = #"<link rel="canonical" href="HTTPS://Example.ORG:443/a/b.html"><meta name="citation_pdf_url" content="../pdf/b&#x09;.pdf">"#
        let (article, _, _) = try R.ingest(Self.page("<p>Body.</p>", head: head))
        #expect(article.metadata.canonicalURL == "https://example.org/a/b.html")
        #expect(article.metadata.pdfURL == "https://example.org/pdf/b.pdf")
    }

    // MARK: WHATWG serialization

    @Test(arguments: [
        ("HTTPS://Example.ORG:443/a/b.html", "https://example.org/a/b.html"),
        ("http://Example.ORG:80", "http://example.org/"),
        ("http://example.org:0080/x", "http://example.org/x"),
        ("https://example.org:8443/x", "https://example.org:8443/x"),
        ("https://example.org:/x", "https://example.org/x"),
        ("HTTP://A.example", "http://a.example/"),
        ("https://user:pw@EXAMPLE.org/", "https://user:pw@example.org/"),
        ("https://%45xample.org/", "https://example.org/"),
        ("http://[::1]:8080/x", "http://[::1]:8080/x"),
        ("https://example.org/\u{FFFD}x", "https://example.org/%EF%BF%BDx"),
    ])
    func specialURLsHaveTheirHostAndPortNormalised(_ raw: String, _ expected: String) {
        #expect(SafeURL.check(raw, for: .link) == .allowed(expected))
        #expect(SafeURL.check(expected, for: .link) == .allowed(expected), "serializing twice changes nothing")
    }

    @Test(arguments: ["http://[::1", "http://[xyz]/", "https://exa mple.org/", "https://ex<ample.org/", "https://", "http://a.example:99999/",
                      "http://a.example:8o/", "https://%zz%/", "https://a%2fb.example/"])
    func unreadableURLsAreInvalid(_ raw: String) {
        guard case .invalid(let reason) = SafeURL.check(raw, for: .link) else {
            Issue.record("\(raw) should be invalid: \(SafeURL.check(raw, for: .link))")
            return
        }
        #expect(!reason.isEmpty)
    }

    @Test func invalidAndNULLinksThroughIngest() throws {
        let (_, diagnostics, jats) = try R.ingest(Self.page(
            #"<p>A <a href="http://[::1">bad host</a>, a <a href="https://example.org/&#0;x">nul</a> and <a href="https://example.org/&#1;y">one</a> link.</p>"#))
        #expect(jats.contains("A bad host, a <ext-link"), "\(RenderFidelityTests.body(jats))")
        #expect(jats.contains(#"xlink:href="https://example.org/%EF%BF%BDx">nul</ext-link>"#))
        // A reference to a control character in an attribute becomes U+FFFD before parsing (SourceRepair).
        #expect(jats.contains(#"xlink:href="https://example.org/%EF%BF%BDy">one</ext-link>"#))
        let unsafe = R.rules(diagnostics, "ingest.unsafe-link")
        #expect(unsafe.count == 1 && unsafe[0].message.contains("IPv6") && unsafe[0].span != nil, "\(unsafe.map(\.message))")
    }
}
