import Foundation
import KeiDocument
import Testing
@testable import KeiXML

/// The element limit of ``MarkupParser/parseHTML(_:encoding:elementLimit:)`` (issue 12, memory stays
/// bounded) and the identity comparison rebuilding passes use to share the parsed tree.
@Suite struct ElementLimitTests {
    static func count(_ html: String) -> Int {
        var s = html
        return s.withUTF8 { MarkupParser.startTagCount($0) }
    }

    @Test func startTagsAreLessThanSignsBeforeALetter() {
        #expect(Self.count("") == 0)
        #expect(Self.count("<") == 0)
        #expect(Self.count("<p>a</p>") == 1)
        #expect(Self.count("<HTML><Body><p>a < b, 3<4</p><br/></body></html>") == 4)
        #expect(Self.count("<!-- c --><!DOCTYPE html><?x?></p></b>") == 3, "comments and declarations make nodes; end tags do not")
        #expect(Self.count(String(repeating: "<p>a</p>", count: 1000)) == 1000)
    }

    @Test func aPageOverTheLimitIsNotParsed() {
        let page = Data(("<html><body>" + String(repeating: "<p>a</p>", count: 50) + "</body></html>").utf8)
        let refused = MarkupParser.parseHTML(page, elementLimit: 51)
        #expect(refused.root == nil)
        #expect(refused.refusedStartTags == 52)
        #expect(refused.sourceText.utf8.count == page.count, "the decoded source is kept for locations")
        let read = MarkupParser.parseHTML(page, elementLimit: 52)
        // An all-ASCII page with no declaration is windows-1252 (WHATWG sniffing), refused or read.
        #expect(refused.encoding == "windows-1252")
        #expect(refused.encoding == read.encoding && refused.decoding == read.decoding)
        #expect(read.refusedStartTags == nil)
        #expect(read.root?.descendants(named: ["p"]).count == 50)
        #expect(MarkupParser.parseHTML(page).root == read.root, "no limit: the same tree")
    }

    @Test func theLimitCountsTheDecodedText() {
        // UTF-16 bytes hold no "<p" byte pair; the count is taken after decoding.
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in ("<html><body>" + String(repeating: "<p>a</p>", count: 5) + "</body></html>").utf16 {
            bytes += [UInt8(u & 0xFF), UInt8(u >> 8)]
        }
        #expect(MarkupParser.parseHTML(Data(bytes), elementLimit: 6).refusedStartTags == 7)
    }

    @Test func identicalComparesProvenanceNotJustText() {
        let a: [DOMNode] = [.text(DOMText(TextRun("x", source: SourceSpan(start: 0, end: 1), verbatim: true)))]
        let b: [DOMNode] = [.text(DOMText(TextRun("x", source: SourceSpan(start: 5, end: 6), verbatim: true)))]
        #expect(a == b, "== compares text only")
        #expect(!DOMNode.identical(a, b))
        #expect(DOMNode.identical(a, a))
        let e = DOMElement(name: "p", children: a, sourceStart: 3)
        var f = e
        f.children = b
        #expect(!DOMNode.identical([.element(e)], [.element(f)]))
        #expect(DOMNode.identical([.element(e)], [.element(DOMElement(name: "p", children: a, sourceStart: 3))]))
        #expect(!DOMNode.identical([.element(e)], [.element(DOMElement(name: "p", children: a, sourceStart: 4))]))
        #expect(!DOMNode.identical([.element(e)], [.comment(DOMComment("p"))]))
    }
}
