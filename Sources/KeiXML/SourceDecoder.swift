internal import CKeiLibXML2
import Foundation
import KeiDocument

/// Decodes a page's raw bytes to its source text as a browser does (see ``SourceDecoding`` for how the
/// encoding is chosen), and makes the text safe for libxml2.
///
/// The result is what ``MarkupParser`` hands libxml2 (as UTF-8, with the parser's own encoding detection
/// switched off), so it is exactly the text every ``SourceSpan`` points into:
/// - UTF-8, UTF-16LE/BE, windows-1252 and x-user-defined are decoded here, other encodings of the
///   Encoding Standard through libxml2's converters (iconv); each byte sequence that is not valid in the
///   encoding becomes one U+FFFD (the Encoding Standard's replacement error mode) and decoding goes on in
///   the same encoding, so one stray byte garbles nothing after it;
/// - a leading byte order mark is removed;
/// - control characters that HTML text cannot hold and that libxml2 would drop silently or stop at
///   (NUL ends an attribute and the rest of the page), i.e. C0 controls other than tab, line feed and
///   carriage return, DEL, C1 controls (U+0080–U+009F, which a windows-1252 page read as ISO-8859-1
///   would show) and the noncharacters U+FFFE/U+FFFF, become U+FFFD; a form feed (HTML white space,
///   which libxml2 drops) becomes a space;
/// - markup libxml2 would lose text at is rewritten (``SourceRepair``: a reference to a control in an
///   attribute value, an abruptly closed comment `<!-->`).
public enum SourceDecoder {
    struct Decoded {
        var text: String
        var decoding: SourceDecoding
        /// References in attribute values that libxml2 would end the value at, rewritten (``SourceRepair``).
        var attributeReferences = ReplacedCharacters()
    }

    /// The source text of `data` and how it was decoded. `forcedEncoding` is an Encoding Standard label or,
    /// failing that, a converter name (iconv); a byte order mark still wins over it (as the Encoding
    /// Standard's "decode" says), and a name nothing knows is reported and ignored.
    static func decode(_ data: Data, forcedEncoding: String?) -> Decoded {
        guard data.count <= Int(Int32.max) else { return Decoded(text: "", decoding: SourceDecoding(encoding: "UTF-8", basis: .forced)) }
        return data.withUnsafeBytes { raw -> Decoded in
            let b = raw.bindMemory(to: UInt8.self)
            // Conversion errors are handled here; libxml2's reports of them would only repeat them.
            return MarkupParser.discardingErrors { decode(b, forcedEncoding: forcedEncoding) }
        }
    }

    private static func decode(_ b: UnsafeBufferPointer<UInt8>, forcedEncoding: String?) -> Decoded {
        var ignored: [SourceDecoding.Declaration] = []
        let choice = choose(b, forcedEncoding: forcedEncoding, ignored: &ignored)
        var invalid = ReplacedCharacters()
        var out = decodeBytes(b, from: choice.start, to: b.count, with: choice, invalid: &invalid)
        var controls = ReplacedCharacters()
        sanitize(&out, controls: &controls)
        let repair = SourceRepair(&out)
        var decoding = SourceDecoding(encoding: choice.encoding, basis: choice.basis)
        decoding.invalidBytes = repair.map(invalid)
        decoding.controlCharacters = repair.map(controls)
        // Where the declarations stand in the decoded text: the decoded length of the bytes before them.
        func declaration(_ found: EncodingPrescan.Found) -> SourceDecoding.Declaration {
            var ignore = ReplacedCharacters()
            var before = decodeBytes(b, from: choice.start, to: max(choice.start, found.range.lowerBound), with: choice, invalid: &ignore)
            var tag = decodeBytes(b, from: max(choice.start, found.range.lowerBound), to: found.range.upperBound, with: choice, invalid: &ignore)
            sanitize(&before, controls: &ignore)
            sanitize(&tag, controls: &ignore)
            let span = repair.map(SourceSpan(start: before.count, end: before.count + tag.count))!
            let line = UnsafeBufferPointer(rebasing: b[0..<found.range.lowerBound]).count(where: { $0 == 0x0A }) + 1
            return SourceDecoding.Declaration(label: found.label, encoding: found.encoding,
                                              span: span.end <= out.count && decoding.isReadable ? span : nil, line: line)
        }
        decoding.declaration = choice.declaration.map(declaration)
        decoding.ignoredDeclarations = ignored + choice.ignored.map(declaration)
        choice.close()
        return Decoded(text: String(decoding: out, as: UTF8.self), decoding: decoding,
                       attributeReferences: repair.attributeReferences)
    }

    // MARK: Choosing the encoding

    private struct Choice {
        var encoding: String
        var basis: SourceDecoding.Basis
        /// Where decoding starts (after a byte order mark).
        var start = 0
        var declaration: EncodingPrescan.Found?
        var ignored: [EncodingPrescan.Found] = []
        /// libxml2's converter for encodings not decoded here.
        var converter: xmlCharEncodingHandlerPtr?

        func close() {
            if let converter { xmlCharEncCloseFunc(converter) }
        }
    }

    private static func choose(_ b: UnsafeBufferPointer<UInt8>, forcedEncoding: String?,
                               ignored: inout [SourceDecoding.Declaration]) -> Choice {
        if let (encoding, length) = EncodingPrescan.byteOrderMark(b) {
            return Choice(encoding: encoding, basis: .byteOrderMark, start: length)
        }
        if let forced = forcedEncoding?.trimmingCharacters(in: .whitespaces), !forced.isEmpty {
            if let encoding = EncodingLabel.encoding(forLabel: forced), encoding != EncodingLabel.replacement,
               let choice = choice(encoding, basis: .forced) {
                return choice
            }
            // Not a label of the standard (or one it refuses, like iso-2022-kr): a converter by that name.
            if let handler = xmlFindCharEncodingHandler(forced) {
                return Choice(encoding: forced, basis: .forced, converter: handler)
            }
            ignored.append(SourceDecoding.Declaration(label: forced, encoding: nil, span: nil))
        }
        if let utf16 = EncodingPrescan.utf16WithoutByteOrderMark(b) {
            return Choice(encoding: utf16, basis: .detectedUTF16)
        }
        let (declared, unknown) = EncodingPrescan.prescan(b, limit: 1024)
        var unknowns = unknown.map { [$0] } ?? []
        if let declared, var choice = choice(declared.encoding!, basis: .metaDeclaration) {
            choice.declaration = declared
            choice.ignored = unknowns
            return choice
        }
        if let xml = EncodingPrescan.xmlDeclaration(b) {
            if let encoding = xml.encoding, var choice = choice(encoding, basis: .xmlDeclaration) {
                choice.declaration = xml
                choice.ignored = unknowns
                return choice
            }
            unknowns.append(xml)
        }
        let ascii = firstNonASCII(b) == nil
        if !ascii, firstInvalidUTF8(b) == nil {
            var choice = Choice(encoding: "UTF-8", basis: .validUTF8)
            choice.ignored = unknowns
            return choice
        }
        // A UTF-8 page with a few stray bytes is still UTF-8 (an encoding detector's answer).
        let (multiByte, invalid) = utf8Statistics(b)
        if !ascii, multiByte > invalid {
            var choice = Choice(encoding: "UTF-8", basis: .detectedUTF8)
            choice.ignored = unknowns
            return choice
        }
        // ASCII or not UTF-8: a declaration further on, as a browser's tree builder would meet it (and
        // switch to), else windows-1252.
        let late = EncodingPrescan.prescan(b, limit: b.count, skippingRawText: true)
        if let unknown = late.unknown, !unknowns.contains(unknown) { unknowns.append(unknown) }
        if let declared = late.declared, var choice = choice(declared.encoding!, basis: .lateMetaDeclaration) {
            choice.declaration = declared
            choice.ignored = unknowns
            return choice
        }
        var choice = Choice(encoding: "windows-1252", basis: ascii ? .asciiOnly : .defaultWindows1252)
        choice.ignored = unknowns
        return choice
    }

    /// A choice of the Encoding Standard's `encoding`; nil when it needs a converter libxml2 does not have.
    private static func choice(_ encoding: String, basis: SourceDecoding.Basis) -> Choice? {
        guard let name = EncodingLabel.converterName(encoding) else { return Choice(encoding: encoding, basis: basis) }
        guard let handler = xmlFindCharEncodingHandler(name) else { return nil }
        return Choice(encoding: encoding, basis: basis, converter: handler)
    }

    // MARK: Decoding

    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// The UTF-8 of `b[from..<to]` decoded as `choice` says, each invalid sequence replaced by U+FFFD and
    /// recorded in `invalid` (with its span in the output).
    private static func decodeBytes(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int, with choice: Choice,
                                    invalid: inout ReplacedCharacters) -> [UInt8] {
        guard from < to else { return [] }
        let input = UnsafeBufferPointer(rebasing: b[from..<to])
        var out: [UInt8] = []
        switch choice.encoding {
        case "UTF-8":
            decodeUTF8(input, into: &out, invalid: &invalid)
        case "UTF-16LE", "UTF-16BE":
            decodeUTF16(input, bigEndian: choice.encoding == "UTF-16BE", into: &out, invalid: &invalid)
        case "windows-1252":
            out.reserveCapacity(input.count + input.count / 8)
            for c in input { appendScalar(Windows1252.codePoint(ofByte: c), to: &out) }
        case "x-user-defined":
            for c in input { appendScalar(c < 0x80 ? UInt32(c) : 0xF780 + UInt32(c) - 0x80, to: &out) }
        case EncodingLabel.replacement:
            invalid.record(SourceSpan(start: 0, end: 3))
            out = replacementCharacter
        default:
            if let converter = choice.converter { convert(input, with: converter, into: &out, invalid: &invalid) }
        }
        return out
    }

    /// The Encoding Standard's UTF-8 decoder: a maximal ill-formed subsequence becomes one U+FFFD.
    private static func decodeUTF8(_ b: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], invalid: inout ReplacedCharacters) {
        if let first = firstInvalidUTF8(b) {
            out.reserveCapacity(b.count + 16)
            var i = 0
            var bad: Int? = first
            while let at = bad {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<at]))
                invalid.record(SourceSpan(start: out.count, end: out.count + 3))
                out.append(contentsOf: replacementCharacter)
                i = at + maximalSubpart(b, at: at)
                bad = firstInvalidUTF8(UnsafeBufferPointer(rebasing: b[i...])).map { $0 + i }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i...]))
        } else {
            out.append(contentsOf: b)
        }
    }

    /// The offset (0-based, in bytes) of the first byte of `data` that starts an ill-formed UTF-8
    /// sequence; nil when all of it is valid UTF-8.
    public static func firstInvalidUTF8(in data: Data) -> Int? {
        data.withUnsafeBytes { firstInvalidUTF8($0.bindMemory(to: UInt8.self)) }
    }

    /// The offset of the first byte that starts an ill-formed UTF-8 sequence, nil when all is valid.
    static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = b.baseAddress, !b.isEmpty else { return nil }
        do {
            _ = try UTF8Span(validating: Span(_unsafeElements: UnsafeBufferPointer(start: base, count: b.count)))
            return nil
        } catch {
            return error.byteOffsets.lowerBound
        }
    }

    /// How many valid multi-byte UTF-8 characters and how many ill-formed sequences `b` holds.
    private static func utf8Statistics(_ b: UnsafeBufferPointer<UInt8>) -> (multiByte: Int, invalid: Int) {
        var multiByte = 0, invalid = 0
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let length = maximalSubpart(b, at: i)
            let needed = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
            if c >= 0xC2, c <= 0xF4, length == needed { multiByte += 1 } else { invalid += 1 }
            i += length
        }
        return (multiByte, invalid)
    }

    /// How many bytes at `i` (the start of an ill-formed sequence) one U+FFFD replaces: the lead byte
    /// and the continuation bytes that were still acceptable after it (at least one byte).
    private static func maximalSubpart(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let c = b[i]
        let needed: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: needed = 1
        case 0xE0...0xEF:
            needed = 2
            if c == 0xE0 { lower = 0xA0 }
            if c == 0xED { upper = 0x9F }
        case 0xF0...0xF4:
            needed = 3
            if c == 0xF0 { lower = 0x90 }
            if c == 0xF4 { upper = 0x8F }
        default: return 1
        }
        var j = i + 1
        var seen = 0
        while seen < needed, j < b.count, b[j] >= lower, b[j] <= upper {
            lower = 0x80; upper = 0xBF
            seen += 1
            j += 1
        }
        return j - i
    }

    private static func decodeUTF16(_ b: UnsafeBufferPointer<UInt8>, bigEndian: Bool, into out: inout [UInt8],
                                    invalid: inout ReplacedCharacters) {
        out.reserveCapacity(b.count)
        var i = 0
        func unit(_ k: Int) -> UInt32 {
            bigEndian ? UInt32(b[k]) << 8 | UInt32(b[k + 1]) : UInt32(b[k + 1]) << 8 | UInt32(b[k])
        }
        func replace() {
            invalid.record(SourceSpan(start: out.count, end: out.count + 3))
            out.append(contentsOf: replacementCharacter)
        }
        while i + 1 < b.count {
            let u = unit(i)
            i += 2
            if u < 0xD800 || u > 0xDFFF {
                appendScalar(u, to: &out)
            } else if u <= 0xDBFF, i + 1 < b.count, case let v = unit(i), v >= 0xDC00, v <= 0xDFFF {
                appendScalar(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00), to: &out)
                i += 2
            } else {
                replace()
            }
        }
        if i < b.count { replace() }
    }

    /// Converts with one of libxml2's converters; a byte it cannot convert becomes U+FFFD and conversion
    /// goes on after it.
    private static func convert(_ b: UnsafeBufferPointer<UInt8>, with handler: xmlCharEncodingHandlerPtr,
                                into out: inout [UInt8], invalid: inout ReplacedCharacters) {
        guard let base = b.baseAddress, !b.isEmpty, let input = xmlBufferCreateSize(b.count + 1) else { return }
        defer { xmlBufferFree(input) }
        guard let output = xmlBufferCreateSize(2 * b.count + 64) else { return }
        defer { xmlBufferFree(output) }
        guard xmlBufferAdd(input, base, Int32(b.count)) == 0 else { return }
        func flush() {
            if let content = xmlBufferContent(output), xmlBufferLength(output) > 0 {
                out.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(output))))
            }
            xmlBufferEmpty(output)
        }
        while xmlBufferLength(input) > 0 {
            let before = xmlBufferLength(input)
            _ = xmlCharEncInFunc(handler, output, input)
            if xmlBufferLength(input) < before { continue }
            // No progress: an invalid (or, at the end, incomplete) sequence starts here.
            flush()
            invalid.record(SourceSpan(start: out.count, end: out.count + 3))
            out.append(contentsOf: replacementCharacter)
            xmlBufferShrink(input, 1)
        }
        flush()
    }

    @inline(__always) private static func appendScalar(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | v >> 6)); out.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | v >> 12)); out.append(UInt8(0x80 | (v >> 6) & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        } else {
            out.append(UInt8(0xF0 | v >> 18)); out.append(UInt8(0x80 | (v >> 12) & 0x3F))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    private static func firstNonASCII(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        b.firstIndex { $0 >= 0x80 }
    }

    // MARK: Control characters

    /// Replaces, in valid UTF-8 `out`, the characters libxml2 cannot keep (see the type's documentation)
    /// by U+FFFD, recording each with its span in the result; a form feed becomes a space.
    static func sanitize(_ out: inout [UInt8], controls: inout ReplacedCharacters) {
        guard let first = firstUnsafe(out, from: 0) else { return }
        var result: [UInt8] = []
        result.reserveCapacity(out.count + 16)
        var i = 0
        var next: Int? = first
        while let at = next {
            result.append(contentsOf: out[i..<at])
            let c = out[at]
            let width = c < 0x80 ? 1 : (c == 0xC2 ? 2 : 3)
            if c == 0x0C {
                result.append(0x20)
            } else {
                controls.record(SourceSpan(start: result.count, end: result.count + 3))
                result.append(contentsOf: replacementCharacter)
            }
            i = at + width
            next = firstUnsafe(out, from: i)
        }
        result.append(contentsOf: out[i...])
        out = result
    }

    /// The first character at or after `from` that ``sanitize(_:controls:)`` replaces.
    private static func firstUnsafe(_ out: [UInt8], from: Int) -> Int? {
        out.withUnsafeBufferPointer { b -> Int? in
            var i = from
            let n = b.count
            while i < n {
                let c = b[i]
                if c < 0x20 {
                    if c != 0x09 && c != 0x0A && c != 0x0D { return i }
                } else if c == 0x7F {
                    return i
                } else if c == 0xC2 {
                    if i + 1 < n, b[i + 1] >= 0x80, b[i + 1] <= 0x9F { return i }
                } else if c == 0xEF {
                    if i + 2 < n, b[i + 1] == 0xBF, b[i + 2] == 0xBE || b[i + 2] == 0xBF { return i }
                }
                i += 1
            }
            return nil
        }
    }
}
