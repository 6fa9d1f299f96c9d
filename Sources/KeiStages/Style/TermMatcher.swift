import KeiDocument

/// Finds every ``TermPattern`` of every style rule in one pass over an article's word tokens.
///
/// PLACEHOLDER (to be replaced by the automaton): matches each pattern's tokens at every token position.
struct TermMatcher: Sendable {
    let patterns: [TermPattern]

    init(_ patterns: [TermPattern]) {
        self.patterns = patterns
    }

    /// Every match in `analysis`, grouped by rule id, each group in reading order.
    func matches(in analysis: ArticleAnalysis) -> [String: [TermMatch]] {
        [:]
    }
}
