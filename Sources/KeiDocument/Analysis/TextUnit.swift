/// One run of phrase content of the article as checks see it: a title, heading, paragraph, list-item
/// paragraph, table cell, caption, attribution, note paragraph or reference.
public struct TextUnit: Sendable {
    /// The kind of text (from the walk: the innermost block scope).
    public var scope: TextScope
    /// The block's location (line) in the source.
    public var location: SourceLocation
    public var sectionID: String?
    public var noteID: String?
    /// The visible text, each character with its source; a note marker is one U+FFFC character.
    public var text: TextRun

    public init(scope: TextScope, location: SourceLocation, sectionID: String? = nil, noteID: String? = nil, text: TextRun) {
        self.scope = scope
        self.location = location
        self.sectionID = sectionID
        self.noteID = noteID
        self.text = text
    }
}
