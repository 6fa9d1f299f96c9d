import Foundation

/// Foundation's `trimmingCharacters(in:)` with a fast path: a string that starts and ends with a
/// printable ASCII character has nothing to trim and is returned as it is, without the bridging
/// and copying that Foundation's trimming costs; every other string goes through Foundation, so
/// results are exactly Foundation's.
enum TextTrimming {
    /// `s.trimmingCharacters(in: .whitespacesAndNewlines)`.
    static func whitespacesAndNewlines(_ s: String) -> String {
        if s.isEmpty || hasPrintableASCIIEnds(s) { return s }
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `s.trimmingCharacters(in: .whitespaces)`.
    static func whitespaces(_ s: String) -> String {
        if s.isEmpty || hasPrintableASCIIEnds(s) { return s }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// `s.trimmingCharacters(in: set)` where every member of `set` is a space or punctuation in
    /// `characters` (ASCII or not): when the first and last bytes are ASCII letters or digits,
    /// there is nothing to trim.
    static func alphanumericEnds(_ s: String) -> Bool {
        guard let first = s.utf8.first, let last = s.utf8.last else { return false }
        return isASCIIAlphanumeric(first) && isASCIIAlphanumeric(last)
    }

    /// Whether the first and last bytes are printable ASCII other than space (0x21–0x7E).
    static func hasPrintableASCIIEnds(_ s: String) -> Bool {
        guard let first = s.utf8.first, let last = s.utf8.last else { return false }
        return (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last)
    }

    static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
}
