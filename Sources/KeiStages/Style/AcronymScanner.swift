import KeiCore
import KeiDocument

/// Finds where an article defines and uses acronyms, for the `first-use` rules. Built once per workflow
/// from the style's vocabulary; ``scan(_:pieces:)`` is linear in the article's tokens.
///
/// **Definitions.** An acronym in parentheses right after words, "Nuclear Consultative Group (NCG)", is
/// a definition when the acronym is in the vocabulary's `acronyms`, or when it is all capitals (two
/// letters or more, not a roman numeral such as "II") and the initials of the words before it spell it:
/// each word gives its first letter, a hyphenated word its first letter or the first letter of each
/// part ("Trans-Pacific"), a dotted abbreviation its letters ("U.S."), and short function words (of, the, and, for, …) may give theirs or be
/// skipped ("Ministry of Foreign Affairs (MOFA)", "Democratic People’s Republic of Korea (DPRK)"). Such
/// an acronym, defined by the article itself, is then checked like a vocabulary acronym. The reverse
/// form, "OPCON (operational control)", is a definition too when the words in parentheses are one of the
/// acronym's expansions (or their initials spell it): it gives the reader the expansion at first use,
/// which is what the rules ask (CMOS 17th ed., 10.3, puts the expansion first; the order is a matter for
/// the editor, not a missing definition).
///
/// **Uses.** Every other occurrence of a known acronym as a word or as part of a hyphenated compound
/// ("U.S.-ROK"), with a plural or possessive ending ("OPCONs", "USFK’s"), matched case-sensitively.
/// Acronyms in `never-spelled-out` are never found. Where a word stands (part, quoted or not) is
/// ``FirstUsePlace``'s; words that have no place are skipped.
struct AcronymScanner: Sendable {
    /// Expansions by acronym (vocabulary acronyms not in never-spelled-out).
    let vocabulary: [String: [String]]
    let neverSpelledOut: Set<String>
    /// The vocabulary's acronyms by their first word, longest first (``byFirstWord(_:)``), built once.
    let vocabularyByFirst: [String: [[String]]]

    /// Words that may be skipped (or give their initial) when initials spell an acronym.
    static let functionWords: Set<String> = ["of", "the", "and", "for", "on", "in", "to", "a", "an", "at", "by", "with",
                                            "&", "de", "du", "des", "la", "le", "et", "y"]

    init(vocabulary: StyleVocabulary) {
        neverSpelledOut = Set(vocabulary.neverSpelledOut)
        var map: [String: [String]] = [:]
        for entry in vocabulary.acronyms where !neverSpelledOut.contains(entry.acronym) {
            map[entry.acronym] = entry.expansions
        }
        self.vocabulary = map
        vocabularyByFirst = Self.byFirstWord(map.keys)
    }

    /// Acronyms by their first word (``words(_:)``), each a list of words, longest first: what ``use(at:in:byFirst:)``
    /// matches.
    static func byFirstWord(_ acronyms: some Sequence<String>) -> [String: [[String]]] {
        var byFirst: [String: [[String]]] = [:]
        for acronym in acronyms { add(acronym, to: &byFirst) }
        return byFirst
    }

    /// Adds `acronym` to a ``byFirstWord(_:)`` table, keeping its list longest first.
    static func add(_ acronym: String, to byFirst: inout [String: [[String]]]) {
        let w = words(acronym)
        guard let first = w.first else { return }
        byFirst[first, default: []].append(w)
        byFirst[first]!.sort { $0.count > $1.count }
    }

    /// The words of an acronym or an expansion, cut at spaces and hyphens, without the commas of a series
    /// ("complete, verifiable, and irreversible denuclearization").
    static func words(_ text: String) -> [String] {
        text.split { $0 == " " || $0 == "-" || $0 == "\u{2010}" || $0 == "\u{2011}" }
            .map { String($0.hasSuffix(",") ? $0.dropLast() : $0) }.filter { !$0.isEmpty }
    }

    /// `word` lower-cased, with the right single quotation mark (U+2019) read as an apostrophe.
    /// Called for every word piece of an article: a scalar map, not a Foundation search per piece.
    static func normalized(_ word: String) -> String {
        let lower = word.lowercased()
        guard lower.unicodeScalars.contains("\u{2019}") else { return lower }
        var out = String.UnicodeScalarView()
        for scalar in lower.unicodeScalars { out.append(scalar == "\u{2019}" ? "'" : scalar) }
        return String(out)
    }

    /// Whether two expansions of one acronym name the same term: their words, in any case, with hyphens
    /// as spaces, "U.S." and "U.N." read as "United States" and "United Nations", and function words
    /// left out, are the same, or one's are the end of the other's ("wartime operational control",
    /// "operational control"). "Ministry of Unification" and "memorandum of understanding" are not.
    static func sameMeaning(_ a: String, _ b: String) -> Bool {
        func key(_ text: String) -> [String] {
            words(text).flatMap { word -> [String] in
                let w = normalized(word)
                switch w {
                case "u.s.": return ["united", "states"]
                case "u.n.": return ["united", "nations"]
                default: return functionWords.contains(w) || w.isEmpty ? [] : [w]
                }
            }
        }
        let (x, y) = (key(a), key(b))
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        return !short.isEmpty && Array(long.suffix(short.count)) == short
    }

    /// Every definition and use in `analysis`, in reading order.
    /// `unitPieces[i]` are the word pieces of `analysis.units[i]` (``FirstUseChecker/pieces(of:)``: empty
    /// outside the first-use parts), cut once per article for both scanners.
    func scan(_ analysis: ArticleAnalysis, pieces unitPieces: [[WordPiece]]) -> [AcronymOccurrence] {
        var definitionsByUnit: [[AcronymOccurrence]] = []
        var pieces: [[WordPiece]] = []
        // The vocabulary's table (built once), plus the acronyms this article defines itself.
        var byFirst = vocabularyByFirst
        var defined: Set<String> = []
        for (index, unit) in analysis.units.enumerated() {
            pieces.append(unitPieces[index])
            let found = unitPieces[index].isEmpty ? [] : definitions(in: unit, index: index, pieces: unitPieces[index])
            for d in found where vocabulary[d.acronym] == nil && defined.insert(d.acronym).inserted {
                Self.add(d.acronym, to: &byFirst)
            }
            definitionsByUnit.append(found)
        }

        var out: [AcronymOccurrence] = []
        for (index, unit) in analysis.units.enumerated() where !pieces[index].isEmpty {
            let defs = definitionsByUnit[index]
            var occurrences = defs
            let consumed = defs.map(\.core)
            let unitPieces = pieces[index]
            var p = 0
            while p < unitPieces.count {
                let piece = unitPieces[p]
                if consumed.contains(where: { $0.overlaps(piece.range) }) { p += 1; continue }
                if let (acronym, count, core) = use(at: p, in: unitPieces, byFirst: byFirst),
                   let range = Optional(piece.range.lowerBound..<unitPieces[p + count - 1].range.upperBound),
                   let place = FirstUsePlace.of(unit, range: range) {
                    occurrences.append(AcronymOccurrence(acronym: acronym, kind: .use, unit: index, place: place, range: range, core: core))
                    p += count
                } else {
                    p += 1
                }
            }
            occurrences.sort { $0.range.lowerBound < $1.range.lowerBound }
            out += occurrences
        }
        return out
    }

    /// The acronym used at piece `p`, the number of pieces it takes, and the range of its letters.
    func use(at p: Int, in pieces: [WordPiece], byFirst: [String: [[String]]]) -> (String, Int, Range<Int>)? {
        let first = pieces[p]
        var candidates: [(stem: String, suffixBytes: Int)] = [(first.text, 0)]
        for stem in WordPiece.stems(first.text).dropFirst() { candidates.append(stem) }
        for (stem, suffix) in candidates {
            for words in byFirst[stem] ?? [] {
                if words.count == 1 {
                    return (words[0], 1, first.range.lowerBound..<(first.range.upperBound - suffix))
                }
                guard suffix == 0, p + words.count <= pieces.count else { continue }
                var suffixBytes = 0
                var matched = true
                for i in 1..<words.count {
                    let text = pieces[p + i].text
                    if text == words[i] { continue }
                    if i == words.count - 1, let s = WordPiece.stems(text).dropFirst().first(where: { $0.stem == words[i] }) {
                        suffixBytes = s.suffixBytes
                        continue
                    }
                    matched = false
                    break
                }
                if matched {
                    return (words.joined(separator: " "), words.count,
                            first.range.lowerBound..<(pieces[p + words.count - 1].range.upperBound - suffixBytes))
                }
            }
        }
        return nil
    }

    // MARK: Definitions

    /// The definitions in one unit: "words (ACRONYM)" and "ACRONYM (words)".
    func definitions(in unit: TextUnit, index: Int, pieces: [WordPiece]) -> [AcronymOccurrence] {
        let tokens = unit.tokens
        var out: [AcronymOccurrence] = []
        for (i, open) in tokens.enumerated() where open.kind == .punctuation && unit.string(of: open.range) == "(" {
            var j = i + 1
            while j < tokens.count, j - i <= 9, tokens[j].kind == .word { j += 1 }
            guard j < tokens.count, j > i + 1, tokens[j].kind == .punctuation, unit.string(of: tokens[j].range) == ")" else { continue }
            let innerRange = tokens[i + 1].range.lowerBound..<tokens[j - 1].range.upperBound
            let inner = unit.string(of: innerRange)
            let paren = open.range.lowerBound..<tokens[j].range.upperBound
            let before = pieces.filter { $0.token < i }
            guard !neverSpelledOut.contains(inner) else { continue }
            if let definition = standardDefinition(inner, innerRange: innerRange, paren: paren, before: before, unit: unit, index: index, open: i) {
                out.append(definition)
            } else if let definition = reversedDefinition(inner, innerRange: innerRange, paren: paren, before: before, unit: unit, index: index, open: i) {
                out.append(definition)
            }
        }
        return out
    }

    /// "Nuclear Consultative Group (NCG)".
    func standardDefinition(_ inner: String, innerRange: Range<Int>, paren: Range<Int>, before: [WordPiece], unit: TextUnit,
                            index: Int, open: Int) -> AcronymOccurrence? {
        var start: Int?
        if let expansions = vocabulary[inner] {
            start = expansions.lazy.compactMap { Self.expansionStart($0, before: before) }.first
            if start == nil { start = Self.initialsStart(inner, before: before, tokens: unit.tokens, open: open) }
        } else {
            guard Self.isCandidate(inner), let s = Self.initialsStart(inner, before: before, tokens: unit.tokens, open: open) else { return nil }
            start = s
        }
        guard let place = FirstUsePlace.of(unit, range: paren) else { return nil }
        var drop: (Range<Int>, String)?
        if open > 0 {
            let previous = unit.tokens[open - 1].range.upperBound
            if unit.string(of: previous..<paren.lowerBound).allSatisfy(\.isWhitespace) { drop = (previous..<paren.upperBound, "") }
        }
        let expansion = start.map { unit.string(of: $0..<(before.last?.range.upperBound ?? $0)) }
        return AcronymOccurrence(acronym: inner, kind: .definition, unit: index, place: place, range: paren, core: innerRange,
                                 whole: start.map { $0..<paren.upperBound }, drop: drop, expansion: expansion)
    }

    /// "OPCON (operational control)".
    func reversedDefinition(_ inner: String, innerRange: Range<Int>, paren: Range<Int>, before: [WordPiece], unit: TextUnit,
                            index: Int, open: Int) -> AcronymOccurrence? {
        guard open > 0, let last = before.last, last.token == open - 1, unit.tokens[open - 1].range == last.range else { return nil }
        let acronym = last.text
        let innerWords = Self.words(inner).map(Self.normalized)
        let spelled: Bool
        if let expansions = vocabulary[acronym] {
            spelled = expansions.contains { Self.words($0).map(Self.normalized) == innerWords }
        } else {
            spelled = Self.isCandidate(acronym) && Self.initialsMatch(acronym, Self.words(inner))
        }
        guard spelled, inner.contains(where: \.isLowercase), !neverSpelledOut.contains(acronym) else { return nil }
        let range = last.range.lowerBound..<paren.upperBound
        guard let place = FirstUsePlace.of(unit, range: range) else { return nil }
        return AcronymOccurrence(acronym: acronym, kind: .definition, unit: index, place: place, range: range, core: last.range,
                                 whole: range, drop: (range, inner), expansion: inner)
    }

    /// Whether `text` may be an acronym the article defines itself: one word of two or more capital
    /// letters (digits, "&" and periods allowed), no lower-case letter, not a roman numeral of I, V, X.
    static func isCandidate(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        guard letters.count >= 2, !text.contains(" "), letters.allSatisfy(\.isUppercase),
              text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "&" || $0 == "." }) else { return false }
        return !letters.allSatisfy { "IVX".contains($0) }
    }

    /// Where the expansion `expansion` starts when the pieces before the parenthesis end with its words
    /// (any case, hyphens or spaces alike).
    static func expansionStart(_ expansion: String, before: [WordPiece]) -> Int? {
        let words = words(expansion).map(normalized)
        guard !words.isEmpty, before.count >= words.count else { return nil }
        let tail = before.suffix(words.count)
        guard tail.map({ normalized($0.text) }) == words else { return nil }
        return tail.first?.range.lowerBound
    }

    /// Where the words whose initials spell `acronym` start, the last of them being the token right before
    /// the parenthesis (token `open`); words are taken back to the previous punctuation.
    static func initialsStart(_ acronym: String, before: [WordPiece], tokens: [WordToken], open: Int) -> Int? {
        guard open > 0, tokens[open - 1].kind == .word else { return nil }
        // Whole words (their pieces) back to the previous punctuation token, nearest last.
        var groups: [[WordPiece]] = []
        var t = open - 1
        var k = before.count - 1
        let letters = acronym.filter(\.isLetter)
        while t >= 0, tokens[t].kind == .word, groups.count < letters.count + 6 {
            var group: [WordPiece] = []
            while k >= 0, before[k].token == t { group.insert(before[k], at: 0); k -= 1 }
            if !group.isEmpty { groups.insert(group, at: 0) }
            t -= 1
        }
        guard let first = match(Array(letters.uppercased()), groups) else { return nil }
        return groups[first].first?.range.lowerBound
    }

    /// Whether the initials of `words` spell `acronym` (all words used, function words optional).
    static func initialsMatch(_ acronym: String, _ words: [String]) -> Bool {
        let groups = words.map { [WordPiece(range: 0..<0, text: $0, token: 0)] }
        return match(Array(acronym.filter(\.isLetter).uppercased()), groups) == 0
    }

    /// The index of the first word group of a match of `letters` against the initials of the groups
    /// ending with the last group, or nil.
    static func match(_ letters: [Character], _ groups: [[WordPiece]]) -> Int? {
        func initial(_ s: String) -> Character? { s.first.map { Character($0.uppercased()) } }
        func go(_ li: Int, _ gi: Int, _ last: Int?) -> Int? {
            if li == 0 { return last }
            guard gi >= 0 else { return nil }
            let group = groups[gi]
            if let c = initial(group[0].text), c == letters[li - 1], let r = go(li - 1, gi - 1, gi) { return r }
            // A dotted abbreviation gives each of its letters ("U.S. Forces Korea (USFK)").
            let dotted = group.count == 1 && group[0].text.contains(".") ? group[0].text.filter(\.isLetter) : ""
            if dotted.count > 1, dotted.count <= li, dotted.allSatisfy(\.isUppercase),
               Array(dotted) == Array(letters[(li - dotted.count)..<li]), let r = go(li - dotted.count, gi - 1, gi) { return r }
            if group.count > 1, group.count <= li,
               zip(group.map(\.text), letters[(li - group.count)..<li]).allSatisfy({ initial($0.0) == $0.1 }),
               let r = go(li - group.count, gi - 1, gi) { return r }
            if gi < groups.count - 1, group.count == 1, functionWords.contains(group[0].text.lowercased()) {
                return go(li, gi - 1, last)
            }
            return nil
        }
        return go(letters.count, groups.count - 1, nil)
    }
}
