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
        if OfficeTerm.before(aEnd ?? a, b) { return false }
        if !bOpen, OfficeTerm.before(bEnd ?? b, a) { return false }
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

    /// "2018-06-12" or "2018-06-12 to 2018-06-13".
    static func shown(_ value: DateValue) -> String {
        value.end.map { "\(value.start.iso) to \($0.iso)" } ?? value.start.iso
    }
}
