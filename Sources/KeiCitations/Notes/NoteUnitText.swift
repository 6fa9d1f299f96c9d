import KeiDocument

/// One note paragraph (a ``TextUnit`` of a note) prepared for the note reader: its UTF-8 bytes, which
/// bytes are inside a title, quotation, URL or code (where a semicolon or period never separates
/// citations), the parenthesis depth at each byte, and its word tokens.
///
/// All offsets are UTF-8 byte offsets (0-based) into the unit's `text.string`. Built in one pass over
/// the text plus one pass per scope (linear for the non-nested scopes notes have).
struct NoteUnitText {
    let unit: TextUnit
    let bytes: [UInt8]
    /// True for each byte inside a quotation, cited title, URL, link or code scope.
    let isProtected: [Bool]
    /// True for each byte inside a URL scope.
    let isURL: [Bool]
    /// The parenthesis and bracket depth at each byte (outside protected scopes), 0 at top level.
    let depth: [Int]

    init(_ unit: TextUnit) {
        self.unit = unit
        bytes = Array(unit.text.string.utf8)
        var protected = [Bool](repeating: false, count: bytes.count)
        for s in unit.scopes where [.quotation, .citedTitle, .url, .code, .link].contains(s.kind) {
            for i in s.range.clamped(to: 0..<bytes.count) where !protected[i] { protected[i] = true }
        }
        isProtected = protected
        var url = [Bool](repeating: false, count: bytes.count)
        for s in unit.scopes where s.kind == .url {
            for i in s.range.clamped(to: 0..<bytes.count) { url[i] = true }
        }
        isURL = url
        var d = [Int](repeating: 0, count: bytes.count)
        var level = 0
        for i in bytes.indices {
            if !protected[i] {
                switch bytes[i] {
                case UInt8(ascii: "("), UInt8(ascii: "["): level += 1
                case UInt8(ascii: ")"), UInt8(ascii: "]"): level = max(0, level - 1)
                default: break
                }
            }
            d[i] = level
        }
        depth = d
    }

    var count: Int { bytes.count }

    /// The text of `range`.
    func string(_ range: Range<Int>) -> String { unit.string(of: range) }

    /// `range` without white space at either end.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, Self.isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, Self.isSpace(bytes[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// `range` without white space and the characters `marks` (ASCII) at its end.
    func trimmingEnd(_ range: Range<Int>, _ marks: String) -> Range<Int> {
        let set = Set(marks.utf8)
        var hi = range.upperBound
        while hi > range.lowerBound, Self.isSpace(bytes[hi - 1]) || set.contains(bytes[hi - 1]) { hi -= 1 }
        return range.lowerBound..<hi
    }

    /// Whether byte `i` is a top-level separator position: not protected and outside parentheses.
    func isTopLevel(_ i: Int) -> Bool { i < bytes.count && !isProtected[i] && depth[i] == 0 }

    /// The tokens that lie inside `range`, in order (binary search: tokens are sorted).
    func tokens(in range: Range<Int>) -> ArraySlice<WordToken> {
        let t = unit.tokens
        var lo = 0, hi = t.count
        while lo < hi { let mid = (lo + hi) / 2; if t[mid].range.lowerBound < range.lowerBound { lo = mid + 1 } else { hi = mid } }
        var end = lo
        while end < t.count, t[end].range.upperBound <= range.upperBound { end += 1 }
        return t[lo..<end]
    }

    /// The scopes of `kinds` that start inside `range` (scopes are sorted by start; a chunk of a note
    /// never starts inside a protected scope, so these are the scopes of the chunk).
    func scopes(_ kinds: Set<ScopeKind>, in range: Range<Int>) -> [ScopedRange] {
        let s = unit.scopes
        var lo = 0, hi = s.count
        while lo < hi { let mid = (lo + hi) / 2; if s[mid].range.lowerBound < range.lowerBound { lo = mid + 1 } else { hi = mid } }
        var out: [ScopedRange] = []
        while lo < s.count, s[lo].range.lowerBound < range.upperBound {
            if kinds.contains(s[lo].kind), !s[lo].range.isEmpty { out.append(s[lo]) }
            lo += 1
        }
        return out
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
}
