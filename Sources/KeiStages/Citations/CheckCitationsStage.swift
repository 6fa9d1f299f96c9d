import KeiCitations
import KeiCore
import KeiDocument

/// Checks an article's notes and citations (Chicago Manual of Style, 17th ed., chapter 14): note
/// integrity and order, "Ibid." and short forms, quotations without a source, URLs and identifiers.
/// It reads the shared ``CitationIndex`` (notes read as citations) built once per model.
///
/// It absorbs the former `check.notes` stage, whose id stays an alias.
public struct CheckCitationsStage: CheckStage {
    public static let description = StageDescription(
        id: "check.citations",
        summary: "Check notes and citations: markers and notes, numbering, Ibid. and short forms, quotations without a source, URLs and identifiers.",
        kind: .check,
        messages: checkers.flatMap { type(of: $0).messages },
        examples: CheckCitationsExamples.all,
        readsCitations: true,
        aliases: ["check.notes"]
    )

    /// Every checker, in the order their findings are reported.
    static let checkers: [any CitationChecker] = [
        NoteOrderChecker(),
        NoteNumberingChecker(),
        MarkerPlacementChecker(),
        IbidChecker(),
        ShortFormChecker(),
    ]

    let options: CitationOptions

    public init(options: StageOptions) throws {
        self.options = CitationOptions(options)
    }

    public func check(_ article: Article, context: ArticleContext) -> [Diagnostic] {
        guard let analysis = context.analysis, let citations = context.citations else { return [] }
        let input = CitationCheckInput(article: article, analysis: analysis, citations: citations, context: context, options: options)
        return Self.checkers.flatMap { $0.check(input) }
    }
}
