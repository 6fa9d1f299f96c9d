/// A stretch of the source in which some rules are not reported, written in the page itself:
/// `<!-- kei-disable RULE[, RULE] -->` … `<!-- kei-enable … -->`, `<!-- kei-disable-next RULE -->` (the
/// next block) or `data-kei-ignore="RULE …"` on an element (an empty value ignores every rule inside).
public struct Suppression: Sendable, Hashable, Codable {
    /// How it was written.
    public enum Kind: String, Sendable, Hashable, Codable {
        case disable = "kei-disable"
        case disableNext = "kei-disable-next"
        case ignoreAttribute = "data-kei-ignore"
    }

    public var kind: Kind
    /// Rule ids or prefixes ending in "." (`style.` covers every `style.…` rule), matched without
    /// regard to case (the reader stores them in lower case); empty means every rule.
    public var rules: [String]
    /// Where the directive itself stands (the comment, or the element's text for an attribute).
    public var directive: SourceSpan?
    /// The 1-based line of the directive (for diagnostics about it).
    public var line: Int
    /// The source covered: diagnostics whose span starts inside it are suppressed.
    public var covered: SourceSpan

    public init(kind: Kind, rules: [String], directive: SourceSpan?, line: Int, covered: SourceSpan) {
        self.kind = kind
        self.rules = rules
        self.directive = directive
        self.line = line
        self.covered = covered
    }

    /// Whether a rule id is named by this suppression (exactly, or by a prefix ending in "."), without
    /// regard to case.
    public func covers(rule: String) -> Bool {
        guard !rules.isEmpty else { return true }
        let rule = rule.lowercased()
        return rules.contains { named in
            let named = named.lowercased()
            return named == rule || (named.hasSuffix(".") && rule.hasPrefix(named))
        }
    }
}
