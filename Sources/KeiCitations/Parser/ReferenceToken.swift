/// A whitespace-separated token of a reference string, with its place in the string.
public struct ReferenceToken: Sendable, Hashable {
    public var text: String
    /// Half-open range of UTF-8 byte offsets (0-based) into the tokenized string.
    public var range: Range<Int>
}
