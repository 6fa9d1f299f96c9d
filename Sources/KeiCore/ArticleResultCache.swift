import KeiDocument

/// A store of earlier article results that lets the runner skip an unchanged article.
///
/// The runner asks ``cachedOutcome(for:workflow:)`` before running an article's stages and hands every
/// freshly computed outcome to ``store(_:workflow:)``. An implementation decides what "unchanged" means
/// (its key covers the source bytes and everything in the workflow that can change a result) and whether
/// the outcome's artifacts are still in place. A cached outcome carries no model (``ArticleOutcome/article``
/// is nil, ``ArticleOutcome/digest`` is set), so the runner consults the cache only when no issue stage of
/// the workflow reads the article models (``StageDescription/readsArticleModels``).
///
/// Both methods are called from the article workers concurrently; implementations must be thread safe
/// and must never throw: a cache that cannot answer returns nil (the article runs).
public protocol ArticleResultCache: Sendable {
    /// The earlier outcome of `entry` under `workflow`, when nothing that could change it has changed
    /// and its artifacts are present; nil otherwise.
    func cachedOutcome(for entry: ArticleEntry, workflow: Workflow) -> ArticleOutcome?
    /// Records a freshly computed outcome (with its ``ArticleOutcome/digest``; the model is not stored).
    func store(_ outcome: ArticleOutcome, workflow: Workflow)
}

/// One article finished (ran or came from the cache): what a progress display needs.
public struct ArticleProgress: Sendable {
    /// The article's id.
    public var article: String
    /// Articles finished so far in this run, including this one (1-based).
    public var done: Int
    /// Articles in the run.
    public var total: Int
    /// True when the outcome came from the cache.
    public var cached: Bool

    public init(article: String, done: Int, total: Int, cached: Bool) {
        self.article = article
        self.done = done
        self.total = total
        self.cached = cached
    }
}
