/// The windows-1252 characters of the bytes 0x80–0x9F, which the WHATWG Encoding Standard uses for
/// every page labelled `iso-8859-1`, `latin1`, `us-ascii` and friends, and which the HTML Standard
/// uses for the numeric character references `&#128;`–`&#159;` ("numeric character reference end
/// state" table).
public enum Windows1252 {
    /// The character windows-1252 gives the byte or C1 code point `value` (0x80–0x9F); nil for the five
    /// it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) and for any value outside 0x80–0x9F.
    public static func scalar(forC1 value: UInt32) -> Unicode.Scalar? {
        guard (0x80...0x9F).contains(value) else { return nil }
        let mapped = table[Int(value - 0x80)]
        return mapped == 0 ? nil : Unicode.Scalar(mapped)
    }

    /// 0x80…0x9F in order; 0 where windows-1252 defines no character.
    private static let table: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
