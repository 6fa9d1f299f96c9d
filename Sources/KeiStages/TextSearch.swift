/// Substring search and replacement shared by the ingest helpers.
///
/// A match is the needle's exact Unicode scalars, starting and ending on character boundaries:
/// `e` is not found in `é`, even when that is written as `e` plus a combining accent. An empty
/// needle is never found.
enum TextSearch {
    /// Whether `needle` occurs in `s`.
    static func contains(_ s: String, _ needle: String) -> Bool {
        range(of: needle, in: s) != nil
    }

    /// The first occurrence of `needle` in `s` at or after `start` (default: the start of `s`).
    static func range(of needle: String, in s: String, from start: String.Index? = nil) -> Range<String.Index>? {
        let from = start.map { s.utf8.distance(from: s.utf8.startIndex, to: $0) } ?? 0
        return firstMatch(of: needle, in: s, tryingOffsets: from..<s.utf8.count)
    }

    /// The last occurrence of `needle` in `s`.
    static func lastRange(of needle: String, in s: String) -> Range<String.Index>? {
        firstMatch(of: needle, in: s, tryingOffsets: stride(from: s.utf8.count - needle.utf8.count, through: 0, by: -1))
    }

    /// The first occurrence of the lower-case `needle` in `s`, ignoring case. It is looked for in
    /// `lowercased` (`s.lowercased()`, passed in when several needles are looked for in one text)
    /// and carried back to `s` by character count: lower-casing maps every character to exactly
    /// one character (`İ` to `i̇` included).
    static func caseInsensitiveRange(of needle: String, in s: String, lowercased: String? = nil) -> Range<String.Index>? {
        let lower = lowercased ?? s.lowercased()
        guard let r = range(of: needle, in: lower) else { return nil }
        let start = s.index(s.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: r.lowerBound))
        return start..<s.index(start, offsetBy: lower.distance(from: r.lowerBound, to: r.upperBound))
    }

    /// `s` with every occurrence of `needle`, taken left to right without overlaps, replaced.
    static func replacing(_ needle: String, with replacement: String, in s: String) -> String {
        guard var match = range(of: needle, in: s) else { return s }
        var out = ""
        var copied = s.startIndex
        while true {
            out += s[copied..<match.lowerBound]
            out += replacement
            copied = match.upperBound
            guard let next = range(of: needle, in: s, from: copied) else { break }
            match = next
        }
        out += s[copied...]
        return out
    }

    /// The first match of `needle` in `s` that starts at one of `offsets` (UTF-8 offsets, in the
    /// order given) and starts and ends on character boundaries.
    ///
    /// UTF-8 is self-synchronising, so equal code units from a scalar boundary on are equal
    /// scalars: the comparison runs on the UTF-8 bytes, and only a match's two ends are checked.
    private static func firstMatch(of needle: String, in s: String, tryingOffsets offsets: some Sequence<Int>) -> Range<String.Index>? {
        var text = s, pattern = needle
        return text.withUTF8 { hay in
            pattern.withUTF8 { pattern -> Range<String.Index>? in
                guard !pattern.isEmpty else { return nil }
                for offset in offsets where offset + pattern.count <= hay.count && hay[offset] == pattern[0]
                    && hay[offset..<(offset + pattern.count)].elementsEqual(pattern) {
                    let start = s.utf8.index(s.utf8.startIndex, offsetBy: offset)
                    let end = s.utf8.index(start, offsetBy: pattern.count)
                    if start.samePosition(in: s) != nil && end.samePosition(in: s) != nil { return start..<end }
                }
                return nil
            }
        }
    }
}
