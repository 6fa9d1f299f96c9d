import KeiDocument

/// An HTML comment copied out of the tree: its text (between `<!--` and `-->`) and where it stands.
public struct DOMComment: Sendable, Hashable {
    public var text: String
    /// The whole comment, `<!--` to `-->`, in the decoded source; nil when it could not be located.
    public var span: SourceSpan?

    public init(_ text: String, span: SourceSpan? = nil) {
        self.text = text
        self.span = span
    }
}
