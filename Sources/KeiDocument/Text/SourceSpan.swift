/// A stretch of an article's source: a half-open range of **UTF-8 byte offsets** (0-based) into the
/// source text as decoded (after the page's encoding was applied, before entities are resolved).
///
/// Offsets are turned into 1-based line and column (Unicode scalars) only when a report is written,
/// by ``SourceLineIndex``.
public struct SourceSpan: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// First byte, 0-based.
    public var start: Int
    /// One past the last byte.
    public var end: Int

    /// - Precondition: `start <= end` (a reversed pair is stored as an empty span at `start`).
    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public init(_ range: Range<Int>) {
        self.init(start: range.lowerBound, end: range.upperBound)
    }

    public var range: Range<Int> { start..<end }
    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    /// Whether `offset` lies inside the span (`start <= offset < end`, or `offset == start` for an empty span).
    public func contains(_ offset: Int) -> Bool {
        offset >= start && (offset < end || (isEmpty && offset == start))
    }

    /// Whether `other` lies wholly inside this span.
    public func contains(_ other: SourceSpan) -> Bool {
        other.start >= start && other.end <= end
    }

    /// The smallest span covering both.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: min(start, other.start), end: max(end, other.end))
    }

    public var description: String { "\(start)..<\(end)" }

    public static func < (a: SourceSpan, b: SourceSpan) -> Bool {
        a.start != b.start ? a.start < b.start : a.end < b.end
    }
}
