import KeiCore
import KeiDocument

/// The `capitalization` rule kind, by the rule's `check`:
///
/// - `heading-case`: each heading (and title or subtitle, when the rule's scopes list them) in Chicago
///   headline style (``HeadlineCase``; CMOS 17th ed. 8.159–8.161), with the rule's `exceptions` written
///   as listed. One finding per heading, spanning the heading from its first word to its last, with the
///   heading as it should read as the fix (`{replacement}`) and the words to change in `{words}`.
/// - `proper-nouns`: each of `terms` (proper nouns as they must be written: "Korean Peninsula",
///   "National Assembly") is found in any case by the shared ``TermMatcher``; a match written in another
///   case is reported with the noun as listed as its fix. A match in capitals in a unit set in capitals is
///   left alone, and so is one after an indefinite article (“a second Korean war”, “a small blue house”:
///   common nouns). Terms the rule lists in `common-phrases` (also ordinary phrases: “the blue house
///   near the border”) get their fix only suggested. Placeholders `{match}`, `{replacement}`.
struct CapitalizationChecker: StyleChecker {
    static let kind = StyleRuleKind.capitalization
    let rules: [StyleRule]
    let terms: [TermPattern]

    init(rules: [StyleRule], sheet: StyleSheet) {
        self.rules = rules
        terms = rules.filter { $0.string("check") == "proper-nouns" }.flatMap { rule in
            rule.list("terms").enumerated().map { TermPattern(rule: rule.id, index: $0, text: $1, caseSensitive: false) }
        }
    }

    func check(_ article: StyleArticle) -> [Diagnostic] {
        rules.flatMap { rule in
            rule.string("check") == "heading-case" ? headings(rule, article) : properNouns(rule, article)
        }
    }

    private func headings(_ rule: StyleRule, _ article: StyleArticle) -> [Diagnostic] {
        let style = HeadlineCase(exceptions: rule.list("exceptions"))
        var out: [Diagnostic] = []
        for unit in article.analysis.units where [.title, .subtitle, .heading].contains(unit.scope) {
            let words = HeadlineCase.words(unit)
            guard let first = words.first, let last = words.last else { continue }
            let range = first.range.lowerBound..<last.range.upperBound
            guard rule.scopes.contains(StyleScope.block(unit.scope)) else { continue }
            let changes = style.changes(unit)
            guard !changes.isEmpty else { continue }
            let fixed = HeadlineCase.applying(changes, to: unit, range: range)
            let words2 = changes.map { "“\(unit.string(of: $0.range))” → “\($0.replacement)”" }.joined(separator: ", ")
            out.append(StyleFinding.make(rule, unit: unit, range: range, replacement: fixed, values: ["words": words2]))
        }
        return out
    }

    /// Whether an indefinite article ("a", "an", "another") stands before the UTF-8 range `range` of
    /// `unit`, with at most two lower-case words between, in the same sentence: “a second Korean war”,
    /// “a small blue house” are common nouns, not the names (a proper name takes no indefinite article).
    static func followsIndefiniteArticle(_ unit: TextUnit, _ range: Range<Int>) -> Bool {
        guard let first = unit.tokens.firstIndex(where: { $0.range.upperBound > range.lowerBound }) else { return false }
        var j = first - 1
        var between = 0
        while j >= 0, between <= 2, unit.tokens[j].kind == .word {
            let word = unit.string(of: unit.tokens[j].range)
            if ["a", "an", "another"].contains(word.lowercased()) { return true }
            guard word.first?.isLowercase == true else { return false }
            between += 1
            j -= 1
        }
        return false
    }

    private func properNouns(_ rule: StyleRule, _ article: StyleArticle) -> [Diagnostic] {
        let nouns = rule.list("terms")
        let common = Set(rule.list("common-phrases").map { $0.lowercased() })
        var out: [Diagnostic] = []
        for match in SubstitutionChecker.leftmostLongest(article.matches(for: rule.id)) {
            let unit = article.analysis.units[match.unit]
            guard rule.scopes.applies(to: unit, range: match.range) else { continue }
            let found = TermCase.spaced(unit.string(of: match.range))
            let noun = nouns[match.index]
            if found == noun || (TermCase.isAllCaps(unit) && found == noun.uppercased()) { continue }
            if Self.followsIndefiniteArticle(unit, match.range) { continue }
            let d = StyleFinding.make(rule, unit: unit, range: match.range, replacement: noun)
            out.append(common.contains(noun.lowercased()) ? StyleFinding.suggestedOnly(d) : d)
        }
        return out
    }
}
