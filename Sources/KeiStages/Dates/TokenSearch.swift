import KeiDocument

/// Binary searches over a unit's tokens (sorted by position, not overlapping), so that the date checkers
/// stay linear in the text however many dates a paragraph holds.
enum TokenSearch {
    /// The index of the first token that starts at or after the UTF-8 offset `offset` (`tokens.count` when none).
    static func first(atOrAfter offset: Int, in tokens: [WordToken]) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].range.lowerBound < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The token that follows `range`, if any.
    static func next(after range: Range<Int>, in tokens: [WordToken]) -> WordToken? {
        let i = first(atOrAfter: range.upperBound, in: tokens)
        return i < tokens.count ? tokens[i] : nil
    }

    /// The token that ends at or before the start of `range`, if any.
    static func previous(before range: Range<Int>, in tokens: [WordToken]) -> WordToken? {
        let i = first(atOrAfter: range.lowerBound, in: tokens)
        return i > 0 ? tokens[i - 1] : nil
    }
}
