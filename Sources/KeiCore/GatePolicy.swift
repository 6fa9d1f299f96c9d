/// Which diagnostics fail a run: those at or above `failOn`. `nil` never fails.
public struct GatePolicy: Sendable, Hashable {
    public var failOn: Severity?

    public init(failOn: Severity? = .error) {
        self.failOn = failOn
    }

    /// The policy under `--strict`: warnings fail too.
    public var strict: GatePolicy {
        guard let f = failOn else { return GatePolicy(failOn: .warning) }
        return GatePolicy(failOn: min(f, .warning))
    }

    public func fails(_ severity: Severity) -> Bool {
        guard let failOn else { return false }
        return severity >= failOn
    }

    /// `error`, `warning`, `info` or `never`, as written in workflows.
    public var name: String { failOn?.rawValue ?? "never" }
}

import KeiDocument
