import KeiDocument

/// A pipeline stage: a value built from its options, described by static data.
///
/// Stages never print. They emit ``Diagnostic``s into their context and `throw` only when work on
/// the article (or issue) cannot continue; the runner reports the throw with stage and article.
/// Conform to one of ``ArticleStage``, ``CheckStage`` or ``IssueStage``.
public protocol Stage: Sendable {
    static var description: StageDescription { get }
    /// Builds the stage from its effective options (already type-checked by the workflow loader).
    init(options: StageOptions) throws
    /// The rules this instance can report: its description's messages, unless its rules are data (the
    /// house style's rules for `lint.style`). Suppression directives are checked against these.
    var reportedRules: [StageMessage] { get }
}

extension Stage {
    public var reportedRules: [StageMessage] { Self.description.messages }
}

/// An ingest, transform or emit stage: runs on one article and may change its model.
public protocol ArticleStage: Stage {
    func run(_ context: inout ArticleContext) throws
}

/// A read-only check: sees the article model and returns diagnostics, never changes anything.
public protocol CheckStage: Stage {
    func check(_ article: Article, context: ArticleContext) -> [Diagnostic]
}

/// A stage that runs once per issue, after all article stages.
public protocol IssueStage: Stage {
    func run(_ context: inout IssueContext) throws
}
