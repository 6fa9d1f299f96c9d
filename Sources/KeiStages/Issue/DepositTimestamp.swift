import Foundation
import KeiCore

/// Where a Crossref deposit's `timestamp` comes from (schema 5.3.1: `xsd:nonNegativeInteger`,
/// conventionally yyyyMMddHHmmss, larger for every new deposit of the same DOIs).
///
/// The workflow's `deposit: timestamp:` wins; otherwise `SOURCE_DATE_EPOCH` (seconds since 1970-01-01 UTC,
/// the reproducible-builds convention) formatted as yyyyMMddHHmmss in UTC. Never the clock: the same
/// input must give the same deposit.
enum DepositTimestamp {
    enum Source: Equatable {
        case workflow(String)
        case sourceDateEpoch(String)
        /// Neither is set, or the value is unusable (the string says why).
        case missing(String)
    }

    static func resolve(_ deposit: DepositSpec, environment: [String: String]) -> Source {
        if let t = deposit.timestamp {
            return isDigits(t) && t.count <= 20 ? .workflow(t)
                : .missing("the workflow's `deposit: timestamp:` “\(t)” is not 1 to 20 digits")
        }
        guard let epoch = environment["SOURCE_DATE_EPOCH"] else {
            return .missing("neither the workflow's `deposit: timestamp:` nor SOURCE_DATE_EPOCH is set")
        }
        guard isDigits(epoch), let seconds = Int(epoch), seconds <= 253_402_300_799 else {
            return .missing("SOURCE_DATE_EPOCH “\(epoch)” is not a number of seconds since 1970 (up to year 9999)")
        }
        return .sourceDateEpoch(format(seconds: seconds))
    }

    /// yyyyMMddHHmmss in UTC for a count of seconds since 1970-01-01T00:00:00Z.
    static func format(seconds: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                        from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        func pad(_ v: Int?, _ width: Int) -> String {
            let s = String(v ?? 0)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return pad(c.year, 4) + pad(c.month, 2) + pad(c.day, 2) + pad(c.hour, 2) + pad(c.minute, 2) + pad(c.second, 2)
    }

    static func isDigits(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Compares two digit strings as non-negative integers of any length.
    static func compare(_ a: String, _ b: String) -> ComparisonResult {
        let x = a.drop { $0 == "0" }, y = b.drop { $0 == "0" }
        if x.count != y.count { return x.count < y.count ? .orderedAscending : .orderedDescending }
        if x == y { return .orderedSame }
        return x < y ? .orderedAscending : .orderedDescending
    }
}
