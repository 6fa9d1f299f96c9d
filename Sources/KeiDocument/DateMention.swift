/// A date found in text or metadata, normalised where possible.
public struct DateMention: Sendable, Hashable, Codable {
    /// The text as written ("December 15, 2025").
    public var text: String
    /// The ISO 8601 form (`2025-12-15`, `2025-12`, `2025`), nil when it cannot be normalised.
    public var iso: String?
    public var location: SourceLocation

    public init(text: String, iso: String?, location: SourceLocation) {
        self.text = text
        self.iso = iso
        self.location = location
    }
}
