import KeiDocument

/// Reads calendar dates and their ranges at a token: month-name dates ("December 15, 2025", "Dec. 15,
/// 2025", "Tuesday, June 12, 2018", "December 15th, 2025", "15 December 2025", "the 15th of December
/// 2025", "December 2025", "June 12"), numeric dates ("2025-12-15", "12/15/2025", "15.12.2025") and
/// ranges ("June 12–13, 2018", "June 30–July 2, 2018", "15–17 December 2025", "March 3 to 5, 2024",
/// "from March to May 2024", "2019–2021", "2019-21", "between 2019 and 2021").
///
/// A month-day without a year ("on June 12") takes `contextYear` (the year of the nearest preceding
/// mention with one, else the reference date's year) for its value; nil leaves it without a value.
struct CalendarDateReader {
    let t: DateTokens
    let contextYear: Int?

    func read(at i: Int) -> DateMatch? {
        if t.isWord(i, "from", "between") {
            let between = t.isWord(i, "between")
            if let a = atom(at: i + 1), let c = connector(after: a.last, between: between),
               let b = atom(at: c, after: a), let m = range(a, b, first: i) {
                return m
            }
            return nil
        }
        if let m = weekdayRange(at: i) { return m }
        if let a = atom(at: i) {
            if let c = connector(after: a.last, between: false), let b = atom(at: c, after: a),
               let m = range(a, b, first: i) {
                return m
            }
            if a.standsAlone { return single(a) }
        }
        return nil
    }

    /// "Monday–Tuesday, June 12–13, 2018": two weekdays joined by a dash before a range of days; each
    /// weekday goes to its end's parts.
    func weekdayRange(at i: Int) -> DateMatch? {
        guard let w1 = t.weekday(i) else { return nil }
        var k = i + 1
        if t.isPunct(k, "."), t.touches(i) { k += 1 }
        guard t.isDash(k), let w2 = t.weekday(k + 1) else { return nil }
        k += 2
        if t.isPunct(k, "."), t.touches(k - 1) { k += 1 }
        if t.isPunct(k, ",") { k += 1 }
        guard let a = atom(at: k), a.weekday == nil, let c = connector(after: a.last, between: false),
              let b = atom(at: c, after: a), b.weekday == nil, var m = range(a, b, first: i), m.endParts != nil else { return nil }
        m.parts.weekday = w1
        m.endParts?.weekday = w2
        return m
    }

    // MARK: Ranges

    /// The token after a range connector following token `last`: a dash (en dash, hyphen, em dash),
    /// "to", "through", "until", "till"; "and" after "between".
    func connector(after last: Int, between: Bool) -> Int? {
        let c = last + 1
        if between { return t.isWord(c, "and") ? c + 1 : nil }
        if t.isDash(c) { return c + 1 }
        if t.isWord(c, "to", "through", "until", "till", "thru") { return c + 1 }
        return nil
    }

    /// Joins two ends into a range when they make one: the end fills the start's missing year and the
    /// end's missing month; the start must not come after the end.
    func range(_ a0: DateAtom, _ b0: DateAtom, first: Int) -> DateMatch? {
        var a = a0, b = b0
        if a.month == nil, a.day != nil { a.month = b.month }   // "15–17 December 2025"
        // The ends must be of one precision: day–day, month–month, year–year.
        guard (a.day != nil) == (b.day != nil), (a.month != nil) == (b.month != nil || b.day != nil) else { return nil }
        if b.month == nil, b.day != nil { b.month = a.month }
        if a.month == nil {
            // Years: "2019–2021", "2019-21", "between 2019 and 2021".
            guard let ay = a.year, var by = b.year else { return nil }
            if b.shortYear { by = ay / 100 * 100 + by; b.year = by }
            guard by > ay, by - ay < 100 else { return nil }
            return DateMatch(first: first, last: b.last, kind: .range, form: .other, parts: a.parts, endParts: b.parts,
                             value: DateValue(PublicationDate(year: ay)!, through: PublicationDate(year: by)))
        }
        if b.shortYear { return nil }
        if a.year == nil { a.year = b.year }
        if b.year == nil { b.year = a.year }
        var inferred = false
        if a.year == nil, let y = contextYear { a.year = y; b.year = y; inferred = true }
        if let am = a.month, let bm = b.month, let ay = a.year, ay == b.year, bm < am, !inferred, a0.year == nil {
            a.year = ay - 1   // "December–February 2019"
        }
        guard a0.year != nil || b0.year != nil || a.day != nil else { return nil }   // "March to May" needs a year
        var value: DateValue?
        if let s = a.date, let e = b.date {
            guard s <= e else { return nil }
            value = DateValue(s, through: e)
        }
        var parts = a.parts, endParts = b.parts
        if inferred { parts.year = nil; endParts.year = nil }
        return DateMatch(first: first, last: b.last, kind: .range, form: a.form, parts: parts, endParts: endParts,
                         value: value, ambiguous: a.ambiguous || b.ambiguous)
    }

    /// A mention of one date, month or month-day.
    func single(_ a: DateAtom) -> DateMatch {
        if a.year != nil {
            return DateMatch(first: a.first, last: a.last, kind: a.day == nil ? .month : .date, form: a.form,
                             parts: a.parts, value: a.date.map { DateValue($0) }, ambiguous: a.ambiguous)
        }
        var value: DateValue?
        if !namesSomething(a), let y = contextYear, let m = a.month, let d = a.day,
           let date = PublicationDate(year: y, month: m, day: d) {
            value = DateValue(date)
        }
        return DateMatch(first: a.first, last: a.last, kind: .monthDay, form: a.form, parts: a.parts, value: value)
    }

    /// Words after a month-day that do not make it a modifier of a noun: it is the date of the sentence
    /// ("the June 3 vote was" is a name, "the June 3 and 4 talks" is not read as one).
    static let notModified: Set<String> = [
        "and", "or", "to", "through", "until", "till", "at", "in", "on", "of", "for", "by", "from", "with",
        "when", "that", "which", "is", "was", "were", "are", "be", "been", "as", "after", "before", "but",
        "the", "a", "an", "this", "it", "he", "she", "they", "we", "i", "there", "then", "while",
    ]

    /// A month-day that names something (its value would date nothing in the sentence): after a
    /// determiner and before the noun it modifies ("the June 3 election", "the September 19 Joint
    /// Statement", "the March 1 Independence Movement Day", "its February 13 agreement").
    func namesSomething(_ a: DateAtom) -> Bool {
        guard a.year == nil, a.weekday == nil, t.has(a.first - 1), DateLexicon.determiners.contains(t.lower[a.first - 1]),
              t.has(a.last + 1), t.tokens[a.last + 1].kind == .word else { return false }
        return !Self.notModified.contains(t.lower[a.last + 1])
    }

    // MARK: Atoms

    /// A date, month, day or year starting at `i`. `start` is the other end when this is the end of a range
    /// (then a day alone, "13, 2018", and a two-digit year, "21", are read).
    func atom(at i: Int, after start: DateAtom? = nil) -> DateAtom? {
        if let w = t.weekday(i) {
            var k = i + 1
            if t.isPunct(k, "."), t.touches(i) { k += 1 }   // "Wed., June 12, 2018"
            if t.isPunct(k, ",") { k += 1 }
            guard var a = monthFirst(at: k) ?? dayFirst(at: k), a.day != nil else { return nil }
            a.first = i
            a.weekday = w
            return a
        }
        if var a = hyphenated(at: i) ?? numeric(at: i, endOfRange: start != nil) ?? korean(at: i) ?? monthFirst(at: i)
            ?? dayFirst(at: i, endOfRange: start != nil) {
            // The period that ends a Korean dotted date ("2025.11.19. (Tue.) 10:00", "2025.11.19. 10:00") is
            // the date's when a weekday in parentheses or a time follows it (not a sentence's end).
            if a.form == .other, let y = a.year, a.day != nil, t.isPunct(a.last + 1, "."), t.touches(a.last),
               t.text[a.first].hasPrefix(String(y)),
               t.isPunct(a.last + 2, "(") || t.digits(a.last + 2) != nil {
                a.last += 1
            }
            // "June 12, 2018 (Wednesday)", "November 19, 2025 (Tue.)", "2025.11.19. (Tue)"
            if a.day != nil, t.isPunct(a.last + 1, "("), let w = t.weekday(a.last + 2) {
                var k = a.last + 3
                if t.isPunct(k, "."), t.touches(a.last + 2) { k += 1 }
                if t.isPunct(k, ")") {
                    a.weekday = w
                    a.last = k
                }
            }
            return a
        }
        if let start {
            if start.day != nil, let d = t.day(i), !t.hasDigitTail(i) {
                // "12–13, 2018", "3 to 5, 2024"
                var a = DateAtom(first: i, last: i, day: d.day, ordinal: d.ordinal, form: start.form)
                var j = i + 1
                if t.isPunct(j, ",") { j += 1 }
                if let y = t.year(j), !t.hasDigitTail(j) { a.year = y; a.last = j }
                return a
            }
            if start.month == nil, start.year != nil {
                if let y = t.year(i), !t.hasDigitTail(i) { return DateAtom(first: i, last: i, year: y, form: .other) }
                if let d = t.digits(i), d.count == 2, t.isDash(i - 1), t.touches(i - 1), !t.hasDigitTail(i) {
                    return DateAtom(first: i, last: i, year: d.value, form: .other, shortYear: true)
                }
            }
            return nil
        }
        // A start of a range: a year, a month or a day alone.
        if let y = t.year(i), !t.hasNonDateLead(i), !t.hasDigitTail(i) {
            return DateAtom(first: i, last: i, year: y, form: .other)
        }
        if let m = t.month(i), !(m.abbreviated && !m.period) {
            return DateAtom(first: i, last: m.last, month: m.month, abbreviated: m.abbreviated, form: .monthYear)
        }
        if let d = t.day(i), !t.hasNonDateLead(i), !t.hasDigitTail(i) {
            // "15–17 December 2025": the end must have the month.
            return DateAtom(first: i, last: i, day: d.day, ordinal: d.ordinal, form: .dayMonthYear)
        }
        return nil
    }

    /// "December 15, 2025", "Dec. 15 2025", "December 15th", "December 2025", "December of 2025".
    func monthFirst(at i: Int) -> DateAtom? {
        guard let m = t.month(i) else { return nil }
        var a = DateAtom(first: i, last: m.last, month: m.month, abbreviated: m.abbreviated, form: .monthDayYear)
        let k = m.last + 1
        if let d = t.day(k), !t.hasDigitTail(k), !t.isPunct(k + 1, "%") {
            a.day = d.day
            a.ordinal = d.ordinal
            a.last = k
            var j = k + 1
            if t.isPunct(j, ",") { j += 1 }
            if let y = t.year(j), !t.hasDigitTail(j) { a.year = y; a.last = j }
            // An abbreviation without its period ("Jun 12") only with a year or an ordinal day: "Jun",
            // "Jan" and "Mar" are names too ("Dec 25", "Dec 3rd" are dates).
            if m.abbreviated, !m.period, a.year == nil, !a.ordinal, Self.nameLikeAbbreviations.contains(t.lower[i]) { return nil }
            return a
        }
        var j = k
        if t.isWord(j, "of") { j += 1 }
        if let y = t.year(j), !t.hasDigitTail(j) {
            a.year = y
            a.last = j
            a.form = .monthYear
            return a
        }
        return nil
    }

    /// "15 December 2025", "15th December, 2025", "the 15th of December 2025", "15 December".
    /// At the end of a range ("15–17 December") the day follows a number and a dash.
    func dayFirst(at i: Int, endOfRange: Bool = false) -> DateAtom? {
        guard let d = t.day(i), endOfRange || !t.hasNonDateLead(i),
              !(t.tokens[i].kind == .number && t.hasDigitTail(i)) else { return nil }
        var k = i + 1
        if d.ordinal, t.isWord(k, "of") { k += 1 }
        guard let m = t.month(k) else { return nil }
        var a = DateAtom(first: i, last: m.last, month: m.month, day: d.day, ordinal: d.ordinal,
                         abbreviated: m.abbreviated, form: .dayMonthYear)
        var j = m.last + 1
        if t.isPunct(j, ",") { j += 1 }
        if let y = t.year(j), !t.hasDigitTail(j) { a.year = y; a.last = j }
        if m.abbreviated, !m.period, a.year == nil, Self.nameLikeAbbreviations.contains(t.lower[m.last]) { return nil }
        return a
    }

    /// Month abbreviations that are also names or words ("Jan", "Jun", "Mar", "Jul"): read without a
    /// period only with a year or an ordinal day.
    static let nameLikeAbbreviations: Set<String> = ["jan", "jun", "mar", "jul", "aug"]

    /// The Korean order with periods and spaces: "2025. 12. 3." (year, month, day, each followed by a
    /// period; the last period is part of the date).
    func korean(at i: Int) -> DateAtom? {
        guard let y = t.year(i), t.isPunct(i + 1, "."), t.touches(i), let m = t.digits(i + 2), m.count <= 2,
              (1...12).contains(m.value), t.isPunct(i + 3, "."), t.touches(i + 2), let d = t.digits(i + 4), d.count <= 2,
              (1...31).contains(d.value), t.isPunct(i + 5, "."), t.touches(i + 4), !t.hasNonDateLead(i) else { return nil }
        return DateAtom(first: i, last: i + 5, year: y, month: m.value, day: d.value, form: .other)
    }

    /// "19-Oct-2017", "19-OCT-2017": one word token of a day, a month name and a four-digit year.
    func hyphenated(at i: Int) -> DateAtom? {
        guard t.has(i), t.tokens[i].kind == .word, t.text[i].utf8.count <= 16, t.text[i].first?.isNumber == true else { return nil }
        let pieces = t.lower[i].split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].count <= 2, let d = Int(pieces[0]), (1...31).contains(d),
              let m = DateLexicon.fullMonths[String(pieces[1])] ?? DateLexicon.abbreviatedMonths[String(pieces[1])],
              pieces[2].count == 4, let y = Int(pieces[2]) else { return nil }
        return DateAtom(first: i, last: i, year: y, month: m, day: d,
                        abbreviated: DateLexicon.fullMonths[String(pieces[1])] == nil, form: .dayMonthYear)
    }

    /// Tokens `i…i+4` are three digit groups joined by one separator ("30/06/2025"), all touching.
    func numericShape(at i: Int) -> Bool {
        t.digits(i) != nil && t.touches(i) && t.isPunct(i + 1, "/", "-", ".") && t.touches(i + 1) && t.digits(i + 2) != nil
            && t.touches(i + 2) && t.isPunct(i + 3, t.has(i + 1) ? t.text[i + 1] : "") && t.touches(i + 3) && t.digits(i + 4) != nil
    }

    /// "2025-12-15" (ISO 8601), "2025/12/15", "2025.12.15", "12/15/2025", "15/12/2025", "05/06/2025",
    /// "12-15-2025", "15.12.2025", "12/15/25": all parts touching, one separator.
    func numeric(at i: Int, endOfRange: Bool = false) -> DateAtom? {
        guard t.has(i), t.tokens[i].kind == .number, endOfRange || !t.hasNonDateLead(i) else { return nil }
        var groups: [(value: Int, count: Int)] = []
        var last = i
        var separator = "."
        if t.digits(i) == nil {
            // One token with internal periods: "15.12.2025", "2025.12.15".
            let pieces = t.text[i].split(separator: ".", omittingEmptySubsequences: false)
            guard pieces.count == 3 else { return nil }
            for p in pieces {
                guard let v = Int(p), p.allSatisfy(\.isASCII) else { return nil }
                groups.append((v, p.count))
            }
        } else {
            guard let g0 = t.digits(i), t.touches(i), t.isPunct(i + 1, "/", "-", "."), t.touches(i + 1),
                  let g1 = t.digits(i + 2), t.touches(i + 2), t.isPunct(i + 3, t.text[i + 1]), t.touches(i + 3),
                  let g2 = t.digits(i + 4) else { return nil }
            separator = t.text[i + 1]
            groups = [g0, g1, g2]
            last = i + 4
            // "01/01/2025–30/06/2025": a dash to another numeric date is a range, not a tail.
            if t.hasDigitTail(last), !(t.isDash(last + 1) && numericShape(at: last + 2)) { return nil }
        }
        let (a, b, c) = (groups[0], groups[1], groups[2])
        if a.count == 4 {
            guard b.count <= 2, c.count <= 2, (1...12).contains(b.value), (1...31).contains(c.value) else { return nil }
            return DateAtom(first: i, last: last, year: a.value, month: b.value, day: c.value,
                            form: separator == "-" ? .iso : .other)
        }
        guard a.count <= 2, b.count <= 2, a.value >= 1, b.value >= 1 else { return nil }
        var year = c.value
        if c.count == 2 {
            guard separator == "/" else { return nil }
            year += year <= 50 ? 2000 : 1900
        } else if c.count != 4 {
            return nil
        }
        if separator == "." {
            // Dotted dates are day first (European, as `ingest.html` reads them): "03.12.2024" is 3 December.
            guard (1...12).contains(b.value), a.value <= 31 else { return nil }
            return DateAtom(first: i, last: last, year: year, month: b.value, day: a.value, form: .numericDayFirst)
        }
        switch (a.value <= 12, b.value <= 12) {
        case (true, true):
            return DateAtom(first: i, last: last, year: year, month: a.value, day: b.value,
                            form: a.value == b.value ? .numericMonthFirst : .numericAmbiguous, ambiguous: a.value != b.value)
        case (true, false) where b.value <= 31:
            return DateAtom(first: i, last: last, year: year, month: a.value, day: b.value, form: .numericMonthFirst)
        case (false, true) where a.value <= 31:
            return DateAtom(first: i, last: last, year: year, month: b.value, day: a.value, form: .numericDayFirst)
        default:
            return nil
        }
    }
}
