import KeiDocument

/// Names written as word sequences ("Singapore summit", "Yoon Suk Yeol", "Secretary of State"), found in a
/// unit's tokens without regard to case, on word boundaries, longest first.
///
/// A phrase is tokenized like the text (``WordTokenizer``), so "Trump-Kim" is one word and "U.S." one
/// word. The last word of a phrase also matches its possessive ("Trump's", "Trump’s"). The phrases are kept
/// in a trie of words, built once per timeline: adding a phrase costs its length, and reading a unit costs
/// its tokens times the longest phrase, however many phrases share a first word ("the …").
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

    /// A phrase that ends at a trie node: its words as written in capitals (nil where any case matches).
    private struct Ending {
        var exact: [String?]
        var value: Value
    }

    private struct Node {
        var children: [String: Int] = [:]
        var endings: [Ending] = []
    }

    /// Node 0 is the root; a child is reached by a word's key.
    private var nodes: [Node] = [Node()]

    /// Adds `phrase` for `value`; an empty phrase is ignored. A word written in capitals ("IRA", "KORUS")
    /// matches only as written, so an acronym is not read in an ordinary word or a first name ("Ira").
    mutating func add(_ phrase: String, _ value: Value) {
        let bytes = Array(phrase.utf8)
        let written = WordTokenizer.tokens(in: phrase).map { String(decoding: bytes[$0.range], as: UTF8.self) }
        guard !written.isEmpty else { return }
        let exact = written.map { w -> String? in
            w.count >= 2 && w.allSatisfy({ $0.isUppercase || $0 == "." || $0 == "-" || $0.isNumber }) ? w : nil
        }
        var node = 0
        for word in written.map(Self.key) {
            if let next = nodes[node].children[word] {
                node = next
            } else {
                nodes.append(Node())
                nodes[node].children[word] = nodes.count - 1
                node = nodes.count - 1
            }
        }
        nodes[node].endings.append(Ending(exact: exact, value: value))
    }

    /// The comparison form of a word: lower-cased, curly apostrophes straightened.
    static func key(_ word: String) -> String {
        let lower = word.lowercased()
        // Character search, not Foundation's `contains(_: StringProtocol)`: this runs for every token.
        return lower.contains(Character("’")) ? String(lower.map { $0 == "’" ? "'" : $0 }) : lower
    }

    /// The word without a possessive ending ("trump's" → "trump"), or nil when it has none.
    static func withoutPossessive(_ key: String) -> String? {
        key.hasSuffix("'s") && key.count > 2 ? String(key.dropLast(2)) : nil
    }

    /// The non-overlapping matches in `unit`, in text order (at each token the longest phrase wins; of
    /// phrases of one length, the first added). `words` are the unit's words (``TimelineWords``).
    func matches(in unit: TextUnit, words: TimelineWords) -> [Match] {
        let texts = words.texts, keys = words.keys
        func fits(_ ending: Ending, at i: Int) -> Bool {
            ending.exact.indices.allSatisfy { k in ending.exact[k].map { texts[i + k].hasPrefix($0) } ?? true }
        }
        var out: [Match] = []
        var i = 0
        while i < keys.count {
            // The longest phrase from token i: walk the trie; at each depth a phrase may end there, or end
            // in the possessive of the word read.
            var found: (length: Int, value: Value, possessive: Bool)?
            var node = 0, k = i
            while k < keys.count {
                if let p = words.possessiveStems[k], let end = nodes[node].children[p],
                   let e = nodes[end].endings.first(where: { fits($0, at: i) }) {
                    found = (k - i + 1, e.value, true)
                }
                guard let next = nodes[node].children[keys[k]] else { break }
                node = next
                k += 1
                if let e = nodes[node].endings.first(where: { fits($0, at: i) }) { found = (k - i, e.value, false) }
            }
            guard let found else { i += 1; continue }
            let last = unit.tokens[i + found.length - 1].range
            let end = found.possessive ? last.upperBound - (unit.string(of: last).hasSuffix("’s") ? 4 : 2) : last.upperBound
            out.append(Match(tokens: i..<(i + found.length), range: unit.tokens[i].range.lowerBound..<end, value: found.value,
                             possessive: found.possessive))
            i += found.length
        }
        return out
    }
}
