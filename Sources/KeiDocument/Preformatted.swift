/// Preformatted text (`<pre>`), whitespace kept as is.
public struct Preformatted: Sendable, Hashable, Codable {
    public var text: String
    public var location: SourceLocation

    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}
