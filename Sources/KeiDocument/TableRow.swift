/// One row of a ``Table``.
public struct TableRow: Sendable, Hashable, Codable {
    public var cells: [TableCell]
    public var location: SourceLocation

    public init(cells: [TableCell], location: SourceLocation) {
        self.cells = cells
        self.location = location
    }
}
