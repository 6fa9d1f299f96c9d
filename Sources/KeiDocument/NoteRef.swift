/// A footnote or endnote marker in running text, linked to a ``Note`` by id.
public struct NoteRef: Sendable, Hashable, Codable {
    /// The marker as printed ("1", "*", "iv").
    public var label: String
    /// The ``Note/id`` this marker points at; a dangling id is reported by the ingest stage.
    public var noteID: String

    public init(label: String, noteID: String) {
        self.label = label
        self.noteID = noteID
    }
}
