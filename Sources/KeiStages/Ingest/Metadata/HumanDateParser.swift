import KeiDocument

/// Finds a written-out date in visible text: `December 15, 2025`, `Dec. 15, 2025`, `Sept 3 2025`,
/// `15 December 2025`, `15th December 2025`, and ISO `2025-12-15`. Returns only real calendar dates.
enum HumanDateParser {
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
        "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// The first date in `text`, if any.
    static func firstDate(in text: String) -> PublicationDate? {
        let tokens = tokenize(text)
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if let m = months[t.lowercased()], i + 2 < tokens.count,
               let d = dayNumber(tokens[i + 1]), let y = yearNumber(tokens[i + 2]),
               let date = PublicationDate(year: y, month: m, day: d) {
                return date
            }
            if let d = dayNumber(t), i + 2 < tokens.count, let m = months[tokens[i + 1].lowercased()],
               let y = yearNumber(tokens[i + 2]), let date = PublicationDate(year: y, month: m, day: d) {
                return date
            }
            if let y = yearNumber(t), i + 2 < tokens.count, tokens[i + 1].count == 2, tokens[i + 2].count == 2,
               let m = Int(tokens[i + 1]), let d = Int(tokens[i + 2]),
               let date = PublicationDate(year: y, month: m, day: d) {
                return date
            }
            i += 1
        }
        return nil
    }

    /// Runs of letters or of ASCII digits; everything else separates.
    static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var currentIsDigit = false
        for ch in text {
            let isDigit = ch.isASCII && ch.isNumber
            let isLetter = ch.isLetter
            if isDigit || isLetter {
                if !current.isEmpty && isDigit != currentIsDigit {
                    tokens.append(current)
                    current = ""
                }
                current.append(ch)
                currentIsDigit = isDigit
            } else if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
            if tokens.count > 400 { break }
        }
        if !current.isEmpty { tokens.append(current) }
        // "15th" → "15": drop ordinal suffixes after numbers.
        var out: [String] = []
        for t in tokens {
            if ["st", "nd", "rd", "th"].contains(t.lowercased()), let last = out.last, last.allSatisfy({ $0.isASCII && $0.isNumber }) {
                continue
            }
            out.append(t)
        }
        return out
    }

    static func dayNumber(_ t: String) -> Int? {
        guard (1...2).contains(t.count), let d = Int(t), (1...31).contains(d) else { return nil }
        return d
    }

    static func yearNumber(_ t: String) -> Int? {
        guard t.count == 4, let y = Int(t) else { return nil }
        return y
    }
}
