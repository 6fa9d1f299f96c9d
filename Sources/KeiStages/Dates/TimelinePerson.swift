import KeiDates

/// A person the timeline knows, with every term they held in any office (in file order).
struct TimelinePerson {
    var name: String
    var terms: [(office: TimelineOffice, term: OfficeTerm)]

    /// The people of `timeline`, by the names prose may call them: full names, and aliases of more than
    /// one word or of one word no other person shares (never a surname such as "Kim" or "Lee" that several
    /// holders have, nor one that is a word of another holder's full name). The flag says whether the
    /// name is a full name or a multi-word alias (true) rather than a surname alone.
    static func index(_ timeline: Timeline) -> TimelinePhraseIndex<(person: TimelinePerson, fullName: Bool)> {
        var people: [String: TimelinePerson] = [:]
        var order: [String] = []
        var aliases: [String: Set<String>] = [:]
        for office in timeline.offices {
            for term in office.holders {
                if people[term.person] == nil { order.append(term.person); people[term.person] = TimelinePerson(name: term.person, terms: []) }
                people[term.person]!.terms.append((office, term))
                aliases[term.person, default: []].formUnion(term.aliases)
            }
        }
        // Who a single word could stand for: every person with it as a one-word alias or a word of the name.
        var claimants: [String: Set<String>] = [:]
        for name in order {
            let words = Set(name.split(separator: " ").map { TimelinePhraseIndex<Bool>.key(String($0)) })
            let single = Set(aliases[name, default: []].filter { !$0.contains(" ") }.map { TimelinePhraseIndex<Bool>.key($0) })
            for w in words.union(single) { claimants[w, default: []].insert(name) }
        }
        var index = TimelinePhraseIndex<(person: TimelinePerson, fullName: Bool)>()
        for name in order {
            let person = people[name]!
            index.add(name, (person, true))
            for alias in aliases[name, default: []].sorted() {
                if alias.contains(" ") || alias.contains("-") {
                    index.add(alias, (person, true))
                } else if claimants[TimelinePhraseIndex<Bool>.key(alias), default: []].count == 1 {
                    index.add(alias, (person, false))
                }
            }
        }
        return index
    }
}
