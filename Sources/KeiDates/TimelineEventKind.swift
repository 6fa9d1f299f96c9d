/// What kind of event a ``TimelineEvent`` is.
public enum TimelineEventKind: String, Sendable, Hashable, Codable, CaseIterable {
    case summit, treaty, agreement, declaration, election, inauguration, impeachment, war, attack
    case missileTest = "missile-test"
    case nuclearTest = "nuclear-test"
    case sanctionsResolution = "sanctions-resolution"
    case exercise, other
}
