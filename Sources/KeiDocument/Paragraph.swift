/// A paragraph of running text.
public struct Paragraph: Sendable, Hashable, Codable {
    public var inlines: [Inline]
    public var location: SourceLocation

    public init(inlines: [Inline], location: SourceLocation) {
        self.inlines = inlines
        self.location = location
    }
}
