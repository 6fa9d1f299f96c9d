import KeiCore
import KeiDocument

/// PLACEHOLDER: the `consistency` rule kind (see StyleRuleKind).
struct ConsistencyChecker: StyleChecker {
    static let kind = StyleRuleKind.consistency
    let rules: [StyleRule]

    init(rules: [StyleRule], sheet: StyleSheet) {
        self.rules = rules
    }

    func check(_ article: StyleArticle) -> [Diagnostic] { [] }
}
