import KeiDocument

/// Whether a sentence narrates a date as past: it has a past-tense verb of narration ("met", "signed",
/// "was", "announced"; a closed list, as "-ed" alone also ends adjectives such as "United" and "armed")
/// and nothing that places the date in the future or makes it hypothetical: "will", "would", "shall",
/// "is scheduled", "plans to", "expected", "due", "set to", "slated", "if", "unless", "could", "may",
/// "might", "should", "upcoming", "next"…; nor "by", "until", "till", "before", "through" or "ahead of" just
/// before the date ("by March 2026" is a deadline). Words are compared in lower case.
enum PastNarration {
    /// In: the unit, the UTF-8 range of the date in it. Out: true when the sentence holding it narrates
    /// it as past (false when the date is in no sentence of the unit).
    static func isNarratedAsPast(_ unit: TextUnit, date range: Range<Int>) -> Bool {
        guard let si = unit.sentenceIndex(containing: range) else { return false }
        let sentence = unit.sentences[si]
        var words: [String] = []
        var before: [String] = []
        for t in unit.tokens where t.kind == .word && t.range.lowerBound >= sentence.lowerBound && t.range.upperBound <= sentence.upperBound {
            let written = unit.string(of: t.range)
            if written == "May" { continue }   // the month, not the modal
            let w = written.lowercased().replacingOccurrences(of: "’", with: "'")
            words.append(w)
            if t.range.upperBound <= range.lowerBound { before.append(w) }
        }
        if let last = before.last, deadlineWords.contains(last) { return false }
        if before.suffix(2) == ["ahead", "of"] || before.suffix(3) == ["the", "end", "of"] && before.dropLast(3).last.map(deadlineWords.contains) == true {
            return false
        }
        if words.contains(where: { futureWords.contains($0) }) { return false }
        for (i, w) in words.enumerated() where w == "set" || w == "going" {
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
