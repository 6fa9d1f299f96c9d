/// The windows-1252 single-byte encoding as the WHATWG Encoding Standard defines it, and the mapping of
/// numeric character references that HTML5 derives from it.
///
/// The Encoding Standard's windows-1252 index gives bytes 0x80–0x9F the typographic characters Windows
/// puts there (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ); the five bytes Windows leaves
/// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) decode to the C1 control of the same number; every other
/// byte is the Latin-1 character of the same number. The HTML standard's tokenizer maps a numeric
/// reference `&#128;`…`&#159;` (or `&#x80;`…`&#x9F;`) through the same table ("numeric character reference
/// end state"), which is how `&#146;` reads as ’ in every browser.
public enum Windows1252 {
    /// The characters of bytes 0x80–0x9F (a C1 control where the index has no character).
    private static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The code point a windows-1252 byte decodes to (Encoding Standard index).
    @inline(__always) public static func codePoint(ofByte byte: UInt8) -> UInt32 {
        byte >= 0x80 && byte <= 0x9F ? high[Int(byte) - 0x80] : UInt32(byte)
    }

    /// The character HTML5 gives a numeric character reference to `value` in U+0080–U+009F (`&#146;` → ’),
    /// nil for the five values the table leaves as C1 controls and for any value outside that range.
    public static func referenceReplacement(_ value: UInt32) -> Unicode.Scalar? {
        guard value >= 0x80, value <= 0x9F else { return nil }
        let mapped = high[Int(value) - 0x80]
        return mapped >= 0x100 ? Unicode.Scalar(mapped) : nil
    }

    /// The windows-1252 byte whose character is `scalar` (for recognising UTF-8 read as windows-1252),
    /// nil when no byte decodes to it or it is ASCII.
    public static func byte(of scalar: Unicode.Scalar) -> UInt8? {
        let v = scalar.value
        if v >= 0xA0, v <= 0xFF { return UInt8(v) }
        guard v >= 0x80, let i = high.firstIndex(of: v) else { return nil }
        return UInt8(0x80 + i)
    }
}
