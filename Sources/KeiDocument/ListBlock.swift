/// An ordered or unordered list.
public struct ListBlock: Sendable, Hashable, Codable {
    public var ordered: Bool
    public var items: [ListItem]
    public var location: SourceLocation

    public init(ordered: Bool, items: [ListItem], location: SourceLocation) {
        self.ordered = ordered
        self.items = items
        self.location = location
    }
}
