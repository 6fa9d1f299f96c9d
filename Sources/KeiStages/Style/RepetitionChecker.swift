import KeiCore
import KeiDocument

/// The `repetition` rule kind: a word written twice in a row ("the the"), from the shared analysis only
/// (it was the stage `text.repeated-word`; KEI's rule is `style.repeated-word`).
///
/// Two word tokens repeat when they are adjacent tokens of one text unit (nothing but white space
/// between them, and no line break), in one sentence, equal ignoring case, where the rule applies (its
/// scopes: by default not in a quotation, cited title, URL or code, whose words are reproduced as the
/// source has them), and not a doubling the rule's `allow` list names ("had had", "that that"). Numbers
/// never count ("10 10" is a table's data more often than a slip): only ``WordToken/Kind/word`` tokens
/// do. A no-break space between the words (`&nbsp;`) does not hide a repetition.
///
/// The diagnostic spans both words (message placeholders: `{match}` both words, `{word}` the word as
/// first written). Its edit deletes the second word and the white space before it (from the end of the
/// first word to the end of the second). The edit is safe when the rule's fix is `safe`, the word is
/// not on the rule's `unsafe` list (doublings that are often grammatical: "what it is is clear"), both
/// words stand in the source verbatim and the source between them is only what the space came from
/// (one stretch of source with no gap: a space, a line end or run of white space that collapsed to it,
/// or an entity such as `&nbsp;`). Across a tag, a comment or text the pipeline added
/// ("<em>the</em> the") the edit is only suggested; without a source (a title from metadata) there is
/// no edit.
struct RepetitionChecker: StyleChecker {
    static let kind = StyleRuleKind.repetition
    let rules: [StyleRule]

    init(rules: [StyleRule], sheet: StyleSheet) {
        self.rules = rules
    }

    func check(_ article: StyleArticle) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for rule in rules {
            let allowed = Set(rule.list("allow").map { $0.lowercased() })
            let unsafe = Set(rule.list("unsafe").map { $0.lowercased() })
            for unit in article.analysis.units {
                let tokens = unit.tokens
                guard tokens.count > 1 else { continue }
                for i in 1..<tokens.count {
                    let first = tokens[i - 1], second = tokens[i]
                    guard first.kind == .word, second.kind == .word, first.range.count == second.range.count,
                          !Self.hasLineBreak(unit.string(of: first.range.upperBound..<second.range.lowerBound)) else { continue }
                    let word = unit.string(of: first.range)
                    let lower = word.lowercased()
                    guard lower == unit.string(of: second.range).lowercased(), !allowed.contains(lower) else { continue }
                    let both = first.range.lowerBound..<second.range.upperBound
                    guard rule.scopes.applies(to: unit, range: both), unit.sentenceIndex(containing: both) != nil else { continue }
                    out.append(Self.finding(rule, unit: unit, word: word, first: first.range, second: second.range,
                                            safe: !unsafe.contains(lower)))
                }
            }
        }
        return out
    }

    /// Whether the white space between two words breaks the line (a line feed from `<br>` or a
    /// flattened list, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR).
    static func hasLineBreak(_ gap: String) -> Bool {
        gap.unicodeScalars.contains { ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains($0) }
    }

    static func finding(_ rule: StyleRule, unit: TextUnit, word: String, first: Range<Int>, second: Range<Int>,
                        safe wordAllowsIt: Bool) -> Diagnostic {
        let both = first.lowerBound..<second.upperBound
        let shown = unit.string(of: both)
        var edits: [TextEdit] = []
        if rule.fix != .none, let span = unit.span(of: first.upperBound..<second.upperBound) {
            let safe = rule.fix == .safe && wordAllowsIt && unit.isVerbatim(first) && unit.isVerbatim(second)
                && unit.hasContiguousSource(both)
            edits.append(TextEdit(span: span, replacement: "", isSafe: safe))
        }
        return rule.diagnostic(["match": shown, "word": word], at: unit.location, span: unit.span(of: both),
                               fix: "Delete the second “\(word)”.", edits: edits)
    }
}
