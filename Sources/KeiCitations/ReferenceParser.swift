/// Parses one reference string (a bibliography entry, or one source of a Chicago note) into a
/// ``ParsedReference``.
///
/// PLACEHOLDER: the trained sequence labeller replaces this; until then the whole string is the title.
public struct ReferenceParser: Sendable {
    public static let shared = ReferenceParser()

    public init() {}

    public func parse(_ text: String) -> ParsedReference {
        var item = CSLItem()
        item.title = text
        return ParsedReference(text: text, item: item, fields: [ReferenceField(label: "title", range: 0..<text.utf8.count, text: text)])
    }
}
