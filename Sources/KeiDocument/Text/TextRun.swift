/// Text that knows where each of its characters came from in the source.
///
/// `string` is the text as the model holds it (entities resolved, whitespace collapsed); `origins` cover
/// its UTF-8 bytes in order and say, for each stretch, which source bytes it came from (see
/// ``TextOrigin``). All offsets are **UTF-8 byte offsets, 0-based, half-open**, into `string` (for
/// ranges of the run) or into the decoded source (for ``SourceSpan``s).
///
/// Two runs are equal when their strings are equal: origins are provenance, not content (so a run read
/// from a page equals the literal `"text"` in a test, and a fix that changes nothing changes nothing).
public struct TextRun: Sendable, Codable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public private(set) var string: String
    public private(set) var origins: TextOrigins

    /// Text the pipeline adds: no source.
    public init(_ string: String) {
        self.init(string, source: nil, verbatim: false)
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Text that came from `source` as a whole: verbatim when `string` is exactly the source's bytes.
    public init(_ string: String, source: SourceSpan?, verbatim: Bool) {
        self.string = string
        self.origins = TextOrigins(length: string.utf8.count, source: source, verbatim: verbatim)
    }

    /// A run from explicit origins.
    /// - Precondition: the origins' lengths add up to `string.utf8.count`.
    public init(_ string: String, origins: [TextOrigin]) {
        precondition(origins.reduce(0) { $0 + $1.length } == string.utf8.count, "origins must cover the text")
        self.string = string
        self.origins = TextOrigins()
        for o in origins { self.origins.append(o) }
    }

    /// A run whose origins were built here (they cover `string` by construction).
    private init(_ string: String, built origins: TextOrigins) {
        self.string = string
        self.origins = origins
    }

    public static let empty = TextRun("")

    public var description: String { string }
    public var isEmpty: Bool { string.isEmpty }
    /// Length in UTF-8 bytes.
    public var utf8Count: Int { string.utf8.count }

    public static func == (a: TextRun, b: TextRun) -> Bool { a.string == b.string }
    public func hash(into hasher: inout Hasher) { hasher.combine(string) }

    // MARK: Mapping to the source

    /// The source bytes the whole run came from (first to last sourced byte); nil when none has a source.
    public var span: SourceSpan? { span(of: 0..<utf8Count) }

    /// The source bytes that the run's UTF-8 range `range` came from: from the start of the first sourced
    /// byte in the range to the end of the last one. Inside a verbatim origin the mapping is exact; an
    /// origin that is not verbatim maps as a whole. Nil when nothing in the range has a source.
    public func span(of range: Range<Int>) -> SourceSpan? {
        span(of: range, fromOrigin: 0, at: 0)
    }

    /// The spans of many ranges of the run (each as ``span(of:)``), in the order given. The origins'
    /// offsets are computed once and each range starts at its first origin found by binary search, so
    /// a run of many origins (a long paragraph with links and emphasis) with many ranges costs
    /// O((origins + ranges) · log origins), not origins × ranges as ``span(of:)`` called per range does.
    public func spans(of ranges: [Range<Int>]) -> [SourceSpan?] {
        var starts: [Int] = []
        starts.reserveCapacity(origins.count)
        var offset = 0
        for o in origins { starts.append(offset); offset += o.length }
        return ranges.map { r in
            // The last origin starting at or before the range: the ones before it end before the range.
            var lo = 0, hi = starts.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if starts[mid] <= r.lowerBound { lo = mid } else { hi = mid - 1 }
            }
            return starts.isEmpty ? nil : span(of: r, fromOrigin: lo, at: starts[lo])
        }
    }

    /// ``span(of:)`` walking the origins from index `first`, which starts at run offset `firstOffset`.
    private func span(of range: Range<Int>, fromOrigin first: Int, at firstOffset: Int) -> SourceSpan? {
        var start: Int?
        var end: Int?
        var offset = firstOffset
        for k in first..<origins.endIndex {
            let o = origins[k]
            let lo = offset, hi = offset + o.length
            offset = hi
            guard hi > range.lowerBound, lo < range.upperBound || (range.isEmpty && lo == range.lowerBound),
                  let s = o.source else { continue }
            if start == nil {
                start = o.verbatim ? s.start + max(0, range.lowerBound - lo) : s.start
            }
            end = o.verbatim ? s.start + (min(hi, range.upperBound) - lo) : s.end
            if hi >= range.upperBound { break }
        }
        guard let start, let end else { return nil }
        return SourceSpan(start: start, end: end)
    }

    /// The run's UTF-8 range whose source is exactly `span`, when `span` falls inside verbatim origins
    /// of this run (or matches a whole non-verbatim origin); nil otherwise.
    public func range(of span: SourceSpan) -> Range<Int>? {
        guard let lo = offset(ofSource: span.start, end: false), let hi = offset(ofSource: span.end, end: true),
              lo <= hi, self.span(of: lo..<hi).map({ $0 == span || span.isEmpty }) ?? false else { return nil }
        return lo..<hi
    }

    private func offset(ofSource s: Int, end: Bool) -> Int? {
        var offset = 0
        for o in origins {
            defer { offset += o.length }
            guard let src = o.source else { continue }
            if o.verbatim, s >= src.start, s <= src.end {
                if !end && s == src.end { continue }
                return offset + (s - src.start)
            }
            if !end && s == src.start { return offset }
            if end && s == src.end { return offset + o.length }
        }
        return nil
    }

    // MARK: Building

    /// Appends another run, keeping both runs' origins.
    public mutating func append(_ other: TextRun) {
        string += other.string
        for o in other.origins { origins.append(o) }
    }

    /// Appends text the pipeline adds (no source).
    public mutating func append(_ s: String) {
        append(TextRun(s))
    }

    public static func + (a: TextRun, b: TextRun) -> TextRun {
        var r = a
        r.append(b)
        return r
    }

    /// The part of the run in the UTF-8 range `range` (which must lie on Unicode scalar boundaries).
    public func slice(_ range: Range<Int>) -> TextRun {
        let lo = max(0, range.lowerBound), hi = min(utf8Count, range.upperBound)
        guard lo < hi else { return .empty }
        let u = string.utf8
        let s = String(Substring(u[u.index(u.startIndex, offsetBy: lo)..<u.index(u.startIndex, offsetBy: hi)]))
        var out = TextOrigins()
        var offset = 0
        for o in origins {
            let a = offset, b = offset + o.length
            offset = b
            let x = max(a, lo), y = min(b, hi)
            guard x < y else { continue }
            if o.verbatim, let src = o.source {
                out.append(TextOrigin(length: y - x, source: SourceSpan(start: src.start + (x - a), end: src.start + (y - a)), verbatim: true))
            } else {
                out.append(TextOrigin(length: y - x, source: o.source, verbatim: false))
            }
        }
        return TextRun(s, built: out)
    }

    /// The run with the UTF-8 range `range` replaced by `replacement`.
    public func replacing(_ range: Range<Int>, with replacement: TextRun) -> TextRun {
        slice(0..<range.lowerBound) + replacement + slice(range.upperBound..<utf8Count)
    }

}

extension TextRun {
    /// The run without leading and trailing scalars for which `isTrimmed` is true.
    public func trimming(_ isTrimmed: (Unicode.Scalar) -> Bool) -> TextRun {
        trimmingEnd(isTrimmed).trimmingStart(isTrimmed)
    }

    public func trimmingStart(_ isTrimmed: (Unicode.Scalar) -> Bool) -> TextRun {
        var offset = 0
        for s in string.unicodeScalars {
            guard isTrimmed(s) else { break }
            offset += UTF8.width(s)
        }
        return offset == 0 ? self : slice(offset..<utf8Count)
    }

    public func trimmingEnd(_ isTrimmed: (Unicode.Scalar) -> Bool) -> TextRun {
        var end = utf8Count
        for s in string.unicodeScalars.reversed() {
            guard isTrimmed(s) else { break }
            end -= UTF8.width(s)
        }
        return end == utf8Count ? self : slice(0..<end)
    }

    /// The run without its first `count` Characters (grapheme clusters).
    public func droppingFirst(_ count: Int) -> TextRun {
        let idx = string.index(string.startIndex, offsetBy: count, limitedBy: string.endIndex) ?? string.endIndex
        return slice(string.utf8.distance(from: string.startIndex, to: idx)..<utf8Count)
    }

    /// HTML's collapsible white space, the WHATWG's "ASCII whitespace": tab, line feed, form feed,
    /// carriage return and space (not U+00A0, which is kept as written).
    public static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    /// Replaces each run of ASCII white space (``isASCIIWhitespace(_:)``) with one space, and drops a
    /// space that would follow another (or, when `lastWasSpace` is true on entry, start the run) — HTML's
    /// white-space collapsing. A single source space stays verbatim; a longer run (or a line end) becomes
    /// a space whose origin is the whole run. `lastWasSpace` says on exit whether the result ends in a space.
    ///
    /// Text with nothing to collapse (the common case) is returned as it is, without copying.
    public func collapsingWhitespace(lastWasSpace: inout Bool) -> TextRun {
        var string = string
        return string.withUTF8 { collapsingWhitespace(utf8: $0, lastWasSpace: &lastWasSpace) }
    }

    /// ``collapsingWhitespace(lastWasSpace:)`` over the run's UTF-8 bytes `source`.
    private func collapsingWhitespace(utf8 source: UnsafeBufferPointer<UInt8>, lastWasSpace: inout Bool) -> TextRun {
        var previousWasSpace = lastWasSpace
        var unchanged = true
        for byte in source {
            if Self.isASCIIWhitespace(byte) {
                if byte != 0x20 || previousWasSpace { unchanged = false; break }
                previousWasSpace = true
            } else {
                previousWasSpace = false
            }
        }
        if unchanged {
            lastWasSpace = previousWasSpace
            return self
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count)
        var out = TextOrigins()
        var cursor = OriginCursor()
        var textStart: Int?            // start of the current stretch of non-collapsible text
        var spaceStart: Int?           // start of the current run of collapsible whitespace
        func flushText(_ end: Int) {
            guard let s = textStart else { return }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[s..<end]))
            cursor.copyOrigins(of: origins, s..<end, into: &out)
            textStart = nil
        }
        func flushSpace(_ end: Int) {
            guard let s = spaceStart else { return }
            spaceStart = nil
            if lastWasSpace { return }
            bytes.append(0x20)
            if end - s == 1, source[s] == 0x20 {
                cursor.copyOrigins(of: origins, s..<end, into: &out)
            } else {
                out.append(TextOrigin(length: 1, source: span(of: s..<end), verbatim: false))
            }
            lastWasSpace = true
        }
        for offset in 0..<source.count {
            if Self.isASCIIWhitespace(source[offset]) {
                flushText(offset)
                if spaceStart == nil { spaceStart = offset }
            } else {
                flushSpace(offset)
                if textStart == nil { textStart = offset }
                lastWasSpace = false
            }
        }
        flushText(source.count)
        flushSpace(source.count)
        return TextRun(String(decoding: bytes, as: UTF8.self), built: out)
    }

    /// Walks a run's origins forward, copying the parts that cover successive, increasing UTF-8 ranges.
    private struct OriginCursor {
        var index = 0
        var start = 0

        mutating func copyOrigins(of origins: TextOrigins, _ range: Range<Int>, into out: inout TextOrigins) {
            while index < origins.count, start + origins[index].length <= range.lowerBound {
                start += origins[index].length
                index += 1
            }
            var i = index, s = start
            while i < origins.count, s < range.upperBound {
                let o = origins[i]
                let x = max(s, range.lowerBound), y = min(s + o.length, range.upperBound)
                if x < y {
                    if o.verbatim, let src = o.source {
                        out.append(TextOrigin(length: y - x, source: SourceSpan(start: src.start + (x - s), end: src.start + (y - s)), verbatim: true))
                    } else {
                        out.append(TextOrigin(length: y - x, source: o.source, verbatim: false))
                    }
                }
                if s + o.length > range.upperBound { break }
                s += o.length
                i += 1
            }
        }
    }
}
