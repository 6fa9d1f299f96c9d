import Foundation
import KeiDates

/// The look-up tables the timeline checkers read, built once per timeline (not once per article): event
/// names and aliases, people's names, office titles and qualifiers.
final class TimelineIndexes: @unchecked Sendable {
    let events: TimelinePhraseIndex<[TimelineEvent]>
    let people: TimelinePhraseIndex<(person: TimelinePerson, fullName: Bool)>
    let titles: TimelinePhraseIndex<String>
    let qualifiers: TimelinePhraseIndex<String>

    init(_ timeline: Timeline) {
        events = EventDateChecker.index(timeline)
        people = TimelinePerson.index(timeline)
        var titles = TimelinePhraseIndex<String>(), qualifiers = TimelinePhraseIndex<String>()
        for office in timeline.offices {
            for t in office.titles { titles.add(t, TimelinePhraseIndex<String>.key(t)) }
            for q in office.qualifiers { qualifiers.add(q, TimelinePhraseIndex<String>.key(q)) }
        }
        self.titles = titles
        self.qualifiers = qualifiers
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [(timeline: Timeline, indexes: TimelineIndexes)] = []

    /// The indexes of `timeline`, from a small cache (a run has one timeline; tests a few).
    static func of(_ timeline: Timeline) -> TimelineIndexes {
        lock.lock()
        defer { lock.unlock() }
        if let hit = cache.first(where: { $0.timeline == timeline }) { return hit.indexes }
        let built = TimelineIndexes(timeline)
        cache.append((timeline, built))
        if cache.count > 4 { cache.removeFirst() }
        return built
    }
}
