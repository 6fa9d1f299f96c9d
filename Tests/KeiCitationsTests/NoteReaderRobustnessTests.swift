import Foundation
import Testing
import KeiCitations
import KeiDocument
import KeiStages
import KeiTestSupport

/// Random notes built from the pieces notes are made of (titles, quotations, parentheses, semicolons,
/// URLs, Ibid., Idem, unbalanced marks, multi-byte text): the reader never crashes, every citation's
/// range lies in its paragraph and holds its text, ranges do not overlap, and every source id it
/// gives is a source of the index.
@Suite struct NoteReaderRobustnessTests {
    static let pieces = [
        "Kim Ji-won, ", "<em>Trade; Power</em>", "<em>Idem</em>, ", "Idem, ", "“Secrets,” ", "“unclosed ", "(Seoul: Hanbit, 2020)", "(", ")",
        "; ", ". ", ", 45", "Ibid.", "ibid., 3–4", " see ", "See also ", "and the discussion at ", "https://x.org/a;b ",
        "<a href=\"https://k.org/\">The Peninsula</a>", "Interviews with officials, ", "한국어 텍스트 ", "🇰🇷", "&amp; ", "April 26, 2023",
        "This was disputed. ", "Lee, ", "<em>", "</em>", "”", "’s ", "p. xiv", "[", "]", "2021", " ",
    ]

    @Test func randomNotesNeverBreakTheReader() throws {
        var seed: UInt64 = 20251215
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        for _ in 0..<8 {
            let notes = (0..<25).map { _ in (0..<(1 + next(14))).map { _ in Self.pieces[next(Self.pieces.count)] }.joined() }
            let r = try NoteReading(notes: notes)
            // The checks run on the same page without failing.
            let checked = try StageHarness.run(html: NoteReading.page(notes: notes), stages: [CheckCitationsStage.self])
            #expect(!checked.diagnostics.contains { $0.rule == "pipeline.stage-failed" })
            let units = NoteReader.noteUnits(in: ArticleAnalysis(r.article))
            let ids = Set(r.index.sources.map(\.id))
            for note in r.article.notes {
                var last = -1
                var lastUnit = -1
                for c in r.index.notes[note.id] ?? [] {
                    let unit = try #require(units[note.id]?[c.unitIndex])
                    #expect(c.range.lowerBound >= 0 && c.range.upperBound <= unit.text.utf8Count)
                    #expect(unit.string(of: c.range) == c.text)
                    if c.unitIndex == lastUnit { #expect(c.range.lowerBound >= last, "\(r.dump)") }
                    last = c.range.upperBound
                    lastUnit = c.unitIndex
                    if let id = c.sourceID { #expect(ids.contains(id)) }
                }
            }
        }
    }
}
