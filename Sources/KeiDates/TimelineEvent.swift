import KeiDocument

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

    /// How a finding quotes the entry: `timeline.yml:42: Singapore summit, 2018-06-12 (source: the first 120 characters…)`.
    public var quoted: String {
        let when = end.map { "\(start.iso) to \($0.iso)" } ?? (ongoing ? "since \(start.iso)" : start.iso)
        let place = "\(location.file):\(location.line)"
        return "\(place): \(name), \(when) (source: \(Timeline.shortSource(source))\(verified ? "" : "; unverified"))"
    }
}
