import KeiCore
import KeiDates
import KeiDocument

/// Chronology against the publication and cover dates (the article is read on the day it appears):
///
/// - `after-publication`: a date later than the publication date (the page's own date, else the issue's
///   cover date), compared at the precision both have ("December 2025" is not after 2025-12-15), in a
///   sentence that narrates it as past (``PastNarration``: "On March 3, 2026, the ministers met" in an
///   article of December 2025). Dates in notes and reference entries are the sources' and are left to
///   `check.citations`; a date the sentence puts in the future ("will meet", "is scheduled for", "by March
///   2026") is not reported.
/// - `after-cover-date`: when the page has its own date later than the cover date, a date narrated
///   as past that is later than the cover date (and not later than the page date, which
///   `after-publication` reports): the issue, dated earlier, would print events it predates.
/// - `published-after-cover-date`: the page's own publication date is later than the cover date
///   (at the precision both have): the article cannot have appeared in an issue dated before it. Located
///   at the page as a whole: the model keeps the date's value but not where ingest read it
///   (`ArticleMetadata.publicationDate` has no source origin), so no line can be given.
///
/// Findings span the date; only dates with a value are read (full dates, months, years, ranges by their
/// first day, seasons, quarters; not relative phrases, which `relative-phrase` reports), and a date
/// without a day only after "in", "during", "throughout", "early", "late" or "mid" (``isTimeOfEvent(_:_:)``).
struct ChronologyChecker: DateChecker {
    enum Messages {
        static let afterPublication = StageMessage("check.dates.after-publication", .warning,
            "A date after the article's publication date is narrated as past.")
        static let afterCover = StageMessage("check.dates.after-cover-date", .warning,
            "A date after the issue's cover date is narrated as past (the page's own date is later than the cover date).")
        static let publishedAfterCover = StageMessage("check.dates.published-after-cover-date", .warning,
            "The page's publication date is later than the cover date of the issue it appears in.")
    }

    static let messages = [Messages.afterPublication, Messages.afterCover, Messages.publishedAfterCover]

    /// The examples run in an issue with the cover date 2025-12-15 (``StageExample/issue``).
    static let examples: [StageExample] = [
        StageExample("past dates narrated as past, a later one as future", html: StageExample.articlePage(
            "<p>The ministers met on December 3, 2025. They will meet again on March 3, 2026, and plan a summit by June 2026.</p>")),
        StageExample("a date after publication narrated as past", html: StageExample.articlePage(
            "<p>On ⟦March 3, 2026⟧, the ministers met in Seoul and signed the agreement.</p>"),
            expect: ["check.dates.after-publication"],
            skipping: [.note: "dates in notes are the sources' (check.citations reads them)"]),
        StageExample("a page dated after the cover date, narrating a date between them as past", html: """
            <html><head><title>T</title><meta name="citation_publication_date" content="2026-02-10"></head><body><article><h1>T</h1>
            <p>On ⟦January 20, 2026⟧, the ministers met in Seoul and signed the agreement.</p>
            </article></body></html>
            """, expect: ["check.dates.after-cover-date", "check.dates.published-after-cover-date"],
            skipping: [.note: "dates in notes are the sources' (check.citations reads them)"]),
    ]

    func check(_ input: DateCheckInput) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let pageDate = input.article.metadata.publicationDate
        var laterCover: PublicationDate?
        if let page = pageDate, let cover = input.coverDate, DatePrecision.isAfter(page, cover) {
            laterCover = cover
            out.append(Messages.publishedAfterCover.diagnostic(
                "The page’s own publication date (\(page.iso), read from its date metadata: a citation_publication_date or article:published_time meta, or the byline’s date) is after the issue’s cover date (\(cover.iso)); an issue cannot print an article that appeared after it.",
                at: SourceLocation(file: input.article.source),
                fix: "If the page’s date is the date it went online after print, nothing to change in the text; otherwise correct the page’s date metadata or the workflow’s cover-date, or move the article to an issue dated on or after \(page.iso)."))
        }
        guard let published = input.publicationDate else { return out }
        var tenses = PastNarration.Cache()
        for (index, unit) in input.analysis.units.enumerated() where unit.scope != .note && unit.scope != .reference {
            let ranges = input.mentions[index].map(\.range)
            for m in input.mentions[index] where m.kind != .relative {
                // A month and day whose year was not written takes its year from the reference date: it
                // cannot date a claim against that same date.
                guard let start = m.value?.start, m.parts.year != nil || m.parts.day == nil else { continue }
                let afterPublication = DatePrecision.isAfter(start, published)
                let afterCover = laterCover.map { DatePrecision.isAfter(start, $0) } ?? false
                guard afterPublication || afterCover, Self.isTimeOfEvent(unit, m),
                      tenses.isNarratedAsPast(unit, index: index, date: m.range, mentions: ranges) else { continue }
                if afterPublication {
                    let whose = pageDate != nil ? "publication date" : "publication date (the issue’s cover date)"
                    out.append(Messages.afterPublication.diagnostic(
                        "“\(m.text)” is after the article’s \(whose), \(published.iso), but the sentence narrates it as past.",
                        at: unit.location, fix: "Check the date (a mistyped year?) or the tense.", span: unit.span(of: m.range)))
                } else if let cover = laterCover {
                    out.append(Messages.afterCover.diagnostic(
                        "“\(m.text)” is after the issue’s cover date, \(cover.iso), but the sentence narrates it as past.",
                        at: unit.location, fix: "Check the date, or move the article to an issue dated after it.",
                        span: unit.span(of: m.range)))
                }
            }
        }
        return out
    }

    /// Whether the mention says when something happened: a date with a day, or a month, year, season or
    /// quarter after "in", "during", "throughout" or "early"/"late"/"mid" ("In March 2026, the ministers
    /// met"). A month or year used as a modifier is a name, not a time ("the 2026 budget was passed" in
    /// December 2025 is true).
    static func isTimeOfEvent(_ unit: TextUnit, _ m: DateMention) -> Bool {
        if m.value?.start.day != nil { return true }
        guard let previous = TokenSearch.previous(before: m.range, in: unit.tokens), previous.kind == .word else { return false }
        return timePrepositions.contains(unit.string(of: previous.range).lowercased())
    }

    static let timePrepositions: Set<String> = ["in", "during", "throughout", "early", "late", "mid", "mid-"]
}
