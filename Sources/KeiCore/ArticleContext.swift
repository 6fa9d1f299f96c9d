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
    /// The diagnostics kept so far: at most ``Limits/maxFindingsPerRule`` per rule (see ``findingsCap``).
    public private(set) var diagnostics: [Diagnostic] = []
    /// Counts what ``emit(_:)`` dropped over `limits.max-findings-per-rule`; the runner adds its
    /// ``FindingsCap/summaries()`` (`pipeline.findings-capped`) when the article's stages are done.
    public private(set) var findingsCap: FindingsCap
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
        self.findingsCap = FindingsCap(limit: limits.maxFindingsPerRule)
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

    /// Records a diagnostic, stamping the article id and current stage; beyond `limits.max-findings-per-rule`
    /// findings of its rule it is only counted (``FindingsCap/admit(_:)``), never stored.
    public mutating func emit(_ diagnostic: Diagnostic) {
        let d = stamped(diagnostic)
        if findingsCap.admit(d) { diagnostics.append(d) }
    }

    /// The diagnostic with this article's id and the current stage filled in where missing.
    public func stamped(_ diagnostic: Diagnostic) -> Diagnostic {
        var d = diagnostic
        if d.article == nil { d.article = entry.id }
        if d.stage == nil { d.stage = currentStage }
        return d
    }

    /// Records a stage's own summary of findings it did not list (such as `ingest.parser`'s "libxml2 raised N
    /// more message(s)"), stamped as ``emit(_:)`` does but never dropped by `limits.max-findings-per-rule`:
    /// the count it gives would otherwise be lost behind the cap's summary.
    public mutating func emitSummary(_ diagnostic: Diagnostic) {
        diagnostics.append(stamped(diagnostic))
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
