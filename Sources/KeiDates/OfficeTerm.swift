import KeiDocument

/// One person's term in an office. A person with two terms (Trump) has two entries; `end` nil means in
/// office as far as the timeline knows.
public struct OfficeTerm: Sendable, Hashable {
    /// The full name as the house writes it ("Yoon Suk Yeol").
    public var person: String
    /// Other forms: surname alone, other romanisations ("Yoon", "Yoon Suk-yeol").
    public var aliases: [String]
    public var start: PublicationDate
    public var end: PublicationDate?
    /// An acting holder.
    public var acting: Bool
    public var source: String
    public var verified: Bool
    public var location: SourceLocation

    public init(person: String, aliases: [String] = [], start: PublicationDate, end: PublicationDate? = nil,
                acting: Bool = false, source: String, verified: Bool = true, location: SourceLocation) {
        self.person = person
        self.aliases = aliases
        self.start = start
        self.end = end
        self.acting = acting
        self.source = source
        self.verified = verified
        self.location = location
    }

    /// Whether the person held the office on `date` (at the precision `date` has: a month overlaps).
    public func holds(on date: PublicationDate) -> Bool {
        if let end, DatePrecision.isBefore(end, date) { return false }
        return !DatePrecision.isBefore(date, start)
    }

    /// How a finding quotes the entry: `timeline.yml:88: Yoon Suk Yeol, President of South Korea, 2022-05-10 to 2025-04-04 (source: the first 120 characters…)`.
    public func quoted(office: TimelineOffice) -> String {
        let place = "\(location.file):\(location.line)"
        return "\(place): \(person), \(acting ? "acting " : "")\(office.office), \(start.iso) to \(end?.iso ?? "present") (source: \(Timeline.shortSource(source))\(verified ? "" : "; unverified"))"
    }
}
