import KeiDocument

/// What a date mention stands for: one calendar date at year, month or day precision, or an interval
/// between two (inclusive at the precision of each end). "June 12–13, 2018" is 2018-06-12/2018-06-13;
/// "spring 2024" is 2024-03/2024-05 (meteorological seasons, northern hemisphere); "2019–2021" is 2019/2021.
public struct DateValue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The first (or only) date.
    public var start: PublicationDate
    /// The last date of an interval (inclusive); nil for a single date.
    public var end: PublicationDate?

    public init(_ start: PublicationDate, through end: PublicationDate? = nil) {
        self.start = start
        self.end = (end == start) ? nil : end
    }

    /// ISO 8601: `2018-06-12`, `2018-06`, `2018`, or an interval `2018-06-12/2018-06-13`.
    public var iso: String { end.map { "\(start.iso)/\($0.iso)" } ?? start.iso }

    public var description: String { iso }

    /// Whether this is an interval rather than one date.
    public var isInterval: Bool { end != nil }

    /// The last date covered (``end`` or ``start``).
    public var last: PublicationDate { end ?? start }
}
