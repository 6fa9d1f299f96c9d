import KeiDocument

/// Whether a sentence narrates a date as past: it has a past-tense verb of narration ("met", "signed",
/// "was", "announced"; a closed list, as "-ed" alone also ends adjectives such as "United" and "armed")
/// and nothing that places the date in the future or makes it hypothetical: "will", "would", "shall",
/// "is scheduled", "plans to", "expected", "due", "set to", "slated", "if", "unless", "could", "may",
/// "might", "should", "upcoming", "next", "was to" ("Seoul was to host the summit in 2026")…; nor "by", "until", "till", "before", "through" or "ahead of" just
/// before the date ("by March 2026" is a deadline). Words are compared in lower case.
enum PastNarration {
    /// The verdicts of the sentences read so far, so that a sentence with many dates is read once.
    struct Cache {
        /// Per unit index (of the analysis) and sentence index: past verb and no future word.
        private var past: [Int: [Int: Bool]] = [:]

        /// In: the unit, its index in the analysis, the UTF-8 range of the date in it. Out: true when the
        /// sentence holding it narrates it as past (false when the date is in no sentence of the unit, or
        /// a deadline word precedes it).
        mutating func isNarratedAsPast(_ unit: TextUnit, index: Int, date range: Range<Int>) -> Bool {
            guard let si = unit.sentenceIndex(containing: range) else { return false }
            let sentence = unit.sentences[si]
            if PastNarration.followsDeadlineWord(unit, range, sentence) { return false }
            if let known = past[index]?[si] { return known }
            let verdict = PastNarration.isPast(unit, sentence)
            past[index, default: [:]][si] = verdict
            return verdict
        }
    }

    /// "by", "until", "till", "before", "through", "beyond" or "ahead of" right before the date.
    static func followsDeadlineWord(_ unit: TextUnit, _ range: Range<Int>, _ sentence: Range<Int>) -> Bool {
        let i = TokenSearch.first(atOrAfter: range.lowerBound, in: unit.tokens)
        func word(_ k: Int) -> String? {
            guard k >= 0, unit.tokens[k].range.lowerBound >= sentence.lowerBound, unit.tokens[k].kind == .word else { return nil }
            return unit.string(of: unit.tokens[k].range).lowercased()
        }
        if let w = word(i - 1), deadlineWords.contains(w) { return true }
        return word(i - 2) == "ahead" && word(i - 1) == "of"
    }

    /// Whether the words of `sentence` include a past verb of narration and no future or conditional word.
    static func isPast(_ unit: TextUnit, _ sentence: Range<Int>) -> Bool {
        var words: [String] = []
        var k = TokenSearch.first(atOrAfter: sentence.lowerBound, in: unit.tokens)
        while k < unit.tokens.count, unit.tokens[k].range.upperBound <= sentence.upperBound {
            let t = unit.tokens[k]
            k += 1
            guard t.kind == .word else { continue }
            let written = unit.string(of: t.range)
            if written == "May" { continue }   // the month, not the modal
            words.append(written.lowercased().replacingOccurrences(of: "’", with: "'"))
        }
        if words.contains(where: { futureWords.contains($0) }) { return false }
        for (i, w) in words.enumerated() where w == "set" || w == "going" || w == "was" || w == "were" {
            if i + 1 < words.count, words[i + 1] == "to" { return false }
        }
        return words.contains { pastVerbs.contains($0) }
    }

    /// Words right before a date that make it a deadline or a bound, not an event.
    static let deadlineWords: Set<String> = ["by", "until", "till", "before", "through", "beyond"]

    /// Words that place a sentence in the future or make it hypothetical.
    static let futureWords: Set<String> = [
        "will", "won't", "would", "wouldn't", "shall", "'ll", "scheduled", "schedule", "plans", "planned", "plan",
        "planning", "expected", "expects", "expect", "expecting", "due", "slated", "upcoming", "forthcoming",
        "next", "if", "unless", "could", "may", "might", "should", "must", "intends", "intend", "intended",
        "aims", "aim", "hopes", "proposed", "proposes", "propose", "projected", "forecast", "targets",
        "target", "deadline", "likely", "anticipated", "anticipate", "tentatively", "supposed", "promised",
        "pledged", "vowed", "whether", "until", "pending",
    ]

    /// Past-tense verbs of narration (irregular forms and the common regular ones of policy reporting).
    static let pastVerbs: Set<String> = [
        "was", "were", "had", "did", "met", "held", "said", "told", "spoke", "took", "began", "came",
        "went", "made", "gave", "left", "won", "lost", "fell", "rose", "became", "saw", "struck", "withdrew",
        "sent", "led", "ran", "wrote", "broke", "chose", "drew", "flew", "knew", "overtook", "sought", "brought",
        "signed", "announced", "agreed", "launched", "fired", "visited", "ended", "concluded", "declared",
        "adopted", "approved", "passed", "elected", "died", "attacked", "invaded", "tested", "conducted",
        "released", "issued", "hosted", "reached", "decided", "voted", "imposed", "discussed", "opened", "closed",
        "resigned", "appointed", "unveiled", "killed", "occurred", "happened", "convened", "summoned", "warned",
        "stated", "reported", "confirmed", "revealed", "published", "introduced", "enacted", "ratified",
        "returned", "arrived", "departed", "started", "established", "founded", "completed", "detonated",
        "sanctioned", "condemned", "criticized", "praised", "welcomed", "inaugurated", "sworn", "impeached",
        "removed", "suspended", "resumed", "collapsed", "failed", "succeeded", "accepted", "rejected",
        "denied", "claimed", "argued", "noted", "stressed", "emphasized", "pointed", "added", "asked",
        "urged", "called", "responded", "replied", "traveled", "travelled", "toured", "marked", "celebrated",
    ]
}
