/// The control characters that text from pages, workflows and file names can carry and that a report
/// must never pass on raw: C0 (U+0000–U+001F), DEL (U+007F), C1 (U+0080–U+009F, NEL U+0085 among
/// them) and the Unicode line and paragraph separators U+2028 and U+2029.
///
/// Written raw they forge report lines (a line feed or carriage return in a message starts a new
/// `file: error:` line), or drive the terminal (ESC `[31m`, BEL, the C1 CSI U+009B). Each report
/// format escapes them its own way:
/// - the text report, the GitHub annotations and the CLI's stderr lines show them as visible
///   `⟨U+001B⟩` tokens (``visible(_:keeping:)``; the same form as ``BidiControls/visible(_:marks:)``),
///   so one finding stays one line;
/// - JSON and SARIF write `\u001b`, `\u0085`, `\u2028` (``JSONValue``);
/// - the XML reports (JUnit, Checkstyle) write tab, line feed and carriage return as XML 1.0 allows,
///   DEL, C1, U+2028 and U+2029 as character references (`&#x85;`, `&#x7F;`, `&#x2028;`; ``xmlReferences(_:)``) and the other
///   C0 controls — which XML 1.0 cannot carry at all, not even as references — as visible tokens.
public enum ControlCharacters {
    /// Whether `u` is one of the control characters listed above.
    public static func contains(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
    }

    /// Whether `s` holds any control character (see ``contains(_:)``).
    public static func any(in s: String) -> Bool {
        s.unicodeScalars.contains(where: contains)
    }

    /// `s` with each control character replaced by `⟨U+XXXX⟩` (uppercase hex, at least four digits),
    /// except those `keeping` accepts (by default the tab, which cannot move text to another line).
    /// Input: any string; output: a string without line breaks or terminal controls (other than the kept ones).
    public static func visible(_ s: String, keeping: (Unicode.Scalar) -> Bool = { $0 == "\t" }) -> String {
        guard s.unicodeScalars.contains(where: { contains($0) && !keeping($0) }) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            if contains(u) && !keeping(u) { out += token(u) } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    /// `s` split at its line feeds, each line made ``visible(_:keeping:)``, joined again: for messages
    /// meant to span several lines (usage text) whose parts can still hold a stray control.
    public static func visibleLines(_ s: String) -> String {
        guard any(in: s) else { return s }
        return s.split(separator: "\n", omittingEmptySubsequences: false).map { visible(String($0)) }.joined(separator: "\n")
    }

    /// `s` made fit for the XML escaper of a report: the C0 controls XML 1.0 cannot carry (all but tab,
    /// line feed and carriage return) become visible tokens instead of being dropped.
    public static func visibleForXML(_ s: String) -> String {
        visible(s) { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    }

    /// Already XML-escaped `s` with DEL, each C1 control, U+2028 and U+2029 written as character references
    /// (`&#x85;`): XML 1.0 allows them as characters, so the parsed value is unchanged, but the bytes hold
    /// no raw control.
    public static func xmlReferences(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value >= 0x7F && contains($0) }) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            if u.value >= 0x7F && contains(u) { out += "&#x\(String(u.value, radix: 16, uppercase: true));" } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    /// `⟨U+001B⟩`.
    static func token(_ u: Unicode.Scalar) -> String {
        "⟨U+\(BidiControls.hex(u, uppercase: true))⟩"
    }
}
