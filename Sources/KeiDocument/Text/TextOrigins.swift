/// The origins of a ``TextRun``, in order: a random-access collection of ``TextOrigin``s that cover the
/// run's UTF-8 bytes without gaps.
///
/// Most runs come from one stretch of the source (a text node read verbatim) or from none (text the
/// pipeline adds); those are stored inline, without an array, so a run costs one allocation (its string,
/// when longer than 15 bytes) instead of two. Runs with several origins keep an array.
public struct TextOrigins: RandomAccessCollection, Sendable, Hashable, Codable {
    enum Storage: Sendable, Hashable {
        /// No origins: the run is empty.
        case empty
        /// One origin covering all `length` bytes.
        case single(SourceSpan?, verbatim: Bool)
        /// Two or more origins, merged where they continue each other (see ``TextOrigins/appending(_:)``).
        case list([TextOrigin])
    }

    private(set) var storage: Storage
    /// The run's length in UTF-8 bytes (what a single origin covers).
    private(set) var length: Int

    init() {
        storage = .empty
        length = 0
    }

    /// One origin covering `length` bytes (none when `length` is 0).
    init(length: Int, source: SourceSpan?, verbatim: Bool) {
        self.init()
        append(TextOrigin(length: length, source: source, verbatim: verbatim))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int {
        switch storage {
        case .empty: 0
        case .single: 1
        case .list(let list): list.count
        }
    }

    public subscript(position: Int) -> TextOrigin {
        switch storage {
        case .empty: preconditionFailure("no origins")
        case .single(let source, let verbatim):
            precondition(position == 0, "index out of range")
            return TextOrigin(length: length, source: source, verbatim: verbatim)
        case .list(let list): return list[position]
        }
    }

    /// Appends `o`, merging it into the last origin when both have no source, or both are verbatim and
    /// `o`'s source continues the last one's. Origins of length 0 are left out.
    mutating func append(_ o: TextOrigin) {
        guard o.length > 0 else { return }
        defer { length += o.length }
        switch storage {
        case .empty:
            storage = .single(o.source, verbatim: o.verbatim)
        case .single(let source, let verbatim):
            let last = TextOrigin(length: length, source: source, verbatim: verbatim)
            if let merged = Self.merged(last, o) {
                storage = .single(merged.source, verbatim: merged.verbatim)
            } else {
                storage = .list([last, o])
            }
        case .list(var list):
            storage = .empty  // release the array so that it is mutated in place
            if let merged = Self.merged(list[list.count - 1], o) {
                list[list.count - 1] = merged
            } else {
                list.append(o)
            }
            storage = .list(list)
        }
    }

    /// `a` followed by `b` as one origin, when they continue each other.
    private static func merged(_ a: TextOrigin, _ b: TextOrigin) -> TextOrigin? {
        if a.source == nil && b.source == nil {
            return TextOrigin(length: a.length + b.length, source: nil, verbatim: false)
        }
        if a.verbatim, b.verbatim, let x = a.source, let y = b.source, x.end == y.start {
            return TextOrigin(length: a.length + b.length, source: SourceSpan(start: x.start, end: y.end), verbatim: true)
        }
        return nil
    }

    /// Encoded as the array of its origins.
    public init(from decoder: any Decoder) throws {
        self.init()
        for o in try [TextOrigin](from: decoder) { append(o) }
    }

    public func encode(to encoder: any Encoder) throws {
        try Array(self).encode(to: encoder)
    }
}
