import KeiDocument
import Testing

@Suite struct TextRunTests {
    /// "a&amp;b" at source offset 10: "a" verbatim, "&" from the 5-byte reference, "b" verbatim.
    static let entityRun = TextRun("a&b", origins: [
        TextOrigin(length: 1, source: SourceSpan(start: 10, end: 11), verbatim: true),
        TextOrigin(length: 1, source: SourceSpan(start: 11, end: 16), verbatim: false),
        TextOrigin(length: 1, source: SourceSpan(start: 16, end: 17), verbatim: true),
    ])

    @Test func spansMapThroughVerbatimAndReplacedOrigins() {
        let r = Self.entityRun
        #expect(r.span == SourceSpan(start: 10, end: 17))
        #expect(r.span(of: 0..<1) == SourceSpan(start: 10, end: 11))
        #expect(r.span(of: 1..<2) == SourceSpan(start: 11, end: 16), "an entity maps as a whole")
        #expect(r.span(of: 1..<3) == SourceSpan(start: 11, end: 17))
        #expect(TextRun("added").span == nil, "text the pipeline adds has no source")
    }

    @Test func rangeOfSpanInvertsSpanOf() {
        let r = Self.entityRun
        #expect(r.range(of: SourceSpan(start: 10, end: 11)) == 0..<1)
        #expect(r.range(of: SourceSpan(start: 11, end: 16)) == 1..<2)
        #expect(r.range(of: SourceSpan(start: 10, end: 17)) == 0..<3)
        #expect(r.range(of: SourceSpan(start: 12, end: 14)) == nil, "inside a reference is not a range of the text")
        let v = TextRun("hello world", source: SourceSpan(start: 100, end: 111), verbatim: true)
        #expect(v.range(of: SourceSpan(start: 105, end: 111)) == 5..<11)
        #expect(v.range(of: SourceSpan(start: 90, end: 101)) == nil)
    }

    @Test func slicingAndReplacingKeepOrigins() {
        let v = TextRun("the the cat", source: SourceSpan(start: 0, end: 11), verbatim: true)
        let fixed = v.replacing(3..<7, with: .empty)
        #expect(fixed.string == "the cat")
        #expect(fixed.span(of: 4..<7) == SourceSpan(start: 8, end: 11))
        let joined = TextRun("x") + v.slice(4..<7)
        #expect(joined.string == "xthe")
        #expect(joined.span == SourceSpan(start: 4, end: 7))
        #expect(joined.origins.count == 2)
    }

    @Test func equalityIgnoresOrigins() {
        #expect(TextRun("a", source: SourceSpan(start: 3, end: 4), verbatim: true) == "a")
    }
}

@Suite struct SourceLineIndexTests {
    @Test func linesAndColumnsCountScalarsAndEveryLineEnd() {
        let text = "ab\r\n한국x\ry\nz🇰🇷q"
        let index = SourceLineIndex(text)
        func pos(_ s: String) -> (Int, Int) {
            let o = text.utf8.count - text[text.range(of: s)!.lowerBound...].utf8.count
            let p = index.position(of: o)
            return (p.line, p.column)
        }
        #expect(pos("ab") == (1, 1))
        #expect(pos("국") == (2, 2))
        #expect(pos("x") == (2, 3))
        #expect(pos("y") == (3, 1), "a lone CR ends a line")
        #expect(pos("q") == (4, 4), "a flag is two scalars")
        #expect(index.offset(line: 2, column: 3) == text.utf8.count - text[text.range(of: "x")!.lowerBound...].utf8.count)
        #expect(index.text(of: SourceSpan(start: 4, end: 10)) == "한국")
    }

    @Test func linesPastSixteenBitsAreRight() {
        let text = String(repeating: "x\n", count: 70_000) + "end"
        let index = SourceLineIndex(text)
        #expect(index.position(of: text.utf8.count - 3).line == 70_001)
        #expect(index.lineCount == 70_001)
    }

    @Test func positionsInBulkEqualPositionsOneByOne() {
        let text = "ab\r\n한국x\ry\nz🇰🇷q é\u{301}\n" + String(repeating: "long line 문장 ", count: 50)
        let index = SourceLineIndex(text)
        var offsets = Array(0...text.utf8.count)
        offsets.reverse()
        let bulk = index.positions(of: offsets)
        for (k, o) in offsets.enumerated() {
            let one = index.position(of: o)
            #expect(bulk[k] == one, "offset \(o)")
        }
    }
}
