/// A labelled stretch of a reference string: what the sequence labeller found where.
/// Labels follow AnyStyle's (author, title, container-title, journal, date, location, publisher…).
public struct ReferenceField: Sendable, Hashable {
    public var label: String
    /// Half-open range of UTF-8 byte offsets (0-based) into the parsed string.
    public var range: Range<Int>
    /// The text of the range, as written (punctuation kept).
    public var text: String

    public init(label: String, range: Range<Int>, text: String) {
        self.label = label
        self.range = range
        self.text = text
    }
}
