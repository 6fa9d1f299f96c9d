import KeiCore
import KeiDates
import KeiDocument

/// `impossible-date`: a written date that is not a day of the proleptic Gregorian calendar: February 30,
/// April 31, February 29 of a common year (leap years: divisible by 4, except centuries not divisible by
/// 400), day 0, a day past 31. Checked everywhere, quotations and notes included: no source has such a
/// date. A month and day without a year ("February 30") is checked against the longest such month
/// (February 29 passes). The finding spans the date and names the month's last day.
struct CalendarValidityChecker: DateChecker {
    enum Messages {
        static let impossible = StageMessage("check.dates.impossible-date", .error,
            "A date that does not exist in the calendar (February 30, April 31, February 29 of a common year).")
    }

    static let messages = [Messages.impossible]

    static let examples: [StageExample] = [
        StageExample("real dates, a leap day of a leap year", html: StageExample.articlePage(
            "<p>The talks opened on February 29, 2024, and closed on April 30, 2024, after a pause in 2023.</p>")),
        StageExample("February 30, April 31 and February 29 of a common year", html: StageExample.articlePage(
            "<p>The envoys met on ⟦February 30, 2018⟧ and again on ⟦31 April 2019⟧, then on ⟦February 29, 2023⟧.</p>"),
            expect: ["check.dates.impossible-date"]),
    ]

    func check(_ input: DateCheckInput) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (unit, m) in input.allMentions where m.kind == .date || m.kind == .monthDay || m.kind == .range {
            // A range is checked at both ends ("February 28–29, 2019": its end, from `endParts`).
            for parts in [m.parts] + (m.kind == .range ? [m.endParts].compactMap { $0 } : []) {
                guard let month = parts.month, (1...12).contains(month), let day = parts.day else { continue }
                let last = CalendarMath.daysIn(month: month, year: parts.year ?? 2000)
                guard day < 1 || day > last else { continue }
                let name = CalendarMath.monthNames[month]
                let which = parts.year.map { "\(name) \($0)" } ?? name
                let leap = month == 2 && day == 29 ? " (\(parts.year.map(String.init) ?? "") is not a leap year)" : ""
                let written = m.kind == .range ? "\(name) \(day) (in “\(m.text)”)" : "“\(m.text)”"
                out.append(Messages.impossible.diagnostic(
                    "\(written) is not a date: \(which) ends on \(name) \(last)\(leap).",
                    at: unit.location, fix: "Check the source for the intended day and correct the date.",
                    span: unit.span(of: m.range)))
                break
            }
        }
        return out
    }
}
