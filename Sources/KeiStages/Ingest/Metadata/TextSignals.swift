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
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for b in raw.utf8 {
            if first == nil, !(b <= 0x20 || b == 0x7F) { first = b }
            if previous == 0xC2 && b >= 0x80 && b <= 0x9F { hasC1 = true }
            let lower = b | 0x20
            if lower == UInt8(ascii: "l") && (previous | 0x20) == UInt8(ascii: "o") && (beforePrevious | 0x20) == UInt8(ascii: "v") {
                hasVol = true
            }
            beforePrevious = previous
            previous = b
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
