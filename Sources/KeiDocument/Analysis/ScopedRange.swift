/// A stretch of a ``TextUnit``'s text in a ``ScopeKind``: a half-open range of **UTF-8 byte offsets**
/// (0-based) into the unit's `text.string`.
public struct ScopedRange: Sendable, Hashable, Codable {
    public var kind: ScopeKind
    public var range: Range<Int>
    /// For a `.link` scope, and the `.url` scope of a link whose text reads as a URL: the link's address
    /// as the model holds it (``Inline/link(url:children:)``); nil for every other scope.
    public var target: String?

    public init(_ kind: ScopeKind, _ range: Range<Int>, target: String? = nil) {
        self.kind = kind
        self.range = range
        self.target = target
    }

    /// Whether the scope covers `offset` (an empty scope covers nothing).
    public func contains(_ offset: Int) -> Bool { range.contains(offset) }

    /// Whether the scope shares at least one byte with `other`; an empty `other` overlaps when the
    /// scope contains its position.
    public func overlaps(_ other: Range<Int>) -> Bool {
        other.isEmpty ? range.contains(other.lowerBound) : range.overlaps(other)
    }
}
