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
        options: [
            StageOption("quotation-min-words", .int, default: .int(8), "The shortest quotation, in words, reported when nothing credits it (check.citations.quotation-without-source)."),
            StageOption("link-timeout-ms", .int, default: .int(10000), "With --check-links: how long one request waits for an answer, in milliseconds."),
            StageOption("link-retries", .int, default: .int(2), "With --check-links: retries of a timed-out request, a 5xx or a 429."),
            StageOption("link-backoff-ms", .int, default: .int(500), "With --check-links: the wait before the first retry, doubled each time, in milliseconds."),
            StageOption("link-concurrency", .int, default: .int(8), "With --check-links: requests in flight at once over the whole run."),
            StageOption("link-per-host", .int, default: .int(2), "With --check-links: requests in flight at once to one host."),
            StageOption("link-cache", .string, default: .string("link-cache.json"), "With --check-links: the cache file, relative to the output folder unless absolute; empty for none."),
            StageOption("link-cache-ttl-hours", .int, default: .int(24), "With --check-links: how long a cached answer is used, in hours."),
        ],
        messages: checkers.flatMap { type(of: $0).messages },
        examples: CheckCitationsExamples.all
            + QuotationSourceChecker.examples
            + URLChecker.examples
            + IdentifierChecker.examples
            + AccessedDateChecker.examples
            + NoteBalanceChecker.examples,
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
        QuotationSourceChecker(),
        URLChecker(),
        IdentifierChecker(),
        AccessedDateChecker(),
        NoteBalanceChecker(),
        LinkChecker(),
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
