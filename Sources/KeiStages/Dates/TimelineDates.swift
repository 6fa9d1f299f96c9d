import KeiDates
import KeiDocument

/// Date comparisons at the precision each side has, and the dates a phrase of a unit is read with
/// (its sentence's mentions, the paragraph's last date before it), for the timeline checkers.
enum TimelineDates {
    /// Why the timeline checkers' flagging examples skip the block-quote mutation.
    static let quotationsAreNotChecked = "the timeline checks read running text only; a quotation is the source's words"

    /// Whether the interval `a...aEnd` and `b...bEnd` share a day, at the precision both have ("2018"
    /// overlaps 2018-06-12; "June 2018" overlaps it; "June 21, 2018" does not). A nil end is the start
    /// itself; `bOpen` makes `b` run on with no end (an ongoing war).
    static func overlap(_ a: PublicationDate, _ aEnd: PublicationDate?, _ b: PublicationDate, _ bEnd: PublicationDate?,
                        bOpen: Bool = false) -> Bool {
        if DatePrecision.isBefore(aEnd ?? a, b) { return false }
        if !bOpen, DatePrecision.isBefore(bEnd ?? b, a) { return false }
        return true
    }

    /// Whether `value` overlaps the event's dates.
    static func agrees(_ value: DateValue, with event: TimelineEvent) -> Bool {
        overlap(value.start, value.end, event.start, event.end, bOpen: event.ongoing)
    }

    /// Whether `term` covers some day of `value`.
    static func covers(_ term: OfficeTerm, _ value: DateValue) -> Bool {
        overlap(value.start, value.end, term.start, term.end, bOpen: term.end == nil)
    }

    /// The mentions with a value in the sentence of `unit` that contains `range` (every mention when the
    /// unit has no sentence there), excluding relative phrases.
    static func sentenceMentions(_ mentions: [DateMention], of range: Range<Int>, in unit: TextUnit) -> [DateMention] {
        let sentence = unit.sentenceIndex(containing: range).map { unit.sentences[$0] } ?? 0..<unit.text.utf8Count
        return mentions.filter { $0.value != nil && $0.kind != .relative && sentence.contains($0.range.lowerBound) }
    }

    /// The last dated mention of the unit (the paragraph) before the sentence of `range`.
    static func paragraphDate(_ mentions: [DateMention], before range: Range<Int>, in unit: TextUnit) -> DateMention? {
        let start = unit.sentenceIndex(containing: range).map { unit.sentences[$0].lowerBound } ?? range.lowerBound
        return mentions.last { $0.value != nil && $0.kind != .relative && $0.range.upperBound <= start }
    }

    /// The year written as the token at `index` of `unit` when it is a bare four-digit number from 1900 to
    /// 2099 ("the 2019 Singapore summit", "the administration's 2019 tariffs"): a year standing right
    /// next to a name, which the extractor may leave alone out of context. Nil otherwise.
    static func adjacentYear(_ unit: TextUnit, at index: Int) -> DateMention? {
        guard unit.tokens.indices.contains(index), unit.tokens[index].kind == .number else { return nil }
        let range = unit.tokens[index].range
        let text = unit.string(of: range)
        guard text.count == 4, let year = Int(text), (1900...2099).contains(year), let date = PublicationDate(year: year) else { return nil }
        return DateMention(range: range, text: text, kind: .year, parts: WrittenDateParts(year: year), value: DateValue(date))
    }

    /// "2018-06-12" or "2018-06-12 to 2018-06-13".
    static func shown(_ value: DateValue) -> String {
        value.end.map { "\(value.start.iso) to \($0.iso)" } ?? value.start.iso
    }
}
