import KeiDocument

/// Chicago headline style (The Chicago Manual of Style, 17th ed., 8.159–8.161) for one heading: which
/// words are capitalized, and the heading as it should read.
///
/// **The rules applied.** The first and last words, and the first word after a colon, are capitalized.
/// Articles (a, an, the), the coordinating conjunctions and, but, or, nor, for, prepositions, "to" and
/// "as" are lower-cased elsewhere (prepositions of five or more letters may be either case: KEI's house
/// exception, see ``either``), except a preposition ending a phrase, which is an adverb and capitalized
/// (“The Case For and Against”, ``endsPhrase(_:_:_:)``); every other word is capitalized. Words in `exceptions` (from the
/// style) keep the case the style gives them. In a hyphenated compound (8.161) the first element is checked as a word;
/// later elements are capitalized unless minor words, after a prefix, or in a Korean given name
/// (``compoundChanges(_:at:)``).
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
    static let minor: Set<String> = ["a", "an", "the", "and", "but", "or", "nor", "for", "to", "as", "at", "by", "of", "per", "via", "vs", "v",
                                     "from", "into", "onto", "with", "upon", "amid"]
    /// Of ``minor``, the words that are not prepositions (articles and coordinating conjunctions).
    static let notPrepositions: Set<String> = ["a", "an", "the", "and", "but", "or", "nor"]
    /// First elements of hyphenated compounds that are prefixes, not words (CMOS 8.161: the element after
    /// one is not capitalized unless it is a proper noun, which the heading alone cannot tell).
    static let prefixes: Set<String> = ["anti", "co", "counter", "de", "extra", "infra", "inter", "intra", "macro", "micro",
                                        "mid", "mini", "multi", "neo", "non", "post", "pre", "pro", "pseudo", "re", "semi",
                                        "sub", "super", "trans", "ultra", "un", "e", "x"]
    /// May be either case: prepositions of five or more letters (KEI's headings capitalize them: “Allying
    /// Against Adversaries”; CMOS lowercases them; KEI lowercases the four-letter “amid” in the same title,
    /// so four-letter prepositions such as from, with, into are lower-cased), and particles that are adverbs
    /// as often as prepositions or conjunctions.
    static let either: Set<String> = [
        "up", "down", "off", "out", "over", "on", "in", "so", "yet", "like", "near", "past", "since", "than",
        "about", "above", "across", "after", "against", "along", "among", "amongst", "around", "before", "behind",
        "below", "beneath", "beside", "besides", "between", "beyond", "despite", "during", "except", "inside",
        "outside", "through", "throughout", "toward", "towards", "under", "underneath", "unlike",
        "until", "versus", "within", "without",
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

    /// The words of the headline in `unit`, in order: its word and number tokens outside square brackets
    /// ("[edit]", "[sic]" are not part of the headline). A number counts as a word: "to" before "2030" is
    /// not the last word of “Looking Ahead to 2030”.
    static func words(_ unit: TextUnit) -> [WordToken] {
        var depth = 0
        var words: [WordToken] = []
        for token in unit.tokens {
            if token.kind == .punctuation {
                let c = unit.string(of: token.range)
                if c == "[" { depth += 1 } else if c == "]" { depth = max(0, depth - 1) }
            } else if token.kind == .word || token.kind == .number, depth == 0 {
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
            changes += compoundChanges(word, at: token.range.lowerBound)
            let adverb = !Self.notPrepositions.contains(lower) && Self.endsPhrase(unit, words, n)
            let wanted: String
            if first || last || adverb || !(Self.minor.contains(lower) || Self.either.contains(lower)) {
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
        return changes.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Whether the word `n` of `words` ends a phrase: punctuation or the end follows it, or a coordinating
    /// conjunction (“The Case For and Against”, “Maps In, Maps Out”); a period does not count (“vs.”). A preposition there is used as an
    /// adverb and is capitalized (CMOS 17th ed. 8.159).
    static func endsPhrase(_ unit: TextUnit, _ words: [WordToken], _ n: Int) -> Bool {
        guard n + 1 < words.count else { return true }
        let next = unit.string(of: words[n + 1].range).lowercased()
        if ["and", "or", "nor"].contains(next) { return true }
        return unit.string(of: words[n].range.upperBound..<words[n + 1].range.lowerBound).contains { ",;:?!\u{2014}".contains($0) }
    }

    /// The later elements of a hyphenated compound to capitalize (CMOS 17th ed. 8.161: “Follow-Up
    /// Measures”, “Self-Reliance”): every element after the first is capitalized unless it is an article,
    /// a preposition or a coordinating conjunction (“Up-to-Date”), the first element is a prefix (“Anti-
    /// intellectual”, “Non-proliferation” stand), or the compound is a Korean given name (“Moon Jae-in”,
    /// “Kim Jong-un”: each element a romanized syllable, see ``isKoreanGivenName``), whose second element is
    /// lower-case by convention. Elements in capitals or not starting with a letter are left alone.
    func compoundChanges(_ word: String, at start: Int) -> [Change] {
        let elements = word.split(separator: "-", omittingEmptySubsequences: false)
        guard elements.count > 1, let head = elements.first, !Self.prefixes.contains(head.lowercased()),
              !Self.isKoreanGivenName(elements.map(String.init)) else { return [] }
        var out: [Change] = []
        var offset = start + head.utf8.count + 1
        for element in elements.dropFirst() {
            defer { offset += element.utf8.count + 1 }
            let e = String(element)
            guard let c = e.first, c.isLowercase, !Self.minor.contains(e), exceptions[e] == nil,
                  !Self.hasInnerCapital(e) else { continue }
            out.append(Change(range: offset..<offset + e.utf8.count, replacement: TermCase.capitalizingFirst(e)))
        }
        return out
    }

    /// Whether the elements of a hyphenated word are those of a Korean given name: two elements, the
    /// first capitalized, each one romanized syllable (an optional initial consonant cluster, a vowel
    /// cluster, an optional final consonant: “Jae-in”, “Myung-bak”, “Jong-un”, “Duck-soo”).
    static func isKoreanGivenName(_ elements: [String]) -> Bool {
        guard elements.count == 2, TermCase.startsUpper(elements[0]) else { return false }
        return elements.allSatisfy { isSyllable($0.lowercased()) }
    }

    private static func isSyllable(_ s: String) -> Bool {
        s.wholeMatch(of: /(kk|tt|pp|ss|jj|ch|sh|ts|[gkndtrlmbpsjhyw])?(yae|yeo|wae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|ee|oo|ou|oo|ah|oh|a|e|i|o|u)(ng|ck|[kcnlmpt])?/) != nil
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
