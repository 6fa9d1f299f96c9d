/// The parts of a date as written, kept even when they make no calendar date ("February 30, 2018"
/// has year 2018, month 2, day 30 and no ``DateMention/value``).
public struct WrittenDateParts: Sendable, Hashable, Codable {
    public var year: Int?
    /// 1–12 when a month was written.
    public var month: Int?
    /// The day number as written (may be out of range: 30 for "February 30").
    public var day: Int?
    /// The weekday written with the date, ISO 8601 numbering (1 = Monday … 7 = Sunday); nil when none.
    public var weekday: Int?
    /// The day carries an ordinal suffix ("December 15th", "15th December").
    public var ordinalDay: Bool
    /// The month is abbreviated ("Dec.", "Sept.").
    public var abbreviatedMonth: Bool

    public init(year: Int? = nil, month: Int? = nil, day: Int? = nil, weekday: Int? = nil,
                ordinalDay: Bool = false, abbreviatedMonth: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.weekday = weekday
        self.ordinalDay = ordinalDay
        self.abbreviatedMonth = abbreviatedMonth
    }
}
