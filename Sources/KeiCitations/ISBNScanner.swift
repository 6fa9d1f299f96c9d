/// Finds ISBNs written after their label: "ISBN", "isbn", "ISBN-10", "ISBN-13", with an optional ":"
/// and spaces, then digits, "X", and single hyphens or spaces between them, up to 13 digits (ISO 2108
/// forms as printed). Only the number is returned, never the label's "10"/"13".
public enum ISBNScanner {
    /// Each ISBN of `bytes` (UTF-8) with its half-open range of UTF-8 byte offsets (0-based) and its text.
    public static func isbns(in bytes: [UInt8]) -> [(range: Range<Int>, text: String)] {
        var out: [(range: Range<Int>, text: String)] = []
        var i = 0
        while i + 4 <= bytes.count {
            let word = String(decoding: bytes[i..<(i + 4)], as: UTF8.self)
            guard word == "ISBN" || word == "isbn", i == 0 || !isWordByte(bytes[i - 1]) else { i += 1; continue }
            var s = i + 4
            if s + 3 <= bytes.count, ["-10", "-13"].contains(String(decoding: bytes[s..<(s + 3)], as: UTF8.self)) { s += 3 }
            while s < bytes.count, bytes[s] == 0x20 || bytes[s] == UInt8(ascii: ":") || (bytes[s] == 0xC2 && s + 1 < bytes.count && bytes[s + 1] == 0xA0) {
                s += bytes[s] == 0xC2 ? 2 : 1
            }
            var e = s, digits = 0
            while e < bytes.count, digits < 13 {
                let b = bytes[e]
                if isDigit(b) || b == UInt8(ascii: "X") || b == UInt8(ascii: "x") {
                    digits += 1
                } else if b == UInt8(ascii: "-") || b == 0x20 {
                    // a separator only between digits
                    guard e + 1 < bytes.count, isDigit(bytes[e + 1]) || bytes[e + 1] == UInt8(ascii: "X") else { break }
                } else {
                    break
                }
                e += 1
            }
            if digits > 0 { out.append((s..<e, String(decoding: bytes[s..<e], as: UTF8.self))) }
            i = max(e, i + 4)
        }
        return out
    }

    /// The first ISBN written in `text`, nil when there is none.
    public static func first(in text: String) -> String? {
        isbns(in: Array(text.utf8)).first?.text
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isWordByte(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
    }
}
