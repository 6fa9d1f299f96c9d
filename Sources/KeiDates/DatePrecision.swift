import KeiDocument

/// Comparing dates written at different precisions ("December 2025" against 2025-12-15): one date is
/// before or after another only where both say so, at the precision both have. A year contains its
/// months and days, a month its days: "December 2025" is neither before nor after 2025-12-15.
public enum DatePrecision {
    /// Whether `a` ends before `b` starts at the precision both have (2025-11 is before 2025-12-15;
    /// 2025 is not before 2025-12-15).
    public static func isBefore(_ a: PublicationDate, _ b: PublicationDate) -> Bool {
        if a.year != b.year { return a.year < b.year }
        guard let am = a.month, let bm = b.month else { return false }
        if am != bm { return am < bm }
        guard let ad = a.day, let bd = b.day else { return false }
        return ad < bd
    }

    /// Whether `a` starts after `b` ends at the precision both have ("2026" is after 2025-12-15;
    /// "December 2025" is not).
    public static func isAfter(_ a: PublicationDate, _ b: PublicationDate) -> Bool { isBefore(b, a) }
}
