import KeiDates
import KeiDocument

/// The journal's house form of a date, "Month D, YYYY" (Chicago Manual of Style, 17th ed., 6.38, 9.32:
/// month spelled out, cardinal day, comma before the year), and comparisons of dates at the precision
/// both have.
enum HouseDateForm {
    /// "June 12, 2018", "June 2018", "June 12", "2018" for a date of that precision.
    static func format(_ date: PublicationDate) -> String {
        guard let m = date.month else { return String(date.year) }
        guard let d = date.day else { return "\(CalendarMath.monthNames[m]) \(date.year)" }
        return "\(CalendarMath.monthNames[m]) \(d), \(date.year)"
    }

    /// An interval in house form: "June 12–13, 2018", "May 30–June 2, 2018", "December 30, 2018–January 2,
    /// 2019" (en dash, CMOS 6.78); a single date as ``format(_:)``.
    static func format(_ value: DateValue) -> String {
        guard let end = value.end else { return format(value.start) }
        let s = value.start
        if let sm = s.month, let sd = s.day, let em = end.month, let ed = end.day, s.year == end.year {
            if sm == em { return "\(CalendarMath.monthNames[sm]) \(sd)–\(ed), \(s.year)" }
            return "\(CalendarMath.monthNames[sm]) \(sd)–\(CalendarMath.monthNames[em]) \(ed), \(s.year)"
        }
        return "\(format(s))–\(format(end))"
    }

    /// The house form of a written date from its parts ("15th Dec. 2025" → "December 15, 2025"; "15 December"
    /// → "December 15"), with the weekday written before it when there is one ("Tuesday, June 12, 2018");
    /// nil when the parts have no month and day.
    static func format(_ parts: WrittenDateParts) -> String? {
        guard let m = parts.month, (1...12).contains(m), let d = parts.day else { return nil }
        var s = "\(CalendarMath.monthNames[m]) \(d)"
        if let y = parts.year { s += ", \(y)" }
        if let w = parts.weekday, (1...7).contains(w) { s = "\(CalendarMath.weekdayNames[w]), " + s }
        return s
    }

    /// The house form of a mention: its parts for a single date, its value for a range at day precision.
    /// A range written with words keeps them (CMOS 6.78: "from" and "between" do not take an en dash):
    /// "from 3 to 5 December 2025" → "from December 3 to 5, 2025", "between 3 and 5 December 2025" →
    /// "between December 3 and 5, 2025", "from 10 May 2022 to 4 April 2025" → "from May 10, 2022, to
    /// April 4, 2025".
    static func format(_ mention: DateMention) -> String? {
        if mention.kind == .range, let v = mention.value, v.start.day != nil, v.end?.day != nil {
            return worded(mention.text, v) ?? format(v)
        }
        guard mention.kind == .date || mention.kind == .monthDay else { return nil }
        return format(mention.parts)
    }

    /// A range of days written "from … to/through/until …" or "between … and …", in house form with the
    /// same words; nil for other ranges.
    static func worded(_ text: String, _ value: DateValue) -> String? {
        let lower = text.lowercased()
        let opening: String, joiner: String
        if lower.hasPrefix("from ") {
            opening = String(text.prefix(4))
            joiner = lower.contains(" through ") ? "through" : lower.contains(" until ") ? "until" : "to"
        } else if lower.hasPrefix("between ") {
            opening = String(text.prefix(7))
            joiner = "and"
        } else { return nil }
        guard let end = value.end, let sm = value.start.month, let sd = value.start.day, let em = end.month, let ed = end.day else { return nil }
        let s = value.start
        if s.year == end.year {
            let second = sm == em ? "\(ed)" : "\(CalendarMath.monthNames[em]) \(ed)"
            return "\(opening) \(CalendarMath.monthNames[sm]) \(sd) \(joiner) \(second), \(s.year)"
        }
        return "\(opening) \(format(s)), \(joiner) \(format(end))"
    }

    /// The Chicago abbreviation of a month (CMOS 17th ed., 10.41): Jan., Feb., Mar., Apr., Aug., Sept.,
    /// Oct., Nov., Dec.; May, June and July are not abbreviated. Index 1–12.
    static let chicagoMonths = ["", "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]

    /// A month-first date or month and day with the month as Chicago abbreviates it ("Sep 3 2025" →
    /// "Sept. 3, 2025", "Jun. 3" → "June 3"); nil for other mentions (day first, ranges, weekdays).
    static func chicagoAbbreviated(_ mention: DateMention) -> String? {
        guard mention.kind == .date || mention.kind == .monthDay, mention.form == .monthDayYear || mention.kind == .monthDay,
              mention.parts.weekday == nil, let m = mention.parts.month, (1...12).contains(m), let d = mention.parts.day,
              let first = mention.text.first, first.isLetter else { return nil }
        return "\(chicagoMonths[m]) \(d)" + (mention.parts.year.map { ", \($0)" } ?? "")
    }
}
