/// The article's acknowledgements (and disclosures printed with them): back matter, not a note and
/// not body text. JATS 1.3 writes it as `<ack>` in `<back>`.
public struct Acknowledgements: Sendable, Hashable, Codable {
    /// The heading as printed ("Acknowledgements and disclosures"); empty when the page gave none.
    public var title: [Inline]
    public var blocks: [Block]
    public var location: SourceLocation

    public init(title: [Inline] = [], blocks: [Block], location: SourceLocation) {
        self.title = title
        self.blocks = blocks
        self.location = location
    }
}
