import KeiDocument

/// Reads relative date phrases at a token and resolves them against the reference (publication) date:
/// "yesterday", "today", "tomorrow", "last week", "this year", "next month", "earlier this month", "later
/// this year", "this spring", "last December", "last Tuesday", "two weeks ago", "a year ago".
///
/// Values (proleptic Gregorian, ISO 8601 weeks from Monday): a week is its Monday through Sunday; "last
/// month" and "earlier this month" are months, "this year" and "later this year" the year; "last
/// December" is the most recent December before the reference month, "next March" the first March after
/// it; a season is as in ``YearReader``, "last spring" the latest one that ended before the reference
/// month; "N days/weeks ago" a day, "N months ago" a month, "N years ago" a year. The value is nil when
/// there is no reference date or it lacks the precision needed (a week needs a day). Not read: "the last
/// week of June" (a phrase followed by "of"), "the next year" (after "the"), "recently", "now".
struct RelativeDateReader {
    let t: DateTokens
    let reference: PublicationDate?

    func read(at i: Int) -> DateMatch? {
        let l = t.lower[i]
        switch l {
        case "yesterday", "today", "tomorrow", "yesterday's", "today's", "tomorrow's", "yesterday’s", "today’s", "tomorrow’s":
            // "The World of Tomorrow", "NBC's Today": capitalized after a word is a name or a title.
            if t.text[i].first?.isUppercase == true, t.has(i - 1), t.tokens[i - 1].kind == .word { return nil }
            let offset = l.hasPrefix("yesterday") ? -1 : l.hasPrefix("today") ? 0 : 1
            return match(i, i, value: day(offset))
        case "earlier", "later":
            guard t.isWord(i + 1, "this") else { return nil }
            return phrase(at: i + 1, first: i)
        case "last", "this", "next":
            if t.isWord(i - 1, "the") { return nil }
            return phrase(at: i, first: i)
        default:
            return ago(at: i)
        }
    }

    func match(_ first: Int, _ last: Int, value: DateValue?) -> DateMatch {
        DateMatch(first: first, last: last, kind: .relative, value: value)
    }

    /// "last/this/next UNIT" at `i`, the mention starting at `first`.
    func phrase(at i: Int, first: Int) -> DateMatch? {
        let which = t.lower[i] == "last" ? -1 : t.lower[i] == "this" ? 0 : 1
        let u = i + 1
        guard t.has(u), t.tokens[u].kind == .word, !t.isWord(u + 1, "of") else { return nil }
        var unit = t.lower[u]
        for s in ["'s", "’s"] where unit.hasSuffix(s) { unit.removeLast(2) }
        switch unit {
        case "week": return match(first, u, value: week(which))
        case "month": return match(first, u, value: month(which))
        case "year": return match(first, u, value: reference.flatMap { Self.year($0.year + which) })
        default: break
        }
        if let s = DateLexicon.seasons[unit] { return match(first, u, value: season(startMonth: s, which)) }
        if let m = t.month(u), !m.abbreviated { return match(first, u, value: namedMonth(m.month, which)) }
        if let w = t.weekday(u), t.text[u].count > 4 { return match(first, u, value: weekday(w, which)) }
        return nil
    }

    /// "two weeks ago", "a year ago", "3 days ago".
    func ago(at i: Int) -> DateMatch? {
        guard t.isWord(i + 2, "ago") else { return nil }
        let n: Int
        if let v = DateLexicon.numberWords[t.lower[i]] { n = v } else if let d = t.digits(i), d.count <= 3 { n = d.value } else { return nil }
        guard let ref = reference else {
            return ["day", "days", "week", "weeks", "month", "months", "year", "years"].contains(t.lower[i + 1]) ? match(i, i + 2, value: nil) : nil
        }
        var value: DateValue?
        switch t.lower[i + 1] {
        case "day", "days": value = day(-n)
        case "week", "weeks": value = day(-7 * n)
        case "month", "months":
            if let m = ref.month {
                let k = ref.year * 12 + (m - 1) - n
                value = PublicationDate(year: k / 12, month: k % 12 + 1).map { DateValue($0) }
            }
        case "year", "years": value = Self.year(ref.year - n)
        default: return nil
        }
        return match(i, i + 2, value: value)
    }

    // MARK: Values

    static func year(_ y: Int) -> DateValue? { PublicationDate(year: y).map { DateValue($0) } }

    func day(_ offset: Int) -> DateValue? {
        guard let ref = reference, ref.day != nil, let d = CalendarMath.adding(days: offset, to: ref) else { return nil }
        return DateValue(d)
    }

    /// Monday through Sunday of the reference week plus `which` weeks.
    func week(_ which: Int) -> DateValue? {
        guard let ref = reference, let m = ref.month, let d = ref.day else { return nil }
        let monday = -(CalendarMath.weekday(year: ref.year, month: m, day: d) - 1) + 7 * which
        guard let s = CalendarMath.adding(days: monday, to: ref), let e = CalendarMath.adding(days: monday + 6, to: ref) else { return nil }
        return DateValue(s, through: e)
    }

    func month(_ which: Int) -> DateValue? {
        guard let ref = reference, let m = ref.month else { return nil }
        let k = ref.year * 12 + (m - 1) + which
        return PublicationDate(year: k / 12, month: k % 12 + 1).map { DateValue($0) }
    }

    /// "last December" (the latest December before the reference month), "this December", "next March".
    func namedMonth(_ month: Int, _ which: Int) -> DateValue? {
        guard let ref = reference, let m = ref.month else { return nil }
        var y = ref.year
        if which < 0, month >= m { y -= 1 }
        if which > 0, month <= m { y += 1 }
        return PublicationDate(year: y, month: month).map { DateValue($0) }
    }

    /// The weekday of the reference week (`which` 0), the one before the reference date (-1) or after (+1).
    func weekday(_ w: Int, _ which: Int) -> DateValue? {
        guard let ref = reference, let m = ref.month, let d = ref.day else { return nil }
        let today = CalendarMath.weekday(year: ref.year, month: m, day: d)
        var offset = w - today
        if which < 0 { offset = offset < 0 ? offset : offset - 7 }
        if which > 0 { offset = offset > 0 ? offset : offset + 7 }
        return CalendarMath.adding(days: offset, to: ref).map { DateValue($0) }
    }

    /// A season (months `startMonth`…+2): this one is the one of the reference year (winter: December of
    /// the reference year, or of the year before when the reference is in January or February); last and
    /// next are the ones that ended before and start after the reference month.
    func season(startMonth s: Int, _ which: Int) -> DateValue? {
        guard let ref = reference, let m = ref.month else { return nil }
        let refIndex = ref.year * 12 + (m - 1)
        var startIndex = ref.year * 12 + (s - 1)
        if s == 12, m <= 2 { startIndex -= 12 }
        if which < 0 { while startIndex + 2 >= refIndex { startIndex -= 12 } }
        if which > 0 { while startIndex <= refIndex { startIndex += 12 } }
        let endIndex = startIndex + 2
        guard let a = PublicationDate(year: startIndex / 12, month: startIndex % 12 + 1),
              let b = PublicationDate(year: endIndex / 12, month: endIndex % 12 + 1) else { return nil }
        return DateValue(a, through: b)
    }
}
