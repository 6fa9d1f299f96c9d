import KeiCore
import KeiDates
import KeiDocument

/// `event-age`: how old an event is said to be, against the publication date (or a date the sentence
/// gives): "the third year of the Ukraine War", "as the war nears the end of its third year", "enters its
/// fourth year", "the 75th anniversary of the Korean War", "three years since the Singapore summit".
///
/// Counting (proleptic Gregorian, as an age is counted; ``CalendarMath/wholeYears(from:to:)``): on date D
/// an event that began on S is in its (whole years from S to D) + 1-th year; "N years since S" agrees
/// when N is the whole years or one more (a writer rounds 3.8 years to "nearly four"); the Nth
/// anniversary falls in year S + N. A reference date known only to the month or year gives a range of
/// counts, and any count in it agrees. "Its" is read as the event named last in the same or the
/// previous sentence, when no other owner (a proper noun, "the alliance", "the government") stands
/// between; otherwise, and for "its third year of talks" or "in office", the phrase is left alone. "The Nth year of" an event that has ended,
/// and anniversaries without a date in the sentence or a present-tense "marks"/"celebrates", are
/// history, not a claim about the publication date, and are not checked.
///
/// The reference date is the claim's own clause's: "now", "today", "currently" or "this year" there read
/// it at the publication date even when the sentence dates something else ("…since the summit of June
/// 2000, and this year marks the 60th anniversary…"); "next year" and "last year" shift the year. Else
/// a date of the clause, else of the sentence (not one inside the claim's own words). A count hedged
/// with "more than", "over", "nearly", "almost", "about", "some"… is reported only when contradicted.
///
/// The finding spans the phrase (the number through the event's name, or through "year"), explains the
/// arithmetic, and quotes the timeline entry.
struct EventAgeChecker: DateChecker {
    enum Messages {
        static let eventAge = StageMessage("check.dates.event-age", .warning,
            "An event's age (\"the third year of\", \"the 75th anniversary of\", \"three years since\") disagrees with the publication date.")
    }

    static let messages = [Messages.eventAge]
    /// Nouns that, between an event's name and "its", are more likely to own "its" than the event.
    static let otherOwners: Set<String> = ["alliance", "country", "government", "administration", "state", "nation", "army",
                                           "military", "regime", "party", "program", "programme", "partnership", "treaty",
                                           "agreement", "council", "economy", "union", "organization", "organisation",
                                           "company", "policy", "relationship", "cooperation", "president", "leader"]
    static let presentMarkers: Set<String> = ["marks", "marking", "celebrates", "celebrating", "commemorates",
                                              "commemorating", "observes", "observing", "approaches", "approaching"]

    static let examples: [StageExample] = [
        StageExample("ages that agree with the publication date (December 2025)", html: StageExample.articlePage("""
            <p>As the ongoing Ukraine War nears the end of its fourth year, Seoul weighs its options. It has been
            three years since the Ukraine War began; the fourth year of the war in Ukraine has been costly.</p>
            """)),
        StageExample("ages that disagree with the publication date (December 2025)", html: StageExample.articlePage("""
            <p>As the ongoing Ukraine War nears the end of ⟦its third year⟧, Seoul weighs its options. It has
            been ⟦one year since the Ukraine War⟧ began, and ⟦the second year of the war in Ukraine⟧ has been costly.</p>
            """), expect: ["check.dates.event-age"], skipping: [.blockQuote: TimelineDates.quotationsAreNotChecked]),
    ]

    enum Claim {
        case nthYear(Int)
        case anniversary(Int)
        case yearsSince(Int, Hedge?)
    }

    /// A count written as approximate: only a contradiction is reported.
    enum Hedge {
        /// "more than", "over": at least the count.
        case atLeast
        /// "nearly", "almost": up to the count.
        case atMost
        /// "about", "some", "roughly", "around", "approximately": within two years.
        case about

        /// The hedge written right before the number at token `i` of `keys`, if any.
        static func before(_ i: Int, _ keys: [String]) -> Hedge? {
            let one = i >= 1 ? keys[i - 1] : "", two = i >= 2 ? keys[i - 2] + " " + keys[i - 1] : ""
            if one == "over" || two == "more than" || two == "upwards of" { return .atLeast }
            if one == "nearly" || one == "almost" || two == "just under" || two == "fewer than" || two == "less than" { return .atMost }
            if ["about", "some", "roughly", "around", "approximately", "circa"].contains(one) { return .about }
            return nil
        }
    }

    func check(_ input: DateCheckInput) -> [Diagnostic] {
        guard let timeline = input.timeline, !timeline.events.isEmpty, let index = input.indexes?.events else { return [] }
        var out: [Diagnostic] = []
        for (u, unit) in input.analysis.units.enumerated() {
            let keys = input.words[u].keys
            let matches = index.matches(in: unit, words: input.words[u])
            guard !matches.isEmpty else { continue }
            var matchAt: [Int: TimelinePhraseIndex<[TimelineEvent]>.Match] = [:]
            for m in matches { matchAt[m.tokens.lowerBound] = m }
            func eventAfter(_ j: Int) -> (TimelineEvent, Int)? {
                if let m = matchAt[j] { return (m.value[0], m.tokens.upperBound - 1) }
                if j < keys.count, keys[j] == "the", let m = matchAt[j + 1] { return (m.value[0], m.tokens.upperBound - 1) }
                return nil
            }
            /// The event "its" at token `j` stands for: the last named in this or the previous sentence, when
            /// nothing else that could own "its" stands between (a proper noun other than "It", or a noun
            /// such as "alliance" or "government").
            func eventBefore(_ j: Int) -> TimelineEvent? {
                let here = unit.sentenceIndex(containing: unit.tokens[j].range) ?? 0
                guard let m = matches.last(where: { $0.tokens.upperBound <= j }) else { return nil }
                let there = unit.sentenceIndex(containing: m.range) ?? 0
                guard here - there <= 1 else { return nil }
                for k in m.tokens.upperBound..<j where unit.tokens[k].kind == .word {
                    let w = unit.string(of: unit.tokens[k].range)
                    if Self.otherOwners.contains(keys[k]) { return nil }
                    if w.first?.isUppercase == true, !["it", "the", "as", "and", "but", "now", "this", "that"].contains(keys[k]) { return nil }
                }
                return m.value[0]
            }
            for i in keys.indices {
                var claim: Claim?, event: TimelineEvent?, last = i
                if keys[i] == "year", i >= 1, let n = TimelineNumberWords.ordinal(keys[i - 1]) {
                    if i + 1 < keys.count, keys[i + 1] == "of", let (e, end) = eventAfter(i + 2), i >= 2, keys[i - 2] == "the" {
                        claim = .nthYear(n); event = e; last = end
                    } else if i >= 2, keys[i - 2] == "its", !(i + 1 < keys.count && ["of", "in", "as", "at"].contains(keys[i + 1])),
                              let e = eventBefore(i - 2) {
                        // "its third year of talks", "in office": the year of something else.
                        claim = .nthYear(n); event = e; last = i
                    }
                    if let e = event, e.end != nil { claim = nil }
                    guard claim != nil else { continue }
                    out += diagnose(claim!, event!, from: i - 2, through: last, unit: unit, input: input, mentions: input.mentions[u])
                } else if keys[i] == "anniversary", i >= 2, let n = TimelineNumberWords.ordinal(keys[i - 1]) {
                    if i + 1 < keys.count, keys[i + 1] == "of", let (e, end) = eventAfter(i + 2) {
                        claim = .anniversary(n); event = e; last = end
                    } else if i >= 2, keys[i - 2] == "its", let e = eventBefore(i - 2) {
                        claim = .anniversary(n); event = e; last = i
                    }
                    guard let claim, let event else { continue }
                    let first = keys[i - 2] == "its" || keys[i - 2] == "the" ? i - 2 : i - 1
                    out += diagnose(claim, event, from: first, through: last,
                                    unit: unit, input: input, mentions: input.mentions[u])
                } else if keys[i] == "years" || keys[i] == "year", i >= 1, i + 1 < keys.count, let n = TimelineNumberWords.cardinal(keys[i - 1]),
                          keys[i + 1] == "since" || (keys[i + 1] == "after" && i >= 2 && keys[i - 2] == "now"),
                          let (e, end) = eventAfter(i + 2) {
                    out += diagnose(.yearsSince(n, Hedge.before(i - 1, keys)), e, from: i - 1, through: end, unit: unit, input: input, mentions: input.mentions[u])
                }
            }
        }
        return out
    }

    func diagnose(_ claim: Claim, _ event: TimelineEvent, from first: Int, through last: Int, unit: TextUnit,
                  input: DateCheckInput, mentions: [DateMention]) -> [Diagnostic] {
        let range = unit.tokens[first].range.lowerBound..<unit.tokens[last].range.upperBound
        guard unit.isRunningText(range) else { return [] }
        // The claim's own clause first: "now", "this year", "next year" there read it at the publication
        // date (shifted); else a date of the clause, else one of the sentence outside the claim's words.
        let shift = TimelineDates.presentShift(of: range, in: unit)
        // A date that holds the event's own start or end ("since the Korean War began on June 25, 1950",
        // "the armistice was signed on July 27, 1953") dates the event, never the count's reference.
        let inSentence = TimelineDates.sentenceMentions(mentions, of: range, in: unit).filter {
            !range.overlaps($0.range) && !Self.isOwnDate($0.value, of: event)
        }
        let clause = TimelineDates.clause(of: range, in: unit)
        let clauseBytes = unit.tokens[clause.lowerBound].range.lowerBound..<unit.tokens[clause.upperBound - 1].range.upperBound
        let sentenceDate = shift == nil ? (inSentence.first { clauseBytes.contains($0.range.lowerBound) } ?? inSentence.first)?.value : nil
        let reference: DateValue
        let referenceName: String
        if let sentenceDate {
            reference = sentenceDate
            referenceName = "the sentence's date (\(TimelineDates.shown(sentenceDate)))"
        } else if let published = input.publicationDate {
            if case .anniversary = claim, shift == nil {
                let words = Set(unit.tokens.filter { unit.sentenceIndex(containing: $0.range) == unit.sentenceIndex(containing: range) }
                    .map { unit.string(of: $0.range).lowercased() })
                guard !words.isDisjoint(with: Self.presentMarkers) else { return [] }
            }
            if let shift, shift != 0, let year = PublicationDate(year: published.year + shift) {
                reference = DateValue(year)
                referenceName = "\(shift > 0 ? "next" : "last") year (\(year.year))"
            } else {
                reference = DateValue(published)
                referenceName = "the publication date (\(published.iso))"
            }
        } else {
            return []
        }
        guard let (lo, hi) = Self.wholeYears(from: event.start, to: reference) else { return [] }
        let written = unit.string(of: range)
        let message: String
        switch claim {
        case .nthYear(let n):
            guard !(lo + 1...hi + 1).contains(n) else { return [] }
            let counted = lo == hi ? "\(TimelineNumberWords.ordinalText(lo + 1))" : "\(TimelineNumberWords.ordinalText(lo + 1)) or \(TimelineNumberWords.ordinalText(hi + 1))"
            message = "“\(written)”: on \(referenceName) \(event.name), begun \(event.start.iso), was in its \(counted) year (\(lo == hi ? "\(lo)" : "\(lo)–\(hi)") whole years since \(event.start.iso), plus the year under way), not its \(TimelineNumberWords.ordinalText(n)) (\(event.quoted))."
        case .yearsSince(let n, let hedge):
            switch hedge {
            case .none: guard !(lo...hi + 1).contains(n) else { return [] }
            case .atLeast: guard hi < n else { return [] }
            case .atMost: guard lo > n else { return [] }
            case .about: guard n + 2 < lo || n > hi + 2 else { return [] }
            }
            message = "“\(written)”: on \(referenceName), \(lo == hi ? "\(lo)" : "\(lo)–\(hi)") whole years had passed since \(event.name) (\(event.start.iso)), not \(n) (\(event.quoted))."
        case .anniversary(let n):
            let year = event.start.year + n
            guard DatePrecision.isBefore(PublicationDate(year: year)!, reference.start) || DatePrecision.isBefore(reference.last, PublicationDate(year: year)!) else { return [] }
            message = "“\(written)”: the \(TimelineNumberWords.ordinalText(n)) anniversary of \(event.name) (\(event.start.iso)) falls in \(year) (\(event.start.year) + \(n)), not at \(referenceName) (\(event.quoted))."
        }
        return [Messages.eventAge.diagnostic(message, at: unit.location,
                                             fix: "Recount from the event's date to the publication date (or the date the sentence gives), or date the sentence.",
                                             span: unit.span(of: range))]
    }

    /// Whether `value` (a date of the sentence) holds the event's start or end day: the event's own date.
    static func isOwnDate(_ value: DateValue?, of event: TimelineEvent) -> Bool {
        guard let value else { return false }
        func holds(_ day: PublicationDate) -> Bool {
            !DatePrecision.isBefore(value.last, day) && !DatePrecision.isAfter(value.start, day)
        }
        return holds(event.start) || event.end.map(holds) == true
    }

    /// The fewest and most whole years from `start` to any day of `value`.
    static func wholeYears(from start: PublicationDate, to value: DateValue) -> (Int, Int)? {
        let first = value.start, last = value.last
        guard let early = PublicationDate(year: first.year, month: first.month ?? 1, day: first.day ?? 1) else { return nil }
        let m = last.month ?? 12
        guard let late = PublicationDate(year: last.year, month: m, day: last.day ?? CalendarMath.daysIn(month: m, year: last.year)) else { return nil }
        let lo = CalendarMath.wholeYears(from: start, to: early), hi = CalendarMath.wholeYears(from: start, to: late)
        guard lo >= 0 else { return nil }
        return (lo, hi)
    }
}
