import KeiDocument

/// Chicago headline style (The Chicago Manual of Style, 17th ed., 8.159–8.161) for one heading: which
/// words are capitalized, and the heading as it should read.
///
/// **The rules applied.** The first and last words, and the first word after a colon, are capitalized.
/// Articles (a, an, the), the coordinating conjunctions and, but, or, nor, for, prepositions, "to" and
/// "as" are lower-cased elsewhere (prepositions of four or more letters may be either case: KEI's house
/// exception, see ``either``); every other word is capitalized. Words in `exceptions` (from the
/// style) keep the case the style gives them. In a hyphenated compound (8.161) only the first element is
/// checked: later elements may be either case ("Post-Cold War", "Self-reliance" both stand).
///
/// **Left alone.** Words in capitals ("USFK", "AS"), words with a capital inside (iPhone, McDonald),
/// words not starting with a letter, words in a quotation, cited title, URL or code, and words whose
/// part of speech decides their case and cannot be told from the heading alone: particles that are
/// prepositions or adverbs ("Stepping Up", "Playing Out": up, down, off, out, over, on, in, through,
/// around, about, along, across, past, like, near, since, than, before, after, so, yet) may be either case.
/// A heading set all in capitals is left alone, and so is one of more than ``maximumWords`` words (a
/// sentence set as a heading). A heading written in sentence style is reported like any other: the house
/// heading style is headline style.
///
/// Ranges are UTF-8 byte offsets (0-based, half-open) into the unit's text.
struct HeadlineCase {
    /// Always lower-case unless first, last or after a colon: articles, coordinating conjunctions, prepositions
    /// of three letters or fewer, "to" and "as".
    static let minor: Set<String> = ["a", "an", "the", "and", "but", "or", "nor", "for", "to", "as", "at", "by", "of", "per", "via", "vs", "v"]
    /// May be either case: prepositions of four or more letters (KEI's headings capitalize them, as AP
    /// does; CMOS lowercases them), and particles that are adverbs as often as prepositions or conjunctions.
    static let either: Set<String> = [
        "up", "down", "off", "out", "over", "on", "in", "so", "yet", "like", "near", "past", "since", "than",
        "about", "above", "across", "after", "against", "along", "amid", "among", "amongst", "around", "before", "behind",
        "below", "beneath", "beside", "besides", "between", "beyond", "despite", "during", "except", "from", "inside",
        "into", "onto", "outside", "through", "throughout", "toward", "towards", "under", "underneath", "unlike",
        "until", "upon", "versus", "with", "within", "without",
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

    /// Longest heading checked, in words: a longer one is a sentence set as a heading (a standfirst, a
    /// pull quote), not a headline.
    static let maximumWords = 16

    /// The words of the headline in `unit`, in order: its word tokens outside square brackets ("[edit]",
    /// "[sic]" are not part of the headline).
    static func words(_ unit: TextUnit) -> [WordToken] {
        var depth = 0
        var words: [WordToken] = []
        for token in unit.tokens {
            if token.kind == .punctuation {
                let c = unit.string(of: token.range)
                if c == "[" { depth += 1 } else if c == "]" { depth = max(0, depth - 1) }
            } else if token.kind == .word, depth == 0 {
                words.append(token)
            }
        }
        return words
    }

    /// The words of `unit` (a heading or title) to change, in order; empty when it is in headline style.
    func changes(_ unit: TextUnit) -> [Change] {
        if TermCase.isAllCaps(unit) { return [] }
        let string = unit.text.string
        let words = Self.words(unit)
        if words.count > Self.maximumWords { return [] }
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
