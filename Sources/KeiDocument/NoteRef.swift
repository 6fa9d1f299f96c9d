/// A footnote or endnote marker in running text, linked to a ``Note`` by id.
public struct NoteRef: Sendable, Hashable, Codable {
    /// The marker as printed ("1", "*", "iv").
    public var label: String
    /// The ``Note/id`` this marker points at; a dangling id is reported by the ingest stage.
    public var noteID: String
    /// Where the printed label stands in the source (nil when unknown). Not part of equality.
    public var span: SourceSpan?

    public init(label: String, noteID: String, span: SourceSpan? = nil) {
        self.label = label
        self.noteID = noteID
        self.span = span
    }

    public static func == (a: NoteRef, b: NoteRef) -> Bool { a.label == b.label && a.noteID == b.noteID }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(label)
        hasher.combine(noteID)
    }
}
