/// XML 1.0 escaping for every XML emitter (JATS, the issue table of contents, the JUnit and Checkstyle reports).
///
/// - `&`, `<` and `>` are always escaped; `"` is escaped in attribute values.
/// - Characters that XML 1.0 forbids (C0 controls other than tab, line feed and carriage return,
///   U+FFFE, U+FFFF) are dropped: they cannot be written, not even as character references.
/// - A carriage return is written as `&#xD;` so that parsers do not normalise it away.
/// - In attributes, tab and line feed are written as references so that attribute-value
///   normalisation does not turn them into spaces.
/// - Everything else, including U+00A0 and non-ASCII text, is written as the UTF-8 character itself.
///
/// The work is done on UTF-8 bytes: a string that needs no escaping is returned as it is, and the
/// `append` variants write straight into an output buffer (see ``JATSRenderer``).
public enum XMLEscaper {
    /// How line feeds in character data are written.
    public enum LineFeeds {
        /// As the character itself (preformatted text).
        case keep
        /// As `&#xA;`, so that an inline run stays on one line of output.
        case reference
    }

    /// Escapes character data.
    public static func text(_ s: String, lineFeeds: LineFeeds = .reference) -> String {
        guard needsEscaping(s, attribute: false, keepLineFeeds: lineFeeds == .keep) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        appendText(s, lineFeeds: lineFeeds, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Escapes an attribute value (to be written between double quotes).
    public static func attribute(_ s: String) -> String {
        guard needsEscaping(s, attribute: true, keepLineFeeds: false) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        appendAttribute(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the escaped character data of `s` to `out`.
    public static func appendText(_ s: String, lineFeeds: LineFeeds = .reference, to out: inout [UInt8]) {
        if !needsEscaping(s, attribute: false, keepLineFeeds: lineFeeds == .keep) {
            out.append(contentsOf: s.utf8)
            return
        }
        escape(s, to: &out) { byte, out in
            switch byte {
            case 0x26: out.append(contentsOf: amp)
            case 0x3C: out.append(contentsOf: lt)
            case 0x3E: out.append(contentsOf: gt)
            case 0x0A: if lineFeeds == .keep { out.append(0x0A) } else { out.append(contentsOf: lineFeed) }
            case 0x0D: out.append(contentsOf: carriageReturn)
            case 0x09, 0x22: out.append(byte)
            default: break  // other C0 controls are dropped
            }
        }
    }

    /// Appends the escaped attribute value `s` to `out` (without the quotes).
    public static func appendAttribute(_ s: String, to out: inout [UInt8]) {
        if !needsEscaping(s, attribute: true, keepLineFeeds: false) {
            out.append(contentsOf: s.utf8)
            return
        }
        escape(s, to: &out) { byte, out in
            switch byte {
            case 0x26: out.append(contentsOf: amp)
            case 0x3C: out.append(contentsOf: lt)
            case 0x3E: out.append(contentsOf: gt)
            case 0x22: out.append(contentsOf: quot)
            case 0x09: out.append(contentsOf: tab)
            case 0x0A: out.append(contentsOf: lineFeed)
            case 0x0D: out.append(contentsOf: carriageReturn)
            default: break  // other C0 controls are dropped
            }
        }
    }

    /// Removes the characters XML 1.0 cannot represent at all (used before comparing texts).
    public static func legalCharacters(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars where isAllowed(u) || u.value == 0x09 || u.value == 0x0A || u.value == 0x0D {
            out.unicodeScalars.append(u)
        }
        return out
    }

    /// Whether XML 1.0 allows the scalar as a character (`Char` production), tab/LF/CR aside.
    public static func isAllowed(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x20 { return false }
        if v == 0xFFFE || v == 0xFFFF { return false }
        return true
    }

    // MARK: - Byte level

    private static let amp = Array("&amp;".utf8)
    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8)
    private static let tab = Array("&#x9;".utf8)
    private static let lineFeed = Array("&#xA;".utf8)
    private static let carriageReturn = Array("&#xD;".utf8)

    /// Whether any byte of `s` has to be replaced or dropped: markup characters, C0 controls
    /// (except those written as they are) or the lead byte 0xEF of a possible U+FFFE/U+FFFF.
    private static func needsEscaping(_ s: String, attribute: Bool, keepLineFeeds: Bool) -> Bool {
        for b in s.utf8 {
            switch b {
            case 0x26, 0x3C, 0x3E, 0xEF: return true
            case 0x22: if attribute { return true }
            case 0x09: if attribute { return true }
            case 0x0A: if attribute || !keepLineFeeds { return true }
            case 0..<0x20: return true
            default: break
            }
        }
        return false
    }

    /// Copies the UTF-8 bytes of `s` to `out`, handing each ASCII byte that needs care (markup
    /// characters, quotes, C0 controls) to `special` and dropping U+FFFE and U+FFFF. `s` is valid
    /// UTF-8, so a byte below 0x80 is always a whole scalar and EF BF BE / EF BF BF are exactly
    /// U+FFFE / U+FFFF.
    private static func escape(_ s: String, to out: inout [UInt8], special: (UInt8, inout [UInt8]) -> Void) {
        var utf8 = s.utf8.makeIterator()
        var pending: [UInt8] = []
        while let b = utf8.next() {
            switch b {
            case 0x26, 0x3C, 0x3E, 0x22, 0..<0x20:
                special(b, &out)
            case 0xEF:
                // A three-byte scalar EF xx yy: drop it when it is U+FFFE or U+FFFF.
                pending.removeAll(keepingCapacity: true)
                pending.append(b)
                if let b1 = utf8.next() { pending.append(b1) }
                if let b2 = utf8.next() { pending.append(b2) }
                if pending.count == 3, pending[1] == 0xBF, pending[2] == 0xBE || pending[2] == 0xBF { continue }
                out.append(contentsOf: pending)
            default:
                out.append(b)
            }
        }
    }
}
