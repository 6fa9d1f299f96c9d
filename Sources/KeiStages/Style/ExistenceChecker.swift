import KeiCore
import KeiDocument

/// The `existence` rule kind: banned or discouraged words and phrases (`terms`, found at word
/// boundaries by the shared ``TermMatcher``, in any case unless `case-sensitive: true`). Each match where
/// the rule's scopes apply is reported; overlapping matches of one rule are reported once (the one
/// starting first, then the longest). With a `suggestion`, it is the fix (as an edit when the rule's fix
/// policy allows, with the match's capital first letter kept; an empty suggestion deletes the words).
/// Message placeholders: `{match}`, `{suggestion}` (and `{replacement}` when there is one).
struct ExistenceChecker: StyleChecker {
    static let kind = StyleRuleKind.existence
    let rules: [StyleRule]
    let terms: [TermPattern]

    init(rules: [StyleRule], sheet: StyleSheet) {
        self.rules = rules
        terms = rules.flatMap { rule in
            rule.list("terms").enumerated().map { k, term in
                TermPattern(rule: rule.id, index: k, text: term, caseSensitive: rule.bool("case-sensitive"))
            }
        }
    }

    func check(_ article: StyleArticle) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for rule in rules {
            let suggestion = rule.string("suggestion")
            for match in SubstitutionChecker.leftmostLongest(article.matches(for: rule.id)) {
                let unit = article.analysis.units[match.unit]
                guard rule.scopes.applies(to: unit, range: match.range) else { continue }
                let found = unit.string(of: match.range)
                let replacement = suggestion.map { TermCase.fitted($0, replacing: found, in: unit) }
                out.append(StyleFinding.make(rule, unit: unit, range: match.range, replacement: replacement,
                                             values: ["suggestion": suggestion ?? ""]))
            }
        }
        return out
    }
}
