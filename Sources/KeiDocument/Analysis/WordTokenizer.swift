/// Cuts plain text into word, number, punctuation, marker and URL tokens.
///
/// In: any `String` (plain text, no markup). Out: the tokens in text order, each a half-open range of
/// UTF-8 byte offsets (0-based) into `text.utf8` plus its `WordToken.Kind`. Ranges never overlap,
/// are sorted, and start and end on grapheme-cluster (hence Unicode scalar) boundaries. Whitespace
/// and invisible format characters (zero-width space, byte order mark) separate tokens and are not
/// tokens themselves. Linear time in the length of the text.
///
/// The rules, in the order they are tried at each token start:
/// - U+FFFC (a note marker) is a `.marker` token of its own, never glued to a neighbour
///   ("word\u{FFFC}" gives a word and a marker).
/// - `http://…`, `https://…` and `www.…` (any case) start a `.url` token that runs to the next
///   whitespace, angle bracket, quotation mark or non-ASCII punctuation; trailing . , ; : ! ? ' *
///   and unbalanced ) ] are given back ("See https://kei.org/a." ends the URL before the period).
/// - `name@host.tld` (ASCII) is a `.url` token, trailing periods excluded.
/// - A decimal digit (any script) starts a `.number`: digits with internal "," or "." (or "．")
///   between digits and an optional "%" or "％" ("1,200", "7.5", "3.2.1", "3.5%", "３．５％"). Letters straight after it make it a word
///   ("1990s", "3rd", "2025년", "24-hour"); a hyphen before a digit does not ("2019-20" is three
///   tokens).
/// - A letter (any script; Hangul and CJK ideographs are letters) starts a `.word`: letters,
///   digits and marks, with an internal apostrophe (' or ’) before a letter ("don’t", "Yoon’s"), an
///   internal hyphen ("state-owned", "COVID-19") and internal soft hyphens. Internal periods are
///   kept for
///   - dotted abbreviations, whose segments are one or two letters, all one letter or with a final
///     period ("U.S.", "e.g.", "i.e.", "Ph.D."): the final period belongs to the word, and a
///     hyphenated continuation too ("U.S.-ROK");
///   - host names ("kei.org", "www" aside): ASCII letters, digits and hyphens in two or more
///     segments, the last a lowercase two-letter country code or one of com, org, net, edu, gov,
///     mil, int, info, biz, io, ai, app, dev. These become a `.url` token, with a path if "/"
///     follows;
///   - versions whose first segment ends in a digit and whose other segments are digits ("v1.2").
///   Any other period ends the word ("end.The" is "end", ".", "The").
/// - Anything else is a one-character `.punctuation` token (punctuation, symbols, emoji; one
///   grapheme cluster each, so "..." is three tokens).
public enum WordTokenizer {
    /// All tokens of `text` in order; see the type's documentation for the rules.
    public static func tokens(in text: String) -> [WordToken] {
        let units = TextUnits(text)
        return scan(units).map { WordToken(range: units.byteRange($0.units), kind: $0.kind) }
    }

    /// Only the `.word` and `.number` tokens of `tokens(in:)`, in order.
    public static func words(in text: String) -> [WordToken] {
        tokens(in: text).filter { $0.kind == .word || $0.kind == .number }
    }

    /// A token as character indices into `TextUnits.chars` (not bytes).
    typealias Span = (units: Range<Int>, kind: WordToken.Kind)

    /// The tokens of `units`, as character-index ranges. Shared with `SentenceSplitter`.
    static func scan(_ units: TextUnits) -> [Span] {
        let c = units.chars
        var spans: [Span] = []
        var i = 0
        while i < c.count {
            let ch = c[i]
            if CharacterClass.isWhitespace(ch) || CharacterClass.isFormat(ch) {
                i += 1
                continue
            }
            let found: [Span]
            if CharacterClass.isMarker(ch) {
                found = [(i..<i + 1, .marker)]
            } else if let end = urlWithPrefix(c, at: i) ?? email(c, at: i) {
                found = [(i..<end, .url)]
            } else if CharacterClass.isDigit(ch) {
                found = number(c, at: i)
            } else if CharacterClass.isWordCharacter(ch) {
                found = word(c, from: i, at: i)
            } else {
                found = [(i..<i + 1, .punctuation)]
            }
            spans += found
            i = found[found.count - 1].units.upperBound
        }
        return spans
    }

    // MARK: URLs and e-mail addresses

    private static let topLevelDomains: Set<String> = ["com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "ai", "app", "dev"]

    /// The end of a URL starting at `i` with `http://`, `https://` or `www.`, or nil.
    private static func urlWithPrefix(_ c: [Character], at i: Int) -> Int? {
        for prefix in ["https://", "http://", "www."] where matchesASCII(c, at: i, prefix) {
            let body = i + prefix.count
            guard body < c.count, CharacterClass.isWordCharacter(c[body]) else { return nil }
            return urlEnd(c, from: body)
        }
        return nil
    }

    /// Whether the characters at `i` spell `literal` (ASCII, compared case-insensitively).
    private static func matchesASCII(_ c: [Character], at i: Int, _ literal: String) -> Bool {
        var k = i
        for expected in literal.utf8 {
            guard k < c.count, c[k].utf8.count == 1, let byte = c[k].utf8.first else { return false }
            let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            guard lower == expected else { return false }
            k += 1
        }
        return true
    }

    /// Characters that stop a URL: whitespace, the marker, format characters, < > and quotation
    /// marks, and non-ASCII punctuation (full-width commas and brackets in CJK text).
    private static func isURLCharacter(_ ch: Character) -> Bool {
        if CharacterClass.isWhitespace(ch) || CharacterClass.isMarker(ch) || CharacterClass.isFormat(ch) { return false }
        switch ch {
        case "<", ">", "\"": return false
        default: return !(ch.isPunctuation && !ch.isASCII)
        }
    }

    /// Runs URL characters from `start` and gives back trailing sentence punctuation and unbalanced
    /// closing brackets; never ends before `start`.
    private static func urlEnd(_ c: [Character], from start: Int) -> Int {
        var end = start
        var open = (paren: 0, bracket: 0), close = (paren: 0, bracket: 0)
        while end < c.count, isURLCharacter(c[end]) {
            switch c[end] {
            case "(": open.paren += 1
            case ")": close.paren += 1
            case "[": open.bracket += 1
            case "]": close.bracket += 1
            default: break
            }
            end += 1
        }
        while end > start {
            switch c[end - 1] {
            case ".", ",", ";", ":", "!", "?", "'", "*":
                end -= 1
            case ")" where close.paren > open.paren:
                close.paren -= 1
                end -= 1
            case "]" where close.bracket > open.bracket:
                close.bracket -= 1
                end -= 1
            default:
                return end
            }
        }
        return end
    }

    private static func isEmailLocalCharacter(_ ch: Character) -> Bool {
        guard let a = ch.asciiValue else { return false }
        return CharacterClass.isASCIILetter(ch) || CharacterClass.isASCIIDigit(ch) || "._%+-".utf8.contains(a)
    }

    /// The end of an e-mail address starting at `i`, or nil. Only tried at the start of a run of
    /// address characters, so each run is looked at once (linear time).
    private static func email(_ c: [Character], at i: Int) -> Int? {
        guard CharacterClass.isASCIILetter(c[i]) || CharacterClass.isASCIIDigit(c[i]) else { return nil }
        if i > 0, isEmailLocalCharacter(c[i - 1]) || c[i - 1] == "@" { return nil }
        var at = i
        while at < c.count, isEmailLocalCharacter(c[at]) { at += 1 }
        guard at < c.count, c[at] == "@" else { return nil }
        var end = at + 1
        while end < c.count, CharacterClass.isASCIILetter(c[end]) || CharacterClass.isASCIIDigit(c[end]) || c[end] == "." || c[end] == "-" {
            end += 1
        }
        while end > at + 1, c[end - 1] == "." || c[end - 1] == "-" { end -= 1 }
        let labels = String(c[(at + 1)..<end]).split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }),
              let last = labels.last, last.count >= 2, last.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return end
    }

    // MARK: Numbers and words

    /// A number starting with the digit at `i`; becomes a word when letters follow.
    private static func number(_ c: [Character], at start: Int) -> [Span] {
        var i = start
        while i < c.count, CharacterClass.isDigit(c[i]) { i += 1 }
        while i + 1 < c.count, c[i] == "," || c[i] == "." || c[i] == "\u{FF0E}", CharacterClass.isDigit(c[i + 1]) {
            i += 1
            while i < c.count, CharacterClass.isDigit(c[i]) { i += 1 }
        }
        guard i < c.count else { return [(start..<i, .number)] }
        if c[i] == "%" || c[i] == "\u{FF05}" { return [(start..<i + 1, .number)] }
        let next = i + 1 < c.count ? c[i + 1] : nil
        let continuesAsWord = CharacterClass.isLetter(c[i])
            || ((CharacterClass.isHyphen(c[i]) || CharacterClass.isApostrophe(c[i])) && next.map(CharacterClass.isLetter) == true)
        return continuesAsWord ? word(c, from: start, at: i) : [(start..<i, .number)]
    }

    /// Where a word that has reached `i` ends. With `periods`, an internal period (one followed
    /// by a letter or digit) continues the word and is recorded; without, it ends the word.
    private static func wordEnd(_ c: [Character], at start: Int, periods: inout [Int]?) -> Int {
        var i = start
        while i < c.count {
            if CharacterClass.isWordCharacter(c[i]) {
                i += 1
                continue
            }
            guard i + 1 < c.count, CharacterClass.isWordCharacter(c[i + 1]) else { break }
            if CharacterClass.isApostrophe(c[i]) {
                guard CharacterClass.isLetter(c[i + 1]) else { break }
            } else if c[i] == "." {
                guard periods != nil else { break }
                periods?.append(i)
            } else if !(CharacterClass.isHyphen(c[i]) || c[i] == "\u{00AD}") {
                break
            }
            i += 1
        }
        return i
    }

    /// A word starting at `start` whose scan resumes at `i` (after a leading number, if any).
    /// Usually one span; a run with periods that is neither an abbreviation, a host name nor a
    /// version is split at every period ("end.The" gives "end", ".", "The"), in one pass.
    private static func word(_ c: [Character], from start: Int, at i: Int) -> [Span] {
        var recorded: [Int]? = []
        let end = wordEnd(c, at: i, periods: &recorded)
        guard let periods = recorded, !periods.isEmpty else { return [(start..<end, .word)] }

        var segments: [Range<Int>] = []
        var segmentStart = start
        for period in periods {
            segments.append(segmentStart..<period)
            segmentStart = period + 1
        }
        segments.append(segmentStart..<end)
        let texts = segments.map { String(c[$0]) }

        if isHostName(texts) {
            return [(start..<(end < c.count && c[end] == "/" ? urlEnd(c, from: end) : end), .url)]
        }
        let hasFinalPeriod = end < c.count && c[end] == "."
        if isDottedAbbreviation(texts, hasFinalPeriod: hasFinalPeriod) {
            var stop = hasFinalPeriod ? end + 1 : end
            if stop + 1 < c.count, CharacterClass.isHyphen(c[stop]), CharacterClass.isWordCharacter(c[stop + 1]) {
                var none: [Int]? = nil
                stop = wordEnd(c, at: stop + 1, periods: &none)
            }
            return [(start..<stop, .word)]
        }
        if let head = texts[0].last, CharacterClass.isDigit(head),
           texts.dropFirst().allSatisfy({ $0.allSatisfy(CharacterClass.isDigit) }) {
            return [(start..<end, .word)]
        }
        var spans: [Span] = []
        for (k, segment) in segments.enumerated() {
            if k > 0 { spans.append((segment.lowerBound - 1..<segment.lowerBound, .punctuation)) }
            spans.append((segment, texts[k].allSatisfy(CharacterClass.isDigit) ? .number : .word))
        }
        return spans
    }

    /// "kei.org", "mofa.go.kr": ASCII letters, digits and hyphens; the last segment a known top-level domain.
    private static func isHostName(_ segments: [String]) -> Bool {
        guard segments.count >= 2, let tld = segments.last,
              segments.allSatisfy({ !$0.isEmpty && $0.allSatisfy { CharacterClass.isASCIILetter($0) || CharacterClass.isASCIIDigit($0) || $0 == "-" } }),
              tld.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return tld.count == 2 || topLevelDomains.contains(tld)
    }

    /// "U.S", "e.g", "Ph.D" (the final period is not in `segments`): one- or two-letter segments,
    /// either all of one letter or followed by a final period.
    private static func isDottedAbbreviation(_ segments: [String], hasFinalPeriod: Bool) -> Bool {
        guard segments.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isLetter) }) else { return false }
        return hasFinalPeriod || segments.allSatisfy { $0.count == 1 }
    }
}
