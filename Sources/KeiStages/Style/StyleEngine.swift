import KeiCore
import KeiDocument

/// The compiled house style: one checker per rule kind and one ``TermMatcher`` for every term pattern of
/// every rule. Built once per workflow (when `lint.style` is built) and shared by every article.
struct StyleEngine: Sendable {
    let sheet: StyleSheet
    let checkers: [any StyleChecker]
    let matcher: TermMatcher

    /// Every kind's checker type, in kind order.
    static let checkerTypes: [any StyleChecker.Type] = [
        SubstitutionChecker.self, ExistenceChecker.self, ConsistencyChecker.self, FirstUseChecker.self,
        CapitalizationChecker.self, RepetitionChecker.self, TypographyChecker.self, NumbersChecker.self,
        SentenceLengthChecker.self, ManuscriptChecker.self,
    ]

    init(sheet: StyleSheet, only ruleIDs: Set<String>? = nil) {
        self.sheet = sheet
        let enabled = sheet.enabledRules.filter { ruleIDs?.contains($0.id) ?? true }
        checkers = Self.checkerTypes.compactMap { type in
            let rules = enabled.filter { $0.kind == type.kind }
            return rules.isEmpty ? nil : type.init(rules: rules, sheet: sheet)
        }
        matcher = TermMatcher(checkers.flatMap(\.terms))
    }

    /// Every finding on `article`, in checker order (the runner sorts them into reading order).
    func check(_ article: Article, analysis: ArticleAnalysis, issue: IssueInfo) -> [Diagnostic] {
        let context = StyleArticle(article: article, analysis: analysis, issue: issue, sheet: sheet,
                                   matches: matcher.matches(in: analysis))
        return checkers.flatMap { $0.check(context) }
    }
}
