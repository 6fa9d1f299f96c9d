/// International Standard Serial Numbers (ISO 3297): `NNNN-NNNC`, where the check character C is
/// computed from the first seven digits with weights 8 down to 2, modulo 11 (`X` stands for 10).
///
/// Crossref 5.3.1 accepts `\d{4}-?\d{3}[\dX]` in `<issn>`; it does not verify the check digit, so a
/// journal file's placeholder such as `0000-0000` would be deposited as if real. ``isPlaceholder(_:)``
/// tells such values apart.
public enum ISSN {
    /// True for an ISSN written `NNNN-NNNC` or `NNNNNNNC` whose check character is right and which is not
    /// all zeros (`0000-0000` has a correct check digit but is no ISSN). Leading and trailing white space is
    /// not allowed; a lower-case `x` is accepted as `X`.
    public static func isValid(_ text: String) -> Bool {
        guard let digits = characters(text) else { return false }
        if digits.allSatisfy({ $0 == 0 }) { return false }
        var sum = 0
        for (i, d) in digits.prefix(7).enumerated() { sum += d * (8 - i) }
        let check = (11 - sum % 11) % 11
        return digits[7] == check
    }

    /// True when the value cannot be a real ISSN: all zeros, a failing check digit, or not an ISSN at all.
    public static func isPlaceholder(_ text: String) -> Bool { !isValid(text) }

    /// True when the text has the form Crossref's schema accepts (`\d{4}-?\d{3}[\dX]`), valid or not.
    public static func hasSchemaForm(_ text: String) -> Bool {
        characters(text) != nil && !text.contains("x")
    }

    /// The eight values (0–9, 10 for X) of an ISSN-shaped text, nil when the shape is wrong.
    static func characters(_ text: String) -> [Int]? {
        var chars = Array(text.unicodeScalars)
        if chars.count == 9 {
            guard chars[4] == "-" else { return nil }
            chars.remove(at: 4)
        }
        guard chars.count == 8 else { return nil }
        var out: [Int] = []
        for (i, c) in chars.enumerated() {
            if c.properties.numericType == .decimal, c.isASCII, let v = Int(String(c)) {
                out.append(v)
            } else if i == 7, c == "X" || c == "x" {
                out.append(10)
            } else {
                return nil
            }
        }
        return out
    }
}
