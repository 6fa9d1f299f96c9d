import KeiCore
import KeiDocument

/// PLACEHOLDER: the `sentenceLength` rule kind (see StyleRuleKind).
struct SentenceLengthChecker: StyleChecker {
    static let kind = StyleRuleKind.sentenceLength
    let rules: [StyleRule]

    init(rules: [StyleRule], sheet: StyleSheet) {
        self.rules = rules
    }

    func check(_ article: StyleArticle) -> [Diagnostic] { [] }
}
