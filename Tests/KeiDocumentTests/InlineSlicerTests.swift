import Testing
@testable import KeiDocument

/// ``InlineSlicer`` and ``InlineExtent``: UTF-8 ranges of a unit's projected text mapped back onto the inlines.
@Suite struct InlineSlicerTests {
    static let loc = SourceLocation(file: "s.html", line: 1)
    static let inlines: [Inline] = [
        .text("See "), .emphasis([.text("Big Title")]), .text(", "), .quotation([.text("quoted words")]),
        .noteRef(NoteRef(label: "2", noteID: "fn2")), .text(" 한국어 end."),
    ]

    static func text(_ list: [Inline]) -> String { TextUnit(scope: .note, location: loc, inlines: list).text.string }

    static func range(_ part: String) -> Range<Int> {
        let t = text(inlines)
        let r = t.range(of: part)!
        return t.utf8.distance(from: t.startIndex, to: r.lowerBound)..<t.utf8.distance(from: t.startIndex, to: r.upperBound)
    }

    @Test func extentsMeasureTheProjection() {
        #expect(InlineExtent.length(of: Self.inlines) == Self.text(Self.inlines).utf8.count)
        let q = InlineExtent(Self.inlines[3])
        #expect(q.childOffset == 3 && q.length == 3 + "quoted words".utf8.count + 3)
    }

    @Test(arguments: ["Title, “quoted", "See Big", "quoted words”\u{FFFC} ", "한국어", "Big Title, “quoted words”\u{FFFC} 한"])
    func aSliceProjectsToTheRangesText(_ part: String) {
        let slice = InlineSlicer.slice(Self.inlines, Self.range(part))
        #expect(Self.text(slice) == part)
    }

    @Test func formattingIsKeptAroundWhatIsInside() {
        let slice = InlineSlicer.slice(Self.inlines, Self.range("Title, “quoted words”"))
        #expect(slice == [.emphasis([.text("Title")]), .text(", "), .quotation([.text("quoted words")])])
        let cut = InlineSlicer.slice(Self.inlines, Self.range("words”"))
        #expect(cut == [.text("words"), .text("\u{201D}")], "a cut quotation keeps only the mark inside the range, as text")
    }

    @Test func aCutInsideACharacterMovesBackToItsStart() {
        let start = Self.range("한국어").lowerBound
        let slice = InlineSlicer.slice(Self.inlines, (start + 1)..<(start + 4))
        #expect(Self.text(slice) == "한", "the cut inside 한 moves back to its first byte; the one inside 국 too")
        #expect(InlineSlicer.slice(Self.inlines, 10_000..<20_000).isEmpty)
        #expect(InlineSlicer.slice(Self.inlines, 5..<5).isEmpty)
    }
}
