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

    @Test func spansOfManyRangesAgreeWithSpanOfEach() {
        // Verbatim text, an entity, text the pipeline adds, more verbatim text: every range, empty ones too.
        let r = TextRun("ab&c d", origins: [
            TextOrigin(length: 2, source: SourceSpan(start: 10, end: 12), verbatim: true),
            TextOrigin(length: 1, source: SourceSpan(start: 12, end: 17), verbatim: false),
            TextOrigin(length: 2, source: nil, verbatim: false),
            TextOrigin(length: 1, source: SourceSpan(start: 30, end: 31), verbatim: true),
        ])
        var ranges: [Range<Int>] = []
        for lo in 0...r.utf8Count { for hi in lo...r.utf8Count { ranges.append(lo..<hi) } }
        #expect(r.spans(of: ranges) == ranges.map { r.span(of: $0) })
        #expect(r.spans(of: ranges.reversed()) == ranges.reversed().map { r.span(of: $0) }, "any order")
        #expect(TextRun.empty.spans(of: [0..<0]) == [nil])
    }

    /// A paragraph of 200,000 origins (every other word from an inline element) with a range in each:
    /// walking the origins from the start for each range, as `span(of:)` does, is 2·10¹⁰ steps and would
    /// time the suite out; `spans(of:)` is linear. Checks the last range maps where it should.
    @Test func spansOfManyRangesIsNotQuadraticInTheOrigins() {
        let n = 200_000
        var origins: [TextOrigin] = []
        origins.reserveCapacity(n)
        for k in 0..<n {
            origins.append(TextOrigin(length: 2, source: SourceSpan(start: k * 10, end: k * 10 + 2), verbatim: true))
        }
        let r = TextRun(String(repeating: "ab", count: n), origins: origins)
        let spans = r.spans(of: (0..<n).map { 2 * $0..<2 * $0 + 1 })
        #expect(spans.count == n)
        #expect(spans.last == SourceSpan(start: (n - 1) * 10, end: (n - 1) * 10 + 1))
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
