/// One replacement of source-located text: the structured part of a fix a diagnostic may carry.
///
/// The edit names the text it replaces by its ``SourceSpan`` (UTF-8 offsets into the decoded source),
/// so it applies to every run of the model that holds exactly those source characters. The source HTML
/// itself is never modified: edits change the model, and so what is emitted from it.
public struct TextEdit: Sendable, Hashable, Codable {
    /// The source text replaced.
    public var span: SourceSpan
    /// The new text (empty to delete).
    public var replacement: String
    /// Safe edits are applied by `--fix`; unsafe ones are only suggested (they may change meaning).
    public var isSafe: Bool

    public init(span: SourceSpan, replacement: String, isSafe: Bool) {
        self.span = span
        self.replacement = replacement
        self.isSafe = isSafe
    }
}
