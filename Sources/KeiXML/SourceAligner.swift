internal import CKeiLibXML2
import KeiDocument

/// Finds, in one forward pass, where the text nodes, comments and element start tags of a libxml2 HTML
/// tree stand in the decoded source (``DOMDocument/sourceText``).
///
/// ``MarkupParser`` calls it while it copies the tree, in document order. The aligner keeps a cursor into
/// the source's UTF-8 bytes that only moves forward:
/// - an element start looks for its `<name` start tag from the cursor and moves past it; elements
///   libxml2 implies (`html`, `head`, `body`, `p`) get no start when the next tag is another one or when
///   their first text comes first;
/// - a text node looks for where its content starts (skipping markup and whitespace libxml2 dropped),
///   then matches it: equal bytes become verbatim origins, a character reference or a line end read
///   differently becomes one non-verbatim origin, markup in the middle (a stray end tag libxml2
///   ignored) is skipped, characters libxml2 drops are skipped;
/// - a comment finds its `<!--` … `-->`.
/// Content of `script` and `style` is matched literally. What cannot be matched gets no source and leaves
/// the cursor where matching stopped. Every search is bounded (``searchLimit``), so the pass stays linear.
struct SourceAligner {
    /// The furthest a search goes from the cursor, in bytes.
    static let searchLimit = 64 * 1024
    /// A candidate start is taken when this many bytes of the text (or all of it) match from there.
    static let acceptedPrefix = 32
    /// How many bytes of an element's first text are compared to tell an implied element.
    static let impliedProbe = 16

    private let scanner: HTMLSourceScanner
    /// UTF-8 offset in the source up to which everything has been accounted for.
    private(set) var cursor = 0
    private var origins: [TextOrigin] = []
    private var entityKeys: [UInt64] = []
    private var entityValues: [UInt32] = []

    /// Where the document's own `<!DOCTYPE` stands (read before the content), -1 when there is none.
    private let initialDoctype: Int
    /// A `<` that libxml2 reads as text although markup could start there (see ``markup(at:)``).
    private var literalLessThan = -1

    init(source: UnsafeBufferPointer<UInt8>) {
        scanner = HTMLSourceScanner(source)
        // htmlParseDocument: blanks, comments and processing instructions, then perhaps the DOCTYPE.
        let n = source.count
        var i = 0
        var doctype = -1
        while i < n {
            if HTMLSourceScanner.isBlank(source[i]) { i += 1; continue }
            guard source[i] == 0x3C, let m = scanner.markup(at: i) else { break }
            if m.kind == .comment || m.kind == .unterminatedComment || m.kind == .processingInstruction
                || (m.kind == .dropped && source[i + 1] == 0x3F) {
                i = m.end
                continue
            }
            if m.kind == .doctype { doctype = i }
            break
        }
        initialDoctype = doctype
    }

    /// The markup at the `<` at `p`, as ``HTMLSourceScanner/markup(at:)``, with one libxml2 quirk: after
    /// a `<!DOCTYPE` inside the content it reads only a comment, a processing instruction or a start tag;
    /// any other `<` right after it (an end tag, say) is text.
    private mutating func markup(at p: Int) -> HTMLSourceScanner.Markup? {
        if p == literalLessThan { return nil }
        guard let m = scanner.markup(at: p) else { return nil }
        if m.kind == .doctype, p != initialDoctype, m.end + 1 < bytes.count, bytes[m.end] == 0x3C {
            let c = bytes[m.end + 1]
            let isComment = c == 0x21 && m.end + 3 < bytes.count && bytes[m.end + 2] == 0x2D && bytes[m.end + 3] == 0x2D
            if !(isComment || c == 0x3F || HTMLSourceScanner.isLetter(c)) { literalLessThan = m.end }
        }
        return m
    }

    /// An aligner with no source: every call returns nil or unsourced origins.
    static var disabled: SourceAligner {
        SourceAligner(source: UnsafeBufferPointer(start: nil, count: 0))
    }

    var isEnabled: Bool { scanner.count > 0 }

    private var bytes: UnsafeBufferPointer<UInt8> { scanner.bytes }

    // MARK: Elements

    /// The offset of the start tag of an element named `name` (lower case, as libxml2 stores HTML
    /// names), moving the cursor past the tag; nil (cursor unchanged) when libxml2 implied the element
    /// or the tag cannot be found. `firstText` gives the element's first descendant text, if any.
    mutating func elementStart(name: UnsafeBufferPointer<UInt8>, firstText: () -> UnsafeBufferPointer<UInt8>?) -> Int? {
        let n = bytes.count
        guard n > 0, !name.isEmpty else { return nil }
        // libxml2 implies these: the next start tag must be theirs.
        let impliable = Self.isImpliable(name)
        // A repeated html/head/body tag that libxml2 dropped may stand before the tag; but not one that
        // comes after this element in libxml2's order (html, head, body): that one would be this
        // element's successor, so this element was implied.
        let rank = Self.discardableRank(name)
        let limit = min(n, cursor + Self.searchLimit)
        var expected: Probe??
        // Where the current run of text (after the last markup) started, and the run last probed whole.
        var runStart = -1
        var probedRun = -1
        var p = cursor
        while p < limit {
            let c = bytes[p]
            if c == 0x3C, let m = markup(at: p) {
                runStart = -1
                if m.kind == .startTag {
                    let tagName = (p + 1)..<min(m.nameEnd, p + 101) // libxml2 keeps 100 bytes of a name
                    if scanner.equalsIgnoringCase(tagName, name) {
                        cursor = m.end
                        return p
                    }
                    let otherRank = scanner.discardableRank(at: p, nameEnd: m.nameEnd)
                    if otherRank > 0, rank == 0 || otherRank < rank {
                        p = m.end
                        continue
                    }
                    if impliable { return nil }
                    p = scanner.isRawTextStartTag(at: p, nameEnd: m.nameEnd)
                        ? scanner.rawTextEnd(from: m.end, tag: p, nameEnd: m.nameEnd) : m.end
                    continue
                }
                p = m.end
                continue
            }
            if runStart < 0 { runStart = p }
            if HTMLSourceScanner.isBlank(c) {
                p += 1
                continue
            }
            // Text before the tag: the element's own first text (it was implied), or text left over
            // (which may hold characters libxml2 dropped, such as a `<` before any element).
            if expected == nil { expected = .some(Self.probe(firstText())) }
            if let e = expected! {
                if c == e.content[0] || c == 0x26, startsWith(e.content, at: p) { return nil }
                // A first text that starts with whitespace: does this run of text start with it?
                if e.whole.count > e.content.count, probedRun != runStart {
                    probedRun = runStart
                    if startsWith(e.whole, at: runStart) { return nil }
                }
            }
            p += 1
        }
        return nil
    }

    /// The start of an element's first text: `whole` with its leading whitespace, `content` without.
    private struct Probe {
        var whole: UnsafeBufferPointer<UInt8>
        var content: UnsafeBufferPointer<UInt8>
    }

    private static func discardableRank(_ name: UnsafeBufferPointer<UInt8>) -> Int {
        guard name.count == 4 else { return 0 }
        if HTMLSourceScanner.equal(name, "html") { return 1 }
        if HTMLSourceScanner.equal(name, "head") { return 2 }
        if HTMLSourceScanner.equal(name, "body") { return 3 }
        return 0
    }

    private static func isImpliable(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.count == 1 ? name[0] == 0x70 : discardableRank(name) > 0 // p, html, head, body
    }

    private static func probe(_ b: UnsafeBufferPointer<UInt8>?) -> Probe? {
        guard let b else { return nil }
        var i = 0
        while i < b.count, HTMLSourceScanner.isBlank(b[i]) { i += 1 }
        // At most `impliedProbe` bytes of content, ending on a character boundary (a reference decodes whole).
        var end = min(b.count, i + impliedProbe)
        while end < b.count, end > i, b[end] & 0xC0 == 0x80 { end -= 1 }
        guard end > i else { return nil }
        return Probe(whole: UnsafeBufferPointer(rebasing: b[0..<end]), content: UnsafeBufferPointer(rebasing: b[i..<end]))
    }

    /// Whether the source from `p` reads as `text` (references decoded, markup skipped).
    private mutating func startsWith(_ text: UnsafeBufferPointer<UInt8>, at p: Int) -> Bool {
        let mark = origins.count
        let (_, k) = match(text, from: p, raw: false)
        while origins.count > mark { origins.removeLast() }
        return k == text.count
    }

    // MARK: Comments

    /// The span of the comment `<!--content-->` at or after the cursor (moving the cursor past it), nil
    /// when another start tag or the search limit comes first.
    mutating func comment(_ content: UnsafeBufferPointer<UInt8>) -> SourceSpan? {
        let n = bytes.count
        let limit = min(n, cursor + Self.searchLimit)
        var p = cursor
        while p < limit {
            guard bytes[p] == 0x3C, let m = markup(at: p) else { p += 1; continue }
            switch m.kind {
            case .comment:
                if HTMLSourceScanner.equal(UnsafeBufferPointer(rebasing: bytes[(p + 4)..<m.nameEnd]), content) {
                    cursor = m.end
                    return SourceSpan(start: p, end: m.end)
                }
            case .unterminatedComment:
                return nil
            case .startTag:
                if !scanner.isDiscardableStartTag(at: p, nameEnd: m.nameEnd) { return nil }
            default:
                break
            }
            p = m.end
        }
        return nil
    }

    // MARK: Text

    /// The origins of a text node's bytes `text`; `raw` for the content of `script` and `style`.
    mutating func align(_ text: UnsafeBufferPointer<UInt8>, raw: Bool) -> [TextOrigin] {
        if alignText(text, raw: raw) { return origins }
        return text.isEmpty ? [] : [TextOrigin(length: text.count, source: nil, verbatim: false)]
    }

    /// The run for a text node: `string` (whose UTF-8 is `text`) with the origins the aligner finds.
    mutating func run(_ string: String, _ text: UnsafeBufferPointer<UInt8>, raw: Bool) -> TextRun {
        guard alignText(text, raw: raw) else { return TextRun(string) }
        if origins.count == 1 {
            // The common case, without building an array of origins only to copy it.
            return TextRun(string, source: origins[0].source, verbatim: origins[0].verbatim)
        }
        return TextRun(string, origins: origins)
    }

    /// Aligns `text`, leaving its origins in `origins`; false when nothing of it has a source (or it is empty).
    private mutating func alignText(_ text: UnsafeBufferPointer<UInt8>, raw: Bool) -> Bool {
        let n = text.count
        clearOrigins()
        guard n > 0, isEnabled else { return false }
        let limit = min(bytes.count, cursor + Self.searchLimit)
        let needed = min(n, Self.acceptedPrefix)
        let first = text[0]
        var budget = 4 * Self.searchLimit
        var p = cursor
        while p < limit, budget > 0 {
            let c = bytes[p]
            if !raw, c == 0x3C, let m = markup(at: p) {
                if m.kind == .startTag, !scanner.isDiscardableStartTag(at: p, nameEnd: m.nameEnd) { break }
                p = m.end
                continue
            }
            if c == first || (!raw && c == 0x26) || (c == 0x0D && first == 0x0A) || (c == 0 && first == 0x20) {
                let (s, k) = match(text, from: p, raw: raw)
                if k == n || k >= needed {
                    if k < n { origins.append(TextOrigin(length: n - k, source: nil, verbatim: false)) }
                    cursor = s
                    return true
                }
                clearOrigins()
                budget -= max(1, s - p)
            }
            p += 1
        }
        clearOrigins()
        return false
    }

    /// Matches `text` against the source from `start`, appending origins for what matched; returns the
    /// source offset and the text offset where matching stopped.
    private mutating func match(_ text: UnsafeBufferPointer<UInt8>, from start: Int, raw: Bool) -> (Int, Int) {
        let src = bytes
        let N = src.count
        let n = text.count
        var s = start
        var k = 0
        while k < n, s < N {
            // The common case: a run of equal bytes.
            let runStart = s
            // Eight bytes at a time while they are equal and (outside raw text) hold no `<` or `&`.
            if let sp = src.baseAddress, let tp = text.baseAddress {
                while s + 8 <= N, k + 8 <= n {
                    let a = UnsafeRawPointer(sp + s).loadUnaligned(as: UInt64.self)
                    guard a == UnsafeRawPointer(tp + k).loadUnaligned(as: UInt64.self),
                          raw || !(Self.hasByte(a, 0x3C) || Self.hasByte(a, 0x26)) else { break }
                    s += 8; k += 8
                }
            }
            if raw {
                while s < N, k < n, src[s] == text[k] { s += 1; k += 1 }
            } else {
                while s < N, k < n {
                    let c = src[s]
                    guard c == text[k], c != 0x3C, c != 0x26 else { break }
                    s += 1; k += 1
                }
            }
            if s > runStart {
                appendOrigin(length: s - runStart, source: runStart..<s, verbatim: true)
            }
            guard k < n, s < N else { break }
            let c = src[s]
            let t = text[k]
            if !raw, c == 0x3C {
                if let m = markup(at: s) {
                    // libxml2 goes on with the same text node across markup it ignores (end tags, a
                    // repeated html/head/body tag, a DOCTYPE), never across an element or a comment.
                    switch m.kind {
                    case .comment, .unterminatedComment:
                        return (s, k)
                    case .startTag where !scanner.isDiscardableStartTag(at: s, nameEnd: m.nameEnd):
                        return (s, k)
                    default:
                        s = m.end
                    }
                    continue
                }
                guard t == 0x3C else { break }
                appendOrigin(length: 1, source: s..<(s + 1), verbatim: true)
                s += 1; k += 1
                continue
            }
            if !raw, c == 0x26 {
                switch scanner.reference(at: s, lookup: { entityValue($0) }) {
                case .literal:
                    guard t == 0x26 else { return (s, k) }
                    appendOrigin(length: 1, source: s..<(s + 1), verbatim: true)
                    s += 1; k += 1
                case .dropped(let end):
                    s = end
                case .scalar(let decoded, let end):
                    // As the tree holds it: `&#146;` is ’ (HTML5's windows-1252 mapping).
                    let value = MarkupParser.referenceValue(decoded)
                    let length = Self.utf8Length(value)
                    guard k + length <= n, Self.utf8Equal(value, text, at: k) else { return (s, k) }
                    appendOrigin(length: length, source: s..<end, verbatim: false)
                    s = end; k += length
                }
                continue
            }
            if c == 0x0D, t == 0x0A {
                // A line end read as a line feed.
                let end = s + 1 < N && src[s + 1] == 0x0A ? s + 2 : s + 1
                appendOrigin(length: 1, source: s..<end, verbatim: false)
                s = end; k += 1
                continue
            }
            if c == 0, t == 0x20 {
                // libxml2 reads NUL as a space.
                appendOrigin(length: 1, source: s..<(s + 1), verbatim: false)
                s += 1; k += 1
                continue
            }
            if let width = droppedWidth(at: s) {
                s += width
                continue
            }
            break
        }
        return (s, k)
    }

    /// The width of a character libxml2 leaves out of text (it is no XML character), or of U+FFFD that
    /// stands for bytes the decoder could not keep; nil for anything else.
    private func droppedWidth(at s: Int) -> Int? {
        let c = bytes[s]
        if c < 0x20 { return c == 0x09 || c == 0x0A || c == 0x0D ? nil : 1 }
        if c == 0xEF, s + 2 < bytes.count, bytes[s + 1] == 0xBF, bytes[s + 2] >= 0xBD { return 3 }
        return nil
    }

    @inline(__always) private mutating func clearOrigins() {
        if !origins.isEmpty { origins.removeAll(keepingCapacity: true) }
    }

    @inline(__always) private mutating func appendOrigin(length: Int, source: Range<Int>, verbatim: Bool) {
        if verbatim, let last = origins.last, last.verbatim, let span = last.source, span.end == source.lowerBound {
            origins[origins.count - 1] = TextOrigin(length: last.length + length,
                                                    source: SourceSpan(start: span.start, end: source.upperBound), verbatim: true)
            return
        }
        origins.append(TextOrigin(length: length, source: SourceSpan(source), verbatim: verbatim))
    }

    /// Whether one of the eight bytes of `x` is `byte`.
    @inline(__always) private static func hasByte(_ x: UInt64, _ byte: UInt8) -> Bool {
        let y = x ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (y &- 0x0101_0101_0101_0101) & ~y & 0x8080_8080_8080_8080 != 0
    }

    @inline(__always) private static func utf8Length(_ v: UInt32) -> Int {
        v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
    }

    private static func utf8Equal(_ v: UInt32, _ text: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
        switch utf8Length(v) {
        case 1:
            return text[k] == UInt8(v)
        case 2:
            return text[k] == UInt8(0xC0 | v >> 6) && text[k + 1] == UInt8(0x80 | v & 0x3F)
        case 3:
            return text[k] == UInt8(0xE0 | v >> 12) && text[k + 1] == UInt8(0x80 | (v >> 6) & 0x3F)
                && text[k + 2] == UInt8(0x80 | v & 0x3F)
        default:
            return text[k] == UInt8(0xF0 | v >> 18) && text[k + 1] == UInt8(0x80 | (v >> 12) & 0x3F)
                && text[k + 2] == UInt8(0x80 | (v >> 6) & 0x3F) && text[k + 3] == UInt8(0x80 | v & 0x3F)
        }
    }

    // MARK: Entities

    /// libxml2's value for an HTML entity name, cached per document (a page uses a handful of names).
    private mutating func entityValue(_ name: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard name.count <= 8 else { return HTMLEntities.value(of: name) }
        var key: UInt64 = 0
        for b in name { key = key << 8 | UInt64(b) }
        if let i = entityKeys.firstIndex(of: key) { return entityValues[i] }
        let value = HTMLEntities.value(of: name)
        entityKeys.append(key)
        entityValues.append(value)
        return value
    }
}

/// libxml2's table of HTML 4 entities (`htmlEntityLookup`), which its HTML parser decodes.
enum HTMLEntities {
    /// The code point of the entity `name` (ASCII bytes, case-sensitive), 0 when libxml2 knows none.
    static func value(of name: UnsafeBufferPointer<UInt8>) -> UInt32 {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: name.count + 1) { buffer -> UInt32 in
            for (i, b) in name.enumerated() { buffer[i] = b }
            buffer[name.count] = 0
            return htmlEntityLookup(buffer.baseAddress!)?.pointee.value ?? 0
        }
    }

    /// The character libxml2 decodes `&name;` to, nil when it leaves the reference as text.
    static func scalar(named name: String) -> Unicode.Scalar? {
        var name = name
        let code = name.withUTF8 { bytes -> UInt32 in value(of: bytes) }
        return code > 0 ? Unicode.Scalar(code) : nil
    }
}
