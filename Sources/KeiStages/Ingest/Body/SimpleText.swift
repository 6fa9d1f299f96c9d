/// Recognises text whose `Character`s are single Unicode scalars, so that the body's text helpers can
/// work on scalars or UTF-8 bytes and still give exactly the result of `Character`-level code.
///
/// A Swift `Character` is a grapheme cluster: iterating, comparing and appending Characters costs
/// grapheme breaking and canonical-equivalence checks, which dominated body building. In text made
/// only of the scalars ``isSimple(_:)-(Unicode.Scalar)`` accepts — ASCII, Latin, Greek and Cyrillic
/// letters without combining marks, general punctuation, symbols, CJK ideographs, Hangul syllables —
/// no two adjacent scalars join into one cluster, except "\r\n" (one Character whose `asciiValue` is
/// that of "\n"). Such text is "simple"; anything else (combining marks, emoji sequences, Indic
/// scripts) goes through the Character-level code unchanged.
enum SimpleText {
    /// True when every Character of `s` is one scalar, or "\r\n".
    static func isSimple(_ s: String) -> Bool {
        for u in s.unicodeScalars where u.value >= 0x80 && !isSimple(u) { return false }
        return true
    }

    /// True when every Character of the substring is one scalar, or "\r\n".
    static func isSimple(_ s: Substring) -> Bool {
        for u in s.unicodeScalars where u.value >= 0x80 && !isSimple(u) { return false }
        return true
    }

    /// Scalars that never join a neighbouring scalar of this set into one grapheme cluster
    /// (Grapheme_Cluster_Break Other, Control, LV or LVT; never Extend, ZWJ, SpacingMark, Prepend,
    /// Regional_Indicator or a Hangul jamo). `BodyBuilderTextTests` checks every one of them.
    static func isSimple(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x0000...0x02FF,   // ASCII, Latin-1, Latin Extended-A/B, IPA, spacing modifier letters
             0x0370...0x0482,   // Greek and Coptic, Cyrillic letters (not the combining 0483–0489)
             0x1E00...0x1FFF,   // Latin Extended Additional, Greek Extended
             0x2000...0x200B,   // spaces, zero-width space (not ZWNJ 200C, ZWJ 200D)
             0x200E...0x20CF,   // punctuation, super- and subscripts, currency (not the marks from 20D0)
             0x2100...0x27BF,   // letterlike symbols, arrows, technical, box drawing, shapes, symbols, dingbats
             0x3000...0x3029,   // CJK symbols and punctuation (not the tone marks 302A–302F)
             0x4E00...0x9FFF,   // CJK unified ideographs
             0xAC00...0xD7A3,   // Hangul syllables
             0xFEFF,            // byte order mark / zero-width no-break space
             0xFF01...0xFF9D:   // fullwidth and halfwidth forms (not the sound marks FF9E–FF9F)
            return true
        default:
            return false
        }
    }

    /// True for the ASCII bytes HTML collapses (space, tab, line feed, form feed, carriage return).
    static func isCollapsible(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
    }

    /// True for the scalars ``InlineText/isTrimmable(_:)`` accepts as one-scalar Characters.
    static func isTrimmable(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x20, 0x0A, 0x09, 0x0D, 0x0C, 0x00A0, 0x200B, 0xFEFF, 0x2009, 0x202F: return true
        default: return false
        }
    }
}
