import KeiDocument

/// Binary searches over a unit's tokens (sorted by position, not overlapping), so that the date checkers
/// stay linear in the text however many dates a paragraph holds.
enum TokenSearch {
    /// The index of the first token that starts at or after the UTF-8 offset `offset` (`tokens.count` when none).
    static func first(atOrAfter offset: Int, in tokens: [WordToken]) -> Int {
        first(atOrAfter: offset, in: tokens, start: \.range.lowerBound)
    }

    /// The index of the first of `items` (sorted by `start`) whose start is at or after `offset`
    /// (`items.count` when none). Binary search: O(log n). Tokens, date mentions and any other ranges in
    /// text order use it.
    static func first<Item>(atOrAfter offset: Int, in items: [Item], start: (Item) -> Int) -> Int {
        var lo = 0, hi = items.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if start(items[mid]) < offset { lo = mid + 1 } else { hi = mid }
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
