import KeiCore

/// A word or phrase a ``StyleChecker`` wants found at word boundaries, and which rule and term it belongs to.
/// ``TermMatcher`` finds every checker's patterns together (see it for what a match is).
struct TermPattern: Sendable, Hashable {
    /// The rule the term belongs to.
    var rule: String
    /// The term's index in its rule's list (a checker's own numbering).
    var index: Int
    /// The words to find, as written in the style file ("Kim Jong-un", "Korean peninsula", "US").
    var text: String
    /// Match only as written; otherwise in any case (keys compared lower-cased).
    var caseSensitive: Bool

    init(rule: String, index: Int, text: String, caseSensitive: Bool) {
        self.rule = rule
        self.index = index
        self.text = text
        self.caseSensitive = caseSensitive
    }
}

/// Where a ``TermPattern`` was found.
struct TermMatch: Sendable, Hashable {
    var rule: String
    var index: Int
    /// Index into ``StyleArticle/analysis``'s units.
    var unit: Int
    /// UTF-8 range (0-based, half-open) into the unit's text, from the first token's start to the last
    /// token's end.
    var range: Range<Int>
}
