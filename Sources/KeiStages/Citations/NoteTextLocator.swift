import KeiCitations
import KeiCore
import KeiDocument

/// Finds the words of a ``NoteCitation`` in the source: the note paragraph it was read from (the units
/// ``NoteReader/noteUnits(in:)`` gives, by ``NoteCitation/unitIndex``) and the source span of a UTF-8
/// range of that paragraph's text (exact when the text is the source's characters one for one).
struct NoteTextLocator {
    let units: [String: [TextUnit]]
    /// Each note's printed label and position in the note list, by note id.
    let labels: [String: String]

    init(_ input: CitationCheckInput) {
        units = NoteReader.noteUnits(in: input.analysis)
        labels = Dictionary(input.article.notes.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
    }

    func unit(of citation: NoteCitation) -> TextUnit? {
        guard let list = units[citation.noteID], citation.unitIndex < list.count else { return nil }
        return list[citation.unitIndex]
    }

    /// The note's label ("7"), or its id when it has none.
    func label(_ noteID: String) -> String { labels[noteID] ?? noteID }

    /// Where `range` (default: the citation's own range) of the citation's paragraph stands: the
    /// paragraph's location and the span of those words.
    func place(_ citation: NoteCitation, range: Range<Int>? = nil) -> (location: SourceLocation, span: SourceSpan?) {
        guard let unit = unit(of: citation) else { return (SourceLocation(file: ""), nil) }
        let r = range ?? citation.range
        return (unit.location, unit.exactSpan(of: r) ?? unit.span(of: r))
    }

    /// The citation's text shortened to about `limit` characters for a message.
    static func quoted(_ text: String, limit: Int = 80) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
