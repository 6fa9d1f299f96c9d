import KeiCore
import KeiDates
import KeiDocument

/// `event-date`: a named event of the timeline stated with a date that disagrees with it ("the Singapore
/// summit on June 21, 2018": the timeline has 2018-06-12).
///
/// The name or an alias is found without regard to case on word boundaries (``TimelinePhraseIndex``).
/// A date belongs to the name only when the two are one phrase: the date follows the name with nothing
/// between but connecting words ("on", "of", "in", "held", "(", a dash; at most four), or stands right
/// before it ("the 2019 Singapore summit", "the June 21, 2018, Singapore summit"; a bare year right
/// before the name counts even when the extractor did not read it as a year). A comma, a clause or
/// another noun between them breaks the tie, so "after the Singapore summit, on June 21, 2018 the
/// ministers…" is not read as dating the summit. Dates agree at the precision written: a month or a
/// year that contains the event's date agrees, and any day of a span or an ongoing war agrees.
///
/// The finding spans the name and the date, and quotes the timeline entry.
struct EventDateChecker: DateChecker {
    enum Messages {
        static let eventDate = StageMessage("check.dates.event-date", .warning,
            "A named event is dated differently from the timeline (Workflows/timeline.yml).")
    }

    static let messages = [Messages.eventDate]
    /// Words that may stand between an event's name and the date that follows it.
    static let connectors: Set<String> = ["on", "of", "in", "held", "(", "—", "–", "was", "took", "place", "dated",
                                          "began", "started", "opened", "signed", "that", "which"]
    /// The connectors for what lasts after its date (a treaty, agreement, declaration, resolution): "the
    /// KORUS FTA in 2019" speaks of the agreement in force then, not of its signing.
    static let lastingConnectors: Set<String> = ["on", "of", "(", "signed", "adopted", "dated"]
    static let lastingKinds: Set<TimelineEventKind> = [.treaty, .agreement, .declaration, .sanctionsResolution, .other]

    static let examples: [StageExample] = [
        StageExample("an event dated as the timeline dates it", html: StageExample.articlePage("""
            <p>The Singapore summit on June 12, 2018 produced a short joint statement. The 2018 Singapore summit
            was the first meeting of the two leaders, and after the Singapore summit, on June 21, 2018 the
            ministers met again.</p>
            """)),
        StageExample("an event dated wrongly", html: StageExample.articlePage("""
            <p>The ⟦Singapore summit on June 21, 2018⟧ produced a short joint statement; the ⟦2019 Singapore summit⟧
            was the first meeting of the two leaders.</p>
            """), expect: ["check.dates.event-date"], skipping: [.blockQuote: TimelineDates.quotationsAreNotChecked]),
    ]

    func check(_ input: DateCheckInput) -> [Diagnostic] {
        guard let timeline = input.timeline, !timeline.events.isEmpty, let index = input.indexes?.events else { return [] }
        var out: [Diagnostic] = []
        for (u, unit) in input.analysis.units.enumerated() {
            let mentions = input.mentions[u].filter(TimelineDates.dates)
            for match in index.matches(in: unit, words: input.words[u]) {
                guard let mention = Self.tiedDate(match, mentions: mentions, unit: unit), let value = mention.value,
                      !match.value.contains(where: { TimelineDates.agrees(value, with: $0) }) else { continue }
                let range = min(match.range.lowerBound, mention.range.lowerBound)..<max(match.range.upperBound, mention.range.upperBound)
                guard unit.isRunningText(range) else { continue }
                let event = match.value[0]
                out.append(Messages.eventDate.diagnostic(
                    "“\(unit.string(of: match.range))” is dated \(mention.text) here, but the timeline dates \(event.name) \(Self.when(event)) (\(match.value.map(\.quoted).joined(separator: "; "))).",
                    at: unit.location, fix: "Check the date against the source; correct the text, or the timeline entry if the timeline is wrong.",
                    span: unit.span(of: range)))
            }
        }
        return out
    }

    /// The events by name and alias; a name two entries share stands for both.
    static func index(_ timeline: Timeline) -> TimelinePhraseIndex<[TimelineEvent]> {
        var byName: [String: [TimelineEvent]] = [:]
        var order: [String] = []
        for event in timeline.events {
            for name in [event.name] + event.aliases {
                if byName[name] == nil { order.append(name) }
                if !byName[name, default: []].contains(where: { $0.id == event.id }) { byName[name, default: []].append(event) }
            }
        }
        var index = TimelinePhraseIndex<[TimelineEvent]>()
        for name in order { index.add(name, byName[name]!) }
        return index
    }

    /// Verbs that tell the event itself happened: with one of them the date is the event's ("was signed on",
    /// ", adopted on", "On D, the Council adopted Resolution 2375").
    static let eventVerbs: Set<String> = ["adopted", "signed", "held", "took", "launched", "conducted", "began", "opened",
                                          "met", "convened", "concluded", "started", "fired", "tested", "detonated",
                                          "entered", "came", "attended", "hosted", "agreed", "announced", "issued", "passed",
                                          "declared"]
    /// Words that may follow an event verb before the date ("took place on", "entered into force on").
    static let verbParticles: Set<String> = ["place", "into", "force", "effect", "on", "in", "at", "first"]

    /// The date written as part of the event's phrase, if one is: after the name with only connecting words
    /// between ("the Singapore summit on", "(", "was adopted on", "took place on"); the appositive "X,
    /// adopted on D," or "X, on D,"; right before the name ("the 2019 Singapore summit"); or "On D, …
    /// VERB … X" when the clause's verb is one of the event's own ("On D, Trump and Kim met at the
    /// Singapore summit"). "After the Singapore summit, on June 21, 2018 the ministers met" ties nothing.
    static func tiedDate(_ match: TimelinePhraseIndex<[TimelineEvent]>.Match, mentions: [DateMention], unit: TextUnit) -> DateMention? {
        let tokens = unit.tokens
        func words(_ range: Range<Int>) -> [String] {
            var out: [String] = []
            var k = TokenSearch.first(atOrAfter: range.lowerBound, in: tokens)
            while k < tokens.count, tokens[k].range.upperBound <= range.upperBound {
                out.append(TimelinePhraseIndex<Bool>.key(unit.string(of: tokens[k].range)))
                k += 1
            }
            return out
        }
        let nameEnd = tokens[match.tokens.upperBound - 1].range.upperBound
        if let after = mentions.first(where: { $0.range.lowerBound >= nameEnd }) {
            let gap = words(nameEnd..<after.range.lowerBound)
            let allowed = match.value.allSatisfy { lastingKinds.contains($0.kind) } ? lastingConnectors : connectors
            if gap.count <= 4, gap.allSatisfy(allowed.contains) { return after }
            if Self.isVerbGap(gap) { return after }
            // "X, on D," – an appositive closed by a comma.
            if gap == [",", "on"], TokenSearch.next(after: after.range, in: tokens).map({ unit.string(of: $0.range) }) == "," { return after }
        }
        if let before = mentions.last(where: { $0.range.upperBound <= match.range.lowerBound }) {
            let gap = words(before.range.upperBound..<match.range.lowerBound)
            if gap.isEmpty || gap == [","] { return before }
            let first = TokenSearch.first(atOrAfter: before.range.lowerBound, in: tokens)
            let on = first > 0 ? TimelinePhraseIndex<Bool>.key(unit.string(of: tokens[first - 1].range)) : ""
            let rest = gap.dropFirst()
            if on == "on", gap.first == ",", rest.count <= 8, rest.contains(where: eventVerbs.contains),
               !rest.contains(where: { [",", ";", ":", "—", "–", "(", ")", "."].contains($0) }) {
                return before
            }
        }
        return TimelineDates.adjacentYear(unit, at: match.tokens.lowerBound - 1)
    }

    /// An optional comma, an optional "was"/"were"/"had been", one event verb, then only particles
    /// ("was adopted on", ", signed on", "took place on", "entered into force on").
    static func isVerbGap(_ gap: [String]) -> Bool {
        var rest = gap[...]
        if rest.first == "," { rest = rest.dropFirst() }
        if let w = rest.first, ["was", "were", "is", "had", "been", "first"].contains(w) { rest = rest.dropFirst() }
        if let w = rest.first, ["been", "first"].contains(w) { rest = rest.dropFirst() }
        guard let verb = rest.first, eventVerbs.contains(verb) else { return false }
        rest = rest.dropFirst()
        return rest.count <= 3 && rest.allSatisfy(verbParticles.contains)
    }

    /// "on 2018-06-12", "from 2018-06-12 to 2018-06-13", "from 2022-02-24 on".
    static func when(_ event: TimelineEvent) -> String {
        if let end = event.end { return "from \(event.start.iso) to \(end.iso)" }
        return event.ongoing ? "from \(event.start.iso) on" : "on \(event.start.iso)"
    }
}
