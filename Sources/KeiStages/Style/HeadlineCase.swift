import KeiDocument

/// Chicago headline style (The Chicago Manual of Style, 17th ed., 8.159–8.161) for one heading: which
/// words are capitalized, and the heading as it should read.
///
/// **The rules applied.** The first and last words, and the first word after a colon, are capitalized.
/// Articles (a, an, the), the coordinating conjunctions and, but, or, nor, for, prepositions, "to" and
/// "as" are lower-cased elsewhere; every other word is capitalized. Words in `exceptions` (from the
/// style) keep the case the style gives them. In a hyphenated compound (8.161) only the first element is
/// checked: later elements may be either case ("Post-Cold War", "Self-reliance" both stand).
///
/// **Left alone.** Words in capitals ("USFK", "AS"), words with a capital inside (iPhone, McDonald),
/// words not starting with a letter, words in a quotation, cited title, URL or code, and words whose
/// part of speech decides their case and cannot be told from the heading alone: particles that are
/// prepositions or adverbs ("Stepping Up", "Playing Out": up, down, off, out, over, on, in, through,
/// around, about, along, across, past, like, near, since, than, before, after, so, yet) may be either case.
/// A heading set all in capitals is left alone. A heading written in sentence style is reported like
/// any other: the house heading style is headline style.
///
/// Ranges are UTF-8 byte offsets (0-based, half-open) into the unit's text.
struct HeadlineCase {
    /// Always lower-case unless first, last or after a colon.
    static let minor: Set<String> = [
        "a", "an", "the", "and", "but", "or", "nor", "for", "to", "as", "at", "by", "of", "from", "into", "onto",
        "upon", "with", "within", "without", "via", "per", "amid", "among", "amongst", "between", "toward",
        "towards", "against", "during", "under", "until", "unlike", "versus", "vs", "v", "despite", "beyond",
        "behind", "beneath", "below", "above", "beside", "besides", "throughout", "underneath", "except",
    ]
    /// May be either case (preposition or adverb, conjunction or adverb).
    static let either: Set<String> = [
        "up", "down", "off", "out", "over", "on", "in", "through", "around", "about", "along", "across", "past",
        "like", "near", "since", "than", "before", "after", "so", "yet", "inside", "outside",
    ]

    /// One word that should be written otherwise.
    struct Change: Equatable {
        var range: Range<Int>
        var replacement: String
    }

    let exceptions: [String: String]

    init(exceptions: [String]) {
        var map: [String: String] = [:]
        for e in exceptions { map[e.lowercased()] = e }
        self.exceptions = map
    }

    /// The words of `unit` (a heading or title) to change, in order; empty when it is in headline style.
    func changes(_ unit: TextUnit) -> [Change] {
        if TermCase.isAllCaps(unit) { return [] }
        let string = unit.text.string
        let words = unit.tokens.filter { $0.kind == .word }
        var changes: [Change] = []
        for (n, token) in words.enumerated() {
            guard unit.isRunningText(token.range) else { continue }
            let word = unit.string(of: token.range)
            let head = Self.firstElement(word)
            let lower = head.lowercased()
            let first = n == 0 || Self.followsColon(string, words[n - 1].range.upperBound, token.range.lowerBound)
            let last = n == words.count - 1
            if let exception = exceptions[lower] {
                if head != exception { changes.append(Change(range: token.range.lowerBound..<token.range.lowerBound + head.utf8.count,
                                                              replacement: first ? TermCase.capitalizingFirst(exception) : exception)) }
                continue
            }
            guard let initial = head.first, initial.isLetter, !Self.hasInnerCapital(head) else { continue }
            let wanted: String
            if first || last || !(Self.minor.contains(lower) || Self.either.contains(lower)) {
                wanted = TermCase.capitalizingFirst(head)
            } else if Self.minor.contains(lower) {
                wanted = lower
            } else {
                continue
            }
            if wanted != head {
                changes.append(Change(range: token.range.lowerBound..<token.range.lowerBound + head.utf8.count, replacement: wanted))
            }
        }
        return changes
    }

    /// The first element of a hyphenated word ("Post-Cold" → "Post"), or the word.
    static func firstElement(_ word: String) -> String {
        guard let i = word.firstIndex(where: { $0 == "-" || $0 == "\u{2010}" || $0 == "\u{2011}" }), i > word.startIndex else { return word }
        return String(word[..<i])
    }

    /// Whether a capital stands after the first letter ("iPhone", "McDonald", "ROK-U.S.").
    static func hasInnerCapital(_ word: String) -> Bool {
        word.dropFirst().contains(where: \.isUppercase) || (word.first?.isLowercase == true && word.contains(where: \.isUppercase))
    }

    /// Whether a colon (or an em dash, a question mark, an exclamation mark, a period) stands between
    /// the UTF-8 offsets `from` and `to`: what follows starts a new part of the heading.
    static func followsColon(_ text: String, _ from: Int, _ to: Int) -> Bool {
        let u = text.utf8
        let between = String(Substring(u[u.index(u.startIndex, offsetBy: from)..<u.index(u.startIndex, offsetBy: to)]))
        return between.contains { ":?!.\u{2014}".contains($0) }
    }

    /// `unit`'s text with `changes` applied to the UTF-8 range `range`.
    static func applying(_ changes: [Change], to unit: TextUnit, range: Range<Int>) -> String {
        var out = ""
        var at = range.lowerBound
        for c in changes {
            out += unit.string(of: at..<c.range.lowerBound) + c.replacement
            at = c.range.upperBound
        }
        return out + unit.string(of: at..<range.upperBound)
    }
}
