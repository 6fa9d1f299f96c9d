/// One cell of a ``TableRow``.
///
/// A cell holds phrase content (``inlines``) or, when the source cell holds a list or a block
/// quotation, block content (``blocks``: JATS `td`/`th` allow `p`, `list` and `disp-quote`);
/// exactly one of the two is non-empty (or neither, for an empty cell).
public struct TableCell: Sendable, Hashable, Codable {
    public var inlines: [Inline]
    /// Block content of a cell that holds a list or a block quotation; empty otherwise.
    public var blocks: [Block]
    public var isHeader: Bool
    public var columnSpan: Int
    public var rowSpan: Int

    public init(inlines: [Inline], blocks: [Block] = [], isHeader: Bool = false, columnSpan: Int = 1, rowSpan: Int = 1) {
        self.inlines = inlines
        self.blocks = blocks
        self.isHeader = isHeader
        self.columnSpan = columnSpan
        self.rowSpan = rowSpan
    }
}
