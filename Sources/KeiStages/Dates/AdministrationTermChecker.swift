import KeiCore
import KeiDates
import KeiDocument

/// `administration-term`: an ordinal administration or term ("the second Trump administration",
/// "Trump 2.0", "the first Trump administration", "Trump's second term") written with a date outside
/// that term ("the second Trump administration's 2019 tariffs", "Trump's first term in 2025").
///
/// The person is a timeline holder (full name, or a one-word alias no other holder shares); the Nth
/// term is the person's Nth term, in file order, in the office they held most often (the presidency for
/// Trump). "2.0" is the second term, "1.0" the first. The date is the one written as part of the phrase:
/// right after it with at most three words and no comma between ("Trump's first term in 2025"), or right
/// before it ("the 2019 second Trump administration"); a bare year right next to the phrase counts even
/// when the extractor did not read it as a year ("the second Trump administration's 2019 tariffs"). Without such a date nothing is claimed, and
/// nothing is checked. A named administration without an ordinal ("the Biden administration's 2018
/// tariffs") is reported when its date falls outside every term of the person. The finding spans the phrase and the date, and quotes the term it relied on.
struct AdministrationTermChecker: DateChecker {
    enum Messages {
        static let term = StageMessage("check.dates.administration-term", .warning,
            "An ordinal administration or term (\"the second Trump administration\", \"Trump 2.0\") is dated outside that term.")
    }

    static let messages = [Messages.term]
    /// Words after a name that make it an administration without an ordinal ("the Biden administration").
    static let administrationWords: Set<String> = ["administration", "administration's", "government", "government's",
                                                   "presidency", "presidency's"]

    static let examples: [StageExample] = [
        StageExample("ordinal administrations dated within their terms", html: StageExample.articlePage("""
            <p>The first Trump administration’s 2018 tariffs and Trump’s second term in 2025 differ in scope;
            Trump 2.0 in March 2025 raised them again.</p>
            """)),
        StageExample("ordinal administrations dated outside their terms", html: StageExample.articlePage("""
            <p>⟦The second Trump administration’s 2019⟧ tariffs and ⟦Trump’s first term in 2025⟧ differ in scope.</p>
            """), expect: ["check.dates.administration-term"], skipping: [.blockQuote: TimelineDates.quotationsAreNotChecked]),
    ]

    func check(_ input: DateCheckInput) -> [Diagnostic] {
        guard let timeline = input.timeline, !timeline.offices.isEmpty, let people = input.indexes?.people else { return [] }
        var out: [Diagnostic] = []
        for (u, unit) in input.analysis.units.enumerated() {
            let mentions = input.mentions[u].filter(TimelineDates.dates)
            let keys = input.words[u].keys
            for match in people.matches(in: unit, words: input.words[u]) {
                let p = match.tokens.lowerBound, q = match.tokens.upperBound
                var n: Int?, first = p, last = q - 1, named = false
                if !match.possessive, p >= 1, let k = TimelineNumberWords.ordinal(keys[p - 1]), q < keys.count,
                   keys[q] == "administration" || keys[q] == "administration's" {
                    n = k; first = p - 1; last = q
                    if first >= 1, keys[first - 1] == "the" { first -= 1 }
                } else if match.possessive, q + 1 < keys.count, let k = TimelineNumberWords.ordinal(keys[q]),
                          keys[q + 1] == "term" || keys[q + 1] == "administration" {
                    n = k; last = q + 1
                } else if !match.possessive, q < keys.count, ["2.0", "1.0", "2.0's", "1.0's"].contains(keys[q]) {
                    n = keys[q].hasPrefix("2") ? 2 : 1; last = q
                } else if !match.possessive, q < keys.count, Self.administrationWords.contains(keys[q]) {
                    named = true; last = q
                    if first >= 1, keys[first - 1] == "the" { first -= 1 }
                }
                guard n != nil || named else { continue }
                let phrase = unit.tokens[first].range.lowerBound..<unit.tokens[last].range.upperBound
                guard let terms = Self.terms(of: match.value.person), n ?? 1 <= terms.count,
                      let date = Self.tiedDate(phrase, mentions: mentions, unit: unit, keys: keys)
                          ?? TimelineDates.adjacentYear(unit, at: last + 1) ?? TimelineDates.adjacentYear(unit, at: first - 1),
                      let value = date.value else { continue }
                let range = min(phrase.lowerBound, date.range.lowerBound)..<max(phrase.upperBound, date.range.upperBound)
                guard unit.isRunningText(range) else { continue }
                guard let n else {
                    // "The Biden administration's 2018 tariffs": a date outside every term of the person.
                    guard !terms.contains(where: { TimelineDates.covers($0.term, value) }) else { continue }
                    let all = terms.map { "\($0.term.start.iso) to \($0.term.end?.iso ?? "present")" }.joined(separator: ", ")
                    out.append(Messages.term.diagnostic(
                        "“\(unit.string(of: phrase))” is dated \(date.text), outside every term of \(match.value.person.name) as \(terms[0].office.office): \(all) (\(terms.map { $0.term.quoted(office: $0.office) }.joined(separator: "; "))).",
                        at: unit.location, fix: "Correct the administration or the date.", span: unit.span(of: range)))
                    continue
                }
                guard !TimelineDates.covers(terms[n - 1].term, value) else { continue }
                let term = terms[n - 1]
                let other = terms.firstIndex { TimelineDates.covers($0.term, value) }
                let instead = other.map { " (that is the \(TimelineNumberWords.ordinalText($0 + 1)) term: \(terms[$0].term.quoted(office: terms[$0].office)))" } ?? ""
                out.append(Messages.term.diagnostic(
                    "“\(unit.string(of: phrase))” is dated \(date.text), outside \(match.value.person.name)’s \(TimelineNumberWords.ordinalText(n)) term as \(term.office.office), \(term.term.start.iso) to \(term.term.end?.iso ?? "present") (\(term.term.quoted(office: term.office)))\(instead).",
                    at: unit.location, fix: "Correct the ordinal or the date.", span: unit.span(of: range)))
            }
        }
        return out
    }

    /// The person's terms in the office they held most often (ties: the first in the file).
    static func terms(of person: TimelinePerson) -> [(office: TimelineOffice, term: OfficeTerm)]? {
        var best: [(office: TimelineOffice, term: OfficeTerm)] = []
        for (office, _) in person.terms {
            let these = person.terms.filter { $0.office.id == office.id }
            if these.count > best.count { best = these }
        }
        return best.isEmpty ? nil : best
    }

    /// The date written as part of the phrase: after it (≤ 3 words between, no comma) or right before it.
    static func tiedDate(_ phrase: Range<Int>, mentions: [DateMention], unit: TextUnit, keys: [String]) -> DateMention? {
        func gap(_ r: Range<Int>) -> [String] {
            unit.tokens.indices.filter { unit.tokens[$0].range.lowerBound >= r.lowerBound && unit.tokens[$0].range.upperBound <= r.upperBound }.map { keys[$0] }
        }
        if let after = mentions.first(where: { $0.range.lowerBound >= phrase.upperBound }) {
            let g = gap(phrase.upperBound..<after.range.lowerBound)
            if g.count <= 3, !g.contains(where: { [",", ";", ":", ".", "—", "–"].contains($0) }) { return after }
        }
        if let before = mentions.last(where: { $0.range.upperBound <= phrase.lowerBound }),
           gap(before.range.upperBound..<phrase.lowerBound).isEmpty {
            return before
        }
        return nil
    }
}
