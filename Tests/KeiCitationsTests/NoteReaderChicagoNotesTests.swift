import Foundation
import Testing
import KeiCitations
import KeiTestSupport

/// Notes as Korea Policy's authors write them (CMOS 17th ed., 14.19–14.36), read kind by kind.
@Suite struct NoteReaderChicagoNotesTests {
    @Test func realisticNotes() throws {
        let r = try NoteReading(notes: [
            "Victor Cha, The Impossible State: North Korea, Past and Future (New York: Ecco, 2012), 45.",
            "See, e.g., Scott Snyder, <em>South Korea at the Crossroads</em> (New York: Columbia University Press, 2018).",
            "Cha, <em>Impossible State</em>, 50.",
            "Snyder, <em>South Korea at the Crossroads</em>, 22–24.",
            "Statement by the Press Secretary, The White House, March 2, 2024.",
            "Author’s interview with a senior official, Seoul, May 2025.",
            "Quoted in Don Oberdorfer, <em>The Two Koreas</em> (New York: Basic Books, 1997), 12.",
            "The agreement was signed on July 27, 1953.",
            "The data for 2023 are from the Bank of Korea.",
        ])
        #expect(r.note("1").map(\.kind) == [.full], "\(r.dump)")
        #expect(r.note("2").map(\.kind) == [.commentary, .full] && r.note("2").first?.text == "See, e.g.,", "\(r.dump)")
        #expect(r.summary("3") == ["short-form:Cha, Impossible State, 50.→ref1"], "\(r.dump)")
        #expect(r.summary("4") == ["short-form:Snyder, South Korea at the Crossroads, 22–24.→ref2"], "\(r.dump)")
        #expect(r.note("5").map(\.kind) == [.full], "\(r.dump)")
        #expect(r.note("6").map(\.kind) == [.full] && r.note("6").first?.reference?.item.type == .interview, "\(r.dump)")
        #expect(r.note("7").map(\.kind) == [.commentary, .full] && r.note("7").first?.text == "Quoted in", "\(r.dump)")
        #expect(r.note("8").map(\.kind) == [.commentary] && r.note("9").map(\.kind) == [.commentary], "\(r.dump)")
    }
}
