/// What an ``ArticleVisitor`` is told about the position of the node it visits.
public struct WalkContext: Sendable, Hashable {
    /// The innermost scope of the text (a paragraph inside a quotation is `.quotation`).
    public var scope: TextScope
    public var location: SourceLocation
    /// The id of the enclosing section, if any.
    public var sectionID: String?
    /// The id of the enclosing note, if any.
    public var noteID: String?

    public init(scope: TextScope, location: SourceLocation, sectionID: String? = nil, noteID: String? = nil) {
        self.scope = scope
        self.location = location
        self.sectionID = sectionID
        self.noteID = noteID
    }
}
