import KeiDocument

/// Names written as word sequences ("Singapore summit", "Yoon Suk Yeol", "Secretary of State"), found in a
/// unit's tokens without regard to case, on word boundaries, longest first.
///
/// A phrase is tokenized like the text (``WordTokenizer``), so "Trump-Kim" is one word and "U.S." one
/// word. The last word of a phrase also matches its possessive ("Trump's", "Trump’s"). Lookup is by the
/// first word, so a unit is read once: linear in its tokens times the phrases that share a first word.
struct TimelinePhraseIndex<Value> {
    /// One match: the tokens `tokens` (indices into the unit's tokens) spell the phrase of `value`.
    struct Match {
        var tokens: Range<Int>
        /// UTF-8 byte offsets (0-based, half-open) into the unit's text, possessive "'s" excluded.
        var range: Range<Int>
        var value: Value
        /// The last word was written in the possessive.
        var possessive: Bool
    }

    private var byFirstWord: [String: [(words: [String], exact: [String?], value: Value)]] = [:]

    /// Adds `phrase` for `value`; an empty phrase is ignored. A word written in capitals ("IRA", "KORUS")
    /// matches only as written, so an acronym is not read in an ordinary word or a first name ("Ira").
    mutating func add(_ phrase: String, _ value: Value) {
        let bytes = Array(phrase.utf8)
        let written = WordTokenizer.tokens(in: phrase).map { String(decoding: bytes[$0.range], as: UTF8.self) }
        guard let first = written.first.map(Self.key) else { return }
        let exact = written.map { w -> String? in
            w.count >= 2 && w.allSatisfy({ $0.isUppercase || $0 == "." || $0 == "-" || $0.isNumber }) ? w : nil
        }
        byFirstWord[first, default: []].append((written.map(Self.key), exact, value))
        byFirstWord[first]!.sort { $0.words.count > $1.words.count }
    }

    /// The comparison form of a word: lower-cased, curly apostrophes straightened.
    static func key(_ word: String) -> String {
        let lower = word.lowercased()
        return lower.contains("’") ? lower.replacingOccurrences(of: "’", with: "'") : lower
    }

    /// The word without a possessive ending ("trump's" → "trump"), or nil when it has none.
    static func withoutPossessive(_ key: String) -> String? {
        key.hasSuffix("'s") && key.count > 2 ? String(key.dropLast(2)) : nil
    }

    /// The non-overlapping matches in `unit`, in text order (at each token the longest phrase wins).
    func matches(in unit: TextUnit) -> [Match] {
        let texts = unit.tokens.map { unit.string(of: $0.range) }
        let keys = texts.map(Self.key)
        var out: [Match] = []
        var i = 0
        while i < keys.count {
            var found: Match?
            let candidates = byFirstWord[keys[i]] ?? Self.withoutPossessive(keys[i]).flatMap { byFirstWord[$0] } ?? []
            for (words, exact, value) in candidates where i + words.count <= keys.count {
                var possessive = false
                let ok = words.indices.allSatisfy { k in
                    if let e = exact[k], !texts[i + k].hasPrefix(e) { return false }
                    if keys[i + k] == words[k] { return true }
                    if k == words.count - 1, Self.withoutPossessive(keys[i + k]) == words[k] { possessive = true; return true }
                    return false
                }
                guard ok else { continue }
                let last = unit.tokens[i + words.count - 1].range
                let end = possessive ? last.upperBound - (unit.string(of: last).hasSuffix("’s") ? 4 : 2) : last.upperBound
                found = Match(tokens: i..<(i + words.count), range: unit.tokens[i].range.lowerBound..<end, value: value,
                              possessive: possessive)
                break
            }
            if let found { out.append(found); i = found.tokens.upperBound } else { i += 1 }
        }
        return out
    }
}
