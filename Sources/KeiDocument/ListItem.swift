/// One item of a ``ListBlock``; it may hold paragraphs and nested lists.
public struct ListItem: Sendable, Hashable, Codable {
    public var blocks: [Block]
    public var location: SourceLocation

    public init(blocks: [Block], location: SourceLocation) {
        self.blocks = blocks
        self.location = location
    }
}
