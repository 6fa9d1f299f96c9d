/// One finding: a stable rule id, a severity, a message an editor can act on, and where.
///
/// Stages never print; they append diagnostics to their context and the runner hands them to
/// the reporters chosen on the command line.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// Stable, dotted, lower-case id such as `ingest.date-invalid`.
    public var rule: String
    public var severity: Severity
    public var message: String
    /// Where it starts. Stages that know the words give ``span`` and leave line and column to the runner.
    public var location: SourceLocation
    /// The words it is about: UTF-8 offsets into the decoded source (see ``SourceSpan``). The runner turns
    /// it into ``location`` and ``end`` (1-based line, column in Unicode scalars) and the ``excerpt``.
    public var span: SourceSpan?
    /// Where the words end (exclusive), once resolved from ``span``.
    public var end: SourceLocation?
    /// A structured fix: text edits, each safe (applied by `--fix`) or unsafe (suggested).
    public var edits: [TextEdit]
    /// The id of the stage that emitted it (filled in by the runner when a stage leaves it nil).
    public var stage: String?
    /// The id of the article it concerns (filled in by the runner).
    public var article: String?
    /// The offending source text, when short enough to quote.
    public var excerpt: String?
    /// A suggested replacement or action, when the stage knows one.
    public var fix: String?

    public init(rule: String, severity: Severity, message: String, location: SourceLocation,
                stage: String? = nil, article: String? = nil, excerpt: String? = nil, fix: String? = nil,
                span: SourceSpan? = nil, edits: [TextEdit] = []) {
        self.span = span
        self.end = nil
        self.edits = edits
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
