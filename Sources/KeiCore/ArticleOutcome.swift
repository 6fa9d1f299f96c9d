import KeiDocument

/// The result of running the article stages on one article, as issue stages and reporters see it.
public struct ArticleOutcome: Sendable {
    public var entry: ArticleEntry
    public var sourceDisplayPath: String?
    /// The model, when ingest succeeded.
    public var article: Article?
    /// The model's metadata and counts, kept when the model is released (batch runs) or came from the
    /// cache; reporters read this, never ``article``.
    public var digest: ArticleDigest?
    /// True when the outcome came from an ``ArticleResultCache`` (the stages did not run this time).
    public var cached = false
    public var diagnostics: [Diagnostic]
    public var artifacts: [Artifact]
    /// True when a stage threw and the article's remaining stages were skipped.
    public var failed: Bool
    /// Diagnostics dropped because a suppression in the source covers them.
    public var suppressed: Int
    /// Diagnostics dropped by `--fix` because an applied edit rewrote the words they report
    /// (``Runner/applyFixes(_:to:superseded:)``).
    public var superseded: Int = 0
    /// Changes applied to the model (`--fix`), in source order.
    public var changes: [ChangeRecord]
    /// The decoded source with its line index (set when ingest read it), so that issue stages'
    /// diagnostics located in this article's source are resolved to line and column too.
    public var sourceIndex: SourceLineIndex?

    public init(entry: ArticleEntry, sourceDisplayPath: String?, article: Article?, diagnostics: [Diagnostic],
                artifacts: [Artifact], failed: Bool, suppressed: Int = 0, changes: [ChangeRecord] = []) {
        self.suppressed = suppressed
        self.changes = changes
        self.entry = entry
        self.sourceDisplayPath = sourceDisplayPath
        self.article = article
        self.digest = article.map(ArticleDigest.init)
        self.diagnostics = diagnostics
        self.artifacts = artifacts
        self.failed = failed
    }
}
