/// A calendar date with optional month and day, always valid when constructed through ``init?(iso:)``.
public struct PublicationDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    /// Builds a date from parts, rejecting impossible ones (month 13, February 30, year 0 or negative).
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1000...9999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard day >= 1, day <= PublicationDate.daysIn(month: month, year: year) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, and the date part of an ISO 8601 date-time
    /// (`2025-12-15T09:00:00-05:00`). Returns nil for anything else or an impossible date.
    public init?(iso: String) {
        let s = iso.trimmingCharacters(in: .whitespaces)
        let datePart = s.split(separator: "T", maxSplits: 1).first.map(String.init) ?? s
        let datePart2 = datePart.split(separator: " ", maxSplits: 1).first.map(String.init) ?? datePart
        let parts = datePart2.split(separator: "-", omittingEmptySubsequences: false)
        guard !datePart2.hasPrefix("-"), (1...3).contains(parts.count),
              parts[0].count == 4, let y = Int(parts[0]) else { return nil }
        var m: Int?
        var d: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, let mm = Int(parts[1]) else { return nil }
            m = mm
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let dd = Int(parts[2]) else { return nil }
            d = dd
        }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var iso: String {
        var s = String(format: "%04d", year)
        if let month { s += String(format: "-%02d", month) }
        if let day { s += String(format: "-%02d", day) }
        return s
    }

    public var description: String { iso }

    public static func < (a: PublicationDate, b: PublicationDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

import Foundation
