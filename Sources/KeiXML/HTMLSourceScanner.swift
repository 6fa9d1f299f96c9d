#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads HTML source bytes the way libxml2 2.9's HTML parser tokenizes them: which `<` starts markup
/// (and where that markup ends), which `&` starts a character reference (and what it decodes to).
///
/// Used by ``SourceAligner`` and ``SourceSurvey`` over the decoded source (encoding declarations are
/// found by ``EncodingPrescan``, as the HTML standard reads them). It never allocates; every index is a
/// byte offset.
/// The rules, checked against libxml2 2.9.14 (`HTMLparser.c`):
/// - `<` + ASCII letter: a start tag. Attribute values in `"` or `'` run to the matching quote (so they
///   may hold `>`), unquoted ones to a blank or `>`; a bogus attribute runs to a blank, `>` or `/>`.
/// - `</` + name start (letter, `_`, `:`, `.`): an end tag, skipped to the next `>` (quotes do not count);
///   `</` + anything else: those two characters are dropped.
/// - `<!--`: a comment, ended by the first `-->` or `--!>` from the fifth byte on; unterminated, it eats
///   the rest of the input. `<!DOCTYPE` (any case): a name, quoted public and system literals, then up
///   to the next `>`.
/// - `<?` + name: a processing instruction up to the next `>`; `<?` + anything else: two bytes dropped.
/// - Any other `<` is text, as is the content of `script` and `style` up to `</script` / `</style`.
/// - `&#…` / `&#x…`: digits up to `;` or the first non-digit (the `;` is optional); a value that is not
///   an XML character decodes to nothing. `&name;`: only a name libxml2's HTML 4 table knows (with the
///   `;`) decodes; anything else (`&foo;`, `&amp` without `;`) stays text.
struct HTMLSourceScanner {
    let bytes: UnsafeBufferPointer<UInt8>

    /// The first `byte` at or after `from` (memchr), or the end of the input.
    @inline(__always) func find(_ byte: UInt8, from: Int) -> Int {
        let n = bytes.count
        guard from < n, let base = bytes.baseAddress else { return n }
        guard let hit = memchr(base + from, Int32(byte), n - from) else { return n }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// The first `byte` at or after `from` and before `end` (memchr over that range only), or `end` (at
    /// most the end of the input). For searches inside a span, so that each costs the span, not the rest of the page.
    @inline(__always) func find(_ byte: UInt8, from: Int, before end: Int) -> Int {
        let end = min(end, bytes.count)
        guard from < end, let base = bytes.baseAddress else { return end }
        guard let hit = memchr(base + from, Int32(byte), end - from) else { return end }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var count: Int { bytes.count }

    struct Markup {
        enum Kind: Equatable {
            case startTag, endTag, comment, unterminatedComment, doctype, processingInstruction
            /// `</` or `<?` that libxml2 drops (two bytes), the rest being text.
            case dropped
        }
        var kind: Kind
        /// The offset just past the markup.
        var end: Int
        /// For tags, the end of the (lower- or upper-case) name that starts at the `<` + 1 (+ 2 for end tags);
        /// for comments, the end of the content (where `-->` starts).
        var nameEnd: Int
    }

    enum Reference: Equatable {
        /// The `&` is text.
        case literal
        /// A reference that decodes to nothing, ending at `end`.
        case dropped(end: Int)
        /// A reference that decodes to the scalar `value`, ending at `end`.
        case scalar(UInt32, end: Int)
    }

    // MARK: Character classes (ASCII, as libxml2's macros)

    @inline(__always) static func isBlank(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D
    }

    @inline(__always) static func isLetter(_ c: UInt8) -> Bool {
        (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool {
        c >= 0x30 && c <= 0x39
    }

    /// First character of `htmlParseHTMLName`: ASCII letter, `_`, `:` or `.`.
    @inline(__always) static func isHTMLNameStart(_ c: UInt8) -> Bool {
        isLetter(c) || c == 0x5F || c == 0x3A || c == 0x2E
    }

    /// Later characters of `htmlParseHTMLName`: ASCII letter or digit, `:`, `-`, `_`, `.`.
    @inline(__always) static func isHTMLNameChar(_ c: UInt8) -> Bool {
        isLetter(c) || isDigit(c) || c == 0x3A || c == 0x2D || c == 0x5F || c == 0x2E
    }

    /// libxml2's `IS_CHAR`: the characters XML 1.0 allows.
    @inline(__always) static func isXMLChar(_ v: UInt32) -> Bool {
        v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD)
            || (v >= 0x10000 && v <= 0x10FFFF)
    }

    @inline(__always) func byte(_ i: Int) -> UInt8 {
        i < bytes.count ? bytes[i] : 0
    }

    // MARK: Markup

    /// The markup that the `<` at `i` starts, or nil when that `<` is text.
    func markup(at i: Int) -> Markup? {
        let n = bytes.count
        guard i + 1 < n else { return nil }
        let c1 = bytes[i + 1]
        if Self.isLetter(c1) {
            return startTag(at: i) { _, _ in }
        }
        switch c1 {
        case 0x2F: // '/'
            guard i + 2 < n, Self.isHTMLNameStart(bytes[i + 2]) else {
                return Markup(kind: .dropped, end: i + 2, nameEnd: i + 2)
            }
            var j = i + 3
            while j < n, Self.isHTMLNameChar(bytes[j]) { j += 1 }
            let nameEnd = j
            j = find(0x3E, from: j)
            return Markup(kind: .endTag, end: min(j + 1, n), nameEnd: nameEnd)
        case 0x21: // '!'
            if i + 3 < n, bytes[i + 2] == 0x2D, bytes[i + 3] == 0x2D {
                return comment(at: i)
            }
            if hasWord("DOCTYPE", at: i + 2) {
                return Markup(kind: .doctype, end: doctypeEnd(from: i + 9), nameEnd: i + 9)
            }
            return nil
        case 0x3F: // '?'
            guard i + 2 < n, Self.isLetter(bytes[i + 2]) || bytes[i + 2] == 0x5F || bytes[i + 2] == 0x3A || bytes[i + 2] >= 0x80 else {
                return Markup(kind: .dropped, end: i + 2, nameEnd: i + 2)
            }
            let j = find(0x3E, from: i + 2)
            return Markup(kind: .processingInstruction, end: min(j + 1, n), nameEnd: i + 2)
        default:
            return nil
        }
    }

    /// Whether the upper-case ASCII `word` stands at `i`, ignoring case.
    private func hasWord(_ word: StaticString, at i: Int) -> Bool {
        word.withUTF8Buffer { w in
            guard i + w.count <= bytes.count else { return false }
            for k in 0..<w.count where bytes[i + k] & 0xDF != w[k] { return false }
            return true
        }
    }

    /// `htmlParseDocTypeDecl` from after `<!DOCTYPE`: a name, an optional `PUBLIC "…" ["…"]` or
    /// `SYSTEM "…"`, then anything up to the next `>`.
    private func doctypeEnd(from start: Int) -> Int {
        let n = bytes.count
        var j = start
        func skipBlanks() { while j < n, Self.isBlank(bytes[j]) { j += 1 } }
        func literal() {
            guard j < n, bytes[j] == 0x22 || bytes[j] == 0x27 else { return }
            j = find(bytes[j], from: j + 1)
            if j < n { j += 1 }
        }
        skipBlanks()
        if j < n, Self.isLetter(bytes[j]) || bytes[j] == 0x5F || bytes[j] == 0x3A || bytes[j] >= 0x80 {
            j += 1
            while j < n {
                let c = bytes[j]
                guard Self.isHTMLNameChar(c) || c >= 0x80 else { break }
                j += 1
            }
        }
        skipBlanks()
        if hasWord("SYSTEM", at: j) {
            j += 6
            skipBlanks()
            literal()
        } else if hasWord("PUBLIC", at: j) {
            j += 6
            skipBlanks()
            literal()
            skipBlanks()
            literal()
        }
        j = find(0x3E, from: j)
        return min(j + 1, n)
    }

    /// The comment starting with `<!--` at `i`: libxml2 ends it at the first `-->` or `--!>` found
    /// from the byte after `<!--` on (so `<!-->` does not end it).
    func comment(at i: Int) -> Markup {
        let n = bytes.count
        var k = find(0x2D, from: i + 4)
        while k + 2 < n {
            if bytes[k + 1] == 0x2D {
                let c = bytes[k + 2]
                if c == 0x3E { return Markup(kind: .comment, end: k + 3, nameEnd: k) }
                if c == 0x21, k + 3 < n, bytes[k + 3] == 0x3E { return Markup(kind: .comment, end: k + 4, nameEnd: k) }
            }
            k = find(0x2D, from: k + 1)
        }
        return Markup(kind: .unterminatedComment, end: n, nameEnd: n)
    }

    /// The start tag at `i` (`<` + ASCII letter), calling `attribute` with each attribute's name range
    /// and value range (nil for an attribute without `=`), in source order.
    func startTag(at i: Int, _ attribute: (Range<Int>, Range<Int>?) -> Void) -> Markup {
        let n = bytes.count
        var j = i + 1
        while j < n, Self.isHTMLNameChar(bytes[j]) { j += 1 }
        let nameEnd = j
        while j < n, Self.isBlank(bytes[j]) { j += 1 }
        while j < n {
            let c = bytes[j]
            if c == 0x3E { return Markup(kind: .startTag, end: j + 1, nameEnd: nameEnd) }
            if c == 0x2F, j + 1 < n, bytes[j + 1] == 0x3E { return Markup(kind: .startTag, end: j + 2, nameEnd: nameEnd) }
            if Self.isHTMLNameStart(c) {
                let nameStart = j
                j += 1
                while j < n, Self.isHTMLNameChar(bytes[j]) { j += 1 }
                let attributeNameEnd = j
                while j < n, Self.isBlank(bytes[j]) { j += 1 }
                if j < n, bytes[j] == 0x3D { // '='
                    j += 1
                    while j < n, Self.isBlank(bytes[j]) { j += 1 }
                    let valueStart: Int
                    let valueEnd: Int
                    if j < n, bytes[j] == 0x22 || bytes[j] == 0x27 {
                        let quote = bytes[j]
                        valueStart = j + 1
                        j = find(quote, from: j + 1)
                        valueEnd = j
                        if j < n { j += 1 }
                    } else {
                        valueStart = j
                        while j < n, !Self.isBlank(bytes[j]), bytes[j] != 0x3E { j += 1 }
                        valueEnd = j
                    }
                    attribute(nameStart..<attributeNameEnd, valueStart..<valueEnd)
                } else {
                    attribute(nameStart..<attributeNameEnd, nil)
                }
            } else {
                // A bogus attribute: libxml2 dumps it up to a blank or the end of the tag.
                while j < n {
                    let b = bytes[j]
                    if Self.isBlank(b) || b == 0x3E || (b == 0x2F && j + 1 < n && bytes[j + 1] == 0x3E) { break }
                    j += 1
                }
            }
            while j < n, Self.isBlank(bytes[j]) { j += 1 }
        }
        return Markup(kind: .startTag, end: n, nameEnd: nameEnd)
    }

    /// Whether the bytes in `range` equal the lower-case ASCII `name`, ignoring ASCII case.
    func equalsIgnoringCase(_ range: Range<Int>, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard range.count == name.count else { return false }
        var k = 0
        for i in range {
            let c = bytes[i]
            let lower = (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c
            if lower != name[k] { return false }
            k += 1
        }
        return true
    }

    /// Whether two byte buffers hold the same bytes (memcmp).
    @inline(__always) static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard a.count > 0, let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
    }

    @inline(__always) static func equal(_ a: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
        s.withUTF8Buffer { equal(a, $0) }
    }

    func equalsIgnoringCase(_ range: Range<Int>, _ name: StaticString) -> Bool {
        name.withUTF8Buffer { equalsIgnoringCase(range, $0) }
    }

    /// Whether the start tag whose name ends at `nameEnd` (the `<` at `i`) is `html`, `head` or `body`,
    /// which libxml2 drops when they come again (merging their attributes into the first).
    func isDiscardableStartTag(at i: Int, nameEnd: Int) -> Bool {
        discardableRank(at: i, nameEnd: nameEnd) > 0
    }

    /// 1 for an `html` start tag, 2 for `head`, 3 for `body` (the order libxml2 creates them in), else 0.
    func discardableRank(at i: Int, nameEnd: Int) -> Int {
        let r = (i + 1)..<nameEnd
        guard r.count == 4 else { return 0 }
        if equalsIgnoringCase(r, "html") { return 1 }
        if equalsIgnoringCase(r, "head") { return 2 }
        if equalsIgnoringCase(r, "body") { return 3 }
        return 0
    }

    /// Whether the start tag at `i` opens an element whose content libxml2 reads as raw text.
    func isRawTextStartTag(at i: Int, nameEnd: Int) -> Bool {
        let r = (i + 1)..<nameEnd
        return equalsIgnoringCase(r, "script") || equalsIgnoringCase(r, "style")
    }

    /// Where the raw text of the element whose start tag (the `<` at `tag`) ends at `from` stops: at the
    /// first `</` followed by the element's name (any case, as a prefix), or the end of the input.
    func rawTextEnd(from: Int, tag: Int, nameEnd: Int) -> Int {
        let n = bytes.count
        let nameLength = nameEnd - tag - 1
        var j = find(0x3C, from: from)
        while j + 1 < n {
            if bytes[j + 1] == 0x2F, j + 2 + nameLength <= n {
                var k = 0
                while k < nameLength, bytes[j + 2 + k] | 0x20 == bytes[tag + 1 + k] | 0x20 { k += 1 }
                if k == nameLength { return j }
            }
            j = find(0x3C, from: j + 1)
        }
        return n
    }

    // MARK: References

    /// The character reference that the `&` at `i` starts, decoded as libxml2's HTML parser does;
    /// `lookup` resolves an entity name (ASCII bytes) to its code point, 0 when unknown.
    func reference(at i: Int, lookup: (UnsafeBufferPointer<UInt8>) -> UInt32) -> Reference {
        let n = bytes.count
        guard i + 1 < n else { return .literal }
        if bytes[i + 1] == 0x23 { // '#'
            var value: UInt32 = 0
            var j: Int
            if i + 2 < n, bytes[i + 2] | 0x20 == 0x78 { // x / X
                j = i + 3
                while j < n, bytes[j] != 0x3B {
                    let c = bytes[j]
                    let digit: UInt32
                    if Self.isDigit(c) { digit = UInt32(c - 0x30) }
                    else if c | 0x20 >= 0x61, c | 0x20 <= 0x66 { digit = UInt32((c | 0x20) - 0x61 + 10) }
                    else { break }
                    if value < 0x110000 { value = value * 16 + digit }
                    j += 1
                }
            } else {
                j = i + 2
                while j < n, bytes[j] != 0x3B {
                    let c = bytes[j]
                    guard Self.isDigit(c) else { break }
                    if value < 0x110000 { value = value * 10 + UInt32(c - 0x30) }
                    j += 1
                }
            }
            if j < n, bytes[j] == 0x3B { j += 1 }
            return Self.isXMLChar(value) ? .scalar(value, end: j) : .dropped(end: j)
        }
        let c = bytes[i + 1]
        guard Self.isLetter(c) || c == 0x5F || c == 0x3A else { return .literal }
        var j = i + 2
        while j < n {
            let b = bytes[j]
            guard Self.isLetter(b) || Self.isDigit(b) || b == 0x5F || b == 0x2D || b == 0x3A || b == 0x2E else { break }
            j += 1
        }
        guard j < n, bytes[j] == 0x3B else { return .literal }
        let value = lookup(UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j]))
        return value > 0 ? .scalar(value, end: j + 1) : .literal
    }
}
