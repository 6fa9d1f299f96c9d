/// A section built from the heading hierarchy: a title, its blocks, and nested subsections.
public struct Section: Sendable, Hashable, Codable {
    /// Stable id within the article (`sec1`, `sec1.2`).
    public var id: String
    /// The normalised heading text (no-break spaces and trailing spaces trimmed, `<strong>` wrappers dropped).
    public var title: [Inline]
    /// The heading level in the source (2 for `<h2>`); 0 for untitled leading content.
    public var level: Int
    public var blocks: [Block]
    public var subsections: [Section]
    public var location: SourceLocation

    public init(id: String, title: [Inline], level: Int, blocks: [Block] = [], subsections: [Section] = [],
                location: SourceLocation) {
        self.id = id
        self.title = title
        self.level = level
        self.blocks = blocks
        self.subsections = subsections
        self.location = location
    }
}
