import KeiDocument

/// The timeline knowledge base (`Workflows/timeline.yml`): dated events and office holders with their
/// terms, which `check.dates` compares an article's claims against. Loaded by `TimelineLoader` (KeiCore).
public struct Timeline: Sendable, Hashable {
    /// The file as shown in messages (relative to the working directory).
    public var file: String
    public var events: [TimelineEvent]
    public var offices: [TimelineOffice]

    public init(file: String, events: [TimelineEvent] = [], offices: [TimelineOffice] = []) {
        self.file = file
        self.events = events
        self.offices = offices
    }

    /// Events plus office terms: the number of entries.
    public var entryCount: Int { events.count + offices.reduce(0) { $0 + $1.holders.count } }
}

/// What kind of event a ``TimelineEvent`` is.
public enum TimelineEventKind: String, Sendable, Hashable, Codable, CaseIterable {
    case summit, treaty, agreement, declaration, election, inauguration, impeachment, war, attack
    case missileTest = "missile-test"
    case nuclearTest = "nuclear-test"
    case sanctionsResolution = "sanctions-resolution"
    case exercise, other
}

/// One dated event: a summit, treaty, election, war, test, resolution… A one-day event has `start` only;
/// a span has `end` too; a war or crisis still going on has `start` and no `end`, with ``ongoing``.
public struct TimelineEvent: Sendable, Hashable {
    /// Stable id (`singapore-summit-2018`).
    public var id: String
    /// The name editors know it by ("Singapore summit").
    public var name: String
    /// Other names and spellings as they appear in prose (matched case-insensitively on word boundaries).
    public var aliases: [String]
    public var kind: TimelineEventKind
    public var start: PublicationDate
    public var end: PublicationDate?
    /// The event has no end yet (a war).
    public var ongoing: Bool
    /// Where the date comes from (a citation an editor can follow).
    public var source: String
    /// False when the date could not be verified against the source.
    public var verified: Bool
    /// The entry in the timeline file (file and line).
    public var location: SourceLocation

    public init(id: String, name: String, aliases: [String] = [], kind: TimelineEventKind, start: PublicationDate,
                end: PublicationDate? = nil, ongoing: Bool = false, source: String, verified: Bool = true,
                location: SourceLocation) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.kind = kind
        self.start = start
        self.end = end
        self.ongoing = ongoing
        self.source = source
        self.verified = verified
        self.location = location
    }

    /// How a finding quotes the entry: `timeline.yml:42: Singapore summit, 2018-06-12 (source: …)`.
    public var quoted: String {
        let when = end.map { "\(start.iso) to \($0.iso)" } ?? (ongoing ? "since \(start.iso)" : start.iso)
        let place = "\(location.file):\(location.line)"
        return "\(place): \(name), \(when) (source: \(source)\(verified ? "" : "; unverified"))"
    }
}

/// One office ("President of South Korea") and the people who held it, in order.
public struct TimelineOffice: Sendable, Hashable {
    public var id: String
    /// The office's full name.
    public var office: String
    /// The titles written before a holder's name ("President", "Secretary of State", "Secretary").
    public var titles: [String]
    /// Words that tie a title to this office ("South Korean", "ROK", "U.S.", "American").
    public var qualifiers: [String]
    public var holders: [OfficeTerm]

    public init(id: String, office: String, titles: [String], qualifiers: [String] = [], holders: [OfficeTerm]) {
        self.id = id
        self.office = office
        self.titles = titles
        self.qualifiers = qualifiers
        self.holders = holders
    }
}

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
        let lo = date, hi = date
        if let end, Self.before(end, lo) { return false }
        return !Self.before(hi, start)
    }

    /// `a` ends before `b` starts, compared at the precision both have.
    static func before(_ a: PublicationDate, _ b: PublicationDate) -> Bool {
        if a.year != b.year { return a.year < b.year }
        guard let am = a.month, let bm = b.month else { return false }
        if am != bm { return am < bm }
        guard let ad = a.day, let bd = b.day else { return false }
        return ad < bd
    }

    /// How a finding quotes the entry: `timeline.yml:88: Yoon Suk Yeol, President of South Korea, 2022-05-10 to 2025-04-04 (source: …)`.
    public func quoted(office: TimelineOffice) -> String {
        let place = "\(location.file):\(location.line)"
        return "\(place): \(person), \(acting ? "acting " : "")\(office.office), \(start.iso) to \(end?.iso ?? "present") (source: \(source)\(verified ? "" : "; unverified"))"
    }
}
