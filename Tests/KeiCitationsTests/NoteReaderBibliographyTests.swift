import Foundation
import Testing
import KeiCitations
import KeiCore
import KeiTestSupport

/// Short notes resolved against the page's own reference list (CMOS 17th ed., 14.19: with a full
/// bibliography, notes may be short from the first citation).
@Suite struct NoteReaderBibliographyTests {
    static let bibliography = """
        <h2>Bibliography</h2><ul>
        <li>Cha, Victor D. <em>The Impossible State: North Korea, Past and Future</em>. New York: Ecco, 2012.</li>
        <li>Cumings, Bruce. <em>Korea’s Place in the Sun: A Modern History</em>. New York: Norton, 1997.</li>
        </ul>
        """

    static func page(notes: [String]) -> String {
        let markers = notes.indices.map { "Claim \($0 + 1).<sup><a href=\"#fn\($0 + 1)\" id=\"r\($0 + 1)\">\($0 + 1)</a></sup>" }
        let list = notes.enumerated().map { "<li id=\"fn\($0.offset + 1)\">\($0.element)</li>" }
        return StageExample.articlePage("<p>" + markers.joined(separator: " ") + "</p>\n" + bibliography
                                        + "\n<section class=\"footnotes\"><h2>Notes</h2><ol>" + list.joined() + "</ol></section>")
    }

    @Test func shortFormsAndIbidResolveToBibliographyEntries() throws {
        let r = try NoteReading(html: Self.page(notes: [
            "Cha, <em>Impossible State</em>, 45.", "Ibid., 47.", "Cumings, <em>Korea’s Place in the Sun</em>, 4.",
            "Cha, <em>Impossible State</em>, 50.", "Smith, <em>Unknown Book</em>, 3.",
        ]))
        #expect(r.article.references.count == 2, "\(r.article.references)")
        #expect(r.summary("1") == ["short-form:Cha, Impossible State, 45.→bib1"], "\(r.dump)")
        #expect(r.summary("2") == ["ibid:Ibid., 47.→bib1"], "\(r.dump)")
        #expect(r.summary("3") == ["short-form:Cumings, Korea’s Place in the Sun, 4.→bib2"], "\(r.dump)")
        #expect(r.summary("4") == ["short-form:Cha, Impossible State, 50.→bib1"], "\(r.dump)")
        #expect(r.summary("5") == ["short-form:Smith, Unknown Book, 3.→-"], "\(r.dump)")
        // Each cited entry is one source, marked with its position in the reference list.
        #expect(r.index.sources.map(\.id) == ["bib1", "bib2"])
        #expect(r.index.sources.map(\.pageReference) == [0, 1])
    }

    @Test func fullNotesKeepTheirOwnNumberingBesideEntries() throws {
        let r = try NoteReading(html: Self.page(notes: [
            "Cha, <em>Impossible State</em>, 45.",
            "Sheila A. Smith, <em>Intimate Rivals</em> (New York: Columbia University Press, 2015), 12.",
        ]))
        #expect(r.summary("1") == ["short-form:Cha, Impossible State, 45.→bib1"], "\(r.dump)")
        #expect(r.summary("2").first?.hasSuffix("→ref1") == true, "\(r.dump)")
    }
}
