/// A stretch of a ``TextUnit``'s text in a ``ScopeKind``: a half-open range of **UTF-8 byte offsets**
/// (0-based) into the unit's `text.string`.
public struct ScopedRange: Sendable, Hashable, Codable {
    public var kind: ScopeKind
    public var range: Range<Int>

    public init(_ kind: ScopeKind, _ range: Range<Int>) {
        self.kind = kind
        self.range = range
    }

    /// Whether the scope covers `offset` (an empty scope covers nothing).
    public func contains(_ offset: Int) -> Bool { range.contains(offset) }

    /// Whether the scope shares at least one byte with `other`; an empty `other` overlaps when the
    /// scope contains its position.
    public func overlaps(_ other: Range<Int>) -> Bool {
        other.isEmpty ? range.contains(other.lowerBound) : range.overlaps(other)
    }
}
