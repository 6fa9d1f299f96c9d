import Foundation
import KeiCitations
import KeiDocument

/// What an article stage works on: the workflow's entry for the article, the issue facts,
/// the model built so far, and the diagnostics and artifacts produced so far.
public struct ArticleContext: Sendable {
    public let entry: ArticleEntry
    public let issue: IssueInfo
    /// The source path as shown in diagnostics (relative to the working directory).
    public let sourceDisplayPath: String
    /// Where this run writes its outputs.
    public let outputDirectory: URL
    /// The working directory paths in reports are relative to.
    public let workingDirectory: URL
    public let limits: Limits
    /// The article model; nil until an ingest stage has built it. Setting it discards the shared analysis.
    public var article: Article? {
        didSet { analysis = nil; citations = nil }
    }
    /// The decoded source with its line index, set by the ingest stage: spans (UTF-8 offsets) in
    /// diagnostics are resolved against it when the report is written.
    public var sourceIndex: SourceLineIndex?
    /// The one shared analysis of the current model (scoped text, sentences, tokens), built by the
    /// runner before the first check stage and after every change of the model; check stages read it.
    public internal(set) var analysis: ArticleAnalysis?
    /// The notes read as citations (``CitationIndex``), built from the shared analysis on first use
    /// and discarded with it when the model changes; `check.citations` and `emit.jats` share it.
    public internal(set) var citations: CitationIndex?
    /// How many times the analysis was built for this article (one per version of the model).
    public internal(set) var analysisBuilds = 0
    /// Changes applied to the model (by `--fix`), in order.
    public internal(set) var changes: [ChangeRecord] = []
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var artifacts: [Artifact] = []
    /// The stage currently running (stamped onto diagnostics).
    public var currentStage: String?
    /// Whether checks may request the article's web addresses (`--check-links`); off by default, so
    /// that no check touches the network unless asked.
    public var checkLinks = false

    public init(entry: ArticleEntry, issue: IssueInfo, sourceDisplayPath: String, outputDirectory: URL,
                workingDirectory: URL, limits: Limits = Limits(), article: Article? = nil) {
        self.entry = entry
        self.issue = issue
        self.sourceDisplayPath = sourceDisplayPath
        self.outputDirectory = outputDirectory
        self.workingDirectory = workingDirectory
        self.limits = limits
        self.article = article
    }

    /// The shared analysis of the current model, building it when the model changed since the last one.
    @discardableResult
    public mutating func currentAnalysis() -> ArticleAnalysis? {
        if analysis == nil, let article {
            analysis = ArticleAnalysis(article)
            analysisBuilds += 1
        }
        return analysis
    }

    /// Builds what a check stage declares it reads (``StageDescription/readsAnalysis``,
    /// ``StageDescription/readsCitations``) before it runs; check stages get the context read-only.
    public mutating func prepareShared(for description: StageDescription) {
        if description.readsCitations { currentCitations() } else if description.readsAnalysis { currentAnalysis() }
    }

    /// The citation index of the current model, building it (and the analysis) when missing.
    @discardableResult
    public mutating func currentCitations() -> CitationIndex? {
        if citations == nil, let article, let analysis = currentAnalysis() {
            citations = CitationIndex(article: article, analysis: analysis)
        }
        return citations
    }

    /// Records a diagnostic, stamping the article id and current stage.
    public mutating func emit(_ diagnostic: Diagnostic) {
        diagnostics.append(stamped(diagnostic))
    }

    /// The diagnostic with this article's id and the current stage filled in where missing.
    public func stamped(_ diagnostic: Diagnostic) -> Diagnostic {
        var d = diagnostic
        if d.article == nil { d.article = entry.id }
        if d.stage == nil { d.stage = currentStage }
        return d
    }

    public mutating func emit(contentsOf list: [Diagnostic]) {
        for d in list { emit(d) }
    }

    /// A location in this article's source file.
    public func location(line: Int, column: Int? = nil) -> SourceLocation {
        SourceLocation(file: sourceDisplayPath, line: line, column: column)
    }

    /// Reads the article's source file within the configured size limit.
    public func readSource() throws -> Data {
        guard let url = entry.sourceURL else {
            throw KeiError.input(path: sourceDisplayPath, "article '\(entry.id)' has no source file yet")
        }
        return try FileIO.read(url, display: sourceDisplayPath, limit: limits.maxSourceBytes,
                               limitAdvice: "raise limits.max-source-bytes in the workflow if it is genuine")
    }

    /// Writes an artifact atomically under the output folder and records it.
    public mutating func writeArtifact(kind: String, relativePath: String, data: Data) throws {
        artifacts.append(try FileIO.writeArtifact(kind: kind, relativePath: relativePath, data: data,
                                                  outputDirectory: outputDirectory, workingDirectory: workingDirectory))
    }
}
