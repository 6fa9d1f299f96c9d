/// A diagnostic a stage can emit, declared up front so `kei-pipeline stages` and the docs list
/// every rule id with its severity.
public struct StageMessage: Sendable, Hashable {
    public var rule: String
    public var severity: Severity
    public var summary: String

    public init(_ rule: String, _ severity: Severity, _ summary: String) {
        self.rule = rule
        self.severity = severity
        self.summary = summary
    }

    /// A diagnostic of this rule at `location`.
    public func diagnostic(_ message: String, at location: SourceLocation, excerpt: String? = nil,
                           fix: String? = nil, span: SourceSpan? = nil, edits: [TextEdit] = []) -> Diagnostic {
        Diagnostic(rule: rule, severity: severity, message: message, location: location, excerpt: excerpt, fix: fix,
                   span: span, edits: edits)
    }
}

import KeiDocument
