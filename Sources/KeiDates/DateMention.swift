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
    /// The parts as written (kept when they make no valid date). For a range, its start, with the parts
    /// the range shares filled in ("June 12–13, 2018": year 2018, month 6, day 12). `parts.year` is nil
    /// when no year was written for the mention: a month-day ("on December 3") whose value, if any,
    /// takes an inferred year (see ``yearIsInferred``).
    public var parts: WrittenDateParts
    /// For a range, its end as written, with the parts the range shares filled in ("February 28–29, 2019":
    /// year 2019, month 2, day 29; "Monday–Tuesday, June 12–13, 2018": weekday 2, day 13), so that a
    /// checker can name an impossible or wrongly weekdayed end; nil for any other kind.
    public var endParts: WrittenDateParts?
    /// What it stands for; nil when the written parts make no calendar date (February 30, April 31,
    /// February 29 of a common year) or a relative phrase has no reference date to resolve against.
    public var value: DateValue?
    /// True when the date can be read more than one way ("05/06/2025": May 6 or 5 June).
    public var isAmbiguous: Bool

    public init(range: Range<Int>, text: String, kind: DateMentionKind, form: DateForm = .other,
                parts: WrittenDateParts = WrittenDateParts(), endParts: WrittenDateParts? = nil, value: DateValue?,
                isAmbiguous: Bool = false) {
        self.range = range
        self.text = text
        self.kind = kind
        self.form = form
        self.parts = parts
        self.endParts = endParts
        self.value = value
        self.isAmbiguous = isAmbiguous
    }

    /// The value's year was not written but inferred (see ``DateExtractor``): a month-day or a day range
    /// without a year ("on December 3", "March 3 to 5") that has a value. Checkers must not date a
    /// sentence or a chronology claim by such a mention.
    public var yearIsInferred: Bool {
        value != nil && parts.year == nil && (kind == .monthDay || kind == .range)
    }

    /// Whether the written parts are a real calendar date (false for "February 30, 2018").
    public var isValidDate: Bool { value != nil || kind == .relative }
}
