import KeiDocument

/// One sentence cut into clauses for ``PastNarration``, read once however many dates it holds.
///
/// Clauses are separated by clause words ("that", "which", "and"…) and ";", ":", a dash or a
/// parenthesis; a clause's segments by commas. A segment that opens with a past participle ("signed in
/// 2019") is a participial phrase: its verb does not narrate the dates outside it. Tokens inside date
/// mentions are never boundaries or verbs. Token indexes are into `unit.tokens`. Built in one pass over
/// the sentence's tokens; a query walks the verbs of one clause from the date outward.
struct NarrationClauses {
    /// Per token of the sentence (index − `first`): its clause and segment, −1 for a boundary.
    private var clauseOf: [Int] = []
    private var segmentOf: [Int] = []
    private let first: Int
    /// The segments that open with a participle.
    private var participial = Set<Int>()
    /// Clauses with a future or conditional word outside participial segments; segments with one.
    private var futureClauses = Set<Int>()
    private var futureSegments = Set<Int>()
    /// The verbs, in token order: token index, clause, segment, past (else present).
    private var verbs: [(token: Int, clause: Int, segment: Int, past: Bool)] = []
    /// Number tokens outside mentions before each token (index − `first`), for ``isPast(date:in:)``'s amount rule.
    private var numbersBefore: [Int] = []
    /// "Had the talks resumed…", or "if", "unless", "whether" anywhere.
    private var hypothetical = false

    init(_ unit: TextUnit, _ sentence: Range<Int>, mentions: [Range<Int>]) {
        let tokens = unit.tokens
        first = TokenSearch.first(atOrAfter: sentence.lowerBound, in: tokens)
        var clause = 0, segment = 0, numbers = 0
        var segmentOpened = false
        var mention = mentions.startIndex
        var words: [(token: Int, word: PastNarration.Word, clause: Int, segment: Int)] = []
        var k = first
        while k < tokens.count, tokens[k].range.upperBound <= sentence.upperBound {
            let range = tokens[k].range
            while mention < mentions.endIndex, mentions[mention].upperBound <= range.lowerBound { mention += 1 }
            let inMention = mention < mentions.endIndex && mentions[mention].lowerBound <= range.lowerBound
            let w = PastNarration.word(unit, k)
            numbersBefore.append(numbers)
            if !inMention && tokens[k].kind == .number { numbers += 1 }
            if !inMention && PastNarration.isBoundary(w) {
                clause += 1; segment += 1; segmentOpened = false
                clauseOf.append(-1); segmentOf.append(-1)
            } else if !inMention && w.text == "," {
                segment += 1; segmentOpened = false
                clauseOf.append(-1); segmentOf.append(-1)
            } else {
                clauseOf.append(clause); segmentOf.append(segment)
                if !segmentOpened {
                    segmentOpened = true
                    if !inMention && w.isWord && PastNarration.isParticiple(w) { participial.insert(segment) }
                }
                if !inMention && w.isWord {
                    if words.isEmpty && w.text == "had" { hypothetical = true }
                    if PastNarration.hypotheticalWords.contains(w.text) { hypothetical = true }
                    words.append((k, w, clause, segment))
                }
            }
            k += 1
        }
        for (i, entry) in words.enumerated() {
            let w = entry.word
            var future = PastNarration.futureWords.contains(w.text) && !(w.text == "may" && w.capitalized)
            if ["set", "going", "was", "were", "is", "are"].contains(w.text), i + 1 < words.count,
               words[i + 1].word.text == "to", words[i + 1].clause == entry.clause { future = true }
            if future {
                if participial.contains(entry.segment) { futureSegments.insert(entry.segment) } else { futureClauses.insert(entry.clause) }
            }
            let previous = i > 0 && words[i - 1].token == entry.token - 1 ? words[i - 1].word.text : nil
            if PastNarration.presentVerbs.contains(w.text) {
                verbs.append((entry.token, entry.clause, entry.segment, false))
            } else if PastNarration.isPastVerb(w, after: previous) {
                // "agreed to pay … in 2026", "decided to hold the summit in 2026": the date is the infinitive's.
                let toFollows = i + 1 < words.count && words[i + 1].token == entry.token + 1 && words[i + 1].word.text == "to"
                verbs.append((entry.token, entry.clause, entry.segment, !(toFollows && PastNarration.infinitiveTakers.contains(w.text))))
            }
        }
    }

    /// Whether the clause of the date at `range` narrates it as past: no future word in it, and the
    /// nearest verb of the clause (outside participial phrases other than the date's own) is past and
    /// does not govern an amount the date qualifies ("raised the share to KRW 1.5 trillion in 2026").
    func isPast(date range: Range<Int>, in unit: TextUnit) -> Bool {
        guard !hypothetical else { return false }
        let tokens = unit.tokens
        let low = TokenSearch.first(atOrAfter: range.lowerBound, in: tokens)
        var high = low
        while high + 1 < tokens.count, tokens[high + 1].range.upperBound <= range.upperBound { high += 1 }
        guard low >= first, low - first < clauseOf.count else { return false }
        let clause = clauseOf[low - first], segment = segmentOf[low - first]
        guard clause >= 0, !futureClauses.contains(clause), !futureSegments.contains(segment) else { return false }
        // The first verb at or after the date, by binary search; then walk outward within the clause.
        var lo = 0, hi = verbs.count
        while lo < hi { let mid = (lo + hi) / 2; if verbs[mid].token < low { lo = mid + 1 } else { hi = mid } }
        var left = lo - 1, right = lo
        func usable(_ v: (token: Int, clause: Int, segment: Int, past: Bool)) -> Bool {
            v.segment == segment || !participial.contains(v.segment)
        }
        while left >= 0, verbs[left].clause == clause, !usable(verbs[left]) { left -= 1 }
        while right < verbs.count, verbs[right].clause == clause, !usable(verbs[right]) { right += 1 }
        let l = left >= 0 && verbs[left].clause == clause ? verbs[left] : nil
        let r = right < verbs.count && verbs[right].clause == clause ? verbs[right] : nil
        let nearest: (token: Int, clause: Int, segment: Int, past: Bool)
        switch (l, r) {
        case (nil, nil): return false
        case (let a?, nil): nearest = a
        case (nil, let b?): nearest = b
        case (let a?, let b?): nearest = low - a.token <= b.token - high ? a : b
        }
        guard nearest.past else { return false }
        if nearest.token < low, !unit.string(of: range).contains(","),
           numbersBefore[low - first] > numbersBefore[nearest.token - first] { return false }
        return true
    }
}
