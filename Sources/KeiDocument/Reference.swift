/// An entry of the article's reference list (bibliography), kept as written.
/// Structured fields come with the citations capability.
public struct Reference: Sendable, Hashable, Codable {
    public var id: String
    public var label: String?
    public var inlines: [Inline]
    public var location: SourceLocation

    public init(id: String, label: String? = nil, inlines: [Inline], location: SourceLocation) {
        self.id = id
        self.label = label
        self.inlines = inlines
        self.location = location
    }
}
