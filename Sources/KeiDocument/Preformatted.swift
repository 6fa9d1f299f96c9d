/// Preformatted text (`<pre>`), whitespace kept as is.
public struct Preformatted: Sendable, Hashable, Codable {
    public var text: TextRun
    public var location: SourceLocation

    public init(text: TextRun, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}
