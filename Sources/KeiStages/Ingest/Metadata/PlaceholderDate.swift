import KeiDocument

/// Dates that publishing systems write when an article has no date: the Unix epoch (time 0), the
/// WordPress/MySQL zero date, the zero time of .NET and Go, and spreadsheet/database defaults. They
/// are well-formed, so they would otherwise win over the real date; ``MetadataMerger`` ignores them
/// with `ingest.placeholder-date`.
///
/// Recognised in any format the date readers accept: ISO 8601 with any time and offset
/// (`1970-01-01T00:00:00+00:00`, `1970-01-01T09:00:00+09:00`, and `1969-12-31T19:00:00-05:00`, the
/// epoch seen from west of Greenwich), `1970-01-01 00:00:00`, numeric `01/01/1970`, `1970/01/01`,
/// `01.01.1970`, written `January 1, 1970` / `Thu, 01 Jan 1970 00:00:00 GMT`, a Unix timestamp `0`,
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
        if let d = parsed ?? numericDate(s), let name = describe(d) { return name }
        if s.hasPrefix("1969-12-31"), isEpochWestOfGreenwich(s) { return epoch }
        return nil
    }

    static let epoch = "the Unix epoch (time 0, 1970-01-01)"

    /// The placeholder a calendar date stands for, if any.
    static func describe(_ d: PublicationDate) -> String? {
        switch (d.year, d.month, d.day) {
        case (1970, 1, 1): epoch
        case (1900, 1, 1): "1900-01-01, a default of spreadsheets and databases"
        case (1899, 12, 30), (1899, 12, 31): "the spreadsheet zero date (1899-12-30/31)"
        default: nil
        }
    }

    /// A date written with digits only, in any order (`01/01/1970`, `1970.1.1`): the year is the
    /// four-digit part; returned only when the other two parts are both 1 or read as month/day
    /// unambiguously, which is all a placeholder check needs.
    static func numericDate(_ s: String) -> PublicationDate? {
        let parts = s.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).prefix(3).map(String.init)
        guard parts.count == 3, s.first?.isNumber ?? false, !s.contains(where: { $0.isLetter }) else { return nil }
        guard let yearIndex = parts.firstIndex(where: { $0.count == 4 }), let year = Int(parts[yearIndex]) else { return nil }
        let rest = parts.enumerated().filter { $0.offset != yearIndex }.compactMap { Int($0.element) }
        guard rest.count == 2 else { return nil }
        if yearIndex == 0 { return PublicationDate(year: year, month: rest[0], day: rest[1]) }
        // DD/MM/YYYY or MM/DD/YYYY: only a pair that reads the same both ways (1/1, 12/12) is certain.
        guard rest[0] == rest[1] || rest[0] > 12 || rest[1] > 12 else { return nil }
        return rest[0] > 12 ? PublicationDate(year: year, month: rest[1], day: rest[0])
            : PublicationDate(year: year, month: rest[0], day: rest[1])
    }

    /// Whether `1969-12-31Thh:mm[:ss[.f]]±hh[:]mm` is the instant 1970-01-01T00:00:00Z.
    static func isEpochWestOfGreenwich(_ s: String) -> Bool {
        let rest = s.dropFirst("1969-12-31".count)
        guard let sep = rest.first, sep == "t" || sep == " " else { return false }
        let body = rest.dropFirst()
        guard let signIndex = body.firstIndex(where: { $0 == "-" || $0 == "+" }), body[signIndex] == "-" else { return false }
        let time = body[..<signIndex].split(separator: ":").map { Double($0) }
        let offset = body[body.index(after: signIndex)...].filter { $0 != ":" }
        guard (2...3).contains(time.count), time.allSatisfy({ $0 != nil }), offset.count == 4,
              let oh = Int(offset.prefix(2)), let om = Int(offset.suffix(2)) else { return false }
        let seconds = (time[0] ?? 0) * 3600 + (time[1] ?? 0) * 60 + (time.count == 3 ? time[2] ?? 0 : 0)
        return seconds + Double(oh * 3600 + om * 60) == 86_400
    }
}
