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
    static func format(_ mention: DateMention) -> String? {
        if mention.kind == .range, let v = mention.value, v.start.day != nil, v.end?.day != nil { return format(v) }
        guard mention.kind == .date || mention.kind == .monthDay else { return nil }
        return format(mention.parts)
    }

}
