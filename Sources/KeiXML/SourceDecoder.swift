internal import CKeiLibXML2
import Foundation

/// Decodes a page's raw bytes to the text libxml2's HTML parser reads (``DOMDocument/sourceText``).
///
/// libxml2 2.9 does not keep that text, so this replays its decisions on the raw bytes and converts with
/// the same encoding handlers (`xmlFindCharEncodingHandler`, `xmlGetCharEncodingHandler`,
/// `xmlCharEncInFunc`), which makes the result identical to what the parser saw:
/// - a forced encoding (the caller's, or UTF-8 that ``MarkupParser`` sniffs) converts everything;
/// - otherwise the first four bytes may select UTF-16/UCS-4/EBCDIC (converted whole) or UTF-8 (a BOM or
///   `<?xm`);
/// - otherwise the parser reads ASCII until either a `<meta>` declares a charset (switching there) or
///   the first non-ASCII byte, where it guesses from an `http-equiv … content … charset=` further on and
///   falls back to ISO-8859-1;
/// - while reading UTF-8 without a handler, the first invalid sequence switches the rest to ISO-8859-1;
///   with the UTF-8 handler forced, each invalid byte reads as its ISO-8859-1 character;
/// - a conversion error ends the text there, as it ends libxml2's input.
/// A leading U+FEFF is removed. Sequences libxml2 accepts that a Swift string cannot hold (UTF-16
/// surrogates, values past U+10FFFF; libxml2 drops those characters from the tree) become U+FFFD.
enum SourceDecoder {
    static func decode(_ data: Data, forcedEncoding: String?) -> String {
        guard !data.isEmpty, data.count <= Int(Int32.max) else { return "" }
        return data.withUnsafeBytes { raw -> String in
            let bytes = raw.bindMemory(to: UInt8.self)
            // Conversion errors are reported again through the structured error handler: keep them
            // out of the parse's messages (libxml2 already reported them once, during the parse).
            return MarkupParser.discardingErrors { decode(bytes, forcedEncoding: forcedEncoding) }
        }
    }

    private enum Mode {
        case guess
        case utf8
        case handler(xmlCharEncodingHandlerPtr)
    }

    private static func decode(_ b: UnsafeBufferPointer<UInt8>, forcedEncoding: String?) -> String {
        let n = b.count
        // Fast path: UTF-8 forced and valid (what MarkupParser sniffs for undeclared pages).
        if let forcedEncoding, isUTF8Name(forcedEncoding), let text = String(validating: b, as: UTF8.self) {
            return stripBOM(text)
        }
        var out: [UInt8] = []
        out.reserveCapacity(n + n / 8)
        if let forcedEncoding, let handler = xmlFindCharEncodingHandler(forcedEncoding) {
            defer { xmlCharEncCloseFunc(handler) }
            convert(b, from: skippedBOM(b, handler: handler), with: handler, into: &out)
            return stripBOM(String(decoding: out, as: UTF8.self))
        }

        var pos = 0
        var mode = Mode.guess
        if n >= 4 {
            let enc = xmlDetectCharEncoding(b.baseAddress, 4)
            if enc == XML_CHAR_ENCODING_UTF8 {
                mode = .utf8
                if b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { pos = 3 }
            } else if enc != XML_CHAR_ENCODING_NONE {
                // UTF-16, UCS-4, EBCDIC: libxml2 converts the whole input (and stops when it has no handler).
                guard let handler = xmlGetCharEncodingHandler(enc) else { return "" }
                defer { xmlCharEncCloseFunc(handler) }
                convert(b, from: skippedBOM(b, handler: handler), with: handler, into: &out)
                return stripBOM(String(decoding: out, as: UTF8.self))
            }
        }

        // `declared`: libxml2 has recorded an encoding name (ctxt->input->encoding), after which no
        // <meta> switches the encoding any more.
        var declared = false
        let scanner = HTMLSourceScanner(b)
        // Whether `out` is still the input's bytes from `start` on (so far read as ASCII or UTF-8): when
        // the rest is read as UTF-8 and the whole input is valid, the answer is the input itself.
        let start = pos
        var valid: String??
        func validInput() -> String? {
            if valid == nil { valid = .some(String(validating: UnsafeBufferPointer(rebasing: b[start...]), as: UTF8.self)) }
            return valid!
        }
        while pos < n {
            switch mode {
            case .guess:
                let firstNonASCII = Self.firstNonASCII(in: b, from: pos)
                if !declared, let (end, name) = firstMetaDeclaration(scanner, before: firstNonASCII) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[pos..<end]))
                    pos = end
                    declared = true
                    mode = modeForDeclaration(name) ?? .guess
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[pos..<firstNonASCII]))
                pos = firstNonASCII
                guard pos < n else { break }
                if !declared, let guess = guessedEncoding(b, from: pos) {
                    declared = true
                    if let handler = xmlFindCharEncodingHandler(guess) {
                        if handler.pointee.name.map({ String(cString: $0) }) == "UTF-8" {
                            xmlCharEncCloseFunc(handler)
                            mode = .utf8
                        } else {
                            mode = .handler(handler)
                        }
                    } else {
                        mode = .utf8
                    }
                } else {
                    appendLatin1(b, from: pos, into: &out)
                    pos = n
                }
            case .utf8:
                if declared, out.count == pos - start, let text = validInput() {
                    return stripBOM(text)
                }
                let invalid = validInput() != nil ? n : firstInvalidUTF8(b, from: pos)
                if !declared, let (end, name) = firstMetaDeclaration(scanner, before: invalid) {
                    appendUTF8(b, pos..<end, into: &out)
                    pos = end
                    declared = true
                    mode = modeForDeclaration(name) ?? .utf8
                    continue
                }
                appendUTF8(b, pos..<invalid, into: &out)
                appendLatin1(b, from: invalid, into: &out)
                pos = n
            case .handler(let handler):
                convert(b, from: pos, with: handler, into: &out)
                xmlCharEncCloseFunc(handler)
                pos = n
            }
        }
        return stripBOM(String(decoding: out, as: UTF8.self))
    }

    private static func isUTF8Name(_ name: String) -> Bool {
        let upper = name.uppercased()
        return upper == "UTF-8" || upper == "UTF8"
    }

    private static func stripBOM(_ s: String) -> String {
        s.unicodeScalars.first == "\u{FEFF}" ? String(s.unicodeScalars.dropFirst()) : s
    }

    /// The bytes `xmlSwitchInputEncoding` skips as a byte order mark before converting with `handler`.
    private static func skippedBOM(_ b: UnsafeBufferPointer<UInt8>, handler: xmlCharEncodingHandlerPtr) -> Int {
        guard let cName = handler.pointee.name else { return 0 }
        let name = String(cString: cName)
        if (name == "UTF-16LE" || name == "UTF-16"), b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return 2 }
        if name == "UTF-16BE", b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return 2 }
        if name == "UTF-8", b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return 3 }
        return 0
    }

    /// The first byte at or after `from` that is not ASCII, or the end of the input.
    private static func firstNonASCII(in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var i = from
        if let base = b.baseAddress {
            while i + 8 <= b.count, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
        }
        while i < b.count, b[i] < 0x80 { i += 1 }
        return i
    }

    // MARK: <meta> declarations

    /// The first `<meta>` whose attributes reach libxml2's `htmlCheckEncodingDirect` (a `charset`
    /// attribute, or `http-equiv="Content-Type"` with a `content` holding `charset` and `=`), when that
    /// tag ends at or before `limit`: the offset where the parser switches and the declared name.
    private static func firstMetaDeclaration(_ s: HTMLSourceScanner, before limit: Int) -> (Int, [UInt8])? {
        let b = s.bytes
        var i = 0
        while i < limit {
            guard b[i] == 0x3C, let m = s.markup(at: i) else { i += 1; continue }
            if m.kind == .startTag, m.end <= limit, s.equalsIgnoringCase((i + 1)..<m.nameEnd, "meta") {
                var declaration: [UInt8]?
                var httpEquiv = false
                var content: Range<Int>?
                _ = s.startTag(at: i) { name, value in
                    guard let value, declaration == nil else { return }
                    if s.equalsIgnoringCase(name, "http-equiv"), s.equalsIgnoringCase(value, "content-type") {
                        httpEquiv = true
                    } else if s.equalsIgnoringCase(name, "charset") {
                        declaration = Array(UnsafeBufferPointer(rebasing: b[value]))
                    } else if s.equalsIgnoringCase(name, "content") {
                        content = value
                    }
                }
                if declaration == nil, httpEquiv, let content {
                    declaration = charsetInContent(Array(UnsafeBufferPointer(rebasing: b[content])))
                }
                if let declaration {
                    var d = declaration[...]
                    while let f = d.first, f == 0x20 || f == 0x09 { d = d.dropFirst() }
                    return (m.end, Array(d))
                }
            }
            if m.kind == .startTag, s.isRawTextStartTag(at: i, nameEnd: m.nameEnd) {
                i = s.rawTextEnd(from: m.end, tag: i, nameEnd: m.nameEnd)
            } else {
                i = m.end
            }
        }
        return nil
    }

    /// `htmlCheckEncoding`: what follows `charset` (any case) and then `=` in a `content` value.
    private static func charsetInContent(_ v: [UInt8]) -> [UInt8]? {
        guard let at = indexOf(Array("charset".utf8), in: v) else { return nil }
        var i = at + 7
        if i < v.count, HTMLSourceScanner.isBlank(v[i]) {
            // libxml2 then looks for the first '=' of the whole value.
            guard let eq = v.firstIndex(of: 0x3D) else { return nil }
            i = eq
        }
        guard i < v.count, v[i] == 0x3D else { return nil }
        return Array(v[(i + 1)...])
    }

    /// ASCII case-insensitive search of a lower-case needle.
    private static func indexOf(_ needle: [UInt8], in v: [UInt8], from: Int = 0) -> Int? {
        guard needle.count <= v.count else { return nil }
        var i = from
        while i + needle.count <= v.count {
            var k = 0
            while k < needle.count, lowered(v[i + k]) == needle[k] { k += 1 }
            if k == needle.count { return i }
            i += 1
        }
        return nil
    }

    @inline(__always) private static func lowered(_ c: UInt8) -> UInt8 {
        (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c
    }

    /// What `htmlCheckEncodingDirect` does with a declared name while the parser has no encoder: nil when
    /// libxml2 knows no such encoding (nothing changes).
    private static func modeForDeclaration(_ name: [UInt8]) -> Mode? {
        let cName = name.map { CChar(bitPattern: $0) } + [0]
        let enc = xmlParseCharEncoding(cName)
        if enc != XML_CHAR_ENCODING_ERROR {
            switch enc {
            case XML_CHAR_ENCODING_UTF16LE, XML_CHAR_ENCODING_UTF16BE, XML_CHAR_ENCODING_UCS4LE, XML_CHAR_ENCODING_UCS4BE,
                 XML_CHAR_ENCODING_UTF8, XML_CHAR_ENCODING_NONE:
                // "wrong encoding meta" for UTF-16/UCS-4 without a BOM; nothing to convert for UTF-8.
                return .utf8
            default:
                guard let handler = xmlGetCharEncodingHandler(enc) else { return .utf8 }
                return .handler(handler)
            }
        }
        guard let handler = xmlFindCharEncodingHandler(cName) else { return nil }
        return .handler(handler)
    }

    /// `htmlFindEncoding`: from the first non-ASCII byte, `HTTP-EQUIV`, then `CONTENT`, then `CHARSET=`
    /// (any case, within the NUL-terminated input), and the name that follows.
    private static func guessedEncoding(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> String? {
        var end = from
        while end < b.count, b[end] != 0 { end += 1 }
        let tail = Array(UnsafeBufferPointer(rebasing: b[from..<end]))
        guard let h = indexOf(Array("http-equiv".utf8), in: tail),
              let c = indexOf(Array("content".utf8), in: tail, from: h),
              let cs = indexOf(Array("charset=".utf8), in: tail, from: c) else { return nil }
        var i = cs + 8
        let start = i
        while i < tail.count {
            let x = tail[i]
            guard HTMLSourceScanner.isLetter(x) || HTMLSourceScanner.isDigit(x) || x == 0x2D || x == 0x5F || x == 0x3A || x == 0x2F else { break }
            i += 1
        }
        guard i > start else { return nil }
        return String(decoding: tail[start..<i], as: UTF8.self)
    }

    // MARK: Conversions

    /// Length of the UTF-8 sequence at `i` as `htmlCurrentChar` accepts it, nil when it rejects it
    /// (it accepts surrogates and values up to 0x1FFFFF, which it then drops as invalid characters).
    @inline(__always) private static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let c = b[i]
        if c < 0x80 { return 1 }
        let n = b.count
        guard c & 0x40 != 0, i + 1 < n, b[i + 1] & 0xC0 == 0x80 else { return nil }
        if c & 0xE0 == 0xE0 {
            guard i + 2 < n, b[i + 2] & 0xC0 == 0x80 else { return nil }
            if c & 0xF0 == 0xF0 {
                guard c & 0xF8 == 0xF0, i + 3 < n, b[i + 3] & 0xC0 == 0x80 else { return nil }
                let v = UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
                return v < 0x10000 ? nil : 4
            }
            let v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
            return v < 0x800 ? nil : 3
        }
        let v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
        return v < 0x80 ? nil : 2
    }

    private static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var i = from
        let n = b.count
        while i < n {
            if b[i] < 0x80 { i += 1; continue }
            guard let len = sequenceLength(b, at: i) else { return i }
            i += len
        }
        return n
    }

    /// Appends the bytes in `range` (all accepted by `sequenceLength`), with U+FFFD for sequences a
    /// Swift string cannot hold.
    private static func appendUTF8(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout [UInt8]) {
        var i = range.lowerBound
        var runStart = i
        while i < range.upperBound {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let len = sequenceLength(b, at: i) ?? 1
            // Surrogates (ED A0..BF) and values past U+10FFFF (F4 90.., F5..F7).
            let unrepresentable = (c == 0xED && b[i + 1] >= 0xA0) || (c == 0xF4 && b[i + 1] >= 0x90) || c >= 0xF5
            if unrepresentable || len == 1 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<i]))
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                i += len
                runStart = i
            } else {
                i += len
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<range.upperBound]))
    }

    private static func appendLatin1(_ b: UnsafeBufferPointer<UInt8>, from: Int, into out: inout [UInt8]) {
        for i in from..<b.count {
            let c = b[i]
            if c < 0x80 {
                out.append(c)
            } else {
                out.append(0xC0 | c >> 6)
                out.append(0x80 | c & 0x3F)
            }
        }
    }

    /// Converts `b[from...]` with `handler` until the input is used up or the converter fails.
    private static func convert(_ b: UnsafeBufferPointer<UInt8>, from: Int, with handler: xmlCharEncodingHandlerPtr,
                                into out: inout [UInt8]) {
        guard from < b.count else { return }
        if let name = handler.pointee.name, String(cString: name) == "UTF-8" {
            // UTF8ToUTF8 copies bytes; htmlCurrentChar then reads each invalid byte as ISO-8859-1.
            var i = from
            while i < b.count {
                if let len = sequenceLength(b, at: i) {
                    appendUTF8(b, i..<(i + len), into: &out)
                    i += len
                } else {
                    appendLatin1(UnsafeBufferPointer(rebasing: b[i..<(i + 1)]), from: 0, into: &out)
                    i += 1
                }
            }
            return
        }
        let count = b.count - from
        guard let input = xmlBufferCreateSize(count + 1) else { return }
        defer { xmlBufferFree(input) }
        guard let output = xmlBufferCreateSize(2 * count + 64) else { return }
        defer { xmlBufferFree(output) }
        guard xmlBufferAdd(input, b.baseAddress! + from, Int32(count)) == 0 else { return }
        while xmlBufferLength(input) > 0 {
            let before = xmlBufferLength(input)
            let result = xmlCharEncInFunc(handler, output, input)
            if result == -2 || xmlBufferLength(input) >= before { break }
        }
        if let content = xmlBufferContent(output) {
            out.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(output))))
        }
    }
}
