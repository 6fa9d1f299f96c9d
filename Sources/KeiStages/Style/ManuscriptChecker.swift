import KeiCore
import KeiDocument

/// PLACEHOLDER: the `manuscript` rule kind (see StyleRuleKind).
struct ManuscriptChecker: StyleChecker {
    static let kind = StyleRuleKind.manuscript
    let rules: [StyleRule]

    init(rules: [StyleRule], sheet: StyleSheet) {
        self.rules = rules
    }

    func check(_ article: StyleArticle) -> [Diagnostic] { [] }
}
