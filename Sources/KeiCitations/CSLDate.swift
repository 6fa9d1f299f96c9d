import Foundation

/// A date in a CSL-JSON item (CSL 1.0.2 "date-variable"): `{"date-parts": [[year, month, day]]}` with
/// month and day optional (1-based), plus `season` (1–4) or `literal` for what does not fit ("n.d.",
/// "Fall 2011" keeps year 2011 and season 3).
public struct CSLDate: Sendable, Hashable, Codable {
    /// `[[year]]`, `[[year, month]]` or `[[year, month, day]]`; two entries for a range.
    public var dateParts: [[Int]]?
    public var season: Int?
    public var literal: String?

    enum CodingKeys: String, CodingKey {
        case dateParts = "date-parts"
        case season, literal
    }

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        var parts = [year]
        if let month { parts.append(month); if let day { parts.append(day) } }
        self.dateParts = [parts]
    }

    public init(literal: String) {
        self.literal = literal
    }

    public var year: Int? { dateParts?.first?.first }
    public var month: Int? { (dateParts?.first?.count ?? 0) > 1 ? dateParts?.first?[1] : nil }
    public var day: Int? { (dateParts?.first?.count ?? 0) > 2 ? dateParts?.first?[2] : nil }

    /// "2023-04-26", "2023-04" or "2023" (ISO 8601), nil without a year.
    public var iso8601: String? {
        guard let year else { return nil }
        var s = String(format: "%04d", year)
        if let month { s += String(format: "-%02d", month); if let day { s += String(format: "-%02d", day) } }
        return s
    }
}
