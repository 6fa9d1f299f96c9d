import KeiDocument

/// Finds text that looks like UTF-8 decoded as windows-1252 or ISO-8859-1 ("mojibake"): "Ã©" for é,
/// "â€™" for ’, "Ã¶" for ö, "Â " for a no-break space, "ì„œ" for 서.
///
/// A match is a character U+00C2–U+00F4 (a UTF-8 lead byte read as windows-1252) followed by as many
/// characters as that lead byte needs continuation bytes, each one whose windows-1252 byte is 0x80–0xBF,
/// such that the bytes form valid UTF-8. Text in any language rarely holds such a sequence; a page that
/// was decoded with the wrong encoding holds one for every non-ASCII character.
public enum Mojibake {
    public struct Finding: Sendable, Hashable {
        /// How many such sequences the text holds.
        public var count: Int
        /// The first one, in UTF-8 offsets of the text.
        public var first: SourceSpan
        /// The first one as it reads ("â€™") and as UTF-8 would have read it ("’").
        public var garbled: String
        public var intended: String
    }

    /// The sequences in `text` (see the type's documentation); nil when there is none.
    public static func find(in text: String) -> Finding? {
        var text = text
        return text.withUTF8 { b -> Finding? in
            var finding: Finding?
            let n = b.count
            var i = 0
            while i + 1 < n {
                // A lead byte read as windows-1252 is U+00C2–U+00F4: UTF-8 C3 82 … C3 B4.
                guard b[i] == 0xC3, b[i + 1] >= 0x82, b[i + 1] <= 0xB4 else { i += 1; continue }
                let lead = b[i + 1] + 0x40
                let needed = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3
                var bytes: [UInt8] = [lead]
                var j = i + 2
                while bytes.count <= needed, j < n, let (scalar, length) = scalar(in: b, at: j),
                      let byte = Windows1252.byte(of: scalar), byte >= 0x80, byte <= 0xBF {
                    bytes.append(byte)
                    j += length
                }
                guard bytes.count == needed + 1, let intended = String(validating: bytes, as: UTF8.self) else { i += 2; continue }
                if finding == nil {
                    finding = Finding(count: 0, first: SourceSpan(start: i, end: j),
                                      garbled: String(decoding: UnsafeBufferPointer(rebasing: b[i..<j]), as: UTF8.self),
                                      intended: intended)
                }
                finding!.count += 1
                i = j
            }
            return finding
        }
    }

    /// The scalar whose UTF-8 starts at `i` (valid UTF-8) and its length.
    private static func scalar(in b: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int)? {
        let c = b[i]
        let length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
        guard i + length <= b.count else { return nil }
        var v = UInt32(length == 1 ? c : c & (0xFF >> (length + 1)))
        var k = 1
        while k < length { v = v << 6 | UInt32(b[i + k] & 0x3F); k += 1 }
        return Unicode.Scalar(v).map { ($0, length) }
    }
}
