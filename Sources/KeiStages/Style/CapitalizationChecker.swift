import KeiCore
import KeiDocument

/// PLACEHOLDER: the `capitalization` rule kind (see StyleRuleKind).
struct CapitalizationChecker: StyleChecker {
    static let kind = StyleRuleKind.capitalization
    let rules: [StyleRule]

    init(rules: [StyleRule], sheet: StyleSheet) {
        self.rules = rules
    }

    func check(_ article: StyleArticle) -> [Diagnostic] { [] }
}
