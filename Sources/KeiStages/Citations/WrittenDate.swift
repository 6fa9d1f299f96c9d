import KeiDates
import KeiDocument

/// A date as notes write it after "accessed" or "retrieved" (Chicago Manual of Style, 17th ed., 14.12),
/// read by the one date reader of the project, ``DateExtractor/leadingMention(in:tokens:)``: "December 3,
/// 2025", "Dec. 3, 2025", "3 December 2025", "December 2025", "2025-12-03", "2025-12", "12/3/2025"
/// (U.S. order when both orders are dates), "2025/12/20", "20.12.2025", "12/20/25", "December 20th, 2025",
/// "20 December, 2025" and a year alone.
enum WrittenDate {
    /// The date that the tokens `tokens` of `unit` start with (after any "on" or ":"), with the UTF-8
    /// range of its words in `unit.text`; nil when they do not start with a date, the date is impossible
    /// (February 30) or it is a range.
    static func parse(_ tokens: ArraySlice<WordToken>, in unit: TextUnit) -> (date: PublicationDate, range: Range<Int>)? {
        var t = tokens
        while let first = t.first, ["on", ":"].contains(unit.string(of: first.range).lowercased()) { t.removeFirst() }
        guard let m = DateExtractor().leadingMention(in: unit.text.string, tokens: t),
              [.date, .month, .year].contains(m.kind), let value = m.value, !value.isInterval else { return nil }
        return (value.start, m.range)
    }
}
