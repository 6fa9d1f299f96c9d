import Foundation
import KeiDocument
import Testing
@testable import KeiXML

/// Hand-written pages: every text node must slice back from the source (AlignmentCheck), and the
/// tricky parts must land where they are.
@Suite struct SourceAlignmentTests {
    /// Parses, checks every text node, comment and element start, and requires every visible byte to
    /// have a source.
    @discardableResult
    static func parseAligned(_ bytes: [UInt8], encoding: String? = nil,
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) -> DOMDocument {
        let doc = MarkupParser.parseHTML(Data(bytes), encoding: encoding)
        let check = AlignmentCheck(doc)
        #expect(check.failures.isEmpty, "\(check.failures)", sourceLocation: sourceLocation)
        #expect(check.sourcedVisibleBytes == check.visibleBytes, "unsourced: \(check.unsourced)", sourceLocation: sourceLocation)
        #expect(check.textNodes > 0, sourceLocation: sourceLocation)
        return doc
    }

    @discardableResult
    static func parseAligned(_ html: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> DOMDocument {
        parseAligned(Array(html.utf8), sourceLocation: sourceLocation)
    }

    /// The text nodes of the document, in order.
    static func texts(_ doc: DOMDocument) -> [TextRun] {
        var out: [TextRun] = []
        func visit(_ e: DOMElement) {
            for c in e.children {
                switch c {
                case .element(let x): visit(x)
                case .text(let t): out.append(t.run)
                case .comment: break
                }
            }
        }
        if let root = doc.root { visit(root) }
        return out
    }

    static func text(_ doc: DOMDocument, containing needle: String) -> TextRun? {
        texts(doc).first { $0.string.contains(needle) }
    }

    /// The source text a span covers.
    static func slice(_ doc: DOMDocument, _ span: SourceSpan?) -> String? {
        guard let span else { return nil }
        return String(decoding: Array(doc.sourceText.utf8)[span.range], as: UTF8.self)
    }

    /// The non-verbatim origins of a run, as the source they cover.
    static func references(_ doc: DOMDocument, _ run: TextRun) -> [String] {
        run.origins.filter { !$0.verbatim && $0.source != nil }.compactMap { slice(doc, $0.source) }
    }

    @Test func plainTextIsOneVerbatimOrigin() throws {
        let html = "<html><head><title>T</title></head><body><p class=\"x\">Hello world</p></body></html>"
        let doc = Self.parseAligned(html)
        #expect(doc.sourceText == html)
        let run = try #require(Self.text(doc, containing: "Hello"))
        #expect(run.origins.count == 1)
        #expect(run.origins.first?.verbatim == true)
        #expect(Self.slice(doc, run.span) == "Hello world")
        #expect(run.span?.start == html.utf8.count - "Hello world</p></body></html>".utf8.count)
    }

    @Test func entitiesNamedNumericHexWithoutSemicolonAndUnknown() throws {
        let html = "<p>a&amp;b &lt;c&gt; &quot;d&quot; &amp e &foo; f&#8217;g&#x2019;h&#65i&#X41;j&#;k&apos;l&#0;m</p>"
        let doc = Self.parseAligned(html)
        let run = try #require(Self.text(doc, containing: "a&b"))
        // libxml2 2.9: `&amp` without `;` and unknown `&foo;` stay text; `&#;` and `&#0;` vanish.
        #expect(run.string == "a&b <c> \"d\" &amp e &foo; f\u{2019}g\u{2019}hAiAjk'lm")
        #expect(Self.references(doc, run) == ["&amp;", "&lt;", "&gt;", "&quot;", "&quot;", "&#8217;", "&#x2019;", "&#65", "&#X41;", "&apos;"])
        // Verbatim parts map byte for byte, so the literal `&amp e &foo; f` finds its exact source.
        let literal = try #require(run.string.utf8.firstRange(of: "&amp e &foo; f".utf8))
        let lo = run.string.utf8.distance(from: run.string.utf8.startIndex, to: literal.lowerBound)
        let hi = run.string.utf8.distance(from: run.string.utf8.startIndex, to: literal.upperBound)
        #expect(Self.slice(doc, run.span(of: lo..<hi)) == "&amp e &foo; f")
    }

    @Test func nbspIsOneReferenceForTwoBytes() throws {
        let doc = Self.parseAligned("<p>Hello&nbsp;world &nbsp;</p>")
        let run = try #require(Self.text(doc, containing: "Hello"))
        #expect(run.string == "Hello\u{A0}world \u{A0}")
        let nbsp = run.origins[1]
        #expect(nbsp.length == 2 && !nbsp.verbatim)
        #expect(Self.slice(doc, nbsp.source) == "&nbsp;")
        #expect(Self.slice(doc, run.span(of: 5..<7)) == "&nbsp;")
    }

    @Test func multiByteTextIsVerbatim() throws {
        let doc = Self.parseAligned("<html><head><meta charset=\"utf-8\"></head><body><p>서울 – “Seoul” 😀 café</p><p>이어서</p></body></html>")
        let run = try #require(Self.text(doc, containing: "서울"))
        #expect(run.origins.count == 1 && run.origins[0].verbatim)
        #expect(Self.slice(doc, run.span) == "서울 – “Seoul” 😀 café")
        // Sub-ranges inside a verbatim origin map exactly, also inside multi-byte text.
        #expect(Self.slice(doc, run.span(of: 0..<3)) == "서")
        #expect(Self.text(doc, containing: "이어서") != nil)
    }

    @Test func crlfAndLoneCRStayInTheTextAndAlign() throws {
        // libxml2's HTML parser keeps carriage returns in text, so they map verbatim.
        let doc = Self.parseAligned("<html>\r\n<body>\r\n<p>line one\r\nline two\rline three</p>\r\n</body>\r\n</html>\r\n")
        let run = try #require(Self.text(doc, containing: "line one"))
        #expect(run.string == "line one\r\nline two\rline three")
        #expect(run.origins.allSatisfy { $0.verbatim })
    }

    @Test func textSplitByCommentsAndCommentSpans() throws {
        let html = "<p>before<!-- a note -->after<!---->end</p>"
        let doc = Self.parseAligned(html)
        let p = try #require(doc.root?.firstDescendant(named: "p"))
        let comments = p.children.compactMap { node -> DOMComment? in
            if case .comment(let c) = node { return c }
            return nil
        }
        #expect(comments.map { $0.text } == [" a note ", ""])
        #expect(comments.map { Self.slice(doc, $0.span) } == ["<!-- a note -->", "<!---->"])
        #expect(Self.texts(doc).map { $0.string } == ["before", "after", "end"])
        #expect(Self.slice(doc, Self.texts(doc)[1].span) == "after")
    }

    @Test func strayEndTagsInsideTextAreSkipped() throws {
        let doc = Self.parseAligned("<div><p>foo</span>bar</b >baz</ x>qux</p></div>")
        let run = try #require(Self.text(doc, containing: "foo"))
        // libxml2 ignores the stray end tags (and drops the `</` of `</ x>`): one text node.
        #expect(run.string == "foobarbaz x>qux")
        #expect(run.origins.map { Self.slice(doc, $0.source) } == ["foo", "bar", "baz", " x>qux"])
    }

    @Test func scriptAndStyleAreMatchedLiterally() throws {
        let script = "if (a &amp;&amp; b) { x = \"</div>\"; y = '<p>&lt;' }"
        let html = "<html><head><style>p > a { content: \"&amp;\" }</style></head><body><script>\(script)</script><p>after &amp; more</p></body></html>"
        let doc = Self.parseAligned(html)
        let run = try #require(Self.text(doc, containing: "if (a"))
        #expect(run.string == script)
        #expect(run.origins.count == 1 && run.origins[0].verbatim)
        #expect(Self.slice(doc, run.span) == script)
        let style = try #require(Self.text(doc, containing: "content"))
        #expect(style.origins.allSatisfy { $0.verbatim })
        let after = try #require(Self.text(doc, containing: "after"))
        #expect(after.string == "after & more")
    }

    @Test func aLongScriptIsOneVerbatimOrigin() throws {
        // libxml2 reads script content in chunks of about 1,000 bytes and joins them into one node.
        let script = (0..<300).map { "var v\($0) = \"&amp;\" < \($0);\n" }.joined()
        let doc = Self.parseAligned("<html><body><script>\(script)</script><p>after</p></body></html>")
        let run = try #require(Self.texts(doc).first)
        #expect(run.string == script)
        #expect(run.origins.count == 1 && run.origins[0].verbatim)
        #expect(Self.texts(doc).last?.string == "after")
    }

    @Test func onlyScriptAndStyleAreRawText() {
        // libxml2 2.9 reads noscript, xmp, iframe and textarea content as markup with references.
        let doc = Self.parseAligned("<body><noscript>a&amp;b</noscript><xmp>c&lt;<b>d</b></xmp><iframe>e&gt;</iframe><textarea>f&quot;</textarea></body>")
        #expect(Self.texts(doc).map { $0.string } == ["a&b", "c<", "d", "e>", "f\""])
    }

    @Test func attributesHoldingTagEndsAndQuotes() throws {
        let html = "<div title=\"a>b\" data-x='q\"r>' data-y=plain>Hello</div><p title=\"Hello\">Hello</p><a href=x/>link</a><i \"bogus>tail</i>"
        let doc = Self.parseAligned(html)
        let runs = Self.texts(doc)
        #expect(runs.map { $0.string } == ["Hello", "Hello", "link", "tail"])
        let utf8 = Array(html.utf8)
        // The text, not the attribute value that reads the same.
        let second = try #require(runs[1].span)
        #expect(String(decoding: utf8[(second.start - 2)..<second.start], as: UTF8.self) == "\">")
        let div = try #require(doc.root?.firstDescendant(named: "div"))
        #expect(div.sourceStart == 0)
        let a = try #require(doc.root?.firstDescendant(named: "a"))
        #expect(Self.slice(doc, a.sourceStart.map { SourceSpan(start: $0, end: $0 + 2) }) == "<a")
    }

    @Test func unclosedCommentEatsTheRest() throws {
        let doc = Self.parseAligned("<p>kept</p><p>also kept</p><!-- never closed <p>lost</p>")
        #expect(Self.texts(doc).map { $0.string } == ["kept", "also kept"])
    }

    @Test func doctypeProcessingInstructionsAndOddMarkup() throws {
        let doc = Self.parseAligned("<!DOCTYPE html PUBLIC \"a>b\" \"c\">\n<!-- before the root -->\n<?php echo 1 ?><p>a<_x>b<? c>d<![CDATA[e]]>f< g</p>")
        let run = try #require(Self.text(doc, containing: "a<_x>"))
        #expect(run.string == "a<_x>b c>d<![CDATA[e]]>f< g")
    }

    @Test func impliedElementsHaveNoStart() throws {
        let html = "<title>T</title>\n<p>para</p><div>Top text <b>bold</b></div>"
        let doc = Self.parseAligned(html)
        let root = try #require(doc.root)
        #expect(root.name == "html" && root.sourceStart == nil)
        #expect(root.firstDescendant(named: "head")?.sourceStart == nil)
        #expect(root.firstDescendant(named: "body")?.sourceStart == nil)
        #expect(root.firstDescendant(named: "title")?.sourceStart == 0)
        #expect(root.firstDescendant(named: "p")?.sourceStart == html.utf8.count - "<p>para</p><div>Top text <b>bold</b></div>".utf8.count)
        #expect(root.firstDescendant(named: "b")?.sourceStart != nil)

        // Text at the top level: libxml2 implies html, body and p around it.
        let loose = Self.parseAligned("Loose text <b>bold</b> end<p>real</p>")
        let ps = loose.root?.descendants(named: ["p"]) ?? []
        #expect(ps.count == 2)
        #expect(ps.first?.sourceStart == nil)
        #expect(ps.last?.sourceStart == "Loose text <b>bold</b> end".utf8.count)
        #expect(loose.root?.firstDescendant(named: "b")?.sourceStart == 11)
    }

    @Test func whitespaceLibxml2DropsIsSkipped() {
        let doc = Self.parseAligned("<!DOCTYPE html>\n<html>\n  <head>\n    <title>T</title>\n  </head>\n  <body>\n    <ul>\n      <li>one</li>\n      <li>two</li>\n    </ul>\n  </body>\n</html>\n")
        #expect(Self.texts(doc).contains { $0.string == "two" })
        let check = AlignmentCheck(doc)
        #expect(check.fullyAlignedNodes == check.textNodes)
        #expect(check.elementsWithStart == check.elements)
    }

    @Test func repeatedHtmlHeadBodyTagsAreSkipped() {
        let doc = Self.parseAligned("<html><body><p>a</p><body class=\"x\">b<html lang=\"en\">c<head>d</p></body></html>")
        #expect(Self.texts(doc).map { $0.string }.joined() == "abcd")
    }
}

/// The decoded source for pages in other encodings: the text libxml2 read, BOM removed.
@Suite struct SourceTextEncodingTests {
    @Test func windows1252WithMetaCharset() throws {
        var bytes = Array("<html><head><meta charset=\"windows-1252\"><title>T</title></head><body><p>It".utf8)
        bytes += [0x92] + Array("s caf".utf8) + [0xE9] + Array(" </p></body></html>".utf8)
        let doc = SourceAlignmentTests.parseAligned(bytes)
        #expect(doc.sourceText.contains("<p>It\u{2019}s café </p>"))
        let run = try #require(SourceAlignmentTests.text(doc, containing: "It"))
        #expect(run.string == "It\u{2019}s café ")
        #expect(run.origins.allSatisfy { $0.verbatim })
    }

    @Test func utf16LittleEndianWithBOM() throws {
        let page = "<html><head><meta charset=\"utf-16\"><title>T</title></head><body><p>café 서울 😀 &amp; more</p></body></html>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in page.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let doc = SourceAlignmentTests.parseAligned(bytes)
        #expect(doc.sourceText == page)
        #expect(SourceAlignmentTests.text(doc, containing: "café")?.string == "café 서울 😀 & more")
    }

    @Test func utf8BOMIsRemoved() throws {
        let page = "<html><body><p>Hello “there”</p></body></html>"
        let doc = SourceAlignmentTests.parseAligned([0xEF, 0xBB, 0xBF] + Array(page.utf8))
        #expect(doc.sourceText == page)
        #expect(SourceAlignmentTests.text(doc, containing: "Hello")?.span?.start == 15)
    }

    @Test func undeclaredInvalidUTF8IsReadAsWindows1252() {
        let doc = SourceAlignmentTests.parseAligned(Array("<p>caf".utf8) + [0xE9, 0x20, 0x93, 0x71, 0x94] + Array("</p>".utf8))
        #expect(doc.sourceText == "<p>café “q”</p>")
        #expect(doc.decoding?.basis == .defaultWindows1252)
    }

    @Test func aMetaInTheFirst1024BytesDecidesForTheWholePage() {
        // The prescan finds the <meta> although non-ASCII bytes come before it: the whole page is
        // windows-1252, so the UTF-8 bytes of “é” read as “Ã©” (and ingest calls the page suspect).
        let bytes = Array("<html><head><title>caf".utf8) + [0xC3, 0xA9] + Array("</title><meta charset=\"windows-1252\"></head><body><p>x".utf8)
            + [0x93] + Array("</p></body></html>".utf8)
        let doc = SourceAlignmentTests.parseAligned(bytes)
        #expect(SourceAlignmentTests.text(doc, containing: "caf")?.string == "caf\u{C3}\u{A9}")
        #expect(doc.sourceText.contains("<p>x“</p>"))
        #expect(doc.decoding?.basis == .metaDeclaration)
    }

    @Test func httpEquivAfterNonASCIIBytesIsFoundByThePrescan() {
        let bytes = Array("<html><head><title>x</title></head><body><p>caf".utf8) + [0xE9]
            + Array("</p><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>".utf8)
            + [0x93, 0x71, 0x94] + Array("</p></body></html>".utf8)
        let doc = SourceAlignmentTests.parseAligned(bytes)
        #expect(doc.sourceText.contains("<p>café</p>") && doc.sourceText.contains("<p>“q”</p>"))
    }

    @Test func declaredUTF8WithAnInvalidByteKeepsTheRestUTF8() throws {
        let bytes = Array("<html><head><meta charset=\"utf-8\"><title>café</title></head><body><p>caf".utf8) + [0xE9]
            + Array(" é x</p></body></html>".utf8)
        let doc = SourceAlignmentTests.parseAligned(bytes)
        #expect(doc.sourceText.contains("<title>café</title>"))
        #expect(doc.sourceText.contains("<p>caf\u{FFFD} é x</p>"))
        #expect(doc.decoding?.invalidBytes.count == 1)
        let run = try #require(SourceAlignmentTests.text(doc, containing: "caf\u{FFFD}"))
        // The span after the replacement character is still exact.
        let e = try #require(run.string.utf8.firstIndex(of: 0xC3))
        let offset = run.string.utf8.distance(from: run.string.utf8.startIndex, to: e)
        let span = try #require(run.span(of: offset..<(offset + 2)))
        #expect(SourceAlignmentTests.slice(doc, span) == "é")
    }

    @Test func eastAsianEncodingsThroughIconv() {
        let sjis = SourceAlignmentTests.parseAligned(Array("<html><head><meta charset=\"shift_jis\"></head><body><p>".utf8)
            + [0x82, 0xA0, 0x82, 0xA2] + Array(" x</p></body></html>".utf8))
        #expect(sjis.sourceText.contains("<p>あい x</p>"))
        let euckr = SourceAlignmentTests.parseAligned(Array("<html><head><meta charset=\"euc-kr\"></head><body><p>".utf8)
            + [0xBC, 0xAD, 0xBF, 0xEF] + Array("</p></body></html>".utf8))
        #expect(euckr.sourceText.contains("<p>서울</p>"))
    }

    @Test func aByteWithoutACharacterBecomesReplacementAndReadingGoesOn() {
        // 0x81 is a hole of windows-1252 (a C1 control), 0xFF 0xFF is no EUC-KR character.
        let doc = SourceAlignmentTests.parseAligned(Array("<html><head><meta charset=\"windows-1252\"></head><body><p>a".utf8)
            + [0x81] + Array("b</p><p>after</p></body></html>".utf8))
        #expect(SourceAlignmentTests.texts(doc).map { $0.string } == ["a\u{FFFD}b", "after"])
        #expect(doc.decoding?.controlCharacters.count == 1)
        let euckr = SourceAlignmentTests.parseAligned(Array("<html><head><meta charset=\"euc-kr\"></head><body><p>".utf8)
            + [0xBC, 0xAD, 0xFF, 0xFF, 0xBF, 0xEF] + Array("</p><p>after</p></body></html>".utf8))
        #expect(SourceAlignmentTests.texts(euckr).map { $0.string } == ["서\u{FFFD}\u{FFFD}울", "after"])
        #expect(euckr.decoding?.invalidBytes.count == 2)
    }

    @Test func forcedEncodingConvertsEverything() {
        let doc = SourceAlignmentTests.parseAligned(Array("<p>".utf8) + [0x93, 0x71, 0x94] + Array("</p>".utf8), encoding: "windows-1252")
        #expect(doc.sourceText == "<p>“q”</p>")
    }

    @Test func parseXMLKeepsNoSource() {
        let doc = MarkupParser.parseXML(Data("<r><a>text</a></r>".utf8))
        #expect(doc.sourceText.isEmpty)
        #expect(doc.root?.firstDescendant(named: "a")?.sourceStart == nil)
    }
}

/// The aligner alone, on sources libxml2 would not produce.
@Suite struct SourceAlignerUnitTests {
    /// Aligns each text as the content of a `p` (as the tree walk would: the element's start first).
    static func align(_ texts: [String], in source: String) -> [[TextOrigin]] {
        var source = source
        return source.withUTF8 { utf8 in
            var aligner = SourceAligner(source: utf8)
            return texts.map { text in
                var t = text
                var p = "p"
                _ = p.withUTF8 { name in t.withUTF8 { content in aligner.elementStart(name: name, firstText: { content }) } }
                return t.withUTF8 { aligner.align($0, raw: false) }
            }
        }
    }

    @Test func lineEndsReadAsLineFeedsAreNonVerbatim() {
        let origins = Self.align(["a\nb\nc"], in: "<p>a\r\nb\rc</p>")[0]
        #expect(origins == [
            TextOrigin(length: 1, source: SourceSpan(start: 3, end: 4), verbatim: true),
            TextOrigin(length: 1, source: SourceSpan(start: 4, end: 6), verbatim: false),
            TextOrigin(length: 1, source: SourceSpan(start: 6, end: 7), verbatim: true),
            TextOrigin(length: 1, source: SourceSpan(start: 7, end: 8), verbatim: false),
            TextOrigin(length: 1, source: SourceSpan(start: 8, end: 9), verbatim: true),
        ])
    }

    @Test func textThatCannotBeFoundHasNoSourceAndLeavesTheCursor() {
        let result = Self.align(["changed", "second"], in: "<p>original</p><p>second</p>")
        #expect(result[0] == [TextOrigin(length: 7, source: nil, verbatim: false)])
        #expect(result[1] == [TextOrigin(length: 6, source: SourceSpan(start: 18, end: 24), verbatim: true)])
    }

    @Test func aLongTextThatDivergesKeepsItsMatchedPrefix() {
        let matched = String(repeating: "x", count: 40)
        let result = Self.align([matched + "YYY", "next"], in: "<p>\(matched)ZZZ</p><p>next</p>")
        #expect(result[0] == [TextOrigin(length: 40, source: SourceSpan(start: 3, end: 43), verbatim: true),
                              TextOrigin(length: 3, source: nil, verbatim: false)])
        #expect(result[1].first?.source?.start == 53)
    }

    @Test func controlCharactersLibxml2DropsAreSkipped() {
        let origins = Self.align(["ab"], in: "<p>a\u{1}b</p>")[0]
        #expect(origins == [TextOrigin(length: 1, source: SourceSpan(start: 3, end: 4), verbatim: true),
                            TextOrigin(length: 1, source: SourceSpan(start: 5, end: 6), verbatim: true)])
    }

    @Test func searchesStayWithinTheLimit() {
        // A text whose content is further than the search limit is not found.
        let filler = String(repeating: " ", count: SourceAligner.searchLimit + 10)
        let result = Self.align(["far"], in: filler + "far")
        #expect(result[0].first?.source == nil)
    }
}
