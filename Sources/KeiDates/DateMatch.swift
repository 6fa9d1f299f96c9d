/// One date expression found by a reader of ``DateExtractor``: tokens `first...last` of the text's
/// ``DateTokens`` and what they mean. The extractor turns it into a ``DateMention``.
struct DateMatch {
    var first: Int
    var last: Int
    var kind: DateMentionKind
    var form: DateForm = .other
    var parts = WrittenDateParts()
    /// A range's end as written (see ``DateMention/endParts``).
    var endParts: WrittenDateParts?
    var value: DateValue?
    var ambiguous = false
}
