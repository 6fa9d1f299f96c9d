/// One finding: a stable rule id, a severity, a message an editor can act on, and where.
///
/// Stages never print; they append diagnostics to their context and the runner hands them to
/// the reporters chosen on the command line.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// Stable, dotted, lower-case id such as `ingest.date-invalid`.
    public var rule: String
    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    /// The id of the stage that emitted it (filled in by the runner when a stage leaves it nil).
    public var stage: String?
    /// The id of the article it concerns (filled in by the runner).
    public var article: String?
    /// The offending source text, when short enough to quote.
    public var excerpt: String?
    /// A suggested replacement or action, when the stage knows one.
    public var fix: String?

    public init(rule: String, severity: Severity, message: String, location: SourceLocation,
                stage: String? = nil, article: String? = nil, excerpt: String? = nil, fix: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
        self.stage = stage
        self.article = article
        self.excerpt = excerpt
        self.fix = fix
    }
}
