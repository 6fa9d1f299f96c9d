import KeiCore
import KeiDocument

/// PLACEHOLDER: the `firstUse` rule kind (see StyleRuleKind).
struct FirstUseChecker: StyleChecker {
    static let kind = StyleRuleKind.firstUse
    let rules: [StyleRule]

    init(rules: [StyleRule], sheet: StyleSheet) {
        self.rules = rules
    }

    func check(_ article: StyleArticle) -> [Diagnostic] { [] }
}
