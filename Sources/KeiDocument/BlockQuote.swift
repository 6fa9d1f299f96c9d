/// A displayed quotation, with its attribution when the source gives one.
public struct BlockQuote: Sendable, Hashable, Codable {
    public var blocks: [Block]
    /// The source of the quotation (`<cite>`, `<footer>`, a trailing "— Name"), when present.
    public var attribution: [Inline]?
    public var location: SourceLocation

    public init(blocks: [Block], attribution: [Inline]? = nil, location: SourceLocation) {
        self.blocks = blocks
        self.attribution = attribution
        self.location = location
    }
}
