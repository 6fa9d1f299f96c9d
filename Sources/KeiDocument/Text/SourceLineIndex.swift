/// Turns UTF-8 offsets into an article's decoded source into 1-based lines and columns.
///
/// Columns count **Unicode scalars**, 1-based. `\r\n`, `\n` and a lone `\r` each end a line (CRLF is one
/// line end). Unlike libxml2 2.9's own line numbers (16 bits), lines past 65,535 are right.
public struct SourceLineIndex: Sendable {
    /// The decoded source text.
    public let text: String
    private let bytes: [UInt8]
    /// UTF-8 offset of the first byte of each line; `lineStarts[0] == 0`.
    private let lineStarts: [Int]

    public init(_ text: String) {
        self.text = text
        let bytes = Array(text.utf8)
        var starts = [0]
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A {
                starts.append(i + 1)
            } else if b == 0x0D {
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        self.bytes = bytes
        self.lineStarts = starts
    }

    /// Size of the source in UTF-8 bytes.
    public var utf8Count: Int { bytes.count }
    public var lineCount: Int { lineStarts.count }

    /// The 1-based line and column (Unicode scalars) of a UTF-8 offset; offsets are clamped to the text.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        let o = min(max(0, offset), bytes.count)
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        var i = lineStarts[lo]
        while i < o {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        // An offset inside a multi-byte scalar counts that scalar once.
        if o < bytes.count, o > lineStarts[lo], bytes[o] & 0xC0 == 0x80 { column -= 1 }
        return (lo + 1, column)
    }

    /// The positions of many offsets at once, in the order given: one forward pass over the text in
    /// offset order, so a long line with many findings on it is counted once, not once per finding.
    public func positions(of offsets: [Int]) -> [(line: Int, column: Int)] {
        var result = Array(repeating: (line: 1, column: 1), count: offsets.count)
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        var line = 0, column = 1, i = 0
        for k in order {
            let o = min(max(0, offsets[k]), bytes.count)
            while line + 1 < lineStarts.count, lineStarts[line + 1] <= o {
                line += 1
                i = lineStarts[line]
                column = 1
            }
            if i < lineStarts[line] { i = lineStarts[line] }
            while i < o {
                if bytes[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
            var c = column
            if o < bytes.count, o > lineStarts[line], bytes[o] & 0xC0 == 0x80 { c -= 1 }
            result[k] = (line + 1, c)
        }
        return result
    }

    /// The UTF-8 offset of a 1-based line and column (Unicode scalars); nil when out of range.
    public func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
        var i = lineStarts[line - 1]
        var c = 1
        while c < column {
            guard i < bytes.count else { return nil }
            i += 1
            while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
            c += 1
        }
        return i
    }

    /// The source text of a span (clamped to the text, widened to scalar boundaries).
    public func text(of span: SourceSpan) -> String {
        var a = min(max(0, span.start), bytes.count), b = min(max(a, span.end), bytes.count)
        while a > 0, a < bytes.count, bytes[a] & 0xC0 == 0x80 { a -= 1 }
        while b < bytes.count, bytes[b] & 0xC0 == 0x80 { b += 1 }
        return String(decoding: bytes[a..<b], as: UTF8.self)
    }
}
