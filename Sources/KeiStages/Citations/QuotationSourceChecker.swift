import KeiCitations
import KeiCore
import KeiDocument

/// Quotations without a source (Chicago Manual of Style, 17th ed., 13.1–13.7 and 14.1: a quotation is
/// credited to its source in the text or in a note).
///
/// A quotation of at least `quotation-min-words` words (word and number tokens) in running text — a
/// paragraph, list item or the abstract, or a whole block quotation — is reported when nothing credits
/// it:
/// - a note marker in the quotation's sentence or the next one (for a block quotation: in it, its
///   attribution, the sentence that introduces it or the first sentence after it);
/// - a cited title (`<cite>`) or a link in the sentence;
/// - a block quotation's attribution (a `<footer>`, `<cite>` or "— Name" line);
/// - a named speaker or document with a verb of saying next to the quotation, a phrase of attribution
///   or a colon introduction that names someone (see ``QuotationAttribution``).
///
/// Quotations in headings, captions, tables (block quotations in table cells included), notes and references are not checked; nor are quotations
/// nested in another one, quotations whose closing mark is missing (where they end is unknown), and
/// quoted titles (most longer words capitalised: "“Why the Alliance Still Matters to Both Countries”").
/// The finding spans the quotation, its marks included (for a block quotation: the whole quotation).
struct QuotationSourceChecker: CitationChecker {
    enum Messages {
        static let unsourced = StageMessage("check.citations.quotation-without-source", .warning,
            "A quotation of at least quotation-min-words words has no note marker in its sentence or the next and no speaker or cited document named beside it.")
    }

    static let messages = [Messages.unsourced]

    /// The stage examples of this rule (``CheckCitationsStage``'s examples include them).
    static let examples: [StageExample] = [
        StageExample("a quotation nobody is credited for", html: StageExample.articlePage(
            "<p>The joint statement of June 12, 2018 affirmed Kim’s ⟦“unwavering commitment to the denuclearization of the Korean Peninsula”⟧, phrasing that Pyongyang later exploited.</p>"),
            expect: ["check.citations.quotation-without-source"],
            skipping: [.blockQuote: "the paragraph becomes a block quotation, itself a quotation without a source, reported over the whole block",
                       .note: "quotations in notes are not checked"]),
        StageExample("quotations credited to a speaker, a note and a cited document; scare quotes", html: StageExample.articlePage(
            "<p>“We will not accept a nuclear North Korea under any circumstances at all,” Lee said.</p>"
            + "<p>The alliance rests on “an ironclad commitment that will never waver in the years ahead.”<sup><a href=\"#fn1\" id=\"fnref1\">1</a></sup></p>"
            + "<p>As the <cite>Washington Declaration</cite> put it, “the alliance is stronger than at any time in its history so far.”</p>"
            + "<p>Officials called the talks “productive” and the mood “cordial.”</p>"
            + "<h2>Notes</h2><ol><li id=\"fn1\">Ministry of Foreign Affairs, statement, 2024. <a href=\"#fnref1\">↩</a></li></ol>")),
        StageExample("a block quotation without attribution", html: StageExample.articlePage(
            "<p>The text below circulated widely.</p><blockquote><p>⟦We will build a world-class military that no enemy can ever dare to challenge.⟧</p></blockquote>"),
            expect: ["check.citations.quotation-without-source"],
            skipping: [.blockQuote: "the block quotation is wrapped again; the rule reports the outer one",
                       .note: "quotations in notes are not checked",
                       .listItem: "the quotation's paragraph is the one turned into a list item",
                       .multiByteBefore: "text inserted at the start of the quoted paragraph is part of the block quotation the span covers"]),
    ]

    static let fix = "Add a note citing where the words come from, or name the speaker or document in the sentence (“…,” Kim said; according to the ministry’s statement)."

    func check(_ input: CitationCheckInput) -> [Diagnostic] {
        let units = input.analysis.units
        let minWords = input.options.quotationMinWords
        var out: [Diagnostic] = []
        var i = 0
        // The previous paragraph ended inside a credited quotation left open (CMOS 13.30).
        var openSpeech = false
        let inTables = TableQuotations(input.article)
        while i < units.count {
            let unit = units[i]
            let continuing = openSpeech
            openSpeech = false
            switch unit.scope {
            case .quotation where unit.noteID != nil || inTables.contains(unit):
                i += 1
            case .quotation where !unit.isAttribution:
                var last = i
                while last + 1 < units.count, units[last + 1].scope == .quotation, !units[last + 1].isAttribution { last += 1 }
                let attribution = last + 1 < units.count && units[last + 1].isAttribution ? units[last + 1] : nil
                let after = last + (attribution == nil ? 1 : 2)
                if let d = checkBlock(units[i...last], attribution: attribution, before: i > 0 ? units[i - 1] : nil,
                                      after: after < units.count ? units[after] : nil, minWords: minWords) {
                    out.append(d)
                }
                i = after
            case .paragraph, .listItem, .abstract:
                let afterSpeaker = unit.scope == .paragraph && i > 0 && units[i - 1].scope == .paragraph
                    && Self.creditsSomeone(lastSentencesOf: units[i - 1])
                out += checkInline(unit, continuing: continuing, afterSpeaker: afterSpeaker,
                                   next: i + 1 < units.count ? units[i + 1] : nil, minWords: minWords)
                openSpeech = Self.endsInsideQuotation(unit) && (continuing || Self.creditsSomeone(unit))
                i += 1
            default:
                i += 1
            }
        }
        return out
    }

    // MARK: Quotations in running text

    /// The quotations of paragraph `unit` that nothing credits. Two cases carry a speaker over from the
    /// paragraph before:
    /// - `continuing`: that paragraph ended inside a credited quotation whose closing mark was left out,
    ///   so a quotation opening this paragraph goes on with the same words (a quotation running over
    ///   several paragraphs has an opening mark at the start of each and a closing mark only at its end;
    ///   CMOS 13.30);
    /// - `afterSpeaker`: one of its last two sentences credits a speaker ("the president also admitted
    ///   that…"), and this paragraph is nothing but one quotation: the news convention of a quoted
    ///   paragraph after the one that names the speaker. A quotation with words of the author around
    ///   it, or in a list item, starts something new and needs its own credit.
    func checkInline(_ unit: TextUnit, continuing: Bool, afterSpeaker: Bool, next: TextUnit?, minWords: Int) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let words = QuotationAttribution.words(of: unit)
        let quotations = unit.scopes.filter { $0.kind == .quotation }
        var coveredTo = 0
        for q in quotations {
            // Nested quotations are part of the outer one.
            guard q.range.lowerBound >= coveredTo else { continue }
            coveredTo = q.range.upperBound
            let inside = Array(Self.slice(words, in: q.range))
            let count = Self.slice(unit.tokens, in: q.range).filter { $0.kind == .word || $0.kind == .number }.count
            guard count >= minWords, Self.isClosed(q.range, in: unit), !Self.isTitle(inside) else { continue }
            guard !isCredited(q.range, in: unit, words: words, next: next, quotations: quotations) else { continue }
            if continuing, Self.opensUnit(q.range, in: unit) { continue }
            if afterSpeaker, !words.contains(where: { !q.range.contains($0.range.lowerBound) }) { continue }
            out.append(diagnostic(unit.span(of: q.range), at: unit.location, words: count, text: unit.string(of: q.range)))
        }
        return out
    }

    func isCredited(_ q: Range<Int>, in unit: TextUnit, words: [QuotationAttribution.Word], next: TextUnit?,
                    quotations: [ScopedRange]) -> Bool {
        guard !unit.sentences.isEmpty else { return false }
        let first = Self.sentence(at: q.lowerBound, in: unit), last = Self.sentence(at: max(q.lowerBound, q.upperBound - 1), in: unit)
        let sentence = unit.sentences[first].lowerBound..<max(unit.sentences[last].upperBound, q.upperBound)
        // A note marker in the sentence or the next one.
        let markerReach = last + 1 < unit.sentences.count ? unit.sentences[last + 1].upperBound : unit.text.utf8Count
        if Self.has(.noteMarker, in: sentence.lowerBound..<markerReach, of: unit) { return true }
        if last + 1 >= unit.sentences.count, let next, next.scope == unit.scope,
           let nextFirst = next.sentences.first, Self.has(.noteMarker, in: nextFirst, of: next) { return true }
        // A cited title or a link in the sentence.
        if Self.has(.citedTitle, in: sentence, of: unit) || Self.has(.link, in: sentence, of: unit) { return true }
        // Words of attribution outside the quotations.
        let inSentence = quotations.filter { $0.range.overlaps(sentence) }
        let outside = Self.slice(words, in: sentence).filter { w in !inSentence.contains { $0.range.contains(w.range.lowerBound) } }
        if QuotationAttribution.hasAttributionPhrase(outside) { return true }
        if QuotationAttribution.creditsSpeaker(outside) { return true }
        let before = outside.filter { $0.range.upperBound <= q.lowerBound }
        if QuotationAttribution.introducesExample(before) { return true }
        if Self.lastCharacter(before: q.lowerBound, in: unit) == ":", QuotationAttribution.namesSomeone(before) { return true }
        // “We will not back down.” He said so twice. / Those were the words of Kim. — the speaker may
        // open the next sentence.
        if outside.allSatisfy({ $0.range.lowerBound < q.upperBound }), last + 1 < unit.sentences.count {
            let following = Array(Self.slice(words, in: unit.sentences[last + 1]))
            if QuotationAttribution.speakerAfter(following) || QuotationAttribution.hasAttributionPhrase(following) { return true }
        }
        // “A,” she said. “B.” — the same speaker goes on in the next sentences.
        return continuesQuotedSpeech(before: first, in: unit, words: words, quotations: quotations)
    }

    /// Whether one of the two sentences before sentence `index` of `unit` holds a quotation credited to
    /// a speaker in that sentence: the quotation goes on with the same speaker's words.
    func continuesQuotedSpeech(before index: Int, in unit: TextUnit, words: [QuotationAttribution.Word],
                               quotations: [ScopedRange]) -> Bool {
        for k in stride(from: index - 1, through: max(0, index - 2), by: -1) {
            let s = unit.sentences[k]
            let quoted = quotations.filter { $0.range.overlaps(s) }
            guard !quoted.isEmpty else { continue }
            let outside = Self.slice(words, in: s).filter { w in !quoted.contains { $0.range.contains(w.range.lowerBound) } }
            if QuotationAttribution.creditsSpeaker(outside) || QuotationAttribution.hasAttributionPhrase(outside) { return true }
        }
        return false
    }

    // MARK: Block quotations

    func checkBlock(_ group: ArraySlice<TextUnit>, attribution: TextUnit?, before: TextUnit?, after: TextUnit?,
                    minWords: Int) -> Diagnostic? {
        if let attribution, attribution.tokens.contains(where: { $0.kind == .word }) { return nil }
        let count = group.reduce(0) { n, u in n + u.tokens.filter { $0.kind == .word || $0.kind == .number }.count }
        guard count >= minWords, let head = group.first, let tail = group.last else { return nil }
        for u in group where Self.has(.noteMarker, in: 0..<u.text.utf8Count, of: u) || Self.has(.citedTitle, in: 0..<u.text.utf8Count, of: u) {
            return nil
        }
        if let after, let s = after.sentences.first, Self.has(.noteMarker, in: s, of: after) { return nil }
        if let after, Self.isDashAttribution(after) { return nil }
        if let before, before.scope != .heading, let s = before.sentences.last, introduces(s, in: before) { return nil }
        guard let start = head.span(of: 0..<head.text.utf8Count), let end = tail.span(of: 0..<tail.text.utf8Count) else { return nil }
        let text = group.map { $0.text.string }.joined(separator: " ")
        return diagnostic(start.union(end), at: head.location, words: count, text: text)
    }

    /// Whether the sentence `s` of `unit` (the one before a block quotation) credits it: a note marker,
    /// a cited title or link, a phrase of attribution, or a speaker with a verb of saying or a colon.
    func introduces(_ s: Range<Int>, in unit: TextUnit) -> Bool {
        if Self.has(.noteMarker, in: s, of: unit) || Self.has(.citedTitle, in: s, of: unit) || Self.has(.link, in: s, of: unit) {
            return true
        }
        let words = Array(Self.slice(QuotationAttribution.words(of: unit), in: s))
        if QuotationAttribution.hasAttributionPhrase(words) { return true }
        return QuotationAttribution.creditsSpeaker(words)
            || (Self.lastCharacter(before: s.upperBound, in: unit) == ":" && QuotationAttribution.namesSomeone(words))
    }

    // MARK: Helpers

    /// Whether a sentence of `unit` credits a speaker or source.
    static func creditsSomeone(_ unit: TextUnit) -> Bool {
        creditsSomeone(in: unit.sentences, of: unit)
    }

    /// Whether one of the last two sentences of `unit` credits a speaker or source.
    static func creditsSomeone(lastSentencesOf unit: TextUnit) -> Bool {
        creditsSomeone(in: Array(unit.sentences.suffix(2)), of: unit)
    }

    static func creditsSomeone(in sentences: [Range<Int>], of unit: TextUnit) -> Bool {
        let words = QuotationAttribution.words(of: unit)
        let quotations = unit.scopes.filter { $0.kind == .quotation }
        for s in sentences {
            let outside = slice(words, in: s).filter { w in !quotations.contains { $0.range.contains(w.range.lowerBound) } }
            if QuotationAttribution.creditsSpeaker(outside) || QuotationAttribution.hasAttributionPhrase(outside) { return true }
        }
        return false
    }

    /// Whether paragraph `unit` is a "— Name, work, place, date" line: a dash (em dash, horizontal bar,
    /// en dash or "--") and then a capitalised word, the attribution of the block quotation before it
    /// written as a paragraph of its own.
    static func isDashAttribution(_ unit: TextUnit) -> Bool {
        guard prose.contains(unit.scope) else { return false }
        let text = unit.text.string.drop { $0.isWhitespace }
        guard let dash = text.first, "\u{2014}\u{2015}\u{2013}".contains(dash) || text.hasPrefix("--") else { return false }
        let rest = text.drop { $0 == "-" || "\u{2014}\u{2015}\u{2013}".contains($0) || $0.isWhitespace }
        return rest.first?.isUppercase ?? false
    }

    static let prose: Set<TextScope> = [.paragraph, .listItem, .abstract]

    /// Whether the text of `unit` ends inside a quotation whose closing mark is missing (its scope runs
    /// to the end of the text).
    static func endsInsideQuotation(_ unit: TextUnit) -> Bool {
        let end = unit.text.string.utf8.count - trailingSpace(of: unit)
        guard let q = unit.scopes.last(where: { $0.kind == .quotation && $0.range.upperBound >= end }) else { return false }
        return !isClosed(q.range, in: unit)
    }

    /// Whether `range` starts the text of `unit` (only white space before it).
    static func opensUnit(_ range: Range<Int>, in unit: TextUnit) -> Bool {
        unit.string(of: 0..<range.lowerBound).allSatisfy(\.isWhitespace)
    }

    static func trailingSpace(of unit: TextUnit) -> Int {
        unit.text.string.utf8.reversed().prefix { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }.count
    }

    func diagnostic(_ span: SourceSpan?, at location: SourceLocation, words: Int, text: String) -> Diagnostic {
        let shown = text.count > 60 ? String(text.prefix(57)) + "…" : text
        return Messages.unsourced.diagnostic(
            "a quotation of \(words) words (\(shown)) has no note marker in its sentence or the next, and no speaker or cited document is named beside it: readers cannot tell whose words these are.",
            at: location, fix: Self.fix, span: span)
    }

    /// The index of the sentence of `unit` that holds `offset` (the last one starting at or before it).
    static func sentence(at offset: Int, in unit: TextUnit) -> Int {
        var lo = 0, hi = unit.sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if unit.sentences[mid].lowerBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return max(0, lo - 1)
    }

    static func has(_ kind: ScopeKind, in range: Range<Int>, of unit: TextUnit) -> Bool {
        unit.scopes.contains { $0.kind == kind && $0.overlaps(range) }
    }

    /// Whether the quotation ends with a closing mark (an opening mark never closed runs to the end of
    /// its paragraph, and where such a quotation ends is unknown).
    static func isClosed(_ q: Range<Int>, in unit: TextUnit) -> Bool {
        guard let c = unit.string(of: q).unicodeScalars.last else { return false }
        return "”\"’'»›」』".unicodeScalars.contains(c)
    }

    /// Most longer words capitalised: a quoted title, not quoted speech.
    static func isTitle(_ words: [QuotationAttribution.Word]) -> Bool {
        let long = words.filter { $0.text.count >= 4 }
        guard long.count >= 3 else { return false }
        return long.filter(\.isCapitalised).count * 4 >= long.count * 3
    }

    /// The last character before `offset` that is not a space, when it is ASCII (nil otherwise).
    static func lastCharacter(before offset: Int, in unit: TextUnit) -> Character? {
        let bytes = unit.text.string.utf8
        var i = bytes.index(bytes.startIndex, offsetBy: min(offset, bytes.count))
        while i > bytes.startIndex {
            i = bytes.index(before: i)
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A { continue }
            return b < 0x80 ? Character(Unicode.Scalar(b)) : nil
        }
        return nil
    }

    /// The elements of `items` (sorted, not overlapping) that start inside `range`, found by binary search.
    static func slice<T: RangeSpanned>(_ items: [T], in range: Range<Int>) -> ArraySlice<T> {
        var lo = 0, hi = items.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if items[mid].range.lowerBound < range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < items.count, items[end].range.lowerBound < range.upperBound { end += 1 }
        return items[lo..<end]
    }
}

