/// Everything about a stage that is data: id, summary, kind, options, messages and examples.
/// It is the stage's documentation (`kei-pipeline stages`) and its test specification.
public struct StageDescription: Sendable {
    /// Stable, dotted, lower-case id used in workflow files (`ingest.html`, `emit.jats`).
    public var id: String
    public var summary: String
    public var kind: StageKind
    public var options: [StageOption]
    public var messages: [StageMessage]
    public var examples: [StageExample]
    /// For issue stages: whether it publishes (and so is blocked while an article awaits its manuscript).
    public var publishes: Bool
    /// For check stages: whether it reads the shared ``ArticleAnalysis`` (the runner builds it only
    /// when a stage that reads it is about to run, once per version of the model).
    public var readsAnalysis: Bool
    /// For check stages: whether it reads the shared ``CitationIndex`` (built with the analysis, once
    /// per version of the model; implies `readsAnalysis`).
    public var readsCitations: Bool
    /// Former ids of this stage that workflows may still name (`check.notes` for `check.citations`).
    public var aliases: [String]
    /// For issue stages: whether it reads the articles' models (``ArticleOutcome/article``). When no issue
    /// stage of a workflow does, the runner releases each model as soon as its article stages finish and
    /// may take article outcomes from the cache. Default: true for issue stages.
    public var readsArticleModels: Bool
    /// Files the stage reads by default, relative to the working directory or the project root (`emit.fo`'s
    /// `Workflows/print/jats-to-fo.xsl`): the workflow loader adds those that exist to
    /// ``Workflow/configurationFiles``, so the cache key covers them.
    public var defaultFiles: [String] = []
    /// Bump when the stage's behaviour changes so that cached results (issue 11's ledger) are recomputed.
    public var version: Int = 1

    public init(id: String, summary: String, kind: StageKind, options: [StageOption] = [],
                messages: [StageMessage] = [], examples: [StageExample] = [], publishes: Bool = false,
                readsAnalysis: Bool = false, readsCitations: Bool = false, aliases: [String] = [],
                readsArticleModels: Bool? = nil) {
        self.readsArticleModels = readsArticleModels ?? (kind == .issue)
        self.readsAnalysis = readsAnalysis || readsCitations
        self.readsCitations = readsCitations
        self.aliases = aliases
        self.id = id
        self.summary = summary
        self.kind = kind
        self.options = options
        self.messages = messages
        self.examples = examples
        self.publishes = publishes
    }

    public func option(named name: String) -> StageOption? {
        options.first { $0.name == name }
    }
}
