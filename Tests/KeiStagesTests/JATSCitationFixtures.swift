import KeiCore
import KeiDocument
@testable import KeiCitations
@testable import KeiStages

/// Hand-built articles with notes and the ``CitationIndex`` a note reader would give for them, for
/// the JATS citation tests (the placeholder builder gives one whole-paragraph citation per note).
enum JATSCitationFixtures {
    static let loc = SourceLocation(file: "cite.html", line: 1)

    static func note(_ id: String, _ inlines: [Inline]) -> Note {
        Note(id: id, label: String(id.dropFirst(2)), blocks: [.paragraph(Paragraph(inlines: inlines, location: loc))], location: loc)
    }

    /// An article whose only content is a paragraph with a marker per note, and the notes.
    static func article(_ notes: [Note]) -> Article {
        var body: [Inline] = [.text("Body text")]
        for n in notes { body.append(.noteRef(NoteRef(label: n.label, noteID: n.id))) }
        body.append(.text("."))
        var metadata = ArticleMetadata()
        metadata.title = "Citations"
        return Article(id: "cite", source: loc.file, metadata: metadata,
                       sections: [Section(id: "s1", title: [.text("One")], level: 2, blocks: [.paragraph(Paragraph(inlines: body, location: loc))], location: loc)],
                       notes: notes)
    }

    /// The UTF-8 range of `part` in the projected text of `inlines` (the first occurrence).
    static func range(of part: String, in inlines: [Inline]) -> Range<Int> {
        let text = TextUnit(scope: .note, location: loc, inlines: inlines).text.string
        guard let r = text.range(of: part) else { fatalError("\(part) not in \(text)") }
        return text.utf8.distance(from: text.startIndex, to: r.lowerBound)..<text.utf8.distance(from: text.startIndex, to: r.upperBound)
    }

    static func parsed(_ item: CSLItem, _ text: String) -> ParsedReference {
        ParsedReference(text: text, item: item, fields: [])
    }

    /// One citation of `source` (or commentary when nil) over `part` of the note's first paragraph.
    static func citation(_ kind: NoteCitation.Kind, _ note: Note, _ part: String, source: String?,
                         item: CSLItem? = nil) -> NoteCitation {
        guard case .paragraph(let p) = note.blocks[0] else { fatalError() }
        return NoteCitation(kind: kind, noteID: note.id, unitIndex: 0, range: range(of: part, in: p.inlines), text: part,
                            reference: item.map { parsed($0, part) }, sourceID: source)
    }

    /// The index with a source for every full citation given (in order: ref1, ref2…).
    static func index(_ citations: [NoteCitation]) -> CitationIndex {
        var sources: [CitationIndex.Source] = []
        var notes: [String: [NoteCitation]] = [:]
        for c in citations {
            if c.kind == .full, let id = c.sourceID, let reference = c.reference {
                sources.append(CitationIndex.Source(id: id, reference: reference, noteID: c.noteID, unitIndex: c.unitIndex, range: c.range))
            }
            notes[c.noteID, default: []].append(c)
        }
        return CitationIndex(sources: sources, notes: notes)
    }

    // MARK: Items

    static func name(_ family: String, _ given: String) -> CSLName { CSLName(family: family, given: given) }

    static var bookWithEditors: CSLItem {
        var item = CSLItem(type: .book)
        item.editor = [name("Cha", "Victor D."), name("Kim", "Sung-han")]
        item.title = "Alliance Politics & Korea"
        item.edition = "2nd ed."
        item.publisherPlace = "Washington, DC"
        item.publisher = "KEI"
        item.issued = CSLDate(year: 2021)
        item.isbn = "978-0-306-40615-7"
        item.page = "34–38"
        return item
    }

    static var chapter: CSLItem {
        var item = CSLItem(type: .chapter)
        item.author = [name("Marsh", "Elena")]
        item.editor = [name("Okafor", "Daniel R.")]
        item.title = "Two Audiences"
        item.containerTitle = "Extended Deterrence in Asia"
        item.publisherPlace = "Ithaca, NY"
        item.publisher = "Northgate University Press"
        item.issued = CSLDate(year: 2021)
        item.page = "211–29"
        return item
    }

    static var journalArticle: CSLItem {
        var item = CSLItem(type: .journalArticle)
        item.author = [name("Kwak", "Min-seo")]
        item.title = "Subsidy Races and Alliance Politics"
        item.containerTitle = "Korea Trade Review"
        item.volume = "31"
        item.issue = "2"
        item.issued = CSLDate(year: 2025, month: 3)
        item.page = "77–98"
        item.doi = "10.1234/ktr.2025.31.2.77"
        return item
    }

    static var webPage: CSLItem {
        var item = CSLItem(type: .webpage)
        item.author = [CSLName(literal: "The White House")]
        item.title = "Washington Declaration"
        item.containerTitle = "whitehouse.gov"
        item.issued = CSLDate(year: 2023, month: 4, day: 26)
        item.accessed = CSLDate(year: 2025, month: 5, day: 3)
        item.url = "https://www.whitehouse.gov/briefing-room/statements-releases/2023/04/26/washington-declaration-2/?a=1&b=2"
        return item
    }

    static var organisationReport: CSLItem {
        var item = CSLItem(type: .report)
        item.author = [CSLName(literal: "Korea Economic Institute of America")]
        item.title = "Chips, Trust and Trade"
        item.genre = "white paper"
        item.publisherPlace = "Washington, DC"
        item.issued = CSLDate(year: 2024)
        item.note = "Cited in the press release"
        return item
    }
}
