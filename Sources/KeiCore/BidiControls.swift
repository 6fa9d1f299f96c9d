/// The Unicode bidirectional formatting characters (UAX #9): embeddings and overrides U+202A–U+202E,
/// isolates U+2066–U+2069, the marks U+200E (LRM), U+200F (RLM) and U+061C (ALM).
///
/// Text from pages and workflows can hold them; shown as they are they reorder the text around them
/// (a file name, a line number, a verdict) in a terminal, a pull-request annotation or a proof page.
/// Human-facing outputs (the proofs, the text and GitHub reports) show them as visible `⟨U+202E⟩`
/// tokens (``visible(_:)``); JSON and SARIF escape them (`\u202e`, ``JSONValue``), and the XML reports
/// write character references (`&#x202E;`, ``xmlReferences(_:)``).
public enum BidiControls {
    /// Whether `u` is one of the bidi formatting characters listed above.
    public static func contains(_ u: Unicode.Scalar) -> Bool {
        opensEmbedding(u) || isMark(u)
    }

    /// Whether `u` opens or closes an embedding, override or isolate (U+202A–U+202E, U+2066–U+2069).
    public static func opensEmbedding(_ u: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value)
    }

    /// Whether `u` is a directional mark (U+200E LRM, U+200F RLM, U+061C ALM): it reorders nothing beyond
    /// the neutral characters next to it.
    public static func isMark(_ u: Unicode.Scalar) -> Bool {
        u.value == 0x200E || u.value == 0x200F || u.value == 0x061C
    }

    /// `s` with each bidi control replaced by `⟨U+XXXX⟩` (uppercase hex, at least four digits). With
    /// `marks: false` the directional marks are kept as they are (the proofs: HTML shows them as a reader
    /// of right-to-left text expects, and inside `<bdi>` they cannot move the proof's own text).
    public static func visible(_ s: String, marks: Bool = true) -> String {
        replacing(s, where: marks ? contains : opensEmbedding) { "⟨U+\(hex($0, uppercase: true))⟩" }
    }

    /// Already XML-escaped text or attribute value `s` with each bidi control written as a character reference
    /// (`&#x202E;`): the parsed value is unchanged, the bytes hold no raw control.
    public static func xmlReferences(_ s: String) -> String {
        replacing(s, where: contains) { "&#x\(hex($0, uppercase: true));" }
    }

    /// Lowercase four-digit hex of a bidi control (for JSON's `\uXXXX`; all are in the BMP).
    static func hex(_ u: Unicode.Scalar, uppercase: Bool) -> String {
        let digits = String(u.value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private static func replacing(_ s: String, where shown: (Unicode.Scalar) -> Bool, with token: (Unicode.Scalar) -> String) -> String {
        guard s.unicodeScalars.contains(where: shown) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            if shown(u) { out += token(u) } else { out.unicodeScalars.append(u) }
        }
        return out
    }
}
