import KeiDocument

/// One house-style rule, as the merged style (``StyleSheet``) holds it.
///
/// A rule is data: its kind's implementation (in `KeiStages/Style/`) reads ``parameters``. Findings use
/// ``id`` as their diagnostic rule, ``severity``, and ``message`` with its placeholders filled in
/// (``render(_:)``).
public struct StyleRule: Sendable, Hashable {
    /// Stable, dotted id starting `style.` (`style.us-abbreviation`).
    public var id: String
    public var kind: StyleRuleKind
    public var severity: Severity
    /// The message template. Placeholders in braces are filled per finding: `{match}` (the words found),
    /// `{replacement}` (the fix), and kind-specific ones (see the style README).
    public var message: String
    /// What the rule asks for and why, for `kei-pipeline explain`.
    public var description: String
    /// The style guide section (or other source) the rule follows.
    public var source: String
    public var scopes: Set<StyleScope>
    public var fix: StyleFixPolicy
    public var examples: StyleRuleExamples
    /// Kind-specific values, by key (see ``StyleRuleKind/parameters``).
    public var parameters: [String: StyleParameter]
    /// False when a later layer switched the rule off (`style.x: off`).
    public var enabled: Bool
    /// The style file that defined the rule, and each later file that changed it, in layer order.
    public var layers: [String]
    /// Where the rule was defined.
    public var definedAt: SourceLocation

    public init(id: String, kind: StyleRuleKind, severity: Severity, message: String, description: String = "",
                source: String = "", scopes: Set<StyleScope> = StyleScope.defaultScopes, fix: StyleFixPolicy = .none,
                examples: StyleRuleExamples = StyleRuleExamples(), parameters: [String: StyleParameter] = [:],
                enabled: Bool = true, layers: [String] = [], definedAt: SourceLocation = SourceLocation(file: "")) {
        self.id = id
        self.kind = kind
        self.severity = severity
        self.message = message
        self.description = description
        self.source = source
        self.scopes = scopes
        self.fix = fix
        self.examples = examples
        self.parameters = parameters
        self.enabled = enabled
        self.layers = layers
        self.definedAt = definedAt
    }

    /// ``message`` with each `{name}` replaced by `values[name]`; unknown placeholders stay as written.
    public func render(_ values: [String: String]) -> String {
        var out = ""
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let v = values[name] { out += v } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The diagnostic of a finding of this rule.
    public func diagnostic(_ values: [String: String], at location: SourceLocation, span: SourceSpan?,
                           fix: String? = nil, edits: [TextEdit] = []) -> Diagnostic {
        Diagnostic(rule: id, severity: severity, message: render(values), location: location, fix: fix, span: span,
                   edits: edits)
    }

    // MARK: Typed parameters

    public func bool(_ key: String, default d: Bool = false) -> Bool {
        if case .bool(let b)? = parameters[key] { return b }
        return d
    }

    public func int(_ key: String, default d: Int = 0) -> Int {
        if case .int(let i)? = parameters[key] { return i }
        return d
    }

    public func string(_ key: String) -> String? {
        if case .string(let s)? = parameters[key] { return s }
        return nil
    }

    public func list(_ key: String) -> [String] {
        if case .list(let l)? = parameters[key] { return l }
        return []
    }

    public func map(_ key: String) -> [StylePair] {
        if case .map(let m)? = parameters[key] { return m }
        return []
    }

    public func groups(_ key: String) -> [[String]] {
        if case .groups(let g)? = parameters[key] { return g }
        return []
    }
}
