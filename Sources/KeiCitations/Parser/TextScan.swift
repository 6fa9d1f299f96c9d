/// Small string helpers on Unicode scalars for the parser's hot paths, where Foundation's
/// `trimmingCharacters(in:)`, `contains(_:)` and `replacingOccurrences` (bridged through NSString)
/// cost more than the rest of the parse.
enum TextScan {
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }

    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    /// White space, and the punctuation, quotation marks and brackets around a field.
    static func isOuterPunctuation(_ s: Unicode.Scalar) -> Bool {
        if s.properties.isWhitespace { return true }
        switch s {
        case ",", ".", ";", ":", "(", ")", "[", "]", "{", "}", "“", "”", "\"", "‘", "’", "'", "«", "»", "<", ">": return true
        default: return false
        }
    }
}

extension StringProtocol {
    /// The text without the scalars at either end for which `trim` is true.
    func trimmingScalars(_ trim: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, trim(scalars[start]) { start = scalars.index(after: start) }
        while end > start, trim(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// The text without the given scalars at either end.
    func trimmingScalars(in set: Set<Unicode.Scalar>) -> String {
        trimmingScalars { set.contains($0) }
    }

    /// Whether `needle` occurs in the text (byte comparison of UTF-8, no locale).
    func includes(_ needle: String) -> Bool {
        let hay = Array(utf8)
        let n = Array(needle.utf8)
        guard !n.isEmpty else { return true }
        guard hay.count >= n.count else { return false }
        for i in 0...(hay.count - n.count) where hay[i] == n[0] {
            var j = 1
            while j < n.count && hay[i + j] == n[j] { j += 1 }
            if j == n.count { return true }
        }
        return false
    }

    /// The text with every occurrence of `target` replaced by `replacement` (no locale).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard includes(target) else { return String(self) }
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[rest.startIndex..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
