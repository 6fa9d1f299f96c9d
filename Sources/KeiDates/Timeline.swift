import Foundation

/// The timeline knowledge base (`Workflows/timeline.yml`): dated events and office holders with their
/// terms, which `check.dates` compares an article's claims against. Loaded by `TimelineLoader` (KeiCore).
public struct Timeline: Sendable, Hashable {
    /// The file as shown in findings (the workflow loader makes it relative to the project root).
    public var file: String
    public var events: [TimelineEvent]
    public var offices: [TimelineOffice]

    public init(file: String, events: [TimelineEvent] = [], offices: [TimelineOffice] = []) {
        self.file = file
        self.events = events
        self.offices = offices
    }

    /// The same timeline with `file` and every entry's location file set to `file` (the loader names the
    /// file relative to the working directory in its own errors; findings quote entries relative to the
    /// project root, so a run's outputs do not depend on the working directory).
    public func relabeled(file newFile: String) -> Timeline {
        var t = self
        t.file = newFile
        for i in t.events.indices { t.events[i].location.file = newFile }
        for i in t.offices.indices {
            for k in t.offices[i].holders.indices { t.offices[i].holders[k].location.file = newFile }
        }
        return t
    }

    /// Events plus office terms: the number of entries.
    public var entryCount: Int { events.count + offices.reduce(0) { $0 + $1.holders.count } }

    /// How a finding quotes an entry's source: at most `limit` characters, cut at a word with "…" (the
    /// finding names the entry's file and line, where an editor reads the rest).
    public static func shortSource(_ source: String, limit: Int = 120) -> String {
        guard source.count > limit else { return source }
        let head = source.prefix(limit)
        let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        return cut.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)) + "…"
    }
}
