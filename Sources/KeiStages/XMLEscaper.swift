/// XML 1.0 escaping for every XML emitter (JATS, the issue table of contents).
///
/// - `&`, `<` and `>` are always escaped; `"` is escaped in attribute values.
/// - Characters that XML 1.0 forbids (C0 controls other than tab, line feed and carriage return,
///   U+FFFE, U+FFFF) are dropped: they cannot be written, not even as character references.
/// - A carriage return is written as `&#xD;` so that parsers do not normalise it away.
/// - In attributes, tab and line feed are written as references so that attribute-value
///   normalisation does not turn them into spaces.
/// - Everything else, including U+00A0 and non-ASCII text, is written as the UTF-8 character itself.
enum XMLEscaper {
    /// How line feeds in character data are written.
    enum LineFeeds {
        /// As the character itself (preformatted text).
        case keep
        /// As `&#xA;`, so that an inline run stays on one line of output.
        case reference
    }

    /// Escapes character data.
    static func text(_ s: String, lineFeeds: LineFeeds = .reference) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u.value {
            case 0x26: out += "&amp;"
            case 0x3C: out += "&lt;"
            case 0x3E: out += "&gt;"
            case 0x0A: out += lineFeeds == .keep ? "\n" : "&#xA;"
            case 0x0D: out += "&#xD;"
            case 0x09: out.unicodeScalars.append(u)
            default:
                if isAllowed(u) { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    /// Escapes an attribute value (to be written between double quotes).
    static func attribute(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u.value {
            case 0x26: out += "&amp;"
            case 0x3C: out += "&lt;"
            case 0x3E: out += "&gt;"
            case 0x22: out += "&quot;"
            case 0x09: out += "&#x9;"
            case 0x0A: out += "&#xA;"
            case 0x0D: out += "&#xD;"
            default:
                if isAllowed(u) { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    /// Removes the characters XML 1.0 cannot represent at all (used before comparing texts).
    static func legalCharacters(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars where isAllowed(u) || u.value == 0x09 || u.value == 0x0A || u.value == 0x0D {
            out.unicodeScalars.append(u)
        }
        return out
    }

    /// Whether XML 1.0 allows the scalar as a character (`Char` production), tab/LF/CR aside.
    static func isAllowed(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x20 { return false }
        if v == 0xFFFE || v == 0xFFFF { return false }
        return true
    }
}
