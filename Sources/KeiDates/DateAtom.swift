import KeiDocument

/// A calendar date, month, day or year as written, before ranges are put together: tokens
/// `first...last`, the parts written and how. A full date has year, month and day; "June 12" has no year;
/// "June" alone, "12" alone and "2019" alone are only read as one end of a range.
struct DateAtom {
    var first: Int
    var last: Int
    var year: Int?
    var month: Int?
    var day: Int?
    var weekday: Int?
    var ordinal = false
    var abbreviated = false
    var form: DateForm
    var ambiguous = false
    /// The year is two digits written after a dash ("2019–21"): it takes the century of the start.
    var shortYear = false

    var parts: WrittenDateParts {
        WrittenDateParts(year: year, month: month, day: day, weekday: weekday, ordinalDay: ordinal,
                         abbreviatedMonth: abbreviated)
    }

    /// The date the parts make, nil when they make none (February 30) or a year is missing.
    var date: PublicationDate? {
        guard let year else { return nil }
        return PublicationDate(year: year, month: month, day: month == nil ? nil : day)
    }

    /// A mention on its own: a month with a day or a year (a year alone, a month alone or a day alone is
    /// only read as one end of a range).
    var standsAlone: Bool { month != nil && (day != nil || year != nil) }
}
