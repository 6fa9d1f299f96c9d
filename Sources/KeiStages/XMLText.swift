/// XML escaping shared by the XML emitters.
public enum XMLText {
    /// Escapes text content: `&`, `<`, `>`; drops characters XML 1.0 forbids.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: if isAllowed(u) { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    /// Escapes an attribute value (quotes too; tabs and newlines as character references).
    public static func attribute(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            case "\r": out += "&#13;"
            default: if isAllowed(u) { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    /// Whether XML 1.0 allows the character.
    public static func isAllowed(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
