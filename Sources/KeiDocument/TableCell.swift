/// One cell of a ``TableRow``.
public struct TableCell: Sendable, Hashable, Codable {
    public var inlines: [Inline]
    public var isHeader: Bool
    public var columnSpan: Int
    public var rowSpan: Int

    public init(inlines: [Inline], isHeader: Bool = false, columnSpan: Int = 1, rowSpan: Int = 1) {
        self.inlines = inlines
        self.isHeader = isHeader
        self.columnSpan = columnSpan
        self.rowSpan = rowSpan
    }
}
