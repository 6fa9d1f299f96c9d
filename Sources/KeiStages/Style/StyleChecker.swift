import KeiCore
import KeiDocument

/// The implementation of one ``StyleRuleKind``: built once per workflow from every enabled rule of its
/// kind, then run on each article's shared analysis. Checkers never walk the model to build text of
/// their own and never print; they return diagnostics (``StyleFinding`` builds them with spans and edits).
protocol StyleChecker: Sendable {
    /// The kind this checker implements.
    static var kind: StyleRuleKind { get }
    /// Builds the checker from the enabled rules of its kind (sorted by id) and the whole sheet.
    init(rules: [StyleRule], sheet: StyleSheet)
    /// The term patterns this checker wants found; ``StyleEngine`` finds every checker's patterns in one
    /// pass over the article's tokens (``TermMatcher``) and hands the matches back in ``StyleArticle/matches``.
    var terms: [TermPattern] { get }
    /// The findings on one article.
    func check(_ article: StyleArticle) -> [Diagnostic]
}

extension StyleChecker {
    var terms: [TermPattern] { [] }
}
