/// Where one stretch of a ``TextRun`` came from.
///
/// A run's origins cover its UTF-8 bytes in order, without gaps.
public struct TextOrigin: Sendable, Hashable, Codable {
    /// How many UTF-8 bytes of the run's text this origin covers (> 0).
    public var length: Int
    /// The source bytes it came from; nil for text the pipeline added (quotation marks around `<q>`,
    /// separators, list labels, fix replacements without a source).
    public var source: SourceSpan?
    /// True when the text bytes are the source bytes one for one (so `length == source.length` and any
    /// sub-range maps exactly); false when the text replaces its source as a whole (an entity such as
    /// `&amp;`, a collapsed run of whitespace, CRLF read as a line feed).
    public var verbatim: Bool

    public init(length: Int, source: SourceSpan?, verbatim: Bool) {
        self.length = length
        self.source = source
        self.verbatim = verbatim && source != nil && source!.length == length
    }
}
