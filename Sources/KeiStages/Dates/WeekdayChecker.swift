import KeiCore
import KeiDates
import KeiDocument

/// `wrong-weekday`: a weekday written with a full date ("Tuesday, June 13, 2018") that is not the
/// weekday of that date in the proleptic Gregorian calendar (June 13, 2018 was a Wednesday): an error.
/// A month-day whose year was inferred ("Thursday, November 21" in a page of 2025) is checked in the year
/// it was read in, as a warning naming that year (the inferred year may be the wrong one). Checked
/// everywhere, as a wrong weekday is wrong in a quotation too. The finding spans the weekday and date and
/// names the real weekday; which of the two is wrong only the source can tell, so there is no edit.
struct WeekdayChecker: DateChecker {
    enum Messages {
        static let wrongWeekday = StageMessage("check.dates.wrong-weekday", .error,
            "The weekday written with a date is not that date's weekday.")
    }

    static let messages = [Messages.wrongWeekday]

    static let examples: [StageExample] = [
        StageExample("the right weekday", html: StageExample.articlePage(
            "<p>The leaders met in Singapore on Tuesday, June 12, 2018, for the first summit.</p>")),
        StageExample("a Tuesday that was a Wednesday", html: StageExample.articlePage(
            "<p>The leaders met in Singapore on ⟦Tuesday, June 13, 2018⟧, for the first summit.</p>"),
            expect: ["check.dates.wrong-weekday"]),
    ]

    func check(_ input: DateCheckInput) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (unit, m) in input.allMentions {
            guard let written = m.parts.weekday, (1...7).contains(written), let value = m.value, !value.isInterval,
                  let month = value.start.month, let day = value.start.day else { continue }
            let inferred = m.parts.year == nil
            guard !inferred || m.yearIsInferred else { continue }
            let real = CalendarMath.weekday(year: value.start.year, month: month, day: day)
            guard real != written else { continue }
            let date = HouseDateForm.format(value.start)
            if inferred {
                var d = Messages.wrongWeekday.diagnostic(
                    "\(date) would be a \(CalendarMath.weekdayNames[real]), not a \(CalendarMath.weekdayNames[written]) (the year \(value.start.year) is not written; it was read from the context).",
                    at: unit.location,
                    fix: "Check the source: correct the weekday or the date, or write the year meant.",
                    span: unit.span(of: m.range))
                d.severity = .warning   // the year read may not be the one meant
                out.append(d)
                continue
            }
            out.append(Messages.wrongWeekday.diagnostic(
                "\(date) was a \(CalendarMath.weekdayNames[real]), not a \(CalendarMath.weekdayNames[written]).",
                at: unit.location,
                fix: "Check the source: correct the weekday to \(CalendarMath.weekdayNames[real]) or the date to the \(CalendarMath.weekdayNames[written]) meant.",
                span: unit.span(of: m.range)))
        }
        return out
    }
}
