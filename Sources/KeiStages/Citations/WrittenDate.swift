import KeiDocument

/// A date as notes write it after "accessed" or "retrieved" (Chicago Manual of Style, 17th ed., 14.12):
/// "December 3, 2025", "Dec. 3, 2025", "3 December 2025", "December 2025", "2025-12-03", "12/3/2025",
/// "2025/12/20", "20.12.2025", "12/20/25", "December 20th, 2025", "20 December, 2025" and a year alone.
enum WrittenDate {
    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]

    /// The date that the tokens `tokens` of `unit` start with (after any "on" or ":"), with the UTF-8
    /// range of its words; nil when they do not start with a date this reader knows or it is impossible.
    static func parse(_ tokens: ArraySlice<WordToken>, in unit: TextUnit) -> (date: PublicationDate, range: Range<Int>)? {
        var t = Array(tokens.prefix(8))
        while let first = t.first, ["on", ":"].contains(unit.string(of: first.range).lowercased()) { t.removeFirst() }
        guard let first = t.first else { return nil }
        let texts = t.map { unit.string(of: $0.range) }
        func int(_ i: Int) -> Int? { i < texts.count && t[i].kind == .number ? Int(texts[i]) : nil }
        func month(_ i: Int) -> Int? {
            guard i < texts.count, t[i].kind == .word else { return nil }
            return months[texts[i].lowercased().trimmingTrailingPeriod]
        }
        func isPunct(_ i: Int, _ p: String) -> Bool { i < texts.count && texts[i] == p }
        func result(_ y: Int, _ m: Int?, _ d: Int?, through last: Int) -> (PublicationDate, Range<Int>)? {
            guard let date = PublicationDate(year: y, month: m, day: d) else { return nil }
            return (date, first.range.lowerBound..<t[last].range.upperBound)
        }
        // 2025-12-03, or 2025-12 (one token, or numbers and hyphens)
        if let iso = isoDate(texts, t) { return result(iso.y, iso.m, iso.d, through: iso.last) }
        // December 3, 2025 / Dec. 3 2025 / December 2025
        if let m = month(0) {
            var i = 1
            if isPunct(i, ".") { i += 1 }
            if let d = int(i), d <= 31 {
                var j = i + 1
                if isPunct(j, ",") { j += 1 }
                if let y = int(j), y >= 1000 { return result(y, m, d, through: j) }
            } else if let y = int(i), y >= 1000 {
                return result(y, m, nil, through: i)
            }
            return parseText(unit, from: first.range.lowerBound)
        }
        // 3 December 2025
        if let d = int(0), d <= 31, let m = month(1) {
            var i = 2
            if isPunct(i, ".") { i += 1 }
            if let y = int(i), y >= 1000 { return result(y, m, d, through: i) }
        }
        // 12/3/2025 (U.S. order)
        if let m = int(0), isPunct(1, "/"), let d = int(2), isPunct(3, "/"), let y = int(4), y >= 1000 {
            return result(y, m, d, through: 4)
        }
        return parseText(unit, from: first.range.lowerBound)
    }

    /// The forms the token reader does not know, read from the text of `unit` at byte `start`:
    /// "2025/12/20", "20.12.2025", "12/20/25" (U.S. order, 20xx), "December 20th, 2025",
    /// "20 December, 2025", and a year alone ("accessed 2026", year precision).
    static func parseText(_ unit: TextUnit, from start: Int) -> (date: PublicationDate, range: Range<Int>)? {
        let text = unit.string(of: start..<min(unit.text.utf8Count, start + 40))
        func found(_ y: Int, _ m: Int?, _ d: Int?, _ match: Substring) -> (PublicationDate, Range<Int>)? {
            guard let date = PublicationDate(year: y, month: m, day: d) else { return nil }
            return (date, start..<start + match.utf8.count)
        }
        if let m = text.prefixMatch(of: /(\d{4})\/(\d{1,2})\/(\d{1,2})(?!\d)/) {
            return found(Int(m.1)!, Int(m.2), Int(m.3), m.0)
        }
        if let m = text.prefixMatch(of: /(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/) {
            return found(Int(m.3)!, Int(m.2), Int(m.1), m.0)
        }
        if let m = text.prefixMatch(of: /(\d{1,2})\/(\d{1,2})\/(\d{2})(?![\d\/])/) {
            return found(2000 + Int(m.3)!, Int(m.1), Int(m.2), m.0)
        }
        if let m = text.prefixMatch(of: /([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th),? (\d{4})(?!\d)/), let month = months[m.1.lowercased()] {
            return found(Int(m.3)!, month, Int(m.2), m.0)
        }
        if let m = text.prefixMatch(of: /(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+)\.?,? (\d{4})(?!\d)/), let month = months[m.2.lowercased()] {
            return found(Int(m.3)!, month, Int(m.1), m.0)
        }
        if let m = text.prefixMatch(of: /(\d{4})(?![\d\/\-.]\d)/) {
            return found(Int(m.1)!, nil, nil, m.0)
        }
        return nil
    }

    /// An ISO 8601 date at the start of `texts`: one token "2025-12-03", or number, "-", number…
    static func isoDate(_ texts: [String], _ tokens: [WordToken]) -> (y: Int, m: Int?, d: Int?, last: Int)? {
        let parts = texts[0].split(separator: "-", omittingEmptySubsequences: false)
        if parts.count >= 2, parts.count <= 3, parts[0].count == 4, let y = Int(parts[0]), parts.dropFirst().allSatisfy({ $0.count == 2 && Int($0) != nil }) {
            return (y, Int(parts[1]), parts.count == 3 ? Int(parts[2]) : nil, 0)
        }
        guard texts[0].count == 4, let y = Int(texts[0]), texts.count >= 3, texts[1] == "-", texts[2].count == 2, let m = Int(texts[2]) else { return nil }
        if texts.count >= 5, texts[3] == "-", texts[4].count == 2, let d = Int(texts[4]) { return (y, m, d, 4) }
        return (y, m, nil, 2)
    }
}

private extension String {
    var trimmingTrailingPeriod: String { hasSuffix(".") ? String(dropLast()) : self }
}
