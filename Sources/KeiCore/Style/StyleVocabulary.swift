/// The words a house style knows beside its rules: the field's acronyms with their expansions, the
/// acronyms the style never spells out, and people with the surname a later reference uses. Read from
/// the top-level `vocabulary` section of the style files (see ``StyleLoader``) and merged across layers
/// entry by entry; `first-use` rules read it (``StyleSheet/vocabulary``).
public struct StyleVocabulary: Sendable, Hashable {
    /// Acronyms and their expansions, in the order the layers give them (a later layer's change keeps
    /// the entry's place).
    public var acronyms: [StyleAcronym]
    /// Acronyms the style never spells out ("U.S."), as written, in the order given.
    public var neverSpelledOut: [String]
    /// People: each full name with the surname-only reference it allows, in the order given.
    public var people: [StylePerson]

    public init(acronyms: [StyleAcronym] = [], neverSpelledOut: [String] = [], people: [StylePerson] = []) {
        self.acronyms = acronyms
        self.neverSpelledOut = neverSpelledOut
        self.people = people
    }

    public var isEmpty: Bool { acronyms.isEmpty && neverSpelledOut.isEmpty && people.isEmpty }

    /// The entry for `acronym` (exactly as written), if any.
    public func acronym(_ acronym: String) -> StyleAcronym? { acronyms.first { $0.acronym == acronym } }

    /// Sets `entry`, replacing an entry of the same acronym in place.
    public mutating func set(_ entry: StyleAcronym) {
        if let i = acronyms.firstIndex(where: { $0.acronym == entry.acronym }) { acronyms[i] = entry } else { acronyms.append(entry) }
    }

    /// Sets `person`, replacing an entry of the same full name in place.
    public mutating func set(_ person: StylePerson) {
        if let i = people.firstIndex(where: { $0.fullName == person.fullName }) { people[i] = person } else { people.append(person) }
    }
}
