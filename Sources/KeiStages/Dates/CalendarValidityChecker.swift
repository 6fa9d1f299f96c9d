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
            guard let month = m.parts.month, (1...12).contains(month), let start = m.parts.day else { continue }
            let last = CalendarMath.daysIn(month: month, year: m.parts.year ?? 2000)
            // A range of days in one month ("February 28–29, 2019"): its end day is checked too.
            let worded = m.form == .monthDayYear || m.form == .dayMonthYear
            let end = m.kind == .range && worded ? Self.endDay(of: m.text, month: month) : nil
            let day = start < 1 || start > last ? start : end ?? start
            guard day < 1 || day > last else { continue }
            let name = CalendarMath.monthNames[month]
            let which = m.parts.year.map { "\(name) \($0)" } ?? name
            let leap = month == 2 && day == 29 ? " (\(m.parts.year.map(String.init) ?? "") is not a leap year)" : ""
            out.append(Messages.impossible.diagnostic(
                "“\(m.text)” is not a date: \(which) ends on \(name) \(last)\(leap).",
                at: unit.location, fix: "Check the source for the intended day and correct the date.",
                span: unit.span(of: m.range)))
        }
        return out
    }

    /// The end day of a range of days in the start's month as written ("February 28–29, 2019", "28–29
    /// February 2019" → 29): the one or two digits right after the first en dash or hyphen, unless the
    /// name of another month follows them ("30 May–2 June"); nil otherwise (the extractor gives no end
    /// parts yet: this reads the text).
    static func endDay(of text: String, month: Int) -> Int? {
        guard let dash = text.firstIndex(where: { $0 == "–" || $0 == "-" }) else { return nil }
        let rest = text[text.index(after: dash)...]
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count), let day = Int(digits) else { return nil }
        let word = rest.dropFirst(digits.count).drop { $0 == " " }.prefix { $0.isLetter }.lowercased()
        if let named = CalendarMath.monthNames.firstIndex(where: { !$0.isEmpty && $0.lowercased() == word }), named != month { return nil }
        return day
    }
}
