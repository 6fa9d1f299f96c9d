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
        var s = s
        return s.withUTF8(isSimple(utf8:))
    }

    /// True when the UTF-8 bytes decode to simple scalars only (false for anything malformed).
    static func isSimple(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            guard let length = simpleScalarLength(bytes, at: i) else { return false }
            i += length
        }
        return true
    }

    /// The byte length of the non-ASCII scalar starting at `i` when it is simple, else nil.
    /// Simple scalars are all below U+10000: two- or three-byte sequences.
    static func simpleScalarLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let b = bytes[i]
        let length = b >= 0xE0 ? 3 : 2
        guard b >= 0xC0, b < 0xF0, i + length <= bytes.count else { return nil }
        var value = UInt32(b & (length == 2 ? 0x1F : 0x0F))
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        guard let u = Unicode.Scalar(value), isSimple(u) else { return nil }
        return length
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

    // MARK: byte-level helpers for simple text

    /// What a one-pass scan of a string found: it is not simple text, it needs no change, or its new value.
    private enum Scan {
        case notSimple
        case unchanged
        case changed(String)
    }

    /// `InlineText.collapse` of `s` when `s` is simple text (`s` itself when it has nothing to collapse),
    /// else nil: each run of collapsible bytes becomes one space ("\r\n" is one collapsible Character).
    static func collapsingWhitespace(_ s: String) -> String? {
        var s = s
        let scan: Scan = s.withUTF8 { bytes in
            var previousWasSpace = false
            var changes = false
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    let collapsible = isCollapsible(b)
                    if collapsible, previousWasSpace || b != 0x20 { changes = true }
                    previousWasSpace = collapsible
                    i += 1
                } else {
                    guard let length = simpleScalarLength(bytes, at: i) else { return .notSimple }
                    previousWasSpace = false
                    i += length
                }
            }
            guard changes else { return .unchanged }
            return .changed(String(unsafeUninitializedCapacity: bytes.count) { out in
                var n = 0
                var inSpace = false
                for b in bytes {
                    if isCollapsible(b) {
                        if !inSpace { out[n] = 0x20; n += 1 }
                        inSpace = true
                    } else {
                        out[n] = b
                        n += 1
                        inSpace = false
                    }
                }
                return n
            })
        }
        switch scan {
        case .notSimple: return nil
        case .unchanged: return s
        case .changed(let collapsed): return collapsed
        }
    }

    /// When `s` is simple text: `s` without each space that follows a space (or, with `lastWasSpace`,
    /// that starts it), or `s` itself when there is none; else nil, leaving `lastWasSpace` alone.
    static func droppingRepeatedSpaces(_ s: String, lastWasSpace: inout Bool) -> String? {
        var s = s
        let startsAfterSpace = lastWasSpace
        var endsWithSpace = startsAfterSpace
        let scan: Scan = s.withUTF8 { bytes in
            var previousWasSpace = startsAfterSpace
            var changes = false
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    if b == 0x20, previousWasSpace { changes = true }
                    previousWasSpace = b == 0x20
                    i += 1
                } else {
                    guard let length = simpleScalarLength(bytes, at: i) else { return .notSimple }
                    previousWasSpace = false
                    i += length
                }
            }
            endsWithSpace = previousWasSpace
            guard changes else { return .unchanged }
            return .changed(String(unsafeUninitializedCapacity: bytes.count) { out in
                var n = 0
                var inSpace = startsAfterSpace
                for b in bytes {
                    if b == 0x20 {
                        if inSpace { continue }
                        inSpace = true
                    } else {
                        inSpace = false
                    }
                    out[n] = b
                    n += 1
                }
                return n
            })
        }
        switch scan {
        case .notSimple: return nil
        case .unchanged:
            lastWasSpace = endsWithSpace
            return s
        case .changed(let dropped):
            lastWasSpace = endsWithSpace
            return dropped
        }
    }

    /// `s` without trimmable scalars at either end; `s` itself when it has none. In simple text a
    /// trimmable Character is one trimmable scalar, or "\r\n" (two).
    static func trimming(_ s: String) -> String {
        let scalars = s.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isTrimmable(scalars[start]) { scalars.formIndex(after: &start) }
        while start < end {
            let before = scalars.index(before: end)
            guard isTrimmable(scalars[before]) else { break }
            end = before
        }
        if start == scalars.startIndex, end == scalars.endIndex { return s }
        return String(scalars[start..<end])
    }

    /// True when the lower-cased text starts with `prefix` (lower-case ASCII): for ASCII text compared
    /// byte by byte, otherwise `s.lowercased().hasPrefix(prefix)`.
    static func hasLowercasedPrefix(_ s: String, _ prefix: String) -> Bool {
        guard isASCII(s) else { return s.lowercased().hasPrefix(prefix) }
        let text = s.utf8
        guard text.count >= prefix.utf8.count else { return false }
        return zip(text, prefix.utf8).allSatisfy { b, p in (b >= 0x41 && b <= 0x5A ? b + 0x20 : b) == p }
    }

    /// True when every byte of `s` is ASCII.
    static func isASCII(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 < 0x80 }
    }

    /// `InlineText.key` of simple text: trimmable scalars collapsed to one space, curly quotes and
    /// dashes unified, each other scalar replaced by its lowercase mapping (a one-scalar Character's
    /// `lowercased()`), trailing spaces dropped.
    static func key(_ s: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var inSpace = true
        for u in s.unicodeScalars {
            if isTrimmable(u) {
                if !inSpace { bytes.append(0x20) }
                inSpace = true
                continue
            }
            inSpace = false
            switch u.value {
            case 0x41...0x5A: bytes.append(UInt8(u.value) + 0x20)
            case 0x00...0x7F: bytes.append(UInt8(u.value))
            case 0x2018, 0x2019: bytes.append(UInt8(ascii: "'"))
            case 0x201C, 0x201D: bytes.append(UInt8(ascii: "\""))
            case 0x2013, 0x2014, 0x2010, 0x2011: bytes.append(UInt8(ascii: "-"))
            default: bytes.append(contentsOf: u.properties.lowercaseMapping.utf8)
            }
        }
        while bytes.last == 0x20 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
