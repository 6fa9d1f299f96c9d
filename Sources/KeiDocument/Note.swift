/// A footnote or endnote, linked from ``NoteRef`` markers by ``id``.
public struct Note: Sendable, Hashable, Codable {
    /// Stable id within the article (`fn1`).
    public var id: String
    /// The label as printed ("1").
    public var label: String
    public var blocks: [Block]
    public var location: SourceLocation

    public init(id: String, label: String, blocks: [Block], location: SourceLocation) {
        self.id = id
        self.label = label
        self.blocks = blocks
        self.location = location
    }
}
