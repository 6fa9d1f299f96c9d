import Foundation
import KeiDocument

/// A loaded, validated workflow: the issue, its articles, the stage chain, gates and output folder.
/// Built by ``WorkflowLoader``; every path in it is resolved and checked.
public struct Workflow: Sendable {
    /// The workflow's name (its file stem unless `name:` says otherwise).
    public var name: String
    /// The workflow file as shown in messages.
    public var displayPath: String
    /// The folder source and output paths are relative to.
    public var projectRoot: URL
    public var issue: IssueInfo
    public var articles: [ArticleEntry]
    public var stages: [StageInvocation]
    public var gate: GatePolicy
    public var outputDirectory: URL
    public var limits: Limits
    /// Every file besides the sources that the results depend on (workflow, journal, every style layer down
    /// its `extends` chain, timeline, the print stylesheets with their folders' files, files named by stage
    /// options; see `WorkflowLoader.dependencies`); the ledger's cache key hashes their bytes. Empty for
    /// workflows built in code.
    public var configurationFiles: [URL] = []

    public init(name: String, displayPath: String, projectRoot: URL, issue: IssueInfo, articles: [ArticleEntry],
                stages: [StageInvocation], gate: GatePolicy, outputDirectory: URL, limits: Limits) {
        self.name = name
        self.displayPath = displayPath
        self.projectRoot = projectRoot
        self.issue = issue
        self.articles = articles
        self.stages = stages
        self.gate = gate
        self.outputDirectory = outputDirectory
        self.limits = limits
    }

    /// Article stages (ingest, transform, check, emit) in workflow order.
    public var articleStages: [StageInvocation] { stages.filter { $0.kind != .issue } }
    /// Issue stages in workflow order.
    public var issueStages: [StageInvocation] { stages.filter { $0.kind == .issue } }
}
