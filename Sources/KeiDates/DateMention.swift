/// One date expression found in a text by ``DateExtractor``.
///
/// `range` is a half-open range of **UTF-8 byte offsets, 0-based**, into the text the extractor read
/// (for a `TextUnit`, into `unit.text.string`; `unit.span(of:)` turns it into source bytes).
public struct DateMention: Sendable, Hashable, Codable {
    /// The words of the mention, UTF-8 byte offsets (0-based, half-open) into the text read.
    public var range: Range<Int>
    /// The text as written ("Dec. 15, 2025").
    public var text: String
    public var kind: DateMentionKind
    public var form: DateForm
    /// The parts as written (kept when they make no valid date).
    public var parts: WrittenDateParts
    /// What it stands for; nil when the written parts make no calendar date (February 30, April 31,
    /// February 29 of a common year) or a relative phrase has no reference date to resolve against.
    public var value: DateValue?
    /// True when the date can be read more than one way ("05/06/2025": May 6 or 5 June).
    public var isAmbiguous: Bool

    public init(range: Range<Int>, text: String, kind: DateMentionKind, form: DateForm = .other,
                parts: WrittenDateParts = WrittenDateParts(), value: DateValue?, isAmbiguous: Bool = false) {
        self.range = range
        self.text = text
        self.kind = kind
        self.form = form
        self.parts = parts
        self.value = value
        self.isAmbiguous = isAmbiguous
    }

    /// Whether the written parts are a real calendar date (false for "February 30, 2018").
    public var isValidDate: Bool { value != nil || kind == .relative }
}
