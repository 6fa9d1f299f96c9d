/// Substring search shared by the ingest helpers: a byte search for ASCII text, Foundation otherwise.
enum TextSearch {
    /// `s.contains(needle)` as Foundation answers it (`range(of:) != nil`), answered by a byte search
    /// when `s` is ASCII (where the two agree).
    static func contains(_ s: String, _ needle: String) -> Bool {
        let hay = s.utf8
        guard hay.allSatisfy({ $0 < 0x80 }) else { return s.range(of: needle) != nil }
        let pattern = needle.utf8
        guard let first = pattern.first else { return s.range(of: needle) != nil }
        let count = pattern.count
        var start = hay.startIndex
        while let i = hay[start...].firstIndex(of: first) {
            if hay[i...].starts(with: pattern) { return true }
            start = hay.index(after: i)
            if hay.distance(from: start, to: hay.endIndex) < count - 1 { return false }
        }
        return false
    }
}

import Foundation
