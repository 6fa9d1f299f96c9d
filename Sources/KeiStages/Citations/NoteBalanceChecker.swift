import KeiCitations
import KeiCore
import KeiDocument

/// `note-unbalanced`: a parenthesis, bracket or brace, or a double quotation mark (curly “ ” or
/// straight "), opened in a note and never closed, or closed without being opened; and an opening
/// single mark ‘ with no ’ after it. A ’ on its own is an apostrophe ("Korea’s", "the allies’") and
/// never counts; nor do marks inside URLs and code, or the ")" of a list label ("a)", "2)") when no "("
/// is open.
///
/// Each paragraph of a note is checked on its own (a quotation running over paragraphs of one note
/// reopens its mark, CMOS 13.30). The finding spans the unmatched mark.
struct NoteBalanceChecker: CitationChecker {
    enum Messages {
        static let unbalanced = StageMessage("check.citations.note-unbalanced", .warning,
            "A note has a parenthesis, bracket or quotation mark that is never closed, or closed without being opened.")
    }

    static let messages = [Messages.unbalanced]
    static let pairs: [Character: Character] = ["(": ")", "[": "]", "{": "}"]

    /// The stage examples of this rule (``CheckCitationsStage``'s examples include them).
    static let examples: [StageExample] = [
        StageExample("balanced notes with apostrophes and list labels", html: CitationExamplePage.page(notes: [
            "Kim Min-ji, <em>Korea’s Allies</em> (Seoul: Hanul, 2019), 45; on the allies’ view, see “The ‘Ironclad’ Alliance,” 2020.",
            "Two points: a) deterrence and b) assurance [emphasis added].",
        ])),
        StageExample("a parenthesis and a quotation mark never closed, a bracket closing nothing", html: CitationExamplePage.page(notes: [
            "Kim Min-ji, <em>Korea’s Allies</em> ⟦(⟧Seoul: Hanul, 2019, 45.",
            "Lee Soo-jin, ⟦“⟧Deterrence and Assurance, <em>Asian Security</em> 9 (2021): 12.",
            "Park, <em>Alliance</em>, 12⟦]⟧.",
        ]), expect: ["check.citations.note-unbalanced"]),
    ]

    func check(_ input: CitationCheckInput) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for unit in input.analysis.units where unit.scope == .note {
            for (range, mark, opened) in Self.unmatched(in: unit) {
                let what = opened ? "“\(mark)” that is never closed" : "“\(mark)” that closes nothing opened before it"
                out.append(Messages.unbalanced.diagnostic(
                    "the note has a \(what).", at: unit.location,
                    fix: opened ? "Add the closing mark where the bracketed or quoted words end, or remove this one."
                                : "Add the opening mark where the bracketed or quoted words begin, or remove this one.",
                    span: unit.span(of: range)))
            }
        }
        return out
    }

    /// The unmatched marks of `unit`: UTF-8 range, the mark, and whether it opens.
    static func unmatched(in unit: TextUnit) -> [(Range<Int>, Character, Bool)] {
        let skipped = unit.scopes.filter { $0.kind == .url || $0.kind == .code }.map(\.range)
        var brackets: [(Range<Int>, Character)] = []
        var doubles: [(Range<Int>, Character)] = []
        var straight: Range<Int>?
        var singles: [(Range<Int>, Character)] = []
        var out: [(Range<Int>, Character, Bool)] = []
        var offset = 0
        var previous: [Character] = []
        for c in unit.text.string {
            let r = offset..<(offset + c.utf8.count)
            offset = r.upperBound
            defer { previous.append(c); if previous.count > 4 { previous.removeFirst() } }
            guard !skipped.contains(where: { $0.contains(r.lowerBound) }) else { continue }
            switch c {
            case "(", "[", "{":
                brackets.append((r, c))
            case ")", "]", "}":
                if c == ")" && brackets.last?.1 != "(" && isListLabel(previous) { continue }
                if let top = brackets.last, pairs[top.1] == c { brackets.removeLast() } else { out.append((r, c, false)) }
            case "“":
                doubles.append((r, c))
            case "”":
                if doubles.popLast() == nil { out.append((r, c, false)) }
            case "\"":
                straight = straight == nil ? r : nil
            case "‘":
                singles.append((r, c))
            case "’":
                // An apostrophe inside or after a word is not a closing mark unless a ‘ is open.
                if !singles.isEmpty { singles.removeLast() }
            default:
                break
            }
        }
        out += brackets.map { ($0.0, $0.1, true) }
        out += doubles.map { ($0.0, $0.1, true) }
        out += singles.map { ($0.0, $0.1, true) }
        if let straight { out.append((straight, "\"", true)) }
        return out.sorted { $0.0.lowerBound < $1.0.lowerBound }
    }

    /// Whether the characters before a ")" make it a list label: one letter or digit (or a short Roman
    /// numeral) after white space or the start of the note ("a)", "2)", "iv)").
    static func isListLabel(_ previous: [Character]) -> Bool {
        let label = previous.reversed().prefix { $0.isLetter || $0.isNumber }
        guard !label.isEmpty, label.count <= 3 else { return false }
        let before = previous.count > label.count ? previous[previous.count - label.count - 1] : " "
        return before.isWhitespace && (label.count == 1 || label.allSatisfy { "ivxlc".contains($0) })
    }
}
