import KeiDocument

/// Finds the date expressions of a plain text from its word tokens, in one left-to-right pass.
///
/// In: a `String` and its `WordToken`s (``WordTokenizer``), and the reference date that relative phrases
/// resolve against (the publication date; nil leaves them without a value). Out: the mentions in text
/// order, never overlapping, each with its UTF-8 range (0-based, half-open) into the text. At each token the
/// readers are tried in turn and the first that matches wins, so the longest reading of a date (a range,
/// a date with its weekday) is taken before its parts:
/// - ``CalendarDateReader``: dates with a month name or numbers ("December 15, 2025", "Dec. 15, 2025",
///   "15 December 2025", "the 15th of December 2025", "Tuesday, June 12, 2018", "December 2025",
///   "2025-12-15", "12/15/2025", "15/12/2025", "05/06/2025" — ambiguous: `isAmbiguous`, form
///   `numeric-ambiguous`, value in the U.S. order, month first), month-days without a year ("on June 12",
///   kind `month-day`) and ranges ("June 12–13, 2018", "June 30–July 2, 2018", "March 3 to 5, 2024", "from
///   March to May 2024", "2019–2021", "2019-21", "between 2019 and 2021");
/// - ``YearReader``: years in context ("in 2018", "the 2018 summit", "by 2030", "(2019)", "2018's",
///   "FY2025"), decades ("the 1990s"), seasons ("spring 2024") and quarters ("Q3 2024", "the third quarter of
///   2024");
/// - ``RelativeDateReader``: "last week", "this year", "earlier this month", "two weeks ago", …
///
/// A month-day without a year ("on December 3", "March 3 to 5") keeps `parts.year` nil and takes, for its
/// value, an inferred year (``DateMention/yearIsInferred``): the year of the nearest preceding mention with
/// a written year (a full date, a month, a year) in the same sentence or the sentence before it, unless
/// that mention lies after the reference date or its sentence speaks of a plan ("will", "planned",
/// "scheduled", "expected", …): a future does not date the past. When the text has no earlier written
/// year at all, the reference date's year; when it has one but not in that window, no value. A month-day
/// that names something, between a determiner and the noun it modifies ("the June 3 election", "the
/// September 19 Joint Statement", "the March 1 Independence Movement Day"), is kept as kind `month-day`
/// with no value: it is a name, not a date of the sentence.
/// An impossible date ("February 30, 2018", "April 31", "February 29, 2025") is a mention with its written
/// parts and no value. Calendar: proleptic Gregorian; forms as in Chicago Manual of Style (17th ed.)
/// 6.38, 9.32–9.37; values in ISO 8601.
///
/// Never a date from a phone number ("202-464-1982"), a page range ("pp. 2018–2020"), money ("$2,018",
/// "₩2025"), a document, resolution or law number ("Resolution 2397", "No. 2024", "Public Law 117-167"),
/// a count ("2,000 troops", "1950 people"), a time alone ("10:30") or a score ("5-4"): a bare four-digit
/// number is a year only in context (see ``YearReader``). Linear in the number of tokens.
public struct DateExtractor: Sendable {
    public var referenceDate: PublicationDate?
    /// Read every four-digit number from 1400 to 2100 that no identifier, page or amount word leads as a
    /// year, and "YYYY-MM" as a month: for text known to hold a date (a reference's date field, the words
    /// after "accessed"), where the context a year needs in prose is given. Off for prose.
    public var readsBareYears: Bool

    public init(referenceDate: PublicationDate? = nil, readsBareYears: Bool = false) {
        self.referenceDate = referenceDate
        self.readsBareYears = readsBareYears
    }

    /// The mentions of `text`, tokenizing it first.
    public func mentions(in text: String) -> [DateMention] {
        mentions(in: text, tokens: WordTokenizer.tokens(in: text))
    }

    /// The mentions of `text` given its tokens (from the shared analysis: `unit.tokens` for `unit.text`).
    public func mentions(in text: String, tokens: [WordToken]) -> [DateMention] {
        let t = DateTokens(text: text, tokens: tokens)
        var out: [DateMention] = []
        let sentences = DateSentences(t)
        var context: (year: Int, sentence: Int)?
        var sawYear = false
        var previousYearEnd: Int?
        var i = 0
        while i < t.count {
            guard Self.mayStartDate(t, i) else { i += 1; continue }
            let s = sentences.index[i]
            var inferred: Int?
            if let c = context, s - c.sentence <= 1 { inferred = c.year } else if !sawYear { inferred = referenceDate?.year }
            let found = CalendarDateReader(t: t, contextYear: inferred).read(at: i)
                ?? YearReader(t: t, previousYearEnd: previousYearEnd, bareYears: readsBareYears).read(at: i)
                ?? RelativeDateReader(t: t, reference: referenceDate).read(at: i)
            guard let m = found else { i += 1; continue }
            out.append(Self.mention(m, t))
            if m.kind != .relative, let y = m.parts.year ?? m.endParts?.year {
                sawYear = true
                let future = referenceDate.map { ref in m.value.map { $0.start > ref } ?? false } ?? false
                context = future || sentences.isPlan[s] ? nil : (m.value?.last.year ?? y, s)
            }
            previousYearEnd = (m.kind == .year || (m.kind == .range && m.parts.month == nil)) ? m.last : nil
            i = m.last + 1
        }
        return out
    }

    /// The date that `tokens` (of `text`) start with, read as text known to hold a date (the words after
    /// "accessed" or "retrieved"): any form of ``mentions(in:tokens:)`` that starts at the first token, a
    /// year alone ("2026") or an ISO year-month ("2025-12"); nil when they do not start with one. Reads at
    /// most the first 12 tokens.
    public func leadingMention(in text: String, tokens: ArraySlice<WordToken>) -> DateMention? {
        let t = DateTokens(text: text, tokens: Array(tokens.prefix(12)))
        guard t.count > 0, Self.mayStartDate(t, 0) else { return nil }
        let found = CalendarDateReader(t: t, contextYear: referenceDate?.year).read(at: 0)
            ?? YearReader(t: t, previousYearEnd: nil, bareYears: true).read(at: 0)
            ?? RelativeDateReader(t: t, reference: referenceDate).read(at: 0)
        return found.map { Self.mention($0, t) }
    }

    static func mention(_ m: DateMatch, _ t: DateTokens) -> DateMention {
        var r = t.tokens[m.first].range.lowerBound..<t.tokens[m.last].range.upperBound
        // "last year's", "yesterday’s": the possessive is not part of the date.
        if m.kind == .relative, let s = ["'s", "’s"].first(where: { t.text[m.last].hasSuffix($0) }) {
            r = r.lowerBound..<r.upperBound - s.utf8.count
        }
        return DateMention(range: r, text: t.string(r), kind: m.kind, form: m.form, parts: m.parts,
                           endParts: m.endParts, value: m.value, isAmbiguous: m.ambiguous)
    }

    /// A cheap first test: dates start with a number, a word that starts with a digit or a capital letter,
    /// or one of the lowercase words that can start one ("from", "last", "spring", "mid-1990s"…); never
    /// with punctuation, a marker or a URL. Most words of running text stop here.
    static func mayStartDate(_ t: DateTokens, _ i: Int) -> Bool {
        switch t.tokens[i].kind {
        case .number: return true
        case .word:
            let b = t.bytes[t.tokens[i].range.lowerBound]
            if b < 0x61 || b > 0x7A { return true }     // a digit, a capital, a non-ASCII letter
            let l = t.lower[i]
            return DateLexicon.lowercaseStarts.contains(l) || l.hasPrefix("mid-") || l.hasPrefix("early-")
                || l.hasPrefix("late-") || l.hasSuffix("-quarter") || (l.utf8.count == 2 && b == 0x71)
        default: return false
        }
    }

    /// The month a word names ("December", "Dec", "Dec.", "Sept"), with whether it is abbreviated.
    public static func month(_ word: String) -> (Int, Bool)? {
        var w = word.lowercased()
        if w.hasSuffix(".") { w.removeLast() }
        if let m = DateLexicon.fullMonths[w] { return (m, false) }
        if let m = DateLexicon.abbreviatedMonths[w] { return (m, true) }
        return nil
    }
}
