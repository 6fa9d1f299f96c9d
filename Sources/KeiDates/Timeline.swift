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
