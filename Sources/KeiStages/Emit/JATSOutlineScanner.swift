/// Reads the outline of an XML document straight from its UTF-8 bytes, for the plain XML that
/// ``JATSWriter`` writes: an optional `<?xml version="1.0" encoding="UTF-8"?>` declaration, an
/// optional DOCTYPE exactly as the writer writes it, then one element tree with attributes, character data,
/// the five predefined entities and character references.
///
/// It answers nil as soon as it meets anything else (comments, CDATA, processing instructions,
/// other entities, carriage returns, line breaks inside tags, deep nesting, non-ASCII names…) or
/// anything not well-formed; ``JATSStructureValidator`` then parses with libxml2 instead, which
/// gives the exact error messages. So an outline is only returned for documents that libxml2 also
/// reads as well-formed, with the same element names, lines and attribute values.
struct JATSOutlineScanner {
    /// Nesting past this is left to libxml2 (which refuses documents deeper than 256 levels).
    static let maximumDepth = 200
    /// Lines past this are left to libxml2 (which stores element lines in 16 bits).
    static let maximumLine = 60_000

    /// The document's bytes (valid only during ``scan(_:)``).
    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var line = 1
    private var outline = JATSOutline()
    /// Namespace prefixes declared on the root (`xmlns:p`); other prefixes are left to libxml2.
    private var declaredPrefixes: Set<String> = ["xml", "xmlns"]

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The outline of `bytes`, or nil when the fast path does not apply (see the type's description).
    static func scan(_ bytes: [UInt8]) -> JATSOutline? {
        bytes.withUnsafeBufferPointer { scan($0) }
    }

    /// The outline of the UTF-8 text `xml`, or nil when the fast path does not apply.
    static func scan(_ xml: String) -> JATSOutline? {
        if let result = xml.utf8.withContiguousStorageIfAvailable({ scan($0) }) { return result }
        return scan(Array(xml.utf8))
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> JATSOutline? {
        var scanner = JATSOutlineScanner(bytes)
        return scanner.document() ? scanner.outline : nil
    }

    // MARK: - Document

    private static let declaration = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8)
    private static let doctypeStart = Array("<!DOCTYPE".utf8)

    private mutating func document() -> Bool {
        if starts(with: Self.declaration) { i += Self.declaration.count }
        skipWhitespace()
        if starts(with: Self.doctypeStart) {
            guard starts(with: Self.doctype) else { return false }
            i += Self.doctype.count
            skipWhitespace()
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "<") else { return false }
        guard element() else { return false }
        skipWhitespace()
        return i == bytes.count && !outline.elements.isEmpty
    }

    /// The writer's DOCTYPE, the only one read here.
    private static let doctype = Array(
        "<!DOCTYPE article PUBLIC \"\(JATSWriter.publicIdentifier)\" \"\(JATSWriter.systemIdentifier)\">".utf8)

    // MARK: - Elements

    /// One element and its content, iteratively (an explicit stack of open element names).
    private mutating func element() -> Bool {
        var open: [(name: Slice<UnsafeBufferPointer<UInt8>>, index: Int)] = []
        repeat {
            guard i < bytes.count else { return false }
            if bytes[i] == UInt8(ascii: "<") {
                guard i + 1 < bytes.count else { return false }
                switch bytes[i + 1] {
                case UInt8(ascii: "/"):
                    i += 2
                    guard let name = name(), let top = open.popLast(), name.elementsEqual(top.name) else { return false }
                    skipTagSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { return false }
                    i += 1
                case UInt8(ascii: "!"), UInt8(ascii: "?"):
                    return false  // comments, CDATA, processing instructions: left to libxml2
                default:
                    i += 1
                    guard open.count < Self.maximumDepth, let (name, selfClosing) = startTag(parent: open.last?.index ?? -1)
                    else { return false }
                    if !selfClosing { open.append((name, outline.elements.count - 1)) }
                }
            } else {
                guard !open.isEmpty, text() else { return false }
            }
        } while !open.isEmpty
        return true
    }

    /// After `<`: the name, attributes and `>` or `/>`; records the element.
    private mutating func startTag(parent: Int) -> (Slice<UnsafeBufferPointer<UInt8>>, Bool)? {
        guard let name = name() else { return nil }
        var element = JATSOutline.Element(name: String(decoding: name, as: UTF8.self), line: line, parent: parent)
        var seen: [Slice<UnsafeBufferPointer<UInt8>>] = []
        var prefixedAttributes: [String] = []
        while true {
            let hadSpace = skipTagSpace()
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: ">") || bytes[i] == UInt8(ascii: "/") {
                let selfClosing = bytes[i] == UInt8(ascii: "/")
                if selfClosing {
                    guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ">") else { return nil }
                    i += 1
                }
                i += 1
                guard hasDeclaredPrefix(element.name), prefixedAttributes.allSatisfy(hasDeclaredPrefix) else { return nil }
                outline.elements.append(element)
                return (name, selfClosing)
            }
            guard hadSpace, let attribute = self.name(), !seen.contains(where: { $0.elementsEqual(attribute) }) else { return nil }
            let attributeName = String(decoding: attribute, as: UTF8.self)
            seen.append(attribute)
            skipTagSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { return nil }
            i += 1
            skipTagSpace()
            let wanted = attributeName == "id" || attributeName == "rid" || attributeName == "dtd-version"
            guard let value = attributeValue(keep: wanted) else { return nil }
            switch attributeName {
            case "id": element.id = value
            case "rid": element.rid = value
            case "dtd-version": element.dtdVersion = value
            default:
                if parent == -1, attributeName.hasPrefix("xmlns:") { declaredPrefixes.insert(String(attributeName.dropFirst(6))) }
                if attribute.contains(UInt8(ascii: ":")) { prefixedAttributes.append(attributeName) }
            }
        }
    }

    /// A quoted attribute value with references resolved and tabs read as spaces (attribute-value
    /// normalisation without a DTD).
    /// With `keep` false the value is only checked, and "" is returned for it.
    private mutating func attributeValue(keep: Bool) -> String? {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { return nil }
        let quote = bytes[i]
        i += 1
        var value: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case quote:
                i += 1
                return keep ? String(decoding: value, as: UTF8.self) : ""
            case UInt8(ascii: "<"), 0x0A, 0x0D:
                return nil
            case UInt8(ascii: "&"):
                guard let scalar = reference() else { return nil }
                if keep { value.append(contentsOf: scalar.utf8) }
                continue
            case 0x09:
                if keep { value.append(0x20) }
            default:
                guard legal(b) else { return nil }
                if keep { value.append(b) }
            }
            i += 1
        }
        return nil
    }

    /// The bytes character data cannot simply skip: C0 controls, `<`, `&`, `]`, 0xEF.
    private static let textSpecial: [Bool] = (0..<256).map { b in
        b < 0x20 || b == Int(UInt8(ascii: "<")) || b == Int(UInt8(ascii: "&")) || b == Int(UInt8(ascii: "]")) || b == 0xEF
    }

    /// Character data up to the next `<`: legal characters, known references, no `]]>`.
    private mutating func text() -> Bool {
        while i < bytes.count {
            let b = bytes[i]
            // Ordinary bytes: everything from 0x20 up except `<`, `&`, `]` and 0xEF.
            if !Self.textSpecial[Int(b)] {
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: "<"):
                return true
            case UInt8(ascii: "&"):
                guard reference() != nil else { return false }
                continue
            case 0x0A:
                line += 1
                if line > Self.maximumLine { return false }
            case UInt8(ascii: "]"):
                if i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "]"), bytes[i + 2] == UInt8(ascii: ">") { return false }
            default:
                guard b == 0x09 || legal(b) else { return false }
            }
            i += 1
        }
        return false
    }

    /// At `&`: one of the five predefined entities or a character reference to a legal character.
    private mutating func reference() -> Unicode.Scalar? {
        var j = i + 1
        while j < bytes.count, bytes[j] != UInt8(ascii: ";"), j - i < 12 { j += 1 }
        guard j < bytes.count, bytes[j] == UInt8(ascii: ";") else { return nil }
        let body = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
        let scalar: Unicode.Scalar?
        switch body {
        case "amp": scalar = "&"
        case "lt": scalar = "<"
        case "gt": scalar = ">"
        case "quot": scalar = "\""
        case "apos": scalar = "'"
        default:
            var digits = Substring(body)
            guard digits.first == "#" else { return nil }
            digits = digits.dropFirst()
            var radix = 10
            if digits.first == "x" { radix = 16; digits = digits.dropFirst() }
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isHexDigit }),
                  let v = UInt32(digits, radix: radix), let s = Unicode.Scalar(v) else { return nil }
            let ok = v == 0x09 || v == 0x0A || v == 0x0D || (v >= 0x20 && v != 0xFFFE && v != 0xFFFF)
            scalar = ok ? s : nil
        }
        i = j + 1
        return scalar
    }

    /// Whether a qualified name has no prefix or one declared on the root.
    private func hasDeclaredPrefix(_ name: String) -> Bool {
        guard let colon = name.utf8.firstIndex(of: UInt8(ascii: ":")) else { return true }
        return declaredPrefixes.contains(String(decoding: name.utf8[..<colon], as: UTF8.self))
    }

    // MARK: - Lexical helpers

    /// An ASCII XML name (`[A-Za-z_][A-Za-z0-9._-]*`, with at most one inner colon).
    private mutating func name() -> Slice<UnsafeBufferPointer<UInt8>>? {
        let start = i
        var colons = 0
        while i < bytes.count {
            let b = bytes[i]
            let letter = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_")
            let other = (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
            if letter || (i > start && other) {
                i += 1
            } else if b == UInt8(ascii: ":"), i > start {
                colons += 1
                i += 1
            } else {
                break
            }
        }
        guard i > start, colons <= 1, bytes[i - 1] != UInt8(ascii: ":") else { return nil }
        return bytes[start..<i]
    }

    /// Spaces and tabs inside a tag (a line break there is left to libxml2); whether there were any.
    @discardableResult
    private mutating func skipTagSpace() -> Bool {
        let start = i
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        return i > start
    }

    /// Whitespace between the prolog's parts and after the root.
    private mutating func skipWhitespace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A {
            if bytes[i] == 0x0A { line += 1 }
            i += 1
        }
    }

    private func starts(with prefix: [UInt8]) -> Bool {
        bytes.count - i >= prefix.count && bytes[i..<(i + prefix.count)].elementsEqual(prefix)
    }

    /// Whether the byte at the current position may appear as is: not a C0 control and not the start
    /// of U+FFFE or U+FFFF (EF BF BE / EF BF BF; the bytes are valid UTF-8).
    private func legal(_ b: UInt8) -> Bool {
        if b < 0x20 { return false }
        if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF { return false }
        return true
    }
}
