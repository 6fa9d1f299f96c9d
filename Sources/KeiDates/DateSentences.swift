/// The sentences of one text as the date extractor needs them to infer a month-day's year: for each
/// token the 0-based index of its sentence, and for each sentence whether it speaks of a plan or the
/// future ("Talks are planned for March 2026.", "The summit will open in May 2026."), whose year must not
/// date a later month-day. Built in one linear pass over the tokens.
///
/// A sentence ends at a ".", "!" or "?" token followed by a word or number that starts with a capital
/// or a digit (or by nothing), except after a month abbreviation or a single letter ("Dec. 3", "J. Kim").
/// The reading is deliberately simple: a missed end joins two sentences, a false one splits one.
struct DateSentences {
    /// `index[i]`: the sentence of token `i`.
    private(set) var index: [Int] = []
    /// `isPlan[s]`: sentence `s` has a word of plan or future.
    private(set) var isPlan: [Bool] = [false]

    static let planWords: Set<String> = [
        "will", "plan", "plans", "planned", "planning", "scheduled", "expected", "slated", "due", "upcoming",
        "intends", "intend", "aims", "forthcoming", "won't", "won’t", "shall",
    ]

    init(_ t: DateTokens) {
        index.reserveCapacity(t.count)
        var s = 0
        for i in 0..<t.count {
            index.append(s)
            if t.tokens[i].kind == .word, Self.planWords.contains(t.lower[i]) { isPlan[s] = true }
            if endsSentence(t, i) {
                s += 1
                isPlan.append(false)
            }
        }
    }

    private func endsSentence(_ t: DateTokens, _ i: Int) -> Bool {
        guard t.isPunct(i, ".", "!", "?") else { return false }
        if t.has(i - 1), t.touches(i - 1), t.tokens[i - 1].kind == .word {
            let w = t.text[i - 1]
            if w.count == 1 || DateLexicon.abbreviatedMonths[t.lower[i - 1]] != nil { return false }
        }
        guard t.has(i + 1) else { return true }
        guard let b = t.text[i + 1].unicodeScalars.first else { return false }
        return b.properties.isUppercase || ("0"..."9").contains(b) || ["\"", "“", "‘", "'", "("].contains(String(b))
    }
}
