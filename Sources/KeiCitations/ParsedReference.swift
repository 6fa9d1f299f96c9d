/// The result of parsing one reference string: the structured item and the labelled stretches of the
/// string it was built from.
public struct ParsedReference: Sendable, Hashable {
    /// The reference as given.
    public var text: String
    public var item: CSLItem
    /// The labelled stretches, in order of the string.
    public var fields: [ReferenceField]

    public init(text: String, item: CSLItem, fields: [ReferenceField]) {
        self.text = text
        self.item = item
        self.fields = fields
    }
}
