import KeiCitations
import KeiCore
import KeiDates
import KeiDocument

/// `accessed-after-publication`: an access date in a note or reference ("accessed December 3, 2025",
/// "retrieved 2025-12-03"; see ``WrittenDate``) later than the article's publication date — the page's
/// own date, else the issue's cover date. An article cannot cite what its authors read after it was
/// published: the date is mistyped, or the note was changed after publication.
///
/// Dates are compared at the precision both have ("December 2025" is not after "2025-12-15").
/// The finding spans the date.
struct AccessedDateChecker: CitationChecker {
    enum Messages {
        static let accessed = StageMessage("check.citations.accessed-after-publication", .warning,
            "An access date in a note is later than the article's publication date.")
    }

    static let messages = [Messages.accessed]
    static let labels: Set<String> = ["accessed", "retrieved"]

    /// The stage examples of this rule (``CheckCitationsStage``'s examples include them; they run in an
    /// issue with the cover date 2025-12-15 and pages without a date of their own).
    static let examples: [StageExample] = [
        StageExample("pages accessed before publication", html: CitationExamplePage.page(notes: [
            "Ministry of Unification, “Statement,” accessed December 3, 2025, https://www.unikorea.go.kr/statement.",
            "KINU, “Survey,” retrieved 2025-11-30, https://www.kinu.or.kr/survey.",
        ])),
        StageExample("a page accessed after publication", html: CitationExamplePage.page(notes: [
            "Ministry of Unification, “Statement,” accessed ⟦January 5, 2026⟧, https://www.unikorea.go.kr/statement.",
            "KINU, “Survey,” accessed ⟦20 December 2025⟧, https://www.kinu.or.kr/survey.",
        ]), expect: ["check.citations.accessed-after-publication"]),
    ]

    func check(_ input: CitationCheckInput) -> [Diagnostic] {
        guard let published = input.article.metadata.publicationDate ?? input.context.issue.coverDate.flatMap(PublicationDate.init(iso:)) else {
            return []
        }
        var out: [Diagnostic] = []
        for unit in input.analysis.units where unit.scope == .note || unit.scope == .reference {
            for (i, token) in unit.tokens.enumerated() where token.kind == .word && Self.labels.contains(unit.string(of: token.range).lowercased()) {
                guard let (date, range) = WrittenDate.parse(unit.tokens[(i + 1)...], in: unit), DatePrecision.isAfter(date, published) else { continue }
                out.append(Messages.accessed.diagnostic(
                    "the source was accessed on \(date.iso), after the article’s publication date (\(published.iso)).",
                    at: unit.location, fix: "Correct the access date (the day the authors consulted the page, before publication).",
                    span: unit.span(of: range)))
            }
        }
        return out
    }

}
