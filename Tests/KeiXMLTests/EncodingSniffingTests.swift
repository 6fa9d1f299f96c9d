import Foundation
import KeiDocument
import Testing
@testable import KeiXML

/// The HTML standard's encoding sniffing and the Encoding Standard's labels and decoders, through
/// ``MarkupParser/parseHTML(_:encoding:)`` (which is what ingest runs).
@Suite struct EncodingSniffingTests {
    static let utf8Body = Array("<p>Malmö, 서울, “quotes” and café</p></body></html>".utf8)

    static func parse(_ head: String, body: [UInt8] = utf8Body, encoding: String? = nil) -> DOMDocument {
        MarkupParser.parseHTML(Data(Array("<!DOCTYPE html><html><head>\(head)<title>T</title></head><body>".utf8) + body), encoding: encoding)
    }

    static func paragraph(_ doc: DOMDocument) -> String? {
        doc.root?.descendants(named: ["p"]).last?.textContent
    }

    /// "charset" outside a real declaration: description and keywords metas, a link's query string,
    /// `<script charset>`, a comment, a `<meta>` inside an attribute value, body text, an `<a>` named
    /// "meta…", `<metacharset=…>` (no space), `http-equiv` without Content-Type.
    @Test(arguments: [
        #"<meta name="description" content="legacy sites declare charset=windows-1251">"#,
        #"<meta name="keywords" content="encoding, charset=iso-8859-1">"#,
        #"<link rel="stylesheet" href="/s.css?charset=ISO-8859-1">"#,
        #"<script charset="iso-8859-1" src="x.js"></script>"#,
        #"<!-- <meta charset="iso-8859-1"> -->"#,
        #"<div title='<meta charset="iso-8859-1">'></div>"#,
        #"<metacharset=iso-8859-1>"#,
        #"<meta http-equiv="refresh" content="5; charset=iso-8859-1">"#,
        #"<meta property="og:description" content="text/html; charset=iso-8859-1">"#,
        "charset=iso-8859-1 in text",
    ])
    func charsetOutsideADeclarationIsNotOne(head: String) {
        let doc = Self.parse(head)
        #expect(Self.paragraph(doc) == "Malmö, 서울, “quotes” and café", "\(head)")
        #expect(doc.decoding?.basis == .validUTF8, "\(head)")
    }

    /// Real declarations in their spellings: `charset` quoted, unquoted, upper case, with spaces, after
    /// other attributes, `http-equiv` before or after `content`, `content` with a quoted charset.
    @Test(arguments: [
        #"<meta charset="windows-1252">"#, "<meta charset=iso-8859-1>", "<META CHARSET='Latin1'>",
        #"<meta   charset = " us-ascii " >"#, #"<meta name="x" charset="l1">"#, #"<meta/charset="cp1252">"#,
        #"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">"#,
        #"<meta content="text/html;charset=iso8859-1" http-equiv="content-type">"#,
        #"<meta http-equiv="Content-Type" content="text/html; charset='ascii'">"#,
        #"<meta http-equiv=content-type content="text/html; charset = x-cp1252">"#,
        #"<!-- a comment first --><meta charset="iso_8859-1:1987">"#,
    ])
    func latin1LabelsAreWindows1252(head: String) {
        let doc = Self.parse(head, body: Array("<p>It".utf8) + [0x92, 0x73, 0x20, 0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0xE9, 0x80] + Array("</p>".utf8))
        #expect(doc.decoding?.encoding == "windows-1252", "\(head)")
        #expect(doc.decoding?.basis == .metaDeclaration, "\(head)")
        #expect(Self.paragraph(doc) == "It’s “q” – é€", "\(head)")
        #expect(doc.decoding?.declaration?.span.map { String(decoding: Array(doc.sourceText.utf8)[$0.range], as: UTF8.self).hasPrefix("<") } == true)
    }

    @Test func labelsMapAsTheEncodingStandardSays() {
        let cases: [(String, String?)] = [
            ("iso-8859-1", "windows-1252"), ("latin1", "windows-1252"), ("ascii", "windows-1252"), ("US-ASCII", "windows-1252"),
            ("l1", "windows-1252"), ("cp1252", "windows-1252"), ("ansi_x3.4-1968", "windows-1252"), (" \tISO8859-1\n", "windows-1252"),
            ("utf8", "UTF-8"), ("unicode-1-1-utf-8", "UTF-8"), ("UTF-8", "UTF-8"), ("iso-8859-9", "windows-1254"),
            ("tis-620", "windows-874"), ("gb2312", "GBK"), ("ks_c_5601-1987", "EUC-KR"), ("windows-949", "EUC-KR"),
            ("sjis", "Shift_JIS"), ("utf-16", "UTF-16LE"), ("iso-2022-kr", "replacement"), ("x-user-defined", "x-user-defined"),
            ("utf-9", nil), ("", nil), ("latin-1", nil), ("iso-8859-1\"", nil),
        ]
        for (label, expected) in cases {
            #expect(EncodingLabel.encoding(forLabel: label) == expected, "\(label)")
        }
    }

    @Test func aByteOrderMarkWinsOverADeclarationAndTheOption() {
        let page = "<html><head><meta charset=\"windows-1252\"></head><body><p>café 서울 😀</p></body></html>"
        var le: [UInt8] = [0xFF, 0xFE], be: [UInt8] = [0xFE, 0xFF]
        for u in page.utf16 { le += [UInt8(u & 0xFF), UInt8(u >> 8)]; be += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE"), ([0xEF, 0xBB, 0xBF] + Array(page.utf8), "UTF-8")] {
            let doc = MarkupParser.parseHTML(Data(bytes), encoding: "windows-1252")
            #expect(doc.decoding?.encoding == name)
            #expect(doc.decoding?.basis == .byteOrderMark)
            #expect(doc.decoding?.invalidBytes.isEmpty == true)
            #expect(doc.sourceText == page)
            #expect(Self.paragraph(doc) == "café 서울 😀")
        }
    }

    @Test func aUTF16LabelInAMetaMeansUTF8() {
        let doc = Self.parse(#"<meta charset="utf-16">"#)
        #expect(doc.decoding?.encoding == "UTF-8")
        #expect(Self.paragraph(doc) == "Malmö, 서울, “quotes” and café")
    }

    @Test func aMetaAfterTheFirst1024BytesIsNotThePrescans() {
        let padding = "<!--" + String(repeating: "x", count: 1100) + "-->"
        // Valid UTF-8: read as UTF-8, the late declaration does not count.
        let utf8 = Self.parse(padding + #"<meta charset="windows-1252">"#)
        #expect(utf8.decoding?.basis == .validUTF8)
        #expect(Self.paragraph(utf8) == "Malmö, 서울, “quotes” and café")
        // Not UTF-8: the late declaration is what a browser's parser would switch to.
        let cyrillic = Self.parse(padding + #"<meta charset="windows-1251">"#, body: Array("<p>".utf8) + [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2] + Array("</p>".utf8))
        #expect(cyrillic.decoding?.basis == .lateMetaDeclaration)
        #expect(Self.paragraph(cyrillic) == "Привет")
        // A late <meta> inside a script is no declaration: windows-1252 by default.
        let scripted = Self.parse(padding + #"<script>document.write('<meta charset="windows-1251">')</script>"#,
                                  body: Array("<p>".utf8) + [0xE9] + Array("</p>".utf8))
        #expect(scripted.decoding?.basis == .defaultWindows1252)
        #expect(Self.paragraph(scripted) == "é")
    }

    @Test func anUnknownLabelIsIgnoredAndReported() {
        let doc = Self.parse(#"<meta charset="klingon-8">"#)
        #expect(doc.decoding?.basis == .validUTF8)
        #expect(doc.decoding?.ignoredDeclarations.map(\.label) == ["klingon-8"])
        #expect(doc.decoding?.ignoredDeclarations.first?.span != nil)
        let forced = Self.parse("", encoding: "no-such-encoding")
        #expect(forced.decoding?.ignoredDeclarations.map(\.label) == ["no-such-encoding"])
        #expect(Self.paragraph(forced) == "Malmö, 서울, “quotes” and café")
    }

    @Test func anXMLDeclarationCountsWhenNoMetaDoes() {
        let doc = MarkupParser.parseHTML(Data(Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html><body><p>caf".utf8) + [0xE9, 0x92] + Array("</p></body></html>".utf8)))
        #expect(doc.decoding?.basis == .xmlDeclaration)
        #expect(Self.paragraph(doc) == "café’")
    }

    @Test func theReplacementEncodingReadsNothingAndSaysSo() {
        let doc = Self.parse(#"<meta charset="iso-2022-kr">"#)
        #expect(doc.decoding?.isReadable == false)
        #expect(doc.decoding?.declaration?.line == 1)
        // Forced by its converter name, the page can still be read.
        let forced = Self.parse("", body: Array("<p>".utf8) + [0x1B, 0x24, 0x29, 0x43, 0x0E, 0x3C, 0x2D, 0x3F, 0x6F, 0x0F] + Array("</p>".utf8),
                                encoding: "ISO-2022-KR")
        #expect(forced.decoding?.basis == .forced)
        #expect(Self.paragraph(forced) == "서울")
    }

    @Test func xUserDefinedForcedMapsHighBytesToThePrivateUseArea() {
        let doc = Self.parse("", body: Array("<p>a".utf8) + [0x80, 0xFF] + Array("</p>".utf8), encoding: "x-user-defined")
        #expect(Self.paragraph(doc) == "a\u{F780}\u{F7FF}")
    }

    /// One stray byte in a UTF-8 page, at the start, in the middle of a multi-byte character, at the
    /// end, and a truncated sequence: one U+FFFD each, the rest stays UTF-8 and spans stay right.
    @Test(arguments: [
        ([0xFF] as [UInt8], "\u{FFFD}"), ([0xE2, 0x80], "\u{FFFD}"), ([0xC3, 0x28], "\u{FFFD}("), ([0xF0, 0x9F, 0x98], "\u{FFFD}"),
        ([0xED, 0xA0, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}"), ([0xC0, 0xAF], "\u{FFFD}\u{FFFD}"),
    ])
    func invalidUTF8BecomesReplacementAndTheRestStaysUTF8(bad: [UInt8], reads: String) throws {
        for head in [#"<meta charset="utf-8">"#, ""] {
            let doc = Self.parse(head, body: Array("<p>café ".utf8) + bad + Array(" 서울 “q”</p><p>after é</p>".utf8))
            #expect(doc.root?.firstDescendant(named: "p")?.textContent == "café \(reads) 서울 “q”", "\(head)")
            #expect(doc.decoding?.encoding == "UTF-8")
            #expect(doc.decoding?.basis == (head.isEmpty ? .detectedUTF8 : .metaDeclaration))
            #expect(doc.decoding?.invalidBytes.count == reads.unicodeScalars.filter { $0 == "\u{FFFD}" }.count)
            let after = try #require(doc.root?.descendants(named: ["p"]).last?.children.first)
            guard case .text(let t) = after else { Issue.record("no text"); continue }
            #expect(t.run.span.map { String(decoding: Array(doc.sourceText.utf8)[$0.range], as: UTF8.self) } == "after é")
        }
    }

    @Test func undeclaredWindows1252IsNotUTF8() {
        let doc = Self.parse("", body: Array("<p>It".utf8) + [0x92, 0x73, 0x20, 0x93, 0x71, 0x94, 0x20, 0xE9] + Array("</p>".utf8))
        #expect(doc.decoding?.basis == .defaultWindows1252)
        #expect(Self.paragraph(doc) == "It’s “q” é")
        let ascii = Self.parse("", body: Array("<p>plain</p>".utf8))
        #expect(ascii.decoding?.basis == .asciiOnly)
        #expect(ascii.decoding?.encoding == "windows-1252")
    }

    /// `&#128;`–`&#159;` and `&#x80;`–`&#x9F;` (any case, with leading zeros, without `;`) in text and
    /// attributes read as windows-1252; the five holes and DEL become U+FFFD and are reported with
    /// references to other controls.
    @Test func c1ReferencesReadAsWindows1252Everywhere() throws {
        let doc = Self.parse(#"<meta name="citation_title" content="Won&#146;t &#x93;Blink&#X94;">"#,
                             body: Array(#"<p title="a&#150;b">It&#146;s &#x0097; &#133 x&#153;y &#x81; &#127; &#1; &#0; end</p>"#.utf8))
        let meta = doc.root?.descendants(named: ["meta"]).first { $0[attribute: "name"] == "citation_title" }
        #expect(meta?[attribute: "content"] == "Won’t “Blink”")
        let p = try #require(doc.root?.firstDescendant(named: "p"))
        #expect(p[attribute: "title"] == "a–b")
        #expect(p.textContent == "It’s — … x™y \u{FFFD} \u{FFFD}   end")
        #expect(doc.controlReferences.count == 4)
        #expect(doc.controlReferences.first.map { String(decoding: Array(doc.sourceText.utf8)[$0.range], as: UTF8.self) } == "&#x81;")
        // No C1 control anywhere in the tree.
        #expect(!doc.root!.textContent.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
    }

    /// NUL, other C0 controls, DEL, C1 controls and U+FFFF in the bytes become U+FFFD before libxml2
    /// reads them (a NUL in an attribute used to end the page there); a form feed becomes a space.
    @Test func controlCharactersAreReplacedBeforeParsing() throws {
        let body: [UInt8] = Array(#"<p title="a"#.utf8) + [0x00] + Array(#"b">x"#.utf8) + [0x00, 0x01, 0x0B, 0x0C, 0x7F, 0xC2, 0x85, 0xEF, 0xBF, 0xBF]
            + Array("y</p><p>after</p>".utf8)
        let doc = Self.parse(#"<meta charset="utf-8">"#, body: body)
        let ps = doc.root?.descendants(named: ["p"]) ?? []
        #expect(ps.count == 2)
        #expect(ps.first?[attribute: "title"] == "a\u{FFFD}b")
        #expect(ps.first?.textContent == "x\u{FFFD}\u{FFFD}\u{FFFD} \u{FFFD}\u{FFFD}\u{FFFD}y")
        #expect(ps.last?.textContent == "after")
        #expect(doc.decoding?.controlCharacters.count == 7)
        #expect(!doc.sourceText.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" })
    }
}

@Suite struct MojibakeTests {
    @Test func findsUTF8ReadAsWindows1252() throws {
        for (garbled, intended) in [("cafÃ©", "é"), ("itâ€™s", "’"), ("MalmÃ¶", "ö"), ("aÂ\u{A0}b", "\u{A0}"), ("ì„œìš¸", "서"), ("â€œqâ€\u{9D}", "“"),
                                    ("Ã¼ber", "ü"), ("ðŸ˜€", "😀")] {
            let f = try #require(Mojibake.find(in: "<p>" + garbled + "</p>"), "\(garbled)")
            #expect(f.intended == intended, "\(garbled)")
            #expect(f.first.start == 3 + (garbled.utf8.count - garbled.drop(while: { !"ÃâÂìð".contains($0) }).utf8.count))
        }
    }

    @Test func ordinaryTextIsNotMojibake() {
        for text in ["café, naïve, Malmö, 서울, “quotes” – dashes", "São Paulo, ÃO", "Â la carte", "Ê", "Ã", "©2025 Ã ©", "Ãx©"] {
            #expect(Mojibake.find(in: text) == nil, "\(text)")
        }
    }
}

@Suite struct ReadingStopTests {
    static func page(_ middle: String) -> Data {
        Data(("<html><head><title>T</title></head><body><p>Opening text of the page.</p>\n" + middle
              + "\n<p>AFTER END closing text.</p></body></html>").utf8)
    }

    /// libxml2 stops at 256 levels of nesting and at a 10 MB text node unless its limits are lifted.
    @Test func deepNestingAndHugeTextReachTheTree() {
        for middle in [String(repeating: "<div>", count: 3000) + "deep" + String(repeating: "</div>", count: 3000),
                       "<p>" + String(repeating: "word ", count: 2_200_000) + "</p>"] {
            let doc = MarkupParser.parseHTML(Self.page(middle))
            #expect(doc.root?.textContent.contains("AFTER END") == true)
            #expect(doc.readingStops.isEmpty, "\(doc.readingStops)")
            #expect(!doc.messages.contains { $0.level == .fatal })
        }
    }

    @Test(arguments: [
        ("<!-- never closed <p>hidden paragraph</p>", ReadingStop.Kind.unterminatedComment, "comment"),
        ("<script>var x = 1; <p>hidden paragraph</p>", .unterminatedRawText, "script"),
        ("<STYLE>p { color: red } <p>hidden paragraph</p>", .unterminatedRawText, "style"),
        ("<textarea rows=3><p>hidden paragraph</p>", .unterminatedRawText, "textarea"),
        ("<noembed><p>hidden paragraph</p>", .unterminatedRawText, "noembed"),
        ("<title><p>hidden paragraph</p>", .unterminatedRawText, "title"),
        ("<svg width=10><rect/><p>hidden paragraph</p>", .unterminatedElement, "svg"),
        ("<MATH><mi>x</mi><p>hidden paragraph</p>", .unterminatedElement, "math"),
        ("<object data=x><p>hidden paragraph</p>", .unterminatedElement, "object"),
        ("<noscript><p>hidden paragraph</p>", .unterminatedElement, "noscript"),
        ("<template><p>hidden paragraph</p>", .unterminatedElement, "template"),
        ("<select><option>a<p>hidden paragraph</p>", .unterminatedElement, "select"),
        ("<p class=\"a\n<p>hidden paragraph</p>", .unterminatedTag, "p"),
        ("<div id='a><p>hidden paragraph</p>", .unterminatedTag, "div"),
    ])
    func unclosedCommentsAndRawTextThatHideMarkupAreReported(middle: String, kind: ReadingStop.Kind, detail: String) throws {
        let data = Self.page(middle)
        let doc = MarkupParser.parseHTML(data)
        let stop = try #require(doc.readingStops.first)
        #expect(stop.kind == kind)
        #expect(stop.detail == detail)
        #expect(stop.span.map { String(decoding: Array(doc.sourceText.utf8)[$0.range], as: UTF8.self).lowercased().hasPrefix("<" + (detail == "comment" ? "!--" : detail)) } == true, "\(stop)")
        #expect(stop.lostLetters >= 20)
    }

    @Test func closedOrEmptyTailsAreNotReported() {
        for middle in ["<!-- a closed comment -->", "<script>var x = '<p>';</script>", "<!-- x --!> closed the old way",
                       "<textarea>notes</TEXTAREA>", "<iframe src=x></iframe>", "<noscript><p>Turn on scripts.</p></noscript>",
                       "<svg><title>Icon</title><rect/></svg>", "<select><option>One</option></select>",
                       // Unclosed, but the article keeps its content (xmp), or libxml2 closes it at the
                       // paragraph's end and the text after it is outside.
                       "<xmp><p>shown paragraph</p>", "<p>Icon <svg><path d=\"M0\"/></p>"] {
            #expect(MarkupParser.parseHTML(Self.page(middle)).readingStops.isEmpty, "\(middle)")
        }
        // At the very end, an unclosed comment or script hides no page markup.
        for tail in ["<!-- trailing note without markup", "<script>var x = 1;", "<style>p { }"] {
            #expect(MarkupParser.parseHTML(Data(("<html><body><p>All the text of the page.</p></body></html>" + tail).utf8)).readingStops.isEmpty, "\(tail)")
        }
    }

    /// The fallback: when the tree holds fewer letters than the source's text, the first lost letter
    /// is where reading stopped.
    @Test func textMissingFromTheTreeIsFound() throws {
        var source = "<html><body><p>kept text</p>\n<p>" + String(repeating: "lost words ", count: 10) + "</p></body></html>"
        let survey = source.withUTF8 { SourceSurvey($0) }
        let truncated = DOMElement(name: "html", children: [.element(DOMElement(name: "body", children: [
            .element(DOMElement(name: "p", children: [.text(DOMText("kept text"))]))]))])
        let stops = MarkupParser.readingStops(survey, root: truncated, messages: [])
        let stop = try #require(stops.first)
        #expect(stop.kind == .textMissing)
        #expect(stop.lostLetters == 90)
        #expect(stop.span.map { String(decoding: Array(source.utf8)[$0.start..<($0.start + 4)], as: UTF8.self) } == "lost")
        let whole = MarkupParser.parseHTML(Data(source.utf8))
        #expect(MarkupParser.readingStops(survey, root: whole.root, messages: []).isEmpty)
        // A fatal libxml2 error without lost text is still reported, at its line.
        let fatal = ParserMessage(level: .fatal, code: 1, line: 2, column: 0, message: "Excessive depth in document")
        #expect(MarkupParser.readingStops(survey, root: whole.root, messages: [fatal]).map(\.kind) == [.parserStopped])
    }
}

@Suite struct SourceRepairTests {
    static func repaired(_ html: String) -> (String, SourceRepair) {
        var bytes = Array(html.utf8)
        let repair = SourceRepair(&bytes)
        return (String(decoding: bytes, as: UTF8.self), repair)
    }

    /// References libxml2 would end an attribute value at become `&#xFFFD;` (quoted, unquoted, hex,
    /// decimal, without `;`); in text, comments and scripts, and references to real characters, stay.
    @Test func controlReferencesInAttributeValuesBecomeReplacementReferences() {
        let (text, repair) = Self.repaired(#"<p a="x&#0;y" b='&#x1;' c=u&#2v d="&#xD800;&#1114112;" e="&#133;&#9;&amp;">t&#1;</p><!-- <p a="&#1;"> --><script>s='<p a="&#1;">'</script>"#)
        #expect(text == #"<p a="x&#xFFFD;y" b='&#xFFFD;' c=u&#xFFFD;v d="&#xFFFD;&#xFFFD;" e="&#133;&#9;&amp;">t&#1;</p><!-- <p a="&#1;"> --><script>s='<p a="&#1;">'</script>"#)
        #expect(repair.attributeReferences.count == 5)
        #expect(repair.attributeReferences.first == SourceSpan(start: 7, end: 15))
        // Offsets after an edit move by its growth (`&#0;` → `&#xFFFD;`: 4 bytes more).
        #expect(repair.map(7) == 7)
        #expect(repair.map(12) == 16)
    }

    @Test func abruptlyClosedCommentsBecomeEmptyComments() {
        let (text, repair) = Self.repaired("<p>a</p><!--><p>b</p><!---><p>c</p><!----><!-- d --><p>e</p>")
        #expect(text == "<p>a</p><!----><p>b</p><!----><p>c</p><!----><!-- d --><p>e</p>")
        #expect(repair.attributeReferences.isEmpty)
        #expect(repair.map(13) == 15)
        let doc = MarkupParser.parseHTML(Data("<body><p>a</p><!-->\n<p>bee</p><!--->\n<p>cee</p><!-- end --></body>".utf8))
        #expect(doc.root?.textContent.contains("bee") == true && doc.root?.textContent.contains("cee") == true)
        #expect(doc.readingStops.isEmpty)
    }

    /// Through the parser: the value keeps its rest, spans point into the repaired source.
    @Test func attributeValuesKeepTheirRest() throws {
        let doc = MarkupParser.parseHTML(Data(#"<html><head><meta name="t" content="Real &#2;Title"></head><body><a href="&#0;javascript:x">l</a></body></html>"#.utf8))
        var metas: [DOMElement] = []
        var stack = [try #require(doc.root)]
        while let e = stack.popLast() {
            if e.name == "meta" || e.name == "a" { metas.append(e) }
            for case .element(let c) in e.children { stack.append(c) }
        }
        let values = Set(metas.flatMap { $0.attributes.filter { $0.name == "content" || $0.name == "href" }.map(\.value) })
        #expect(values == ["Real \u{FFFD}Title", "\u{FFFD}javascript:x"])
        #expect(doc.controlReferences.count == 2)
        let first = try #require(doc.controlReferences.first)
        #expect(String(decoding: Array(doc.sourceText.utf8)[first.range], as: UTF8.self) == "&#xFFFD;")
        #expect(!doc.messages.contains { $0.message.contains("invalid xmlChar") })
    }
}

@Suite struct UTF16SniffingTests {
    static func sniff(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { EncodingPrescan.utf16WithoutByteOrderMark($0) }
    }

    @Test func nulsInEveryOtherByteAreUTF16() {
        let text = "<!DOCTYPE html><html lang=\"ko\"><head><title>서울 Seoul</title></head><body><p>한국어 본문</p>"
        let le = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(Self.sniff(le) == "UTF-16LE")
        #expect(Self.sniff(be) == "UTF-16BE")
        // ASCII, UTF-8, a page with a few NULs, and too little to tell are not.
        #expect(Self.sniff(Array(text.utf8)) == nil)
        #expect(Self.sniff(Array("<p>a\u{0}b\u{0}c\u{0}d\u{0}e</p><p>more text here</p>".utf8)) == nil)
        #expect(Self.sniff(Array(le.prefix(8))) == nil)
        let doc = MarkupParser.parseHTML(Data(le))
        #expect(doc.decoding?.basis == .detectedUTF16)
        #expect(doc.root?.textContent.contains("한국어 본문") == true)
    }
}
