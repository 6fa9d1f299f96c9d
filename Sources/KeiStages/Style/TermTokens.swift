import KeiDocument

/// The text of one unit (or one term) as ``TermMatcher`` reads it: ``WordTokenizer``'s tokens cut into
/// pieces, each with the gap that joins it to the piece before.
///
/// **Pieces.** A word token is cut at its internal hyphens ("Jong-un" gives "Jong", "un" joined by a
/// hyphen; "US-led" gives "US", "led") and before a possessive "’s"/"'s" ("Yoon’s" gives "Yoon" and "’s",
/// joined with no gap); a number ending in "%" gives the number and "%" (no gap); a punctuation token
/// is one piece. A URL or a note marker is a ``Gap/stop``: nothing matches across or inside it.
///
/// **Gaps.** Between two pieces: ``Gap/space`` when only white space (one or more spaces, tabs, no-break
/// spaces) separates them, ``Gap/hyphen`` inside a hyphenated word, ``Gap/none`` when they touch, and
/// ``Gap/stop`` when the white space holds a line break (`\n`, `\r`, U+2028, U+2029): a line break (a
/// `<br>`, or the break between two items of a list flattened into one unit) never joins two words into
/// one term.
///
/// **Keys.** Each piece's key is its text lower-cased (Unicode default lower-case mapping), with ’
/// written ' and soft hyphens removed; ``exact`` is the text with only those two normalizations.
/// All ranges are UTF-8 byte offsets (0-based, half-open) into the text given.
struct TermTokens {
    enum Gap: Int {
        case space = 0, hyphen = 1, none = 2, stop = 3
    }

    struct Piece {
        var range: Range<Int>
        var key: String
        var exact: String
        var gapBefore: Gap
        /// A piece of a word or number token (not punctuation).
        var isWord: Bool
    }

    private(set) var pieces: [Piece] = []

    init(_ text: String, tokens: [WordToken]) {
        let bytes = Array(text.utf8)
        var previousEnd: Int?
        var pendingStop = false
        for token in tokens {
            var gap: Gap = .stop
            if let end = previousEnd {
                gap = Self.gap(bytes[end..<token.range.lowerBound])
            }
            if pendingStop { gap = .stop }
            pendingStop = false
            previousEnd = token.range.upperBound
            switch token.kind {
            case .url, .marker:
                pendingStop = true
            case .punctuation:
                append(bytes, token.range, gap, isWord: false)
            case .number:
                if let cut = Self.percentCut(bytes, token.range) {
                    append(bytes, token.range.lowerBound..<cut, gap, isWord: true)
                    append(bytes, cut..<token.range.upperBound, .none, isWord: false)
                } else {
                    append(bytes, token.range, gap, isWord: true)
                }
            case .word:
                var start = token.range.lowerBound
                var end = token.range.upperBound
                var possessive: Range<Int>?
                if let p = Self.possessiveStart(bytes, token.range) {
                    possessive = p..<end
                    end = p
                }
                var g = gap
                var i = start
                while i < end {
                    if let width = Self.hyphenWidth(bytes, at: i), i > start, i + width < end {
                        append(bytes, start..<i, g, isWord: true)
                        g = .hyphen
                        start = i + width
                        i = start
                    } else {
                        i += 1
                    }
                }
                append(bytes, start..<end, g, isWord: true)
                if let possessive { append(bytes, possessive, .none, isWord: false) }
            }
        }
    }

    /// The pieces of a term as written in a style file.
    init(term: String) {
        self.init(term, tokens: WordTokenizer.tokens(in: term))
    }

    private mutating func append(_ bytes: [UInt8], _ range: Range<Int>, _ gap: Gap, isWord: Bool) {
        guard !range.isEmpty else { return }
        let exact = Self.normalized(String(decoding: bytes[range], as: UTF8.self))
        pieces.append(Piece(range: range, key: exact.lowercased(), exact: exact, gapBefore: gap, isWord: isWord))
    }

    private static func normalized(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 >= 0x80 }) else { return s }
        return String(s.unicodeScalars.compactMap { u -> Character? in
            switch u {
            case "\u{2019}": return "'"
            case "\u{00AD}": return nil
            default: return Character(u)
            }
        })
    }

    /// The gap a run of bytes between two tokens makes: empty → none; with a line break → stop; else space.
    private static func gap(_ between: ArraySlice<UInt8>) -> Gap {
        guard !between.isEmpty else { return .none }
        var i = between.startIndex
        while i < between.endIndex {
            let b = between[i]
            if b == 0x0A || b == 0x0D { return .stop }
            // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR: E2 80 A8 / E2 80 A9.
            if b == 0xE2, i + 2 < between.endIndex, between[i + 1] == 0x80, between[i + 2] == 0xA8 || between[i + 2] == 0xA9 {
                return .stop
            }
            i += 1
        }
        return .space
    }

    /// The byte width of a hyphen (-, U+2010, U+2011) at `i`, or nil.
    private static func hyphenWidth(_ bytes: [UInt8], at i: Int) -> Int? {
        if bytes[i] == 0x2D { return 1 }
        if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x90 || bytes[i + 2] == 0x91 { return 3 }
        return nil
    }

    /// Where a possessive "’s" or "'s" ending the word at `range` starts, if the word has one.
    private static func possessiveStart(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        let end = range.upperBound
        guard end - range.lowerBound >= 3, bytes[end - 1] == 0x73 || bytes[end - 1] == 0x53 else { return nil }
        if bytes[end - 2] == 0x27 { return end - 2 }
        if end - range.lowerBound >= 5, bytes[end - 4] == 0xE2, bytes[end - 3] == 0x80, bytes[end - 2] == 0x99 { return end - 4 }
        return nil
    }

    /// Where a final "%" (or full-width "％", EF BC 85) of a number token starts, if it has one.
    private static func percentCut(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        let end = range.upperBound
        if bytes[end - 1] == 0x25, end - 1 > range.lowerBound { return end - 1 }
        if end - 3 > range.lowerBound, bytes[end - 3] == 0xEF, bytes[end - 2] == 0xBC, bytes[end - 1] == 0x85 { return end - 3 }
        return nil
    }
}
