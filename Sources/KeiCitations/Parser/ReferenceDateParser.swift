import Foundation

/// Reads a date as references write it into a ``CSLDate``: "April 26, 2023", "26 April 2023",
/// "Apr. 2023", "(Fall 2011)", "2023-04-26", "19-Oct-2017", "(1999).", "2009;108(2):" (the year; the
/// volume and issue after the semicolon are read by the normaliser). The first year between 1400 and
/// 2100 is the year; a month name (or abbreviation) and a day of 1–31 next to it complete it; a season
/// gives `season` (spring 1, summer 2, fall/autumn 3, winter 4). Text with no year becomes a `literal`
/// date ("n.d.", "forthcoming"). Linear in the length of the text.
public enum ReferenceDateParser {
    static let monthNumbers: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    static let seasonNumbers: [String: Int] = ["spring": 1, "summer": 2, "fall": 3, "autumn": 3, "winter": 4]

    public static func parse(_ text: String) -> CSLDate? {
        // Words of letters or digits, in order.
        var words: [String] = []
        var current = ""
        for ch in text {
            if ch.isLetter || ch.isNumber { current.append(ch) } else if !current.isEmpty { words.append(current); current = "" }
        }
        if !current.isEmpty { words.append(current) }
        guard !words.isEmpty else { return nil }

        var yearIndex: Int?
        var year: Int?
        for (i, w) in words.enumerated() {
            let digits = w.prefix { $0.isASCII && $0.isNumber }
            if digits.count == 4, let v = Int(digits), v >= 1400, v <= 2100, w.count <= 5 {
                yearIndex = i; year = v; break
            }
        }
        guard let year, let yearIndex else {
            let literal = text.trimmingScalars(in: Set(" .,;:()[]".unicodeScalars))
            return literal.isEmpty ? nil : CSLDate(literal: literal)
        }
        // A month and a day near the year: "April 26, 2023", "26 April 2023", "2023-04-26", "19-Oct-2017".
        var month: Int?
        var day: Int?
        let window = max(0, yearIndex - 3)..<min(words.count, yearIndex + 4)
        for i in window {
            if let m = monthNumbers[words[i].lowercased()] {
                month = m
                if i + 1 < words.count, i + 1 != yearIndex, let d = Int(words[i + 1]), (1...31).contains(d) { day = d }
                else if i > 0, i - 1 != yearIndex, let d = Int(words[i - 1]), (1...31).contains(d) { day = d }
                break
            }
        }
        if month == nil, yearIndex + 2 < words.count, let m = Int(words[yearIndex + 1]), let d = Int(words[yearIndex + 2]),
           (1...12).contains(m), (1...31).contains(d), words[yearIndex + 1].count <= 2, words[yearIndex + 2].count <= 2 {
            // ISO 8601: 2023-04-26 (only when written with hyphens).
            if text.includes("\(words[yearIndex])-\(words[yearIndex + 1])-") { month = m; day = d }
        }
        var date = CSLDate(year: year, month: month, day: month == nil ? nil : day)
        if month == nil {
            for w in words[window] { if let s = seasonNumbers[w.lowercased()] { date.season = s; break } }
        }
        return date
    }
}
