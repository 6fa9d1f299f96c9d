import KeiDocument

/// Reads years, decades, seasons and quarters at a token: "in 2018", "the 2018 summit", "by 2030",
/// "(2019)", "2018's", "mid-2018", "fiscal year 2025", "FY2025", "the 1990s", "spring 2024", "the summer of
/// 2023", "winter 2023–24", "Q3 2024", "3Q24", "the third quarter of 2024".
///
/// A four-digit number is a year only in context: after a preposition or "year" ("in", "since", "by",
/// "until", "during", "of", "from", "early", "mid", "late"…), between a determiner and a noun ("the 2018 summit",
/// not "the 1950 people"), in parentheses or closing a parenthesis after a comma ("(New York: Ecco, 2012)"), with "'s", or in a list after a year ("2018 and 2019"). It is
/// never a year after an identifier, page, money or address word ("Resolution 2397", "pp. 2018", "$2018").
/// Seasons are meteorological (northern hemisphere): spring March–May, summer June–August, fall
/// September–November, winter December of the year written to February of the next.
struct YearReader {
    let t: DateTokens
    /// The last token of the previous mention when it was a year (for "2018 and 2019").
    let previousYearEnd: Int?
    /// Any year from 1400 to 2100 without an identifier lead is a year, and "YYYY-MM" a month
    /// (``DateExtractor/readsBareYears``).
    var bareYears = false

    func read(at i: Int) -> DateMatch? {
        guard t.has(i) else { return nil }
        return decade(at: i) ?? fiscalYear(at: i) ?? halfYear(at: i) ?? season(at: i) ?? quarter(at: i) ?? yearInContext(at: i)
    }

    static func yearValue(_ y: Int) -> DateValue? { PublicationDate(year: y).map { DateValue($0) } }

    // MARK: Years

    func yearInContext(at i: Int) -> DateMatch? {
        if t.tokens[i].kind == .word {
            // "2018's", "2018’s"
            if let y = Self.possessiveYear(t.lower[i]) {
                return DateMatch(first: i, last: i, kind: .year, parts: WrittenDateParts(year: y), value: Self.yearValue(y))
            }
            // "mid-2018", "early-2019", "late-2020"
            for prefix in ["mid-", "early-", "late-"] where t.lower[i].hasPrefix(prefix) {
                let rest = t.lower[i].dropFirst(prefix.count)
                guard rest.count == 4, let y = Int(rest), (1000...2999).contains(y) else { return nil }
                return DateMatch(first: i, last: i, kind: .year, parts: WrittenDateParts(year: y), value: Self.yearValue(y))
            }
            return nil
        }
        guard let y = t.year(i), !t.hasNonDateLead(i), !t.hasDigitTail(i), !t.isPunct(i + 1, "%") else { return nil }
        if t.has(i + 1), t.tokens[i + 1].kind == .word, DateLexicon.countNouns.contains(t.lower[i + 1]) { return nil }
        if bareYears, (1400...2100).contains(y) {
            if t.isPunct(i + 1, "-"), t.touches(i), t.touches(i + 1), let m = t.digits(i + 2), m.count == 2,
               (1...12).contains(m.value), !t.hasDigitTail(i + 2) {
                return DateMatch(first: i, last: i + 2, kind: .month, form: .iso, parts: WrittenDateParts(year: y, month: m.value),
                                 value: PublicationDate(year: y, month: m.value).map { DateValue($0) })
            }
            return DateMatch(first: i, last: i, kind: .year, parts: WrittenDateParts(year: y), value: Self.yearValue(y))
        }
        let before = t.wordBefore(i)
        let inContext = before.map { DateLexicon.yearLeads.contains($0) } == true
            || (t.isPunct(i - 1, "(", ",") && t.isPunct(i + 1, ")"))
            || attributive(at: i)
            || listed(at: i)
        guard inContext else { return nil }
        return DateMatch(first: i, last: i, kind: .year, parts: WrittenDateParts(year: y), value: Self.yearValue(y))
    }

    /// The year of a possessive word token ("2018's", "2018’s"), nil for anything else.
    static func possessiveYear(_ word: String) -> Int? {
        guard word.count == 6, word.hasSuffix("'s") || word.hasSuffix("’s"), let y = Int(word.prefix(4)),
              (1000...2999).contains(y) else { return nil }
        return y
    }

    /// "the 2018 summit", "the 2024 National Assembly election": a determiner, the year, a word that is not a
    /// count noun ("the 1950 people").
    func attributive(at i: Int) -> Bool {
        guard t.isWord(i - 1, "the", "a", "an", "its", "his", "her", "their", "our", "whose", "this", "that", "each"),
              t.has(i + 1), t.tokens[i + 1].kind == .word, !DateLexicon.countNouns.contains(t.lower[i + 1]) else { return false }
        return true
    }

    /// "2018 and 2019", "2018, 2019, and 2020": after a year mention, with only commas, "and", "or" between.
    func listed(at i: Int) -> Bool {
        guard let end = previousYearEnd, end < i - 1, end >= i - 3 else { return false }
        return (end + 1..<i).allSatisfy { t.isPunct($0, ",") || t.isWord($0, "and", "or") }
    }

    // MARK: Fiscal years and decades

    /// "fiscal year 2025", "fiscal 2025", "FY2025", "FY 2025", "FY25".
    func fiscalYear(at i: Int) -> DateMatch? {
        var y: Int?
        var last = i
        if t.isWord(i, "fiscal") {
            var k = i + 1
            if t.isWord(k, "year") { k += 1 }
            y = t.year(k)
            last = k
        } else if t.isWord(i, "fy"), let v = t.year(i + 1) {
            y = v
            last = i + 1
        } else if t.tokens[i].kind == .word, t.text[i].hasPrefix("FY") {
            let rest = t.text[i].dropFirst(2)
            if rest.count == 4, let v = Int(rest) { y = v }
            if rest.count == 2, let v = Int(rest) { y = 2000 + v }
        }
        guard let y, (1000...2999).contains(y) else { return nil }
        // "FY 2026-27", "FY2026–2027": a fiscal year across two calendar years, read as their range.
        if last > i || t.tokens[i].kind == .number, t.isDash(last + 1), t.touches(last), t.touches(last + 1),
           let e = t.digits(last + 2), (e.count == 2 && e.value == (y + 1) % 100) || (e.count == 4 && e.value == y + 1),
           !t.hasDigitTail(last + 2) {
            return DateMatch(first: i, last: last + 2, kind: .range, parts: WrittenDateParts(year: y),
                             endParts: WrittenDateParts(year: y + 1),
                             value: DateValue(PublicationDate(year: y)!, through: PublicationDate(year: y + 1)))
        }
        guard !t.hasDigitTail(last) else { return nil }
        return DateMatch(first: i, last: last, kind: .year, parts: WrittenDateParts(year: y), value: Self.yearValue(y))
    }

    /// "H1 2025", "1H 2025", "the first half of 2025", "the second half of 2024": a half year, read as the
    /// range of its months (January–June, July–December), kind `range`.
    func halfYear(at i: Int) -> DateMatch? {
        let l = t.lower[i]
        var h: Int?
        var k = i + 1
        if t.tokens[i].kind == .word, l.count == 2, l == "h1" || l == "h2" || l == "1h" || l == "2h" {
            h = l.contains("1") ? 1 : 2
        } else if t.isWord(i, "first", "second"), t.isWord(i + 1, "half"), t.isWord(i + 2, "of") {
            h = t.isWord(i, "first") ? 1 : 2
            k = i + 3
        }
        guard let h, let y = t.year(k), !t.hasDigitTail(k) else { return nil }
        let s = PublicationDate(year: y, month: h == 1 ? 1 : 7)!, e = PublicationDate(year: y, month: h == 1 ? 6 : 12)!
        return DateMatch(first: i, last: k, kind: .range, parts: WrittenDateParts(year: y),
                         endParts: WrittenDateParts(year: y), value: DateValue(s, through: e))
    }

    /// "the 1990s", "1990s", "the 1990’s", "mid-1990s": a year ending in 0 with "s".
    func decade(at i: Int) -> DateMatch? {
        guard let b = t.lower[i].utf8.first, (b >= 0x30 && b <= 0x39) || b == 0x6D || b == 0x65 || b == 0x6C else { return nil }
        var y: Int?
        if t.tokens[i].kind == .word {
            var l = Substring(t.lower[i])
            for prefix in ["mid-", "early-", "late-"] where l.hasPrefix(prefix) { l = l.dropFirst(prefix.count) }
            if l.count == 5, l.hasSuffix("s"), let v = Int(l.dropLast()) { y = v }
            // "the 1990's" (a decade written with an apostrophe; "1990's" without "the" is the year's)
            if l.count == 6, let v = Self.possessiveYear(String(l)), t.isWord(i - 1, "the", "early", "mid", "late") { y = v }
        }
        guard let y, y % 10 == 0, (1000...2990).contains(y) else { return nil }
        return DateMatch(first: i, last: i, kind: .decade, parts: WrittenDateParts(year: y),
                         value: DateValue(PublicationDate(year: y)!, through: PublicationDate(year: y + 9)))
    }

    // MARK: Seasons and quarters

    /// "spring 2024", "Spring 2024", "the summer of 2023", "winter 2023–24", "winter 2023/2024".
    func season(at i: Int) -> DateMatch? {
        guard let start = DateLexicon.seasons[t.lower[i]] else { return nil }
        var k = i + 1
        if t.isWord(k, "of") { k += 1 }
        guard let y = t.year(k), !t.hasNonDateLead(k) else { return nil }
        var last = k
        if start == 12, t.isPunct(k + 1, "-", "–", "/"), t.touches(k), let next = t.digits(k + 2), t.touches(k + 1),
           next.value % 100 == (y + 1) % 100, next.count == 2 || next.count == 4 {
            last = k + 2
        } else if t.hasDigitTail(k) {
            return nil
        }
        let s = PublicationDate(year: y, month: start)!
        let endMonth = start == 12 ? 2 : start + 2
        let e = PublicationDate(year: start == 12 ? y + 1 : y, month: endMonth)!
        return DateMatch(first: i, last: last, kind: .season, parts: WrittenDateParts(year: y), value: DateValue(s, through: e))
    }

    /// "Q3 2024", "Q3 of 2024", "Q3-2024", "3Q24", "3Q 2024", "the third quarter of 2024", "third-quarter 2024".
    func quarter(at i: Int) -> DateMatch? {
        var q: Int?
        var y: Int?
        var last = i
        let l = t.lower[i]
        if t.tokens[i].kind == .word, l.count == 2, l.hasPrefix("q"), let v = Int(l.dropFirst()) {
            q = v
            var k = i + 1
            if t.isWord(k, "of") || t.isPunct(k, "-", ",") { k += 1 }
            y = t.year(k)
            last = k
        } else if t.tokens[i].kind == .word, l.count == 4 || l.count == 6, Array(l)[1] == "q", let v = Int(l.prefix(1)),
                  let yy = Int(l.dropFirst(2)) {
            q = v       // 3Q24, 3Q2024
            y = yy < 100 ? 2000 + yy : yy
        } else if t.tokens[i].kind == .word, l.count == 2, l.hasSuffix("q"), let v = Int(l.prefix(1)), let v2 = t.year(i + 1) {
            q = v       // 3Q 2024
            y = v2
            last = i + 1
        } else if let v = DateLexicon.ordinals[l], t.isWord(i + 1, "quarter"), t.isWord(i + 2, "of"), let v2 = t.year(i + 3) {
            q = v
            y = v2
            last = i + 3
        } else if l.hasSuffix("-quarter"), let v = DateLexicon.ordinals[String(l.dropLast(8))], let v2 = t.year(i + 1) {
            q = v
            y = v2
            last = i + 1
        }
        guard let q, let y, (1...4).contains(q), (1000...2999).contains(y), !t.hasDigitTail(last) else { return nil }
        let s = PublicationDate(year: y, month: q * 3 - 2)!
        let e = PublicationDate(year: y, month: q * 3)!
        return DateMatch(first: i, last: last, kind: .quarter, parts: WrittenDateParts(year: y), value: DateValue(s, through: e))
    }
}
