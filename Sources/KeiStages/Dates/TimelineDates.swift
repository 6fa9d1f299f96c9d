import KeiDates
import KeiDocument

/// Date comparisons at the precision each side has, and the dates a phrase of a unit is read with
/// (its sentence's mentions with a written year, the paragraph's last date before it), for the timeline checkers.
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

    /// Whether `value` agrees with the event's dates: it overlaps them, and a written span ("February
    /// 26–27, 2019") of an event with a span starts and ends where the event does (at the precision written).
    static func agrees(_ value: DateValue, with event: TimelineEvent) -> Bool {
        if let end = value.end, let eventEnd = event.end {
            func same(_ a: PublicationDate, _ b: PublicationDate) -> Bool { !DatePrecision.isBefore(a, b) && !DatePrecision.isBefore(b, a) }
            return same(value.start, event.start) && same(end, eventEnd)
        }
        return overlap(value.start, value.end, event.start, event.end, bOpen: event.ongoing)
    }

    /// Whether `term` covers some day of `value`.
    static func covers(_ term: OfficeTerm, _ value: DateValue) -> Bool {
        overlap(value.start, value.end, term.start, term.end, bOpen: term.end == nil)
    }

    /// Whether `mention` dates what it stands in: it has a value, is not a relative phrase, and its year was
    /// written. A month-day without its year ("the June 3 election", "the September 19 Joint Statement")
    /// names a day, not the year of the sentence.
    static func dates(_ mention: DateMention) -> Bool {
        mention.value != nil && mention.kind != .relative && mention.parts.year != nil
    }

    /// The index of the first of `mentions` (in text order, as the extractor returns them) starting at or
    /// after UTF-8 offset `offset`; `mentions.count` when none does. Binary search: O(log n).
    static func firstMention(atOrAfter offset: Int, in mentions: [DateMention]) -> Int {
        TokenSearch.first(atOrAfter: offset, in: mentions, start: \.range.lowerBound)
    }

    /// The mentions of `mentions` (in text order) starting inside `bytes`: O(log n + found).
    static func mentions(_ mentions: [DateMention], startingIn bytes: Range<Int>) -> ArraySlice<DateMention> {
        let lo = firstMention(atOrAfter: bytes.lowerBound, in: mentions)
        var hi = lo
        while hi < mentions.count, mentions[hi].range.lowerBound < bytes.upperBound { hi += 1 }
        return mentions[lo..<hi]
    }

    /// The mentions with a value in the sentence of `unit` that contains `range` (every mention when the
    /// unit has no sentence there), excluding relative phrases. `mentions` are in text order.
    static func sentenceMentions(_ mentions: [DateMention], of range: Range<Int>, in unit: TextUnit) -> [DateMention] {
        let sentence = unit.sentenceIndex(containing: range).map { unit.sentences[$0] } ?? 0..<unit.text.utf8Count
        return Self.mentions(mentions, startingIn: sentence).filter { dates($0) }
    }

    /// The last dated mention of the unit (the paragraph) before the sentence of `range`. `mentions` are
    /// in text order; the search starts at the sentence (binary search), so a long paragraph with a date
    /// in every sentence costs O(log n) per call, not O(n).
    static func paragraphDate(_ mentions: [DateMention], before range: Range<Int>, in unit: TextUnit) -> DateMention? {
        let start = unit.sentenceIndex(containing: range).map { unit.sentences[$0].lowerBound } ?? range.lowerBound
        var k = firstMention(atOrAfter: start, in: mentions)
        while k > 0 {
            k -= 1
            if dates(mentions[k]), mentions[k].range.upperBound <= start { return mentions[k] }
        }
        return nil
    }

    /// Words that place their clause at the publication date.
    static let presentWords: Set<String> = ["now", "today", "currently", "presently", "nowadays"]

    /// The tokens (indices into `unit.tokens`) of the clause holding `range`: from the punctuation mark
    /// (comma, semicolon, colon, dash, parenthesis) before it to the one after it, within its sentence.
    static func clause(of range: Range<Int>, in unit: TextUnit) -> Range<Int> {
        let sentence = unit.sentenceIndex(containing: range).map { unit.sentences[$0] } ?? 0..<unit.text.utf8Count
        let tokens = unit.tokens
        func isBreak(_ k: Int) -> Bool {
            tokens[k].kind != .word && tokens[k].kind != .number && [",", ";", ":", "—", "–", "(", ")"].contains(unit.string(of: tokens[k].range))
        }
        var lo = TokenSearch.first(atOrAfter: range.lowerBound, in: tokens)
        while lo > 0, tokens[lo - 1].range.lowerBound >= sentence.lowerBound, !isBreak(lo - 1) { lo -= 1 }
        var hi = TokenSearch.first(atOrAfter: range.upperBound, in: tokens)
        while hi < tokens.count, tokens[hi].range.upperBound <= sentence.upperBound, !isBreak(hi) { hi += 1 }
        return lo..<max(lo, hi)
    }

    /// The years by which the clause of `range` shifts the publication date when it speaks of the present:
    /// 0 for "now", "today", "currently", "this year"; 1 for "next year"; -1 for "last year"; nil when it
    /// has none of them.
    static func presentShift(of range: Range<Int>, in unit: TextUnit) -> Int? {
        let words = clause(of: range, in: unit).map { TimelinePhraseIndex<Bool>.key(unit.string(of: unit.tokens[$0].range)) }
        for (k, w) in words.enumerated() {
            if presentWords.contains(w) { return 0 }
            guard w == "year", k > 0 else { continue }
            switch words[k - 1] {
            case "this": return 0
            case "next": return 1
            case "last": return -1
            default: continue
            }
        }
        return nil
    }

    /// Whether the sentence holding `range` speaks of the present or a time relative to it: a relative
    /// phrase ("this autumn", "last month") or one of ``presentWords``. Such a sentence is read at the
    /// publication date, not at a date an earlier sentence of the paragraph gave.
    static func speaksOfThePresent(_ mentions: [DateMention], at range: Range<Int>, in unit: TextUnit) -> Bool {
        guard let si = unit.sentenceIndex(containing: range) else { return false }
        let sentence = unit.sentences[si]
        if Self.mentions(mentions, startingIn: sentence).contains(where: { $0.kind == .relative }) { return true }
        var k = TokenSearch.first(atOrAfter: sentence.lowerBound, in: unit.tokens)
        while k < unit.tokens.count, unit.tokens[k].range.upperBound <= sentence.upperBound {
            if presentWords.contains(TimelinePhraseIndex<Bool>.key(unit.string(of: unit.tokens[k].range))) { return true }
            k += 1
        }
        return false
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
