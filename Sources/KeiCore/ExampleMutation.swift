/// A change the shared example test makes to every ``StageExample``'s page, which must not change what
/// the example reports, nor (for marked spans) where: the marks travel with the text.
public enum ExampleMutation: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The body wrapped in an extra `<div>`.
    case wrappedInDiv = "wrapped in a div"
    /// The paragraph with the first mark (or the first paragraph) wrapped in a `<blockquote>`.
    case blockQuote = "wrapped in a block quote"
    /// Korean text, an emoji and an entity inserted at the start of that paragraph, before the marks.
    case multiByteBefore = "multi-byte text and an entity before the span"
    /// That paragraph turned into the only item of a `<ul>`.
    case listItem = "inside a list item"
    /// Every line feed written as CR LF.
    case crlf = "CRLF line ends"

    public var description: String { rawValue }
}
