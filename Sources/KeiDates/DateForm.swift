/// How a date is written, for the house-style checks (Chicago Manual of Style, 17th ed., 6.38, 9.32–9.37;
/// the journal's house form is "Month D, YYYY").
public enum DateForm: String, Sendable, Hashable, Codable, CaseIterable {
    /// "December 15, 2025", "December 15" (the house form).
    case monthDayYear = "month-day-year"
    /// "15 December 2025", "15 December".
    case dayMonthYear = "day-month-year"
    /// "December 2025".
    case monthYear = "month-year"
    /// "2025-12-15" (ISO 8601).
    case iso
    /// "12/15/2025", "12-15-2025" where only the U.S. order (month first) is a valid date.
    case numericMonthFirst = "numeric-month-first"
    /// "15/12/2025" where only the day-first order is a valid date.
    case numericDayFirst = "numeric-day-first"
    /// "05/06/2025": both orders are valid dates (ambiguous).
    case numericAmbiguous = "numeric-ambiguous"
    /// A year, decade, season, quarter or relative phrase: no day/month order to speak of.
    case other
}
