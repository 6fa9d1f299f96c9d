/// Cheap, conservative byte-level tests on raw element text that tell ``VisibleMetadataReader``
/// when a visible-metadata check cannot match, so that it can skip normalising the text.
///
/// Each `may…` property is true whenever the check on the normalised text could succeed (it may
/// also be true when it cannot). Normalisation (``MetadataText/normalize(_:)``) only collapses and
/// trims whitespace and control characters and maps or drops C1 controls; lower-casing maps no
/// non-ASCII character to `v`, `o`, `l`, `b`, `y`, `a`, `u`, `t`, `h`, `r`, `i`, `n`, `e` or `c`
/// on its own (U+0130 becomes `i` plus a combining dot, which is then one character with it).
/// Any text with non-ASCII bytes where it matters is treated as "may match".
struct TextSignals {
    /// The text, once normalised and lower-cased, may start with one of the date prefixes
    /// (`published`, `posted`, `publication date`, `date published`, `released`, `issued`).
    let mayStartWithDatePrefix: Bool
    /// The normalised text may start with `By `.
    let mayStartWithBy: Bool
    /// The normalised, lower-cased text may contain `vol`.
    let mayContainVol: Bool

    init(_ raw: String) {
        var first: UInt8?
        var hasC1 = false
        var hasVol = false
        let bytes = raw.utf8
        var previous: UInt8 = 0
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let b = bytes[index]
            if first == nil, !(b <= 0x20 || b == 0x7F) { first = b }
            if previous == 0xC2 && b >= 0x80 && b <= 0x9F { hasC1 = true }
            if !hasVol, b | 0x20 == UInt8(ascii: "v"), Self.isVolumeMarker(bytes[index...]) { hasVol = true }
            previous = b
            index = bytes.index(after: index)
        }
        mayContainVol = hasVol || hasC1
        if let first, first < 0x80 {
            let lower = first | 0x20
            mayStartWithDatePrefix = lower == UInt8(ascii: "p") || lower == UInt8(ascii: "d")
                || lower == UInt8(ascii: "r") || lower == UInt8(ascii: "i")
            mayStartWithBy = first == UInt8(ascii: "B")
        } else {
            // Empty text cannot match; non-ASCII first bytes are left to the full check.
            mayStartWithDatePrefix = first != nil
            mayStartWithBy = first != nil
        }
    }

    /// Whether `bytes` (starting at a `v` or `V`) may start one of the series-banner markers
    /// `volume `, `vol. `, `vol.`, `vol ` once normalised: `vol` (any case) followed by `.`, a space
    /// or control character, a non-ASCII byte (which may be a space), or `ume` and one of those.
    private static func isVolumeMarker(_ bytes: Substring.UTF8View.SubSequence) -> Bool {
        var it = bytes.makeIterator()
        func next() -> UInt8? { it.next() }
        guard next().map({ $0 | 0x20 }) == UInt8(ascii: "v"), next().map({ $0 | 0x20 }) == UInt8(ascii: "o"),
              next().map({ $0 | 0x20 }) == UInt8(ascii: "l"), let after = next() else { return false }
        func separates(_ b: UInt8) -> Bool { b == UInt8(ascii: ".") || b <= 0x20 || b >= 0x7F }
        if separates(after) { return true }
        guard after | 0x20 == UInt8(ascii: "u"), next().map({ $0 | 0x20 }) == UInt8(ascii: "m"),
              next().map({ $0 | 0x20 }) == UInt8(ascii: "e"), let end = next() else { return false }
        return separates(end)
    }

    /// Whether a `class` attribute may hold a publication-date token (see
    /// ``VisibleMetadataReader/isPublicationDateClass(_:)``: every such token contains `date`,
    /// `publish`, `posted-on` or `timestamp`); non-ASCII values always may.
    static func mayHoldDateClass(_ classAttribute: String) -> Bool {
        var lower: [UInt8] = []
        lower.reserveCapacity(classAttribute.utf8.count)
        for b in classAttribute.utf8 {
            if b >= 0x80 { return true }
            lower.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
        }
        for word in dateWords where contains(lower, word) { return true }
        return false
    }

    private static let dateWords: [[UInt8]] = [Array("date".utf8), Array("publish".utf8), Array("posted-on".utf8),
                                               Array("timestamp".utf8)]

    /// Whether a `class` attribute may hold a token containing `byline`, `author` or `contributor`
    /// (case-insensitively); non-ASCII values always may.
    static func mayContainBylineWord(_ classAttribute: String) -> Bool {
        var lower: [UInt8] = []
        lower.reserveCapacity(classAttribute.utf8.count)
        for b in classAttribute.utf8 {
            if b >= 0x80 { return true }
            lower.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
        }
        for word in bylineWords where contains(lower, word) { return true }
        return false
    }

    private static let bylineWords: [[UInt8]] = [Array("byline".utf8), Array("author".utf8), Array("contributor".utf8)]

    private static func contains(_ bytes: [UInt8], _ pattern: [UInt8]) -> Bool {
        guard bytes.count >= pattern.count else { return false }
        outer: for i in 0...(bytes.count - pattern.count) {
            for j in pattern.indices where bytes[i + j] != pattern[j] { continue outer }
            return true
        }
        return false
    }
}
