import KeiCore
import KeiDocument

/// PLACEHOLDER: the `typography` rule kind (see StyleRuleKind).
struct TypographyChecker: StyleChecker {
    static let kind = StyleRuleKind.typography
    let rules: [StyleRule]

    init(rules: [StyleRule], sheet: StyleSheet) {
        self.rules = rules
    }

    func check(_ article: StyleArticle) -> [Diagnostic] { [] }
}
