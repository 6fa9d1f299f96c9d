import KeiCore
import KeiDocument

/// The `substitution` rule kind: each term of a rule's `terms` map found at word boundaries (by the
/// shared ``TermMatcher``) is reported with its preferred form as the fix ("defence" → "defense",
/// "Kim Jong-un" → "Kim Jong Un").
///
/// **Case.** With `case-sensitive: false` (the default) a term is found in any case, and a match that
/// already reads as the preferred form is not reported: equal to it, or it with a capital first letter
/// at a sentence start or in a title or heading, or it in capitals in a heading set in capitals. The
/// replacement keeps a capital first letter the match had ("Defence spending" → "Defense spending") and
/// capitals in a unit set in capitals. With `case-sensitive: true` only the term as written matches
/// ("US" → "U.S." never touches "us").
///
/// **Names, headings, notes.** Where a match stands can weaken or drop its fix (``NameContext/treatment``):
/// the rule's `in-names` policy (`fix`, the default; `suggest`; `skip`) for a match inside a longer
/// proper name (“Department of Defence”, “Pusan University Press”) and, when not `fix`, for any match in
/// a title or heading; a capitalized match in a note is only suggested (citations print names as the
/// source does); a case-sensitive rule is silent in a unit set in capitals (“FOR US” is not “U.S.”).
///
/// **Overlaps.** Of a rule's matches that overlap, the one starting first (then the longest) is reported.
/// Only matches where the rule's scopes apply are reported (by default never in quotations, cited titles,
/// URLs or code). Message placeholders: `{match}`, `{replacement}`, `{term}` (the term as the rule writes it).
struct SubstitutionChecker: StyleChecker {
    static let kind = StyleRuleKind.substitution
    let rules: [StyleRule]
    let terms: [TermPattern]

    init(rules: [StyleRule], sheet: StyleSheet) {
        self.rules = rules
        terms = rules.flatMap { rule in
            rule.map("terms").enumerated().map { k, pair in
                TermPattern(rule: rule.id, index: k, text: pair.key, caseSensitive: rule.bool("case-sensitive"))
            }
        }
    }

    func check(_ article: StyleArticle) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for rule in rules {
            let pairs = rule.map("terms")
            let caseSensitive = rule.bool("case-sensitive")
            for match in Self.leftmostLongest(article.matches(for: rule.id)) {
                let unit = article.analysis.units[match.unit]
                guard rule.scopes.applies(to: unit, range: match.range) else { continue }
                let found = unit.string(of: match.range)
                let preferred = pairs[match.index].value
                let treatment = NameContext.treatment(rule, caseSensitive: caseSensitive, unit, match.range,
                                                      lowercaseTerm: !TermCase.startsUpper(preferred))
                if treatment == .skip { continue }
                if caseSensitive ? TermCase.spaced(found) == preferred : TermCase.reads(found, as: preferred, in: unit, at: match.range) { continue }
                let replacement = caseSensitive ? preferred : TermCase.fitted(preferred, replacing: found, in: unit)
                guard replacement != found else { continue }
                let d = StyleFinding.make(rule, unit: unit, range: match.range, replacement: replacement,
                                          values: ["term": pairs[match.index].key])
                out.append(treatment == .suggest ? StyleFinding.suggestedOnly(d) : d)
            }
        }
        return out
    }

    /// `matches` (in reading order) without those overlapping an earlier kept one in the same unit.
    static func leftmostLongest(_ matches: [TermMatch]) -> [TermMatch] {
        var kept: [TermMatch] = []
        for m in matches {
            if let last = kept.last, last.unit == m.unit, m.range.lowerBound < last.range.upperBound { continue }
            kept.append(m)
        }
        return kept
    }
}
