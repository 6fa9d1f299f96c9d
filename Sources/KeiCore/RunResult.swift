import Foundation
import KeiDocument

/// Everything a run produced, in deterministic order: what reporters render and the exit code follows.
public struct RunResult: Sendable {
    public var workflowName: String
    public var workflowDisplayPath: String
    public var outputDisplayPath: String
    public var gate: GatePolicy
    /// One outcome per workflow article, in workflow order.
    public var outcomes: [ArticleOutcome]
    public var issueDiagnostics: [Diagnostic]
    public var issueArtifacts: [Artifact]
    /// The ids of the workflow's article stages, in workflow order (each article ran these unless it awaits
    /// its manuscript or a stage threw): the JUnit report's test cases per article. Set by the runner.
    public var articleStages: [String] = []
    /// The ids of the workflow's issue stages, in workflow order. Set by the runner.
    public var issueStages: [String] = []
    /// Findings dropped because their fingerprint is in the `--baseline` file (0 without one).
    public var baselined = 0

    public init(workflowName: String, workflowDisplayPath: String, outputDisplayPath: String, gate: GatePolicy,
                outcomes: [ArticleOutcome], issueDiagnostics: [Diagnostic], issueArtifacts: [Artifact]) {
        self.workflowName = workflowName
        self.workflowDisplayPath = workflowDisplayPath
        self.outputDisplayPath = outputDisplayPath
        self.gate = gate
        self.outcomes = outcomes
        self.issueDiagnostics = issueDiagnostics
        self.issueArtifacts = issueArtifacts
    }

    /// All diagnostics: each article's (sorted by location, emission order kept on ties), then the issue's.
    public var diagnostics: [Diagnostic] {
        outcomes.flatMap(\.diagnostics) + issueDiagnostics
    }

    /// Every change applied to the models (`--fix`), article by article.
    public var changes: [ChangeRecord] { outcomes.flatMap(\.changes) }

    public var summary: RunSummary {
        var s = RunSummary()
        s.suppressed = outcomes.reduce(0) { $0 + $1.suppressed }
        s.changes = outcomes.reduce(0) { $0 + $1.changes.count }
        s.superseded = outcomes.reduce(0) { $0 + $1.superseded }
        s.baselined = baselined
        for d in diagnostics {
            switch d.severity {
            case .error: s.errors += 1
            case .warning: s.warnings += 1
            case .info: s.infos += 1
            }
            if gate.fails(d.severity) { s.gatePassed = false }
        }
        return s
    }

    /// 0 when the gate passed, 1 when it failed.
    public var exitCode: Int32 { summary.gatePassed ? 0 : 1 }
}
