import Foundation
import KeiDocument

/// What an issue stage works on: every article's outcome, in workflow order.
public struct IssueContext: Sendable {
    public let issue: IssueInfo
    public let workflowName: String
    public let articles: [ArticleOutcome]
    public let outputDirectory: URL
    public let workingDirectory: URL
    /// The workflow file, for locating issue-level diagnostics.
    public let workflowDisplayPath: String
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var artifacts: [Artifact] = []
    public var currentStage: String?
    /// The workflow's article stages, in order (for reports on which stage ran on which article).
    public var articleStages: [String] = []
    /// The workflow's issue stages, in order (a stage can tell which issue stages run after it).
    public var issueStages: [String] = []
    /// The gate the run applies (under `--strict`, the strict one).
    public var gate = GatePolicy()

    public init(issue: IssueInfo, workflowName: String, articles: [ArticleOutcome], outputDirectory: URL,
                workingDirectory: URL, workflowDisplayPath: String) {
        self.issue = issue
        self.workflowName = workflowName
        self.articles = articles
        self.outputDirectory = outputDirectory
        self.workingDirectory = workingDirectory
        self.workflowDisplayPath = workflowDisplayPath
    }

    public mutating func emit(_ diagnostic: Diagnostic) {
        var d = diagnostic
        if d.stage == nil { d.stage = currentStage }
        diagnostics.append(d)
    }

    public mutating func writeArtifact(kind: String, relativePath: String, data: Data) throws {
        artifacts.append(try FileIO.writeArtifact(kind: kind, relativePath: relativePath, data: data,
                                                  outputDirectory: outputDirectory, workingDirectory: workingDirectory))
    }
}
