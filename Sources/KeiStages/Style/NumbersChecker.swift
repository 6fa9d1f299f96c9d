import KeiCore
import KeiDocument

/// PLACEHOLDER: the `numbers` rule kind (see StyleRuleKind).
struct NumbersChecker: StyleChecker {
    static let kind = StyleRuleKind.numbers
    let rules: [StyleRule]

    init(rules: [StyleRule], sheet: StyleSheet) {
        self.rules = rules
    }

    func check(_ article: StyleArticle) -> [Diagnostic] { [] }
}
