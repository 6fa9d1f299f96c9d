import KeiCore
import KeiDocument

/// PLACEHOLDER: the `substitution` rule kind (see StyleRuleKind).
struct SubstitutionChecker: StyleChecker {
    static let kind = StyleRuleKind.substitution
    let rules: [StyleRule]

    init(rules: [StyleRule], sheet: StyleSheet) {
        self.rules = rules
    }

    func check(_ article: StyleArticle) -> [Diagnostic] { [] }
}
