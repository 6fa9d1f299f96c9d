import KeiCore
import KeiDates
import KeiDocument

/// Checks an article's dates: calendar validity, weekdays, the house date form ("Month D, YYYY";
/// Chicago Manual of Style, 17th ed., 6.38 and 9.32–9.37), chronology against the publication and cover
/// dates, relative phrases, and the claims the timeline knowledge base (`Workflows/timeline.yml`) can
/// test: event dates, "the Nth year of", anniversaries, office holders' titles, ordinal administrations.
///
/// Dates are found once per article by ``DateExtractor`` over the shared analysis.
public struct CheckDatesStage: CheckStage {
    public static let description = StageDescription(
        id: "check.dates",
        summary: "Check dates: calendar, weekdays, house form, chronology, relative phrases, events and office holders against the timeline.",
        kind: .check,
        options: [
            StageOption("house-style", .bool, default: .bool(true), "Report dates not in the house form Month D, YYYY (day-month-year, ordinal days, abbreviated months, numeric dates) and ambiguous numeric dates."),
            StageOption("relative-phrases", .bool, default: .bool(true), "Report relative phrases (last week, this year) with the date they resolve to (info)."),
        ],
        messages: checkers.flatMap { type(of: $0).messages },
        examples: calendarExamples + timelineExamples,
        readsAnalysis: true
    )

    /// The calendar, style, chronology and relative-phrase checkers, in report order.
    static let calendarCheckers: [any DateChecker] = [
        CalendarValidityChecker(),
        WeekdayChecker(),
        DateStyleChecker(),
        ChronologyChecker(),
        RelativePhraseChecker(),
    ]
    static let calendarExamples: [StageExample] = CalendarValidityChecker.examples + WeekdayChecker.examples
        + DateStyleChecker.examples + ChronologyChecker.examples + RelativePhraseChecker.examples
    /// The checkers that read the timeline, in report order.
    static let timelineCheckers: [any DateChecker] = [EventDateChecker(), EventAgeChecker(), OfficeTitleChecker(),
                                                      AdministrationTermChecker()]
    /// Their examples run with the shipped timeline (`Workflows/timeline.yml`, as the issue-3-2 workflow loads it).
    static let timelineExamples: [StageExample] = EventDateChecker.examples + EventAgeChecker.examples
        + OfficeTitleChecker.examples + AdministrationTermChecker.examples

    static var checkers: [any DateChecker] { calendarCheckers + timelineCheckers }

    let options: DateOptions
    let timeline: Timeline?
    /// The timeline's look-up tables, built once per stage instance (a run), not per article.
    let indexes: TimelineIndexes?

    public init(options: StageOptions) throws {
        self.options = DateOptions(options)
        self.timeline = options.timeline
        self.indexes = options.timeline.map(TimelineIndexes.of)
    }

    public func check(_ article: Article, context: ArticleContext) -> [Diagnostic] {
        guard let analysis = context.analysis else { return [] }
        let input = DateCheckInput(article: article, analysis: analysis, context: context, options: options, timeline: timeline,
                                   indexes: indexes)
        return Self.checkers.flatMap { $0.check(input) }
    }
}
