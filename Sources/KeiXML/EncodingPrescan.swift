/// The HTML standard's encoding sniffing on raw bytes (§ 13.2.3.2 "Determining the character encoding"):
/// the byte order mark, the prescan for a `<meta>` declaration, and an XML declaration's `encoding`.
///
/// The prescan reads tags, not strings: it skips comments and other markup, reads each tag's attributes
/// with the standard's "get an attribute" algorithm, and only a `<meta>` with a `charset` attribute, or
/// with `http-equiv="content-type"` and a `content` holding `charset=`, declares anything. The word
/// "charset" in a description, a link's query string, a `<script charset>` or body text does not.
enum EncodingPrescan {
    /// A declaration found in the bytes: the label as written, the encoding it names (nil for a label
    /// the Encoding Standard does not know) and the bytes of the tag that holds it.
    struct Found: Equatable {
        var label: String
        var encoding: String?
        var range: Range<Int>
    }

    /// The encoding a byte order mark at the start selects, and the mark's length.
    static func byteOrderMark(_ b: UnsafeBufferPointer<UInt8>) -> (String, Int)? {
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return ("UTF-8", 3) }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return ("UTF-16BE", 2) }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return ("UTF-16LE", 2) }
        return nil
    }

    /// "UTF-16LE" or "UTF-16BE" when the first 1024 bytes are plainly UTF-16 without a byte order mark: a
    /// NUL in at least three in four of the odd (LE) or even (BE) positions and in at most one in eight
    /// of the others, as markup and Latin text in UTF-16 have. Browsers do not sniff this (they show
    /// such a page as windows-1252 with a NUL between letters); nothing else puts that many NULs there.
    static func utf16WithoutByteOrderMark(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        let n = min(b.count, 1024) & ~1
        guard n >= 16 else { return nil }
        var evenNULs = 0, oddNULs = 0
        for i in stride(from: 0, to: n, by: 2) {
            if b[i] == 0 { evenNULs += 1 }
            if b[i + 1] == 0 { oddNULs += 1 }
        }
        let units = n / 2
        if oddNULs * 4 >= units * 3, evenNULs * 8 <= units { return "UTF-16LE" }
        if evenNULs * 4 >= units * 3, oddNULs * 8 <= units { return "UTF-16BE" }
        return nil
    }

    /// The prescan over `b[from..<limit]`: the first `<meta>` that declares an encoding the standard
    /// knows (UTF-16 labels read as UTF-8 and x-user-defined as windows-1252, as the prescan says), and
    /// the first declaration with an unknown label met before it. With `skippingRawText`, the content of
    /// `script`, `style`, `textarea`, `title`, `xmp`, `iframe`, `noembed`, `noframes` and `noscript` is
    /// skipped (for declarations a tree builder would meet later in the page, which the prescan of the
    /// first 1024 bytes does not do).
    static func prescan(_ b: UnsafeBufferPointer<UInt8>, from: Int = 0, limit: Int,
                        skippingRawText: Bool = false) -> (declared: Found?, unknown: Found?) {
        let end = min(limit, b.count)
        var unknown: Found?
        var p = from
        while p < end {
            guard b[p] == 0x3C else { p += 1; continue }
            let next = p + 1 < end ? b[p + 1] : 0
            if next == 0x21, p + 3 < end, b[p + 2] == 0x2D, b[p + 3] == 0x2D {
                // To the first '>' preceded by "--" (which may be those of "<!--").
                var q = p + 2
                while true {
                    guard let gt = first(0x3E, in: b, from: q + 2, end: end) else { return (nil, unknown) }
                    if b[gt - 1] == 0x2D, b[gt - 2] == 0x2D { p = gt + 1; break }
                    q = gt - 1
                }
                continue
            }
            if next | 0x20 == 0x6D, matchesIgnoringCase(b, p, end, "<meta"), p + 5 < end, isSpaceOrSlash(b[p + 5]) {
                var q = p + 5
                var names: Set<String> = []
                var gotPragma = false
                var needPragma: Bool?
                var charset: (label: String, encoding: String?)?
                while let (nameRange, valueRange, next) = attribute(b, at: q, end: end) {
                    q = next
                    let name = lowercased(b, nameRange)
                    let value = lowercased(b, valueRange)
                    guard names.insert(name).inserted else { continue }
                    switch name {
                    case "http-equiv":
                        if value == "content-type" { gotPragma = true }
                    case "content":
                        if charset == nil, let label = charsetInContent(value) {
                            charset = (label, EncodingLabel.encoding(forLabel: label))
                            needPragma = true
                        }
                    case "charset":
                        charset = (value, EncodingLabel.encoding(forLabel: value))
                        needPragma = false
                    default:
                        break
                    }
                }
                guard let gt = closingBracket(b, q, end) else { return (nil, unknown) }
                q = gt
                if let needPragma, !(needPragma && !gotPragma), let charset {
                    let found = Found(label: charset.label, encoding: charset.encoding.map(prescanned), range: p..<(q + 1))
                    if found.encoding != nil { return (found, unknown) }
                    if unknown == nil { unknown = found }
                }
                p = q + 1
                continue
            }
            if p + 1 < end, isASCIILetter(b[p + 1]) || (b[p + 1] == 0x2F && p + 2 < end && isASCIILetter(b[p + 2])) {
                let nameStart = b[p + 1] == 0x2F ? p + 2 : p + 1
                var q = nameStart
                while q < end, !isSpace(b[q]), b[q] != 0x3E { q += 1 }
                let nameEnd = q
                while q < end, let (_, _, next) = attribute(b, at: q, end: end) { q = next }
                guard let gt = closingBracket(b, q, end) else { return (nil, unknown) }
                q = gt
                if skippingRawText, b[p + 1] != 0x2F, let name = rawTextElement(b, nameStart..<nameEnd) {
                    p = rawTextEnd(b, from: q + 1, end: end, name: name)
                    continue
                }
                p = q + 1
                continue
            }
            if p + 1 < end, b[p + 1] == 0x21 || b[p + 1] == 0x2F || b[p + 1] == 0x3F {
                guard let gt = first(0x3E, in: b, from: p + 2, end: end) else { return (nil, unknown) }
                p = gt + 1
                continue
            }
            p += 1
        }
        return (nil, unknown)
    }

    /// The encoding an XML declaration at the very start names (`<?xml version="1.0" encoding="…"?>`),
    /// with its label and range; the HTML standard lets a user agent use it when the prescan finds nothing.
    static func xmlDeclaration(_ b: UnsafeBufferPointer<UInt8>) -> Found? {
        let end = min(b.count, 1024)
        guard matches(b, 0, end, "<?xml"), end > 5, isSpace(b[5]), let close = first(0x3E, in: b, from: 5, end: end) else { return nil }
        var i = 5
        while i + 8 <= close {
            if matches(b, i, close, "encoding") {
                var j = i + 8
                while j < close, isSpace(b[j]) { j += 1 }
                guard j < close, b[j] == 0x3D else { return nil }
                j += 1
                while j < close, isSpace(b[j]) { j += 1 }
                guard j < close, b[j] == 0x22 || b[j] == 0x27 else { return nil }
                let quote = b[j]
                guard let stop = first(quote, in: b, from: j + 1, end: close) else { return nil }
                let label = String(decoding: UnsafeBufferPointer(rebasing: b[(j + 1)..<stop]), as: UTF8.self)
                return Found(label: label, encoding: EncodingLabel.encoding(forLabel: label).map(prescanned), range: 0..<(close + 1))
            }
            i += 1
        }
        return nil
    }

    /// The prescan's last step: a UTF-16 label in a page that the prescan could read (so it is not UTF-16)
    /// means UTF-8; x-user-defined means windows-1252.
    private static func prescanned(_ encoding: String) -> String {
        switch encoding {
        case "UTF-16LE", "UTF-16BE": return "UTF-8"
        case "x-user-defined": return "windows-1252"
        default: return encoding
        }
    }

    /// "Get an attribute": the next attribute at or after `start` as the byte ranges of its name and value
    /// (the standard lower-cases both; see ``lowercased(_:_:)``) and the position after it; nil at a `>`
    /// or the end of the input. No allocation: the prescan reads every tag of a page this way.
    private static func attribute(_ b: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (Range<Int>, Range<Int>, Int)? {
        var i = start
        while i < end, isSpaceOrSlash(b[i]) { i += 1 }
        guard i < end, b[i] != 0x3E else { return nil }
        let nameStart = i
        var nameEnd = i
        // Name.
        while true {
            guard i < end else { return nil }
            let c = b[i]
            if c == 0x3D, i > nameStart { nameEnd = i; i += 1; break }
            if isSpace(c) {
                nameEnd = i
                while i < end, isSpace(b[i]) { i += 1 }
                guard i < end else { return nil }
                guard b[i] == 0x3D else { return (nameStart..<nameEnd, i..<i, i) }
                i += 1
                break
            }
            if c == 0x2F || c == 0x3E { return (nameStart..<i, i..<i, i) }
            i += 1
        }
        // Value.
        while i < end, isSpace(b[i]) { i += 1 }
        guard i < end else { return nil }
        let c = b[i]
        if c == 0x22 || c == 0x27 {
            let valueStart = i + 1
            guard let close = first(c, in: b, from: valueStart, end: end) else { return nil }
            return (nameStart..<nameEnd, valueStart..<close, close + 1)
        }
        if c == 0x3E { return (nameStart..<nameEnd, i..<i, i) }
        let valueStart = i
        while i < end, !isSpace(b[i]), b[i] != 0x3E { i += 1 }
        guard i < end else { return nil }
        return (nameStart..<nameEnd, valueStart..<i, i)
    }

    /// The bytes of `range`, ASCII lower-cased, as a string.
    private static func lowercased(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: b[range].map(lowered), as: UTF8.self)
    }

    /// "Extracting a character encoding from a meta element": the label after `charset` `=` in a
    /// `content` value (quoted, or up to whitespace or `;`); nil when there is none.
    static func charsetInContent(_ s: String) -> String? {
        let v = Array(s.utf8)
        var i = 0
        while true {
            guard let at = index(of: "charset", in: v, from: i) else { return nil }
            var j = at + 7
            while j < v.count, isSpace(v[j]) { j += 1 }
            guard j < v.count, v[j] == 0x3D else { i = j; continue }
            j += 1
            while j < v.count, isSpace(v[j]) { j += 1 }
            guard j < v.count else { return nil }
            if v[j] == 0x22 || v[j] == 0x27 {
                guard let close = v[(j + 1)...].firstIndex(of: v[j]) else { return nil }
                return String(decoding: v[(j + 1)..<close], as: UTF8.self)
            }
            var k = j
            while k < v.count, !isSpace(v[k]), v[k] != 0x3B { k += 1 }
            return String(decoding: v[j..<k], as: UTF8.self)
        }
    }

    // MARK: Helpers

    private static let rawTextElements: [[UInt8]] = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"].map { Array($0.utf8) }

    private static func rawTextElement(_ b: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> String? {
        guard name.count >= 3, name.count <= 8 else { return nil }
        let first = lowered(b[name.lowerBound])
        guard first == 0x73 || first == 0x74 || first == 0x78 || first == 0x69 || first == 0x6E else { return nil } // s t x i n
        for e in rawTextElements where e.count == name.count && e[0] == first {
            var k = 1
            while k < e.count, e[k] == lowered(b[name.lowerBound + k]) { k += 1 }
            if k == e.count { return String(decoding: e, as: UTF8.self) }
        }
        return nil
    }

    /// Past the `</name` that closes raw text starting at `from` (any case), or `end`.
    private static func rawTextEnd(_ b: UnsafeBufferPointer<UInt8>, from: Int, end: Int, name: String) -> Int {
        let close = Array(("</" + name).utf8)
        var p = from
        while let lt = first(0x3C, in: b, from: p, end: end) {
            if matchesIgnoringCase(b, lt, end, close) { return lt }
            p = lt + 1
        }
        return end
    }

    /// Where ``attribute(_:at:end:)`` found no further attribute: the `>` after blanks and slashes at
    /// `i`, nil when the input ends first (the prescan then aborts).
    private static func closingBracket(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
        var i = i
        while i < end, isSpaceOrSlash(b[i]) { i += 1 }
        return i < end && b[i] == 0x3E ? i : nil
    }

    private static func first(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int? {
        var i = from
        while i < end {
            if b[i] == byte { return i }
            i += 1
        }
        return nil
    }

    private static func index(of word: String, in v: [UInt8], from: Int) -> Int? {
        let w = Array(word.utf8)
        var i = from
        while i + w.count <= v.count {
            var k = 0
            while k < w.count, lowered(v[i + k]) == w[k] { k += 1 }
            if k == w.count { return i }
            i += 1
        }
        return nil
    }

    private static func matches(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ s: StaticString) -> Bool {
        s.withUTF8Buffer { w in
            guard i + w.count <= end else { return false }
            var k = 0
            while k < w.count, b[i + k] == w[k] { k += 1 }
            return k == w.count
        }
    }

    private static func matchesIgnoringCase(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ s: StaticString) -> Bool {
        s.withUTF8Buffer { w in
            guard i + w.count <= end else { return false }
            var k = 0
            while k < w.count, lowered(b[i + k]) == w[k] { k += 1 }
            return k == w.count
        }
    }

    private static func matchesIgnoringCase(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ w: [UInt8]) -> Bool {
        guard i + w.count <= end else { return false }
        var k = 0
        while k < w.count, lowered(b[i + k]) == w[k] { k += 1 }
        return k == w.count
    }

    @inline(__always) private static func lowered(_ c: UInt8) -> UInt8 {
        c >= 0x41 && c <= 0x5A ? c | 0x20 : c
    }

    @inline(__always) private static func isASCIILetter(_ c: UInt8) -> Bool {
        (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
    }

    @inline(__always) private static func isSpace(_ c: UInt8) -> Bool {
        EncodingLabel.isASCIIWhitespace(c)
    }

    @inline(__always) private static func isSpaceOrSlash(_ c: UInt8) -> Bool {
        isSpace(c) || c == 0x2F
    }
}
