import KeiCore
import KeiDates
import KeiDocument

/// `relative-phrase` (info): a phrase that counts from the day it is read ("last week", "this year",
/// "earlier this month", "next month") in the author's running text (``TextUnit/isRunningText(_:)``:
/// not in quotations, whose "last week" is the speaker's), notes included. An article is written weeks
/// before it appears and read for years after, so the editor is shown the date or interval the phrase
/// resolves to against the publication date (the page's own date, else the cover date), to write
/// instead. Not reported: "today", "tomorrow", "tonight" (generic in analysis, ``isGeneric(_:)``) and
/// phrases in questions. Off with the option `relative-phrases: false`.
struct RelativePhraseChecker: DateChecker {
    enum Messages {
        static let relative = StageMessage("check.dates.relative-phrase", .info,
            "A relative date phrase (last week, this year) that readers will resolve against the day they read it.")
    }

    static let messages = [Messages.relative]

    static let examples: [StageExample] = [
        StageExample("absolute dates, and a relative phrase inside a quotation", html: StageExample.articlePage(
            "<p>The ministers met in December 2025. The minister said: “We met last week and agreed.”</p>")),
        StageExample("relative phrases in running text", html: StageExample.articlePage(
            "<p>The ministers met ⟦last week⟧, and the budget for ⟦this year⟧ was settled.</p>"),
            expect: ["check.dates.relative-phrase"],
            skipping: [.blockQuote: "in a quotation the phrase is the speaker's"]),
        StageExample("relative phrases with the option off", html: StageExample.articlePage(
            "<p>The ministers met last week, and the budget for this year was settled.</p>"),
            options: ["relative-phrases": .bool(false)]),
    ]

    func check(_ input: DateCheckInput) -> [Diagnostic] {
        guard input.options.relativePhrases else { return [] }
        var out: [Diagnostic] = []
        for (unit, m) in input.allMentions where m.kind == .relative && unit.scope != .reference && unit.isRunningText(m.range) {
            guard !Self.isGeneric(m), !Self.isInQuestion(unit, m.range) else { continue }
            let message: String
            let fix: String
            if let value = m.value, let published = input.publicationDate {
                let resolved = HouseDateForm.format(value)
                let iso = resolved == value.iso ? "" : " (\(value.iso))"
                message = "“\(m.text)” counts from the day it is read; against the publication date (\(published.iso)) it means \(resolved)\(iso)."
                fix = "Write the date (“\(resolved)”) unless the phrase is meant to move with the reader."
            } else {
                message = "“\(m.text)” counts from the day it is read, and the article has no publication or cover date to resolve it against."
                fix = "Write the date the phrase stands for."
            }
            out.append(Messages.relative.diagnostic(message, at: unit.location, fix: fix, span: unit.span(of: m.range)))
        }
        return out
    }

    /// "today", "tomorrow", "tonight" (and their possessives) mostly mean "nowadays" and "the future" in
    /// analysis ("Today, the alliance faces…", "the weapons of tomorrow"); they are not reported.
    static func isGeneric(_ m: DateMention) -> Bool {
        let w = m.text.lowercased().replacingOccurrences(of: "’", with: "'")
        return ["today", "today's", "tomorrow", "tomorrow's", "tonight", "tonight's"].contains(w)
    }

    /// A question ("Is my site slower than it was last week?") asks about any week, not a dated one.
    /// The sentence's last token, or the one before a closing quotation mark or parenthesis, is "?".
    static func isInQuestion(_ unit: TextUnit, _ range: Range<Int>) -> Bool {
        guard let i = unit.sentenceIndex(containing: range) else { return false }
        var k = TokenSearch.first(atOrAfter: unit.sentences[i].upperBound, in: unit.tokens) - 1
        for _ in 0..<2 where k >= 0 && unit.tokens[k].range.lowerBound >= unit.sentences[i].lowerBound {
            let t = unit.string(of: unit.tokens[k].range)
            if t == "?" { return true }
            guard ["”", "’", "\"", "'", ")"].contains(t) else { return false }
            k -= 1
        }
        return false
    }
}
