import KeiCore
import KeiDates
import KeiDocument

/// `office-holder` and `office-never-held`: a title before a name ("President Yoon", "South Korean
/// President Yoon Suk Yeol", "U.S. Secretary of State Blinken") for someone the timeline knows.
///
/// The title is one of an office's `titles`, written capitalized right before the name; a qualifier
/// before the title ("South Korean", "U.S.") narrows the offices to those it names. The name is a full
/// name or an alias of the timeline; a one-word alias counts only when no other holder shares it (never
/// "Kim" or "Lee"), and not when another capitalized word follows it ("President Kim Dae-jung").
///
/// A title that is part of a longer one is someone else's office: a capitalized word or "vice", "deputy",
/// "attorney", "acting"… right before it ("Vice President Biden", "Attorney General") leaves it alone.
///
/// When is the title claimed? "former", "late", "then" or "ex" before it place it in the past: not
/// checked. A date in the sentence places it there: it agrees when one of the person's terms covers that
/// date. Otherwise the paragraph's last date before the sentence may excuse it (a paragraph narrating
/// 2019), unless the sentence speaks of the present ("now", "today", "this autumn"); failing that the title is read at the publication date, and a person out of office then is
/// reported with who held the office that day. A full name titled with an office the person never held
/// is `office-never-held`.
///
/// A sentence that names several holders of one office with their titles is retrospective, as is one in
/// the past perfect ("had served", "had been"): neither is checked. "During the Moon years" (era,
/// administration, presidency…) sets the sentence in that person's tenure, so the person's own title there
/// is not checked. A title may stand on another of the same office ("USFK Commander Gen. Paul LaCamera").
/// A person titled twice in one sentence is reported once.
///
/// The finding spans the qualifier, title and name, and quotes the timeline entries it relied on.
struct OfficeTitleChecker: DateChecker {
    enum Messages {
        static let holder = StageMessage("check.dates.office-holder", .warning,
            "A title before a name (\"President Yoon\") for someone not in that office on the date the sentence is read at.")
        static let neverHeld = StageMessage("check.dates.office-never-held", .warning,
            "A person is titled with an office the timeline never lists them in.")
    }

    static let messages = [Messages.holder, Messages.neverHeld]
    static let pastMarkers: Set<String> = ["former", "late", "then", "ex", "erstwhile", "onetime", "one-time"]
    /// Words that make a longer title of a timeline title ("vice president", "deputy prime minister").
    static let titlePrefixes: Set<String> = ["vice", "deputy", "assistant", "under", "attorney", "surgeon", "inspector",
                                             "solicitor", "lieutenant", "brigadier", "major", "associate", "acting", "interim"]

    static let examples: [StageExample] = [
        StageExample("titles that hold on the date they are read at (December 2025)", html: StageExample.articlePage("""
            <p>President Lee Jae Myung met the press. Former President Yoon Suk Yeol was removed from office, and
            in June 2023 President Yoon visited Paris.</p>
            """)),
        StageExample("a president out of office on the publication date (December 2025)", html: StageExample.articlePage("""
            <p>⟦South Korean President Yoon Suk Yeol⟧ met the press. In March 2024 ⟦President Lee Jae-myung⟧ spoke.</p>
            """), expect: ["check.dates.office-holder"], skipping: [.blockQuote: TimelineDates.quotationsAreNotChecked]),
    ]

    func check(_ input: DateCheckInput) -> [Diagnostic] {
        guard let timeline = input.timeline, !timeline.offices.isEmpty, let indexes = input.indexes else { return [] }
        let people = indexes.people, titles = indexes.titles, qualifiers = indexes.qualifiers
        var out: [Diagnostic] = []
        for (u, unit) in input.analysis.units.enumerated() {
            let words = input.words[u]
            let named = people.matches(in: unit, words: words)
            guard !named.isEmpty else { continue }
            let keys = words.keys
            var candidates: [Candidate] = []
            var titleEnding: [Int: TimelinePhraseIndex<String>.Match] = [:]
            for t in titles.matches(in: unit, words: words) where !t.possessive { titleEnding[t.tokens.upperBound] = t }
            var qualifierEnding: [Int: TimelinePhraseIndex<String>.Match] = [:]
            for q in qualifiers.matches(in: unit, words: words) where !q.possessive { qualifierEnding[q.tokens.upperBound] = q }
            for match in named {
                guard let title = titleEnding[match.tokens.lowerBound],
                      unit.string(of: title.range).first?.isUppercase == true else { continue }
                let next = match.tokens.upperBound
                if !match.value.fullName, !match.possessive, next < unit.tokens.count, unit.tokens[next].kind == .word,
                   unit.string(of: unit.tokens[next].range).first?.isUppercase == true { continue }
                // A title of the same office before the title: "Commander Gen. Paul LaCamera".
                var titleStart = title.tokens.lowerBound, chained = [title.value]
                while let t = titleEnding[titleStart], unit.string(of: t.range).first?.isUppercase == true {
                    titleStart = t.tokens.lowerBound
                    chained.append(t.value)
                }
                let qualifier = qualifierEnding[titleStart]
                let first = qualifier?.tokens.lowerBound ?? titleStart
                if first > 0 {
                    let written = unit.string(of: unit.tokens[first - 1].range)
                    let before = TimelinePhraseIndex<String>.key(written)
                    if Self.pastMarkers.contains(before) || before.hasPrefix("then-") || before.hasPrefix("former-") { continue }
                    // Part of a longer title: "Vice President Biden", "Attorney General", "Acting President".
                    if Self.titlePrefixes.contains(before) { continue }
                    if qualifier == nil, written.first?.isUppercase == true, !["the", "a", "an"].contains(before) { continue }
                }
                let range = unit.tokens[first].range.lowerBound..<match.range.upperBound
                guard unit.isRunningText(range) else { continue }
                let offices = timeline.offices.filter { o in
                    chained.allSatisfy { c in o.titles.contains { TimelinePhraseIndex<String>.key($0) == c } }
                        && (qualifier == nil || o.qualifiers.contains { TimelinePhraseIndex<String>.key($0) == qualifier!.value })
                }
                let person = match.value.person
                let terms = person.terms.filter { t in offices.contains { $0.id == t.office.id } }
                let written = unit.string(of: range)
                if terms.isEmpty {
                    guard match.value.fullName, !offices.isEmpty else { continue }
                    let held = person.terms.map { $0.term.quoted(office: $0.office) }.joined(separator: "; ")
                    out.append(Messages.neverHeld.diagnostic(
                        "“\(written)”: the timeline never lists \(person.name) as \(offices.map(\.office).joined(separator: " or ")); it lists \(held).",
                        at: unit.location, fix: "Use the title of the office the person held, or check the name.",
                        span: unit.span(of: range)))
                    continue
                }
                candidates.append(Candidate(written: written, range: range, person: person, terms: terms,
                                            sentence: unit.sentenceIndex(containing: range) ?? -1))
            }
            for c in Self.prospective(candidates, unit: unit, keys: keys, people: named) {
                if let d = diagnose(c.written, range: c.range, person: c.person, terms: c.terms, unit: unit, mentions: input.mentions[u], input: input) {
                    out.append(d)
                }
            }
        }
        return out
    }

    /// A titled name read in a sentence: what is written, where, whom, and the terms of the titled offices.
    struct Candidate {
        var written: String
        var range: Range<Int>
        var person: TimelinePerson
        var terms: [(office: TimelineOffice, term: OfficeTerm)]
        var sentence: Int
    }

    /// Words after "during the NAME" that make a period of the person's tenure ("during the Moon years").
    static let periodWords: Set<String> = ["years", "era", "administration", "presidency", "government", "tenure", "term", "terms"]

    /// The candidates whose sentence claims the title now: not a sentence that names several holders of one
    /// office with titles (a retrospective: "President Obama's patience, President Trump's summitry…"),
    /// not one narrated in the past perfect ("had served", "had been"), not the person whose period the
    /// sentence is set in ("During the Moon years, President Moon met Kim"); one per person and sentence.
    static func prospective(_ candidates: [Candidate], unit: TextUnit, keys: [String],
                            people: [TimelinePhraseIndex<(person: TimelinePerson, fullName: Bool)>.Match]) -> [Candidate] {
        var holdersBySentenceOffice: [String: Set<String>] = [:]
        for c in candidates {
            for office in Set(c.terms.map(\.office.id)) { holdersBySentenceOffice["\(c.sentence)|\(office)", default: []].insert(c.person.name) }
        }
        var periods: [Int: Set<String>] = [:]
        for m in people {
            let p = m.tokens.lowerBound, q = m.tokens.upperBound
            guard p >= 2, keys[p - 2] == "during", keys[p - 1] == "the" else { continue }
            guard q < keys.count, periodWords.contains(keys[q]) else { continue }
            periods[unit.sentenceIndex(containing: m.range) ?? -1, default: []].insert(m.value.person.name)
        }
        var pastPerfect: Set<Int> = []
        for (k, w) in keys.enumerated() where w == "had" && k + 1 < keys.count && ["served", "been", "held", "led"].contains(keys[k + 1]) {
            pastPerfect.insert(unit.sentenceIndex(containing: unit.tokens[k].range) ?? -1)
        }
        var seen: Set<String> = []
        return candidates.filter { c in
            if pastPerfect.contains(c.sentence) { return false }
            if periods[c.sentence]?.contains(c.person.name) == true { return false }
            if c.terms.contains(where: { holdersBySentenceOffice["\(c.sentence)|\($0.office.id)", default: []].count > 1 }) { return false }
            return seen.insert("\(c.sentence)|\(c.person.name)").inserted
        }
    }

    func diagnose(_ written: String, range: Range<Int>, person: TimelinePerson, terms: [(office: TimelineOffice, term: OfficeTerm)],
                  unit: TextUnit, mentions: [DateMention], input: DateCheckInput) -> Diagnostic? {
        func covered(_ v: DateValue) -> Bool { terms.contains { TimelineDates.covers($0.term, v) } }
        let quoted = terms.map { $0.term.quoted(office: $0.office) }.joined(separator: "; ")
        let fix = "Write “former” (or the title the person held on that date), or date the sentence."
        // Before the office's first listed term the timeline does not know who held it: stay silent.
        let firstListed = terms.compactMap { $0.office.holders.map(\.start).min() }.min()
        func unknown(_ v: DateValue) -> Bool { firstListed.map { DatePrecision.isBefore(v.last, $0) } ?? false }
        let sentence = TimelineDates.sentenceMentions(mentions, of: range, in: unit).compactMap(\.value)
        if !sentence.isEmpty {
            guard !sentence.contains(where: covered), !sentence.contains(where: unknown) else { return nil }
            let shown = sentence.map(TimelineDates.shown).joined(separator: ", ")
            return Messages.holder.diagnostic(
                "“\(written)”: the sentence is dated \(shown), when \(person.name) did not hold the office (\(quoted)).",
                at: unit.location, fix: fix, span: unit.span(of: range))
        }
        if !TimelineDates.speaksOfThePresent(mentions, at: range, in: unit),
           let p = TimelineDates.paragraphDate(mentions, before: range, in: unit)?.value, covered(p) || unknown(p) { return nil }
        guard let published = input.publicationDate else { return nil }
        guard !covered(DateValue(published)), !unknown(DateValue(published)) else { return nil }
        let office = terms.last!.office
        let then = office.holders.filter { TimelineDates.covers($0, DateValue(published)) }
        let who = then.isEmpty ? "the timeline lists no holder then"
            : "it was held then by " + then.map { $0.quoted(office: office) }.joined(separator: "; ")
        return Messages.holder.diagnostic(
            "“\(written)”: on the publication date (\(published.iso)) \(person.name) was not \(office.office) (\(quoted)); \(who).",
            at: unit.location, fix: fix, span: unit.span(of: range))
    }
}
