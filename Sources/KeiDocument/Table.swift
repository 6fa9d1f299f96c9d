/// A data table with an optional label ("Table 1") and caption.
public struct Table: Sendable, Hashable, Codable {
    public var id: String
    public var label: String?
    public var caption: [Inline]?
    /// Rows from `<thead>` (or leading all-header rows).
    public var head: [TableRow]
    public var body: [TableRow]
    /// Table notes / source lines from `<tfoot>`.
    public var foot: [TableRow]
    public var location: SourceLocation

    public init(id: String, label: String? = nil, caption: [Inline]? = nil, head: [TableRow] = [],
                body: [TableRow], foot: [TableRow] = [], location: SourceLocation) {
        self.id = id
        self.label = label
        self.caption = caption
        self.head = head
        self.body = body
        self.foot = foot
        self.location = location
    }
}
