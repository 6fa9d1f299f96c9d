/// Decodes HTML character references that are still in text after parsing: in JSON-LD strings (a
/// `<script>`'s text is not parsed for references, yet WordPress writes `Won&#8217;t` there) and in
/// attribute values that were encoded twice (`content="Won&amp;#8217;t"`).
///
/// Follows the HTML Standard's character reference states (WHATWG HTML §13.2.5.72–80) with these
/// limits: a named reference needs its `;` and is one libxml2's HTML 4 table knows (the ones pages
/// use: `&rsquo;`, `&mdash;`, `&nbsp;`, `&amp;` …) or `&apos;`; a numeric one (`&#8217;`, `&#x2019;`)
/// may omit the `;`. `&#128;`–`&#159;` become the windows-1252 characters (``Windows1252``), as
/// browsers show them; a reference to U+0000, a surrogate, a value past U+10FFFF, a C0 control other
/// than whitespace or a C1 control windows-1252 leaves undefined becomes U+FFFD, so no control
/// character comes out. Anything that is not a reference (`AT&T`, `&foo;`, `& `) stays as written.
public enum HTMLCharacterReferences {
    /// `text` with its character references decoded (one level: `&amp;#8217;` becomes `&#8217;`).
    /// Returns `text` itself, without a copy, when it holds no `&`.
    /// With `keepingControls`, a reference to a C0 control or DEL gives that character, as the HTML
    /// tokenizer does in an attribute value (for a URL parser that strips or encodes it); U+0000 still
    /// gives U+FFFD.
    public static func decode(_ text: String, keepingControls: Bool = false) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "&", let (decoded, end) = reference(in: scalars, at: i, keepingControls: keepingControls) else {
                out.append(scalars[i])
                i += 1
                continue
            }
            out.append(decoded)
            i = end
        }
        return String(out)
    }

    /// The character the reference at `start` (an `&`) stands for and the index after it, or nil.
    static func reference(in s: [Unicode.Scalar], at start: Int, keepingControls: Bool = false) -> (Unicode.Scalar, Int)? {
        var j = start + 1
        guard j < s.count else { return nil }
        if s[j] == "#" {
            j += 1
            let hex = j < s.count && (s[j] == "x" || s[j] == "X")
            if hex { j += 1 }
            let digitsStart = j
            var value: UInt32 = 0
            while j < s.count, let d = digit(s[j], hex: hex) {
                if value <= 0x10FFFF { value = value * (hex ? 16 : 10) + d }
                j += 1
            }
            guard j > digitsStart else { return nil }
            if j < s.count, s[j] == ";" { j += 1 }
            if keepingControls, value != 0, value < 0x20 || value == 0x7F { return (Unicode.Scalar(value)!, j) }
            return (scalar(forNumber: value), j)
        }
        while j < s.count, j - start <= 32, s[j].properties.isASCIIHexDigit || (s[j].isASCII && s[j].properties.isAlphabetic) {
            j += 1
        }
        guard j > start + 1, j < s.count, s[j] == ";" else { return nil }
        let name = String(String.UnicodeScalarView(s[(start + 1)..<j]))
        guard let decoded = name == "apos" ? "'" : HTMLEntities.scalar(named: name) else { return nil }
        return (decoded, j + 1)
    }

    /// What a numeric reference to `value` produces (see the type's description).
    public static func scalar(forNumber value: UInt32) -> Unicode.Scalar {
        let replacement: Unicode.Scalar = "\u{FFFD}"
        if (0x80...0x9F).contains(value) { return Windows1252.referenceReplacement(value) ?? replacement }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return replacement }
        if value < 0x20, value != 0x09, value != 0x0A, value != 0x0C, value != 0x0D { return replacement }
        if value == 0x7F { return replacement }
        return scalar
    }

    private static func digit(_ c: Unicode.Scalar, hex: Bool) -> UInt32? {
        switch c.value {
        case 0x30...0x39: return c.value - 0x30
        case 0x61...0x66 where hex: return c.value - 0x61 + 10
        case 0x41...0x46 where hex: return c.value - 0x41 + 10
        default: return nil
        }
    }
}
