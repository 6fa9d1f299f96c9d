/// An image in running text (`<img>` among words): written as JATS `inline-graphic` with its alt text.
///
/// An image that stands alone (no text around it in its block) is a ``Figure`` instead.
public struct InlineImage: Sendable, Hashable, Codable {
    /// The image address, checked and resolved by ingest; nil when the page gave none or it was not
    /// allowed (the alt text then stands in its place).
    public var source: String?
    /// The alt text, whitespace collapsed and trimmed; nil when empty or absent.
    public var altText: String?
    /// Where the `<img>` is.
    public var location: SourceLocation

    public init(source: String?, altText: String?, location: SourceLocation) {
        self.source = source
        self.altText = altText
        self.location = location
    }
}
