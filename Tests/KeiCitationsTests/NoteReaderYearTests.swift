import Foundation
import Testing
import KeiCitations
import KeiTestSupport

/// A year after a quoted title dates the work: "“The ‘Ironclad’ Alliance,” 2020." is a full citation, not
/// a short form with page 2020.
@Suite struct NoteReaderYearTests {
    @Test func aYearIsNotALocator() throws {
        let r = try NoteReading(notes: [
            "Kim Min-ji, <em>Korea’s Allies</em> (Seoul: Hanul, 2019), 45; on the allies’ view, see “The ‘Ironclad’ Alliance,” 2020.",
            "Park, <em>Alliance</em>, p. 2020.",
        ])
        #expect(r.note("1").map(\.kind) == [.full, .commentary, .full], "\(r.dump)")
        #expect(r.note("2").map(\.kind) == [.shortForm] && r.note("2").first?.locator == "2020", "\(r.dump)")
    }
}
