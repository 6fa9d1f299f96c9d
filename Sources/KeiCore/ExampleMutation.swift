/// A change the shared example tests make to every example's page (``StageExample``, and every house-style
/// rule's examples), which must not change what the example reports, nor (for marked spans) where: the
/// marks travel with the text. A mutation that moves the text into another kind of block (a block quote,
/// a list item, a note) changes what a scoped rule may report there: the style example test expects a
/// rule to keep firing only when its scopes include that block's scope.
public enum ExampleMutation: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The body wrapped in an extra `<div>`.
    case wrappedInDiv = "wrapped in a div"
    /// The paragraph with the first mark (or the first paragraph) wrapped in a `<blockquote>`.
    case blockQuote = "wrapped in a block quote"
    /// Korean text, an emoji and an entity inserted at the start of that paragraph, before the marks.
    case multiByteBefore = "multi-byte text and an entity before the span"
    /// That paragraph turned into the only item of a `<ul>`.
    case listItem = "inside a list item"
    /// That paragraph's content moved into a footnote (a note list after the text, the paragraph replaced
    /// by one citing the note). Not applied to a page that has notes already.
    case note = "inside a note"
    /// Every line feed written as CR LF.
    case crlf = "CRLF line ends"

    public var description: String { rawValue }

    /// The mutation's name in a style file (`skip-mutations: {block-quote: reason}`), kebab-case.
    public var key: String {
        switch self {
        case .wrappedInDiv: return "wrapped-in-div"
        case .blockQuote: return "block-quote"
        case .multiByteBefore: return "multi-byte"
        case .listItem: return "list-item"
        case .note: return "note"
        case .crlf: return "crlf"
        }
    }

    /// The mutation named `key` in a style file.
    public init?(key: String) {
        guard let m = Self.allCases.first(where: { $0.key == key }) else { return nil }
        self = m
    }
}
