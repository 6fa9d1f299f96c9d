/// A change applied to the model (for example by `--fix`): which rule asked for it, where, the text
/// before and after. Reports list these so that every automatic edit can be reviewed.
public struct ChangeRecord: Sendable, Hashable, Codable {
    public var rule: String
    /// The stage whose diagnostic carried the edit.
    public var stage: String?
    public var article: String?
    /// Where the replaced text starts (1-based line and column in Unicode scalars, once resolved).
    public var location: SourceLocation
    /// Where the replaced text ends (exclusive), once resolved.
    public var end: SourceLocation?
    /// The replaced source characters.
    public var span: SourceSpan
    /// The model's text before and after, as shown in the sentence or run that changed.
    public var before: String
    public var after: String

    public init(rule: String, stage: String?, article: String?, location: SourceLocation, end: SourceLocation? = nil,
                span: SourceSpan, before: String, after: String) {
        self.rule = rule
        self.stage = stage
        self.article = article
        self.location = location
        self.end = end
        self.span = span
        self.before = before
        self.after = after
    }
}
