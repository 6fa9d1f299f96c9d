import KeiDocument

/// Whether a sentence narrates a date as past, read in the date's CLAUSE, not the whole sentence
/// ("The ministry announced that the exercise begins on March 9, 2026": "announced" is past, but the
/// date's clause "the exercise begins on…" is present).
///
/// The clause is the stretch of the sentence around the date between clause words ("that", "which",
/// "who", "and", "but", "while", "because"…) and ";", ":" or a dash, without the phrases set off by
/// commas that open with a participle ("The agreement, signed in 2019, expires on…"). In it:
/// - a word that places the date in the future or makes it hypothetical ("will", "would", "is
///   scheduled", "plans to", "expected", "due", "set to", "if", "unless", "could", "may", "next",
///   "was to", "envisioned"…) → not past; nor is a date after a past verb that takes an infinitive
///   ("agreed to pay… in 2026", "decided to hold the summit in 2026");
/// - else the verb nearest the date decides: a present-tense verb ("is", "begins", "takes",
///   "expires") → not past; a past verb → past. Past verbs are a closed list of irregular and common
///   verbs of narration plus regular "-ed" words that do not follow an article, a possessive or a
///   preposition (adjectives: "the proposed deal", "with advanced missiles") and are not in a list of
///   "-ed" adjectives ("United", "armed", "limited");
/// - a year or month after an amount ("raised the share to KRW 1.5 trillion in 2026") dates the amount,
///   a plan, not the verb → not past.
/// A sentence that opens with an inverted "Had" ("Had the talks resumed in January 2026, …") or holds
/// "if", "unless" or "whether" is hypothetical → not past. Nor is a date after "by", "until", "till",
/// "before", "through", "beyond" or "ahead of" (a deadline). Words are compared in lower case; each
/// sentence is cut into clauses once (``NarrationClauses``), so many dates in one sentence stay linear.
enum PastNarration {
    /// The clauses of the sentences read so far, so that a sentence with many dates is read once.
    struct Cache {
        private var read: [Int: [Int: NarrationClauses]] = [:]

        /// In: the unit, its index in the analysis, the UTF-8 range of the date in it, and the ranges of
        /// all date mentions of the unit (their words are not clause words: the "and" of "between 3 and 5
        /// December", the comma of "January 9, 2026"). Out: true when the date's clause narrates it as
        /// past (false when the date is in no sentence of the unit, or a deadline word precedes it).
        mutating func isNarratedAsPast(_ unit: TextUnit, index: Int, date range: Range<Int>, mentions: [Range<Int>]) -> Bool {
            guard let si = unit.sentenceIndex(containing: range) else { return false }
            let sentence = unit.sentences[si]
            if PastNarration.followsDeadlineWord(unit, range, sentence) { return false }
            let clauses = read[index]?[si] ?? NarrationClauses(unit, sentence, mentions: mentions)
            read[index, default: [:]][si] = clauses
            return clauses.isPast(date: range, in: unit)
        }
    }

    /// A word of the sentence, lower-cased with ’ as ', and whether it was capitalized.
    struct Word {
        var text: String
        var capitalized: Bool
        var isWord: Bool
    }

    static func word(_ unit: TextUnit, _ k: Int) -> Word {
        let t = unit.tokens[k]
        let written = unit.string(of: t.range)
        return Word(text: written.lowercased().replacingOccurrences(of: "’", with: "'"),
                    capitalized: written.first?.isUppercase ?? false, isWord: t.kind == .word)
    }

    /// A clause boundary: ";", ":", a dash, or a clause word ("that", "which", "and"…).
    static func isBoundary(_ w: Word) -> Bool {
        if w.isWord { return clauseWords.contains(w.text) }
        return [";", ":", "—", "(", ")"].contains(w.text)
    }

    /// A past participle opening a phrase ("signed in 2019", "held in Seoul").
    static func isParticiple(_ w: Word) -> Bool {
        participles.contains(w.text) || (w.text.hasSuffix("ed") && w.text.count > 4 && !w.capitalized && !edAdjectives.contains(w.text))
    }

    /// A past verb of narration: the closed list, or a regular "-ed" word not after an article, a
    /// possessive or a preposition and not an "-ed" adjective.
    static func isPastVerb(_ w: Word, after previous: String?) -> Bool {
        if pastVerbs.contains(w.text) { return true }
        guard w.text.hasSuffix("ed"), !w.text.hasSuffix("eed"), w.text.count > 4, !w.capitalized,
              !edAdjectives.contains(w.text) else { return false }
        if let p = previous, modifierWords.contains(p) { return false }
        return true
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

    /// Words right before a date that make it a deadline or a bound, not an event.
    static let deadlineWords: Set<String> = ["by", "until", "till", "before", "through", "beyond"]

    /// Past verbs that take an infinitive whose time is ahead of them ("agreed to pay in 2026").
    static let infinitiveTakers: Set<String> = [
        "agreed", "decided", "aimed", "sought", "hoped", "wanted", "needed", "chose", "offered", "threatened",
        "moved", "voted", "asked", "urged", "called", "committed", "resolved", "undertook", "prepared", "tried",
    ]

    /// Words that make a whole sentence hypothetical.
    static let hypotheticalWords: Set<String> = ["if", "unless", "whether"]

    /// Words that open a clause.
    static let clauseWords: Set<String> = ["that", "which", "who", "whom", "whose", "and", "but", "while", "whereas",
                                           "because", "although", "though", "when"]

    /// Present-tense verbs that put a date's clause in the present ("the exercise begins on…").
    static let presentVerbs: Set<String> = [
        "is", "are", "am", "'s", "remains", "remain", "begins", "begin", "starts", "takes", "expires", "expire",
        "opens", "runs", "falls", "comes", "goes", "meets", "holds", "lasts", "enters", "resumes", "convenes",
        "closes", "has", "have", "does", "do", "continues", "becomes", "applies", "marks", "kicks", "requires",
        "says", "hosts", "ends", "gets", "heads", "includes", "covers",
    ]

    /// Irregular past participles that open a participial phrase ("held in Seoul in 2019").
    static let participles: Set<String> = ["held", "made", "taken", "written", "given", "known", "set", "built",
                                           "begun", "sworn", "born", "led", "won", "brought", "sent", "struck"]

    /// Words before an "-ed" word that make it an adjective ("the proposed deal", "with advanced arms").
    static let modifierWords: Set<String> = [
        "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "these", "those",
        "of", "with", "for", "in", "on", "at", "by", "from", "to", "into", "newly", "well", "highly", "fully",
        "long", "so", "more", "most", "less", "very", "heavily", "widely", "self",
    ]

    /// "-ed" words that are mostly adjectives.
    static let edAdjectives: Set<String> = [
        "united", "armed", "limited", "advanced", "based", "related", "concerned", "interested", "detailed",
        "skilled", "sophisticated", "unprecedented", "alleged", "supposed", "used", "hundred", "kindred",
        "sacred", "naked", "wicked", "rugged", "beloved", "aged", "varied", "tired", "embed", "shared",
        "combined", "joint", "heightened", "renewed", "expanded", "integrated", "enhanced", "extended",
        "sustained", "continued", "increased", "reduced", "unified", "isolated", "militarized", "demilitarized",
        "nuclear-armed", "so-called", "red", "bed",
    ]

    /// Words that place a clause in the future or make it hypothetical.
    static let futureWords: Set<String> = [
        "will", "won't", "would", "wouldn't", "shall", "'ll", "scheduled", "schedule", "plans", "planned", "plan",
        "planning", "expected", "expects", "expect", "expecting", "due", "slated", "upcoming", "forthcoming",
        "next", "if", "unless", "could", "may", "might", "should", "must", "intends", "intend", "intended",
        "aims", "aim", "hopes", "proposed", "proposes", "propose", "projected", "forecast", "targets",
        "target", "deadline", "likely", "anticipated", "anticipate", "tentatively", "supposed", "promised",
        "pledged", "vowed", "whether", "until", "pending", "envisioned", "envisaged", "foresaw", "earmarked",
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
