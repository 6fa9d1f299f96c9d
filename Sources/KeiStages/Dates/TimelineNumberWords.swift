/// Cardinal and ordinal numbers as prose writes them, for "the third year of", "3rd anniversary",
/// "seventy-fifth anniversary", "two years since": words (one to ninety-nine, hyphenated tens) and digits.
enum TimelineNumberWords {
    static let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    static let unitOrdinals = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                               "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                               "seventeenth", "eighteenth", "nineteenth"]
    static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    static let tenOrdinals = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"]

    /// The value of an ordinal ("third", "3rd", "twenty-first", "75th"), or nil.
    static func ordinal(_ word: String) -> Int? {
        let w = word.lowercased()
        for suffix in ["st", "nd", "rd", "th"] where w.hasSuffix(suffix) {
            if let n = Int(w.dropLast(2)), n > 0, n < 1000 { return n }
        }
        return value(w, units: unitOrdinals, tens: tenOrdinals)
    }

    /// The value of a cardinal ("three", "3", "twenty-one"), or nil.
    static func cardinal(_ word: String) -> Int? {
        let w = word.lowercased()
        if let n = Int(w), n >= 0, n < 1000 { return n }
        return value(w, units: units, tens: tens)
    }

    static func value(_ w: String, units u: [String], tens t: [String]) -> Int? {
        if let n = u.firstIndex(of: w) { return n }
        if let n = t.firstIndex(of: w), n >= 2 { return n * 10 }
        let parts = w.split(separator: "-")
        guard parts.count == 2, let ten = tens.firstIndex(of: String(parts[0])), ten >= 2,
              let unit = u.firstIndex(of: String(parts[1])), (1...9).contains(unit) else { return nil }
        return ten * 10 + unit
    }

    /// "1st", "2nd", "3rd", "4th", "11th", "21st".
    static func ordinalText(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }
}
