/// One token of a text, as found by `WordTokenizer`.
public struct WordToken: Sendable, Hashable {
    /// What a token is.
    public enum Kind: Sendable, Hashable {
        /// Letters, digits and marks in any script (Hangul and CJK included), with internal
        /// apostrophes and hyphens ("don’t", "state-owned", "Yoon’s") and, for dotted
        /// abbreviations, internal periods and the final one ("U.S.", "e.g.", "Ph.D.").
        case word
        /// Digits with internal "," and "." and an optional "%" ("1,200", "7.5", "3.2.1", "3.5%").
        case number
        /// One visible character that is not part of a word, number or URL: punctuation, a symbol
        /// or an emoji (one grapheme cluster).
        case punctuation
        /// U+FFFC OBJECT REPLACEMENT CHARACTER, standing for a note marker (with any combining mark
        /// that clings to it, as one grapheme cluster).
        case marker
        /// A bare URL (`http://…`, `https://…`, `www.…`, a host name such as `kei.org`, with a
        /// path if one follows) or an e-mail address (`name@host.tld`), without trailing sentence
        /// punctuation.
        case url
    }

    /// Where the token is: a half-open range of UTF-8 byte offsets (0-based) into `text.utf8` of the
    /// text it came from. Both ends are on grapheme (and so Unicode scalar) boundaries.
    public var range: Range<Int>
    public var kind: Kind

    public init(range: Range<Int>, kind: Kind) {
        self.range = range
        self.kind = kind
    }
}
