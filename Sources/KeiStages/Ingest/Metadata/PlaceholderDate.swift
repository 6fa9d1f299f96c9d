import KeiDocument

/// Dates that publishing systems write when an article has no date: the Unix epoch (time 0), the
/// WordPress/MySQL zero date, the zero time of .NET and Go, and spreadsheet/database defaults. They
/// are well-formed, so they would otherwise win over the real date; ``MetadataMerger`` ignores them
/// with `ingest.placeholder-date`.
///
/// Recognised in any format the date readers accept: ISO 8601 with any time and offset
/// (`1970-01-01T00:00:00+00:00`, `1970-01-01T09:00:00+09:00`, and `1969-12-31T19:00:00-05:00`, the
/// epoch seen from west of Greenwich), `1970-01-01 00:00:00`, numeric `01/01/1970`, `1970/01/01`,
/// `01.01.1970`, the epoch as a date west of Greenwich (`12/31/1969`, `1969-12-31`, `12/31/1969 7:00:00
/// PM`; ``isEpochWestOfGreenwich(_:)``), written `January 1, 1970` / `Thu, 01 Jan 1970 00:00:00 GMT`, a Unix timestamp `0`,
/// `0000-00-00[ 00:00:00]`, PHP's rendering of it `-0001-11-30T00:00:00+00:00`, `0001-01-01`,
/// `1900-01-01` and `1899-12-30`/`1899-12-31`.
enum PlaceholderDate {
    /// What `raw` is a placeholder for, as a phrase for a message ("the Unix epoch (time 0)"), or
    /// nil when it may be a real date. `parsed` is the date read from `raw`, when it was readable.
    static func describe(_ raw: String, parsed: PublicationDate?) -> String? {
        let s = MetadataText.normalize(raw).lowercased()
        guard !s.isEmpty else { return nil }
        if s.allSatisfy({ $0 == "0" }) { return epoch }
        if s.hasPrefix("0000-00-00") || s.hasPrefix("0000/00/00") || s.hasPrefix("00/00/0000") || s.hasPrefix("00.00.0000") {
            return "the zero date 0000-00-00 (WordPress, MySQL)"
        }
        if s.hasPrefix("-0001-11-30") { return "the WordPress zero date as PHP writes it (-0001-11-30)" }
        if s.hasPrefix("0001-01-01") { return "the zero time of .NET and Go (0001-01-01)" }
        guard let d = parsed else { return nil }
        if let name = describe(d) { return name }
        if (d.year, d.month, d.day) == (1969, 12, 31), isEpochWestOfGreenwich(s) { return epochWest }
        return nil
    }

    static let epoch = "the Unix epoch (time 0, 1970-01-01)"
    static let epochWest = "the Unix epoch (time 0) as a clock west of Greenwich shows it (1969-12-31)"

    /// The placeholder a calendar date stands for, if any.
    static func describe(_ d: PublicationDate) -> String? {
        switch (d.year, d.month, d.day) {
        case (1970, 1, 1): epoch
        case (1900, 1, 1): "1900-01-01, a default of spreadsheets and databases"
        case (1899, 12, 30), (1899, 12, 31): "the spreadsheet zero date (1899-12-30/31)"
        default: nil
        }
    }

    /// Whether `s`, a value whose date is 1969-12-31, is the instant 1970-01-01T00:00:00Z as a clock
    /// west of Greenwich shows it: a date alone (`12/31/1969`, `1969-12-31`: the epoch rendered in a US
    /// time zone); a time with its offset that adds up to midnight UTC (`1969-12-31T19:00:00-05:00`,
    /// `Wed, 31 Dec 1969 16:00:00 -0800`, `… 19:00:00 GMT-0500`); or a local time without offset that
    /// a zone from UTC−12 to UTC−1 shows then — 12:00 to 23:45 on the quarter hour, seconds zero
    /// (`12/31/1969 7:00:00 PM`).
    static func isEpochWestOfGreenwich(_ s: String) -> Bool {
        let chars = Array(s.lowercased())
        func number(at i: Int, digits: ClosedRange<Int>) -> (value: Int, end: Int)? {
            var j = i
            while j < chars.count, j - i < digits.upperBound, chars[j].isASCII, chars[j].isNumber { j += 1 }
            guard digits.contains(j - i), let v = Int(String(chars[i..<j])) else { return nil }
            return (v, j)
        }
        // The time of day: the first `h:mm` not preceded by a digit.
        var found: (hour: Int, minute: Int, end: Int)?
        for i in chars.indices where chars[i].isASCII && chars[i].isNumber && (i == 0 || !chars[i - 1].isNumber) {
            if let h = number(at: i, digits: 1...2), h.end < chars.count, chars[h.end] == ":",
               let m = number(at: h.end + 1, digits: 2...2) {
                found = (h.value, m.value, m.end)
                break
            }
        }
        guard let (hour, minute, afterMinutes) = found else { return true }
        var i = afterMinutes
        var second = 0.0
        if i < chars.count, chars[i] == ":", let sec = number(at: i + 1, digits: 2...2) {
            second = Double(sec.value)
            i = sec.end
            if i < chars.count, chars[i] == ".", let fraction = number(at: i + 1, digits: 1...9) {
                second += Double("0." + String(chars[(i + 1)..<fraction.end])) ?? 0
                i = fraction.end
            }
        }
        var rest = TextTrimming.whitespaces(String(chars[i...]))
        var hour24 = hour
        for (marker, add) in [("pm", 12), ("p.m.", 12), ("am", 0), ("a.m.", 0)] where rest.hasPrefix(marker) {
            guard (1...12).contains(hour) else { return false }
            hour24 = hour % 12 + add
            rest = TextTrimming.whitespaces(String(rest.dropFirst(marker.count)))
            break
        }
        let seconds = Double(hour24 * 3600 + minute * 60) + second
        for zero in ["z", "gmt", "utc"] where rest.hasPrefix(zero) {
            rest = TextTrimming.whitespaces(String(rest.dropFirst(zero.count)))
            if zero == "z" || !(rest.hasPrefix("-") || rest.hasPrefix("+")) { return false }  // 1969-12-31 in UTC
        }
        if let sign = rest.first, sign == "-" || sign == "+" {
            let digits = rest.dropFirst().prefix(5).filter { $0 != ":" }.prefix(4)
            guard digits.count == 4, digits.allSatisfy(\.isNumber), let oh = Int(digits.prefix(2)), let om = Int(digits.suffix(2)),
                  sign == "-" else { return false }
            return seconds + Double(oh * 3600 + om * 60) == 86_400
        }
        return seconds >= 12 * 3600 && second == 0 && minute % 15 == 0
    }
}
