import KeiDocument

/// Proleptic Gregorian calendar arithmetic on ``PublicationDate`` values (ISO 8601), without Foundation's
/// time zones: day numbers, weekdays, adding days and months.
public enum CalendarMath {
    /// Days in `month` (1–12) of `year`, leap years as in the Gregorian calendar (divisible by 4, except
    /// centuries not divisible by 400).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// The day number of a full date (days since 1970-01-01, negative before), from Howard Hinnant's
    /// `days_from_civil`. `month` 1–12, `day` 1–31; no validation.
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date of a day number (inverse of ``dayNumber(year:month:day:)``).
    public static func date(dayNumber z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// ISO 8601 weekday of a full date: 1 = Monday … 7 = Sunday.
    public static func weekday(year: Int, month: Int, day: Int) -> Int {
        let n = dayNumber(year: year, month: month, day: day)   // 1970-01-01 was a Thursday (4)
        return ((n % 7 + 7) % 7 + 3) % 7 + 1
    }

    /// English weekday names, index 1 = Monday … 7 = Sunday (index 0 unused).
    public static let weekdayNames = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    /// English month names, index 1 = January … 12 (index 0 unused).
    public static let monthNames = ["", "January", "February", "March", "April", "May", "June", "July", "August",
                                    "September", "October", "November", "December"]

    /// `date` plus `days` (negative to go back); `date` must have a day.
    public static func adding(days: Int, to date: PublicationDate) -> PublicationDate? {
        guard let m = date.month, let d = date.day else { return nil }
        let r = self.date(dayNumber: dayNumber(year: date.year, month: m, day: d) + days)
        return PublicationDate(year: r.year, month: r.month, day: r.day)
    }

    /// Whole years from `from` to `to` (full dates), as an age is counted: 2022-02-24 → 2025-02-23 is 2,
    /// → 2025-02-24 is 3.
    public static func wholeYears(from: PublicationDate, to: PublicationDate) -> Int {
        var years = to.year - from.year
        let fm = from.month ?? 1, fd = from.day ?? 1, tm = to.month ?? 12, td = to.day ?? 31
        if (tm, td) < (fm, fd) { years -= 1 }
        return years
    }
}
