import KeiDocument

/// A piece of a word token: the token cut at its hyphens ("U.S.-ROK" gives "U.S." and "ROK";
/// "Jae-myung" gives "Jae" and "myung"), so that an acronym or a name inside a compound is found.
struct WordPiece: Sendable, Hashable {
    /// UTF-8 range (0-based, half-open) into the unit's text.
    var range: Range<Int>
    var text: String
    /// Index of the token in the unit's ``TextUnit/tokens``.
    var token: Int

    static let hyphens: Set<Unicode.Scalar> = ["-", "\u{2010}", "\u{2011}"]

    /// The pieces of every word token of `unit`, in text order (URL, number and punctuation tokens give none).
    static func pieces(of unit: TextUnit) -> [WordPiece] {
        var out: [WordPiece] = []
        for (index, token) in unit.tokens.enumerated() where token.kind == .word {
            var start = token.range.lowerBound, offset = start
            var current = ""
            for scalar in unit.string(of: token.range).unicodeScalars {
                let width = String(scalar).utf8.count
                if hyphens.contains(scalar) {
                    if !current.isEmpty { out.append(WordPiece(range: start..<offset, text: current, token: index)) }
                    current = ""
                    start = offset + width
                } else {
                    current.unicodeScalars.append(scalar)
                }
                offset += width
            }
            if !current.isEmpty { out.append(WordPiece(range: start..<offset, text: current, token: index)) }
        }
        return out
    }

    /// `text` without a possessive ending ("USFK’s" → "USFK", "Trump’s" → "Trump", "allies’" → "allies"),
    /// with the ending's length in UTF-8 bytes.
    static func withoutPossessive(_ text: String) -> (stem: String, suffixBytes: Int) {
        for ending in ["\u{2019}s", "'s", "\u{2019}", "'"] where text.hasSuffix(ending) && text.count > ending.count {
            return (String(text.dropLast(ending.count)), ending.utf8.count)
        }
        return (text, 0)
    }

    /// The forms `text` may be an inflection of, with the ending's length in UTF-8 bytes: itself, without
    /// a possessive ending, without a plural "s" ("OPCONs"), and without both ("MOUs’").
    static func stems(_ text: String) -> [(stem: String, suffixBytes: Int)] {
        var out: [(String, Int)] = [(text, 0)]
        let (possessive, p) = withoutPossessive(text)
        if p > 0 { out.append((possessive, p)) }
        if possessive.hasSuffix("s") && possessive.count > 1 { out.append((String(possessive.dropLast()), p + 1)) }
        return out
    }
}
