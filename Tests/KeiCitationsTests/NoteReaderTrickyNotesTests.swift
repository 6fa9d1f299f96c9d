import Foundation
import Testing
import KeiCitations
import KeiTestSupport

/// The note reader on notes that are easy to misread: semicolons inside titles, parentheses and URLs,
/// "Ibid." in the middle of a note or in lower case, "Idem", notes with only commentary, repeats.
@Suite struct NoteReaderTrickyNotesTests {
    static let kim = "Kim Ji-won, <em>Trade and Power</em> (Seoul: Hanbit, 2020), 3."

    @Test func semicolonsInTitlesParenthesesAndURLsDoNotSeparateSources() throws {
        let r = try NoteReading(notes: [
            "Kim Ji-won, <em>War; Peace</em> (Seoul: Hanbit, 2020), 4; Lee Min-ho, “Trade; Power,” <em>Korea Journal</em> 3 (2021): 5.",
            "Park Su-jin, <em>Alliances</em> (Seoul: Hanbit; Busan: Haeyang, 2019), 7.",
            "Ministry of Unification, “White Paper,” 2020, https://example.org/report;jsessionid=42/view.",
            "Ministry of Unification, “Annual Report,” 2021, <a href=\"https://example.org/a;b\">https://example.org/a;b</a>.",
        ])
        #expect(r.note("1").map(\.kind) == [.full, .full], "\(r.dump)")
        #expect(r.note("1").map(\.text) == ["Kim Ji-won, War; Peace (Seoul: Hanbit, 2020), 4", "Lee Min-ho, “Trade; Power,” Korea Journal 3 (2021): 5."])
        #expect(r.note("2").map(\.kind) == [.full], "\(r.dump)")
        #expect(r.note("3").map(\.kind) == [.full], "\(r.dump)")
        #expect(r.note("4").map(\.kind) == [.full], "\(r.dump)")
        #expect(r.index.sources.count == 5)
    }

    @Test func ibidInTheMiddleOfANoteAndInLowerCase() throws {
        let r = try NoteReading(notes: [
            "\(Self.kim.dropLast()); ibid., 5.",
            "ibid.",
            "Ibid. See also Lee Min-ho, <em>Chips and States</em> (Seoul: Hanbit, 2021), 4.",
            "<em>Ibid.</em>, 12.",
        ])
        // "ibid." after a source in its own note cites that source.
        #expect(r.note("1").map(\.kind) == [.full, .ibid] && r.note("1").map(\.sourceID) == ["ref1", "ref1"], "\(r.dump)")
        #expect(r.note("1").last?.locator == "5")
        #expect(r.summary("2") == ["ibid:ibid.→ref1"], "\(r.dump)")
        #expect(r.note("3").map(\.kind) == [.ibid, .commentary, .full], "\(r.dump)")
        #expect(r.note("3").map(\.text) == ["Ibid.", "See also", "Lee Min-ho, Chips and States (Seoul: Hanbit, 2021), 4."])
        // Note 3 cites two sources (ref1 through Ibid., and ref2): an Ibid. after it cites nothing.
        #expect(r.note("4").map(\.kind) == [.ibid] && r.note("4").first?.sourceID == nil && r.note("4").first?.locator == "12", "\(r.dump)")
    }

    @Test func ibidChainsAndTheFirstNote() throws {
        let r = try NoteReading(notes: ["Ibid., 2.", Self.kim, "Ibid.", "Ibid., 9."])
        #expect(r.note("1").map(\.kind) == [.ibid] && r.note("1").first?.sourceID == nil)
        #expect(r.index.previousNote[r.article.notes[0].id] == nil)
        #expect(r.note("3").first?.sourceID == "ref1" && r.note("4").first?.sourceID == "ref1", "\(r.dump)")
        #expect(r.index.previousNote[r.article.notes[3].id] == r.article.notes[2].id)
    }

    @Test func idemStandsForTheAuthorBefore() throws {
        let r = try NoteReading(notes: [
            Self.kim,
            "Idem, <em>Trade and Power</em>, 9.",
            "Idem, <em>Rivals and Partners</em> (Seoul: Hanbit, 2022), 4.",
        ])
        #expect(r.summary("2") == ["short-form:Idem, Trade and Power, 9.→ref1"], "\(r.dump)")
        #expect(r.note("3").map(\.kind) == [.full] && r.note("3").first?.sourceID == "ref2", "\(r.dump)")
    }

    @Test func notesWithOnlyCommentary() throws {
        let r = try NoteReading(notes: [
            "This estimate is the author’s own.",
            "The figures were revised in 2021, after the audit; the revision is not yet public.",
            "Translation mine.",
        ])
        for label in ["1", "2", "3"] {
            #expect(!r.note(label).isEmpty && r.note(label).allSatisfy { $0.kind == .commentary }, "\(r.dump)")
        }
        #expect(r.index.sources.isEmpty)
    }

    @Test func shortFormsResolveByFamilyNameAndTitleStart() throws {
        let r = try NoteReading(notes: [
            Self.kim,
            "Hana Seo-Whitfield, “Secrets among Friends: Classification Regimes,” <em>Asian Security Review</em> 9, no. 1 (2025): 45–68.",
            // Family name written first (Korean order) and last; curly quotes, case and a leading article do not matter.
            "Kim, <em>The Trade and Power</em>, 12.",
            "Seo-Whitfield, \"secrets among friends,\" 50.",
            // The same title by another author, and an unknown title: unresolved.
            "Lee, <em>Trade and Power</em>, 4.",
            "Kim, <em>Unwritten Book</em>, 4.",
            // A full citation repeated with another page: the same source.
            "Kim Ji-won, <em>Trade and Power</em> (Seoul: Hanbit, 2020), 44.",
        ])
        #expect(r.note("3").first.map { "\($0.kind)→\($0.sourceID ?? "-")" } == "shortForm→ref1", "\(r.dump)")
        #expect(r.note("4").first.map { "\($0.kind)→\($0.sourceID ?? "-")" } == "shortForm→ref2", "\(r.dump)")
        #expect(r.note("5").first.map { "\($0.kind)→\($0.sourceID ?? "-")" } == "shortForm→-", "\(r.dump)")
        #expect(r.note("6").first.map { "\($0.kind)→\($0.sourceID ?? "-")" } == "shortForm→-", "\(r.dump)")
        #expect(r.note("7").first.map { "\($0.kind)→\($0.sourceID ?? "-")" } == "full→ref1", "\(r.dump)")
        #expect(r.index.sources.count == 2)
    }

    /// Huge inputs as a hang check (speed is measured in `make bench`, never asserted here).
    @Test func thousandsOfNotesAndAHugeNoteAreRead() throws {
        let many = (1...2000).map { "Author\($0) Name, <em>Title Number \($0)</em> (Seoul: Hanbit, 2020), \($0)." }
        let r = try NoteReading(notes: many + ["Ibid."])
        #expect(r.index.sources.count == 2000)
        #expect(r.note("2001").first?.sourceID == "ref2000")
        let huge = (1...3000).map { "Kim Ji-won, <em>Trade \($0)</em> (Seoul: Hanbit, 2020), \($0)" }.joined(separator: "; ")
        let h = try NoteReading(notes: [huge])
        #expect(h.note("1").count == 3000)
        // Twenty thousand Ibid.s in one note: read one after the other, without recursion.
        let ibids = try NoteReading(notes: [Self.kim, String(repeating: "ibid. ", count: 20_000)])
        #expect(ibids.note("2").count == 20_000 && ibids.note("2").allSatisfy { $0.kind == .ibid && $0.sourceID == "ref1" })
    }
}
