import KeiCore
import KeiDocument

/// PLACEHOLDER: the `repetition` rule kind (see StyleRuleKind).
struct RepetitionChecker: StyleChecker {
    static let kind = StyleRuleKind.repetition
    let rules: [StyleRule]

    init(rules: [StyleRule], sheet: StyleSheet) {
        self.rules = rules
    }

    func check(_ article: StyleArticle) -> [Diagnostic] { [] }
}
