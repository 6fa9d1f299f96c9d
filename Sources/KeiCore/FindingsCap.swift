import KeiDocument

/// The cap on the findings one article keeps per rule (`limits.max-findings-per-rule`, ``Limits/maxFindingsPerRule``).
///
/// ``ArticleContext/emit(_:)`` asks ``admit(_:)`` for every diagnostic: the first `limit` of each rule are
/// kept, the rest are only counted (never stored), and ``summaries(file:)`` gives one
/// `pipeline.findings-capped` diagnostic per capped rule, located at the first finding that was dropped
/// (its span and stage), whose severity is the highest among the dropped findings: a gate (`fail-on`,
/// `--strict`) fails on the summary exactly when it would have failed on a dropped finding. The runner's
/// own `pipeline.*` diagnostics are never capped. A limit of 0 keeps everything.
public struct FindingsCap: Sendable {
    /// The summary diagnostic's rule. Its declared severity is a placeholder: each summary takes the
    /// highest severity of the findings it stands for.
    public static let capped = StageMessage("pipeline.findings-capped", .warning,
        "More findings of one rule than limits.max-findings-per-rule (default 1,000) in one article: the rest are counted, not listed; as severe as the most severe of them.")

    /// The most findings of one rule kept (0: no cap).
    public let limit: Int
    private var kept: [String: Int] = [:]
    private var dropped: [String: Dropped] = [:]
    /// Capped rules in the order their first finding was dropped (deterministic summaries).
    private var cappedRules: [String] = []

    struct Dropped: Sendable {
        var count: Int
        var severity: Severity
        var first: Diagnostic
    }

    public init(limit: Int) {
        self.limit = max(0, limit)
    }

    /// True when `diagnostic` is to be stored; otherwise it is counted as dropped (its rule's count, the
    /// highest severity, and the first dropped one's place are remembered) and false is returned.
    public mutating func admit(_ diagnostic: Diagnostic) -> Bool {
        guard limit > 0, !diagnostic.rule.hasPrefix("pipeline.") else { return true }
        let n = kept[diagnostic.rule, default: 0]
        if n < limit {
            kept[diagnostic.rule] = n + 1
            return true
        }
        if var d = dropped[diagnostic.rule] {
            d.count += 1
            d.severity = max(d.severity, diagnostic.severity)
            dropped[diagnostic.rule] = d
        } else {
            dropped[diagnostic.rule] = Dropped(count: 1, severity: diagnostic.severity, first: diagnostic)
            cappedRules.append(diagnostic.rule)
        }
        return false
    }

    /// How many findings of `rule` were dropped (0 when the rule was not capped).
    public func droppedCount(of rule: String) -> Int { dropped[rule]?.count ?? 0 }

    /// The rule and the number of findings a `pipeline.findings-capped` summary of ``summaries()`` stands
    /// for, read back from its message ("N more `RULE` finding(s) …"); nil for any other diagnostic or a
    /// message not of that shape. Baselines use it to match a summary against entries written without the cap.
    public static func cappedFindings(of diagnostic: Diagnostic) -> (rule: String, count: Int)? {
        guard diagnostic.rule == capped.rule else { return nil }
        let m = Substring(diagnostic.message)
        let digits = m.prefix(while: { $0.isASCII && $0.isNumber })
        guard let count = Int(digits), count > 0 else { return nil }
        let rest = m.dropFirst(digits.count)
        guard rest.hasPrefix(" more `") else { return nil }
        let ruleAndTail = rest.dropFirst(" more `".count)
        guard let tick = ruleAndTail.firstIndex(of: "`") else { return nil }
        let rule = ruleAndTail[..<tick]
        guard !rule.isEmpty else { return nil }
        return (String(rule), count)
    }

    /// One `pipeline.findings-capped` diagnostic per capped rule, in the order the rules were capped:
    /// message "N more `RULE` findings in this article were not listed (limits.max-findings-per-rule = L)",
    /// at the first dropped finding's location and span (resolved to line and column with the others), its
    /// stage and article, and the highest severity among the dropped ones.
    public func summaries() -> [Diagnostic] {
        cappedRules.compactMap { rule in
            guard let d = dropped[rule] else { return nil }
            let (noun, verb) = d.count == 1 ? ("finding", "was") : ("findings", "were")
            var s = Self.capped.diagnostic(
                "\(d.count) more `\(rule)` \(noun) in this article \(verb) not listed (limits.max-findings-per-rule = \(limit)); the first of them is here.",
                at: d.first.location,
                fix: "Fix the listed findings and run again, or raise limits.max-findings-per-rule in the workflow (0 lists every finding).",
                span: d.first.span)
            s.severity = d.severity
            s.stage = d.first.stage
            s.article = d.first.article
            return s
        }
    }
}
