/// What kind of date expression a ``DateMention`` is (the `kind` of `kei-pipeline dates` output).
public enum DateMentionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A full calendar date: "December 15, 2025", "15 December 2025", "2025-12-15", "Tuesday, June 12, 2018".
    case date
    /// A month and day without a year: "on June 12" (the value takes its year from the context when it can).
    case monthDay = "month-day"
    /// A month of a year: "December 2025", "Dec. 2025".
    case month
    /// A year in context: "in 2018", "the 2018 summit", "by 2030".
    case year
    /// A range of dates, months or years: "June 12–13, 2018", "2019–2021", "from March to May 2024".
    case range
    /// A season of a year: "spring 2024", "the summer of 2023".
    case season
    /// A quarter of a year: "Q3 2024", "the third quarter of 2024".
    case quarter
    /// A decade: "the 1990s".
    case decade
    /// A phrase resolved against the reference (publication) date: "last week", "this year", "next month".
    case relative
}
