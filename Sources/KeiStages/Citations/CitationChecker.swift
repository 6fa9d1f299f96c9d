import KeiCitations
import KeiCore
import KeiDocument

/// One family of `check.citations` rules (note integrity, Ibid. and short forms, quotations without a
/// source, URLs and identifiers…). Checkers are read-only: they see the model, the shared analysis and
/// the shared citation index, and return diagnostics.
protocol CitationChecker: Sendable {
    /// Every rule the checker can emit.
    static var messages: [StageMessage] { get }
    func check(_ input: CitationCheckInput) -> [Diagnostic]
}

/// What every citation checker reads: one article's model, its analysis and citation index, the
/// stage's options and the article context (publication date, source path).
struct CitationCheckInput {
    var article: Article
    var analysis: ArticleAnalysis
    var citations: CitationIndex
    var context: ArticleContext
    var options: CitationOptions
}

/// The options of `check.citations`, read once when the stage is built.
struct CitationOptions: Sendable {
    /// `quotation-min-words`: the shortest quotation (in words) that needs a source.
    var quotationMinWords = 8
    /// The `link-*` options of `--check-links`.
    var links = LinkCheckSettings()
    /// The link prober of this stage instance, shared by every article of the run.
    let linkProbe: LinkProbe

    init(_ options: StageOptions) {
        quotationMinWords = max(1, options.int("quotation-min-words", default: 8))
        links = LinkCheckSettings(options)
        linkProbe = LinkProbe(settings: links)
    }
}
