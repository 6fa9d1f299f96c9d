import KeiDocument

/// Finds the date expressions of a plain text (see ``DateMentionKind`` for the kinds) from its word
/// tokens, in one pass.
///
/// In: a `String` and its `WordToken`s (``WordTokenizer``), and the reference date relative phrases
/// resolve against (the publication date; nil leaves them without a value). Out: the mentions in text
/// order, never overlapping, each with its UTF-8 range (0-based, half-open). Never a date from a phone
/// number, a page range, money, a document or resolution number, a count or a time alone.
///
/// SKELETON: only "Month D, YYYY", "D Month YYYY", "Month YYYY" and "YYYY-MM-DD" so far.
public struct DateExtractor: Sendable {
    public var referenceDate: PublicationDate?

    public init(referenceDate: PublicationDate? = nil) {
        self.referenceDate = referenceDate
    }

    /// The mentions of `text`, tokenizing it first.
    public func mentions(in text: String) -> [DateMention] {
        mentions(in: text, tokens: WordTokenizer.tokens(in: text))
    }

    /// The mentions of `text` given its tokens (from the shared analysis).
    public func mentions(in text: String, tokens: [WordToken]) -> [DateMention] {
        let u = Array(text.utf8)
        func s(_ t: WordToken) -> String { String(decoding: u[t.range], as: UTF8.self) }
        var out: [DateMention] = []
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            let w = s(t)
            func num(_ k: Int) -> Int? { k < tokens.count && tokens[k].kind == .number ? Int(s(tokens[k])) : nil }
            func month(_ k: Int) -> (Int, Bool)? {
                guard k < tokens.count, tokens[k].kind == .word else { return nil }
                return Self.month(s(tokens[k]))
            }
            func emit(_ last: Int, _ kind: DateMentionKind, _ form: DateForm, _ parts: WrittenDateParts) {
                let r = t.range.lowerBound..<tokens[last].range.upperBound
                let value = PublicationDate(year: parts.year ?? 0, month: parts.month, day: parts.day).map { DateValue($0) }
                out.append(DateMention(range: r, text: String(decoding: u[r], as: UTF8.self), kind: kind, form: form,
                                       parts: parts, value: value))
                i = last + 1
            }
            if let (m, abbr) = month(i) {
                var k = i + 1
                if k < tokens.count, s(tokens[k]) == "." { k += 1 }
                if let d = num(k), d <= 31 {
                    var j = k + 1
                    if j < tokens.count, s(tokens[j]) == "," { j += 1 }
                    if let y = num(j), (1000...2999).contains(y) {
                        emit(j, .date, .monthDayYear, WrittenDateParts(year: y, month: m, day: d, abbreviatedMonth: abbr)); continue
                    }
                } else if let y = num(k), (1000...2999).contains(y) {
                    emit(k, .month, .monthYear, WrittenDateParts(year: y, month: m, abbreviatedMonth: abbr)); continue
                }
            } else if t.kind == .number, let d = Int(w), d <= 31, let (m, abbr) = month(i + 1), let y = num(i + 2), (1000...2999).contains(y) {
                emit(i + 2, .date, .dayMonthYear, WrittenDateParts(year: y, month: m, day: d, abbreviatedMonth: abbr)); continue
            } else if t.kind == .number, w.count == 4, let y = Int(w), i + 4 < tokens.count, s(tokens[i + 1]) == "-",
                      s(tokens[i + 3]) == "-", let m = num(i + 2), let d = num(i + 4) {
                emit(i + 4, .date, .iso, WrittenDateParts(year: y, month: m, day: d)); continue
            }
            i += 1
        }
        return out
    }

    /// The month a word names ("December", "Dec", "Dec.", "Sept"), with whether it is abbreviated.
    public static func month(_ word: String) -> (Int, Bool)? {
        var w = word.lowercased()
        if w.hasSuffix(".") { w.removeLast() }
        if let m = fullMonths[w] { return (m, false) }
        if let m = abbreviatedMonths[w] { return (m, true) }
        return nil
    }

    static let fullMonths: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
    ]
    static let abbreviatedMonths: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]
}
