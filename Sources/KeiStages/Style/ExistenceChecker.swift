import KeiCore
import KeiDocument

/// PLACEHOLDER: the `existence` rule kind (see StyleRuleKind).
struct ExistenceChecker: StyleChecker {
    static let kind = StyleRuleKind.existence
    let rules: [StyleRule]

    init(rules: [StyleRule], sheet: StyleSheet) {
        self.rules = rules
    }

    func check(_ article: StyleArticle) -> [Diagnostic] { [] }
}
