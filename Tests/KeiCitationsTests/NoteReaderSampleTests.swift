import Foundation
import Testing
import KeiCitations
import KeiDocument
import KeiTestSupport

/// The note reader on the samples' 13 notes: kinds, commentary, sources and resolution across notes.
@Suite struct NoteReaderSampleTests {
    static func sample(_ name: String) throws -> NoteReading {
        try NoteReading(file: TestPaths.samples.appendingPathComponent("issue-3-2/\(name).html"))
    }

    @Test func consultationBeforeCrisis() throws {
        let r = try Self.sample("consultation-before-crisis")
        #expect(r.article.notes.count == 7)
        #expect(r.summary("1") == ["commentary:On the two audiences of extended deterrence, see→-",
                                   "full:Elena Marsh, Two Audiences: Allies, Adversaries, and the Logic of Extended Deterrence (Ithaca, NY: Northgate University Press, 2021), 34–38.→ref1"], "\(r.dump)")
        #expect(r.note("2").map(\.kind) == [.full] && r.note("2").first?.sourceID == "ref2", "\(r.dump)")
        // "Interviews with …" is itself a source, of type interview.
        #expect(r.note("3").map(\.kind) == [.full] && r.note("3").first?.reference?.item.type == .interview, "\(r.dump)")
        #expect(r.note("4").map(\.kind) == [.commentary, .full] && r.note("4").last?.sourceID == "ref4", "\(r.dump)")
        #expect(r.summary("5") == ["full:Hana Seo-Whitfield, “Secrets among Friends: Classification Regimes and Allied Nuclear Planning,” Asian Security Review 9, no. 1 (2025): 45–68.→ref5"])
        // Note 6 is a short form of note 5, note 7 an Ibid. of note 6 with its locator.
        #expect(r.summary("6") == ["short-form:Seo-Whitfield, “Secrets among Friends,” 60.→ref5"], "\(r.dump)")
        #expect(r.note("6").first?.locator == "60")
        #expect(r.summary("7") == ["ibid:Ibid., 62–64.→ref5"], "\(r.dump)")
        #expect(r.note("7").first?.locator == "62–64")
        #expect(r.index.sources.map(\.id) == ["ref1", "ref2", "ref3", "ref4", "ref5"])
        #expect(r.index.sources.map(\.noteID) == r.article.notes.prefix(5).map(\.id))
    }

    @Test func chipsTrustAndTrade() throws {
        let r = try Self.sample("chips-trust-and-trade")
        #expect(r.article.notes.count == 6)
        #expect(r.note("1").map(\.kind) == [.commentary, .full], "\(r.dump)")
        #expect(r.note("2").first?.reference?.item.type == .interview, "\(r.dump)")
        #expect(r.summary("3") == ["full:Min-seo Kwak, “Subsidy Races and Alliance Politics,” Korea Trade Review 31, no. 2 (2025): 77–98.→ref3"], "\(r.dump)")
        #expect(r.summary("4") == ["short-form:Kwak, “Subsidy Races,” 90.→ref3"], "\(r.dump)")
        // Two sources and commentary around them.
        #expect(r.summary("5") == ["commentary:On export-control coordination among allies, see→-",
                                   "full:Tae-hoon Lim, “Shared Lists, Separate Laws,” Technology and Trade Quarterly 6, no. 4 (2024): 5–24→ref4",
                                   "commentary:and the discussion at→-",
                                   "full:The Peninsula.→ref5"], "\(r.dump)")
        // A short form in plain text (the list's copy has the title in italics).
        #expect(r.summary("6") == ["short-form:Brennan, Fabs and Frontiers, 41.→ref1"], "\(r.dump)")
        #expect(r.index.sources.count == 5)
    }

    @Test func rangesAreTheCitationsWordsInTheNoteText() throws {
        let r = try Self.sample("chips-trust-and-trade")
        let units = NoteReader.noteUnits(in: KeiDocument.ArticleAnalysis(r.article))
        for note in r.article.notes {
            for c in r.index.notes[note.id] ?? [] {
                let unit = try #require(units[note.id]?[c.unitIndex])
                #expect(unit.string(of: c.range) == c.text)
            }
        }
    }
}
