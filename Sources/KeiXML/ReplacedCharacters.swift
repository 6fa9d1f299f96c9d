import KeiDocument

/// Characters that decoding or parsing replaced or removed: how many, and where the first one stands.
public struct ReplacedCharacters: Sendable, Hashable {
    /// How many characters (or invalid byte sequences) were replaced or removed.
    public var count: Int
    /// The first one's span in the decoded source (``DOMDocument/sourceText``), nil when unknown.
    public var first: SourceSpan?

    public init(count: Int = 0, first: SourceSpan? = nil) {
        self.count = count
        self.first = first
    }

    public var isEmpty: Bool { count == 0 }

    /// Counts one more, keeping the earliest span.
    mutating func record(_ span: SourceSpan?) {
        count += 1
        if let span, first.map({ span.start < $0.start }) ?? true { first = span }
    }

    /// Counts `other`'s characters too, keeping the earliest span.
    mutating func merge(_ other: ReplacedCharacters) {
        guard !other.isEmpty else { return }
        let count = count
        record(other.first)
        self.count = count + other.count
    }
}
