import Foundation

/// Trimming a string's ends over its Unicode scalars, as Foundation's `trimmingCharacters(in:)` does;
/// a string with nothing to trim is returned as it is.
enum TextTrimming {
    /// `s.trimmingCharacters(in: .whitespacesAndNewlines)`.
    static func whitespacesAndNewlines(_ s: String) -> String {
        trim(s, whitespacesAndNewlinesSet)
    }

    /// `s.trimmingCharacters(in: .whitespaces)`.
    static func whitespaces(_ s: String) -> String {
        trim(s, whitespacesSet)
    }

    private static let whitespacesAndNewlinesSet = CharacterSet.whitespacesAndNewlines
    private static let whitespacesSet = CharacterSet.whitespaces

    /// `s` without the scalars of `set` at its start and end.
    static func trim(_ s: String, _ set: CharacterSet) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !set.contains($0) }),
              let last = scalars.lastIndex(where: { !set.contains($0) }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return s }
        return String(scalars[first...last])
    }
}
