import ArgumentParser
import Foundation
import KeiCore
import KeiLedger
import KeiStages

/// `kei-pipeline status [WORKFLOW]`: each commissioned article's editorial state and its last recorded run.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each article's editorial state (commissioned → received → edited → approved → published) and its last run.",
        discussion: """
            WORKFLOW is a name under Workflows/ or a path (default: default). States: commissioned (no source yet), \
            received (source present; not run, or its last run failed the gate), edited (its last run passed the gate), \
            approved (the workflow says 'status: approved' and its last run passed), published (its own DOI is recorded \
            for it in OUTPUT/crossref/dois.txt, which emit.crossref writes when a deposit is recorded). An article whose \
            source changed since its last run is received (changed since run N). A workflow name is looked up under \
            Workflows/ in the working directory, else in the project root above it; runs are matched by the workflow \
            file's path relative to the project root, so any working directory or spelling finds them. The last run comes from the \
            ledger (--state-dir, KEI_STATE_DIR, else .kei/ledger.sqlite under the project root). Exit codes: 0 listed, \
            2 usage, configuration or ledger error.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    /// One article's line.
    struct Row: Codable, Equatable {
        var article: String
        var state: String
        var lastRun: LedgerReader.ArticleRun?
        /// The run whose result no longer holds because the source changed since (state `received`).
        var changedSinceRun: Int?
    }

    @Argument(help: "Workflow name under Workflows/ or path to a workflow file (default: default).")
    var workflow: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("Folder of the ledger (default: KEI_STATE_DIR, else .kei under the project root).", valueName: "dir"))
    var stateDir: String?

    func validate() throws {
        try PipelineDriver.validateStateDir(stateDir)
    }

    func run() throws {
        let env = CLIEnvironment.current
        let name = workflow ?? "default"
        // A name resolves from the working directory, else from the project root above it (run from a subfolder).
        let here = WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: env.workingDirectory)
        let url: URL
        do { url = try here.resolve(name) } catch {
            let root = PipelineDriver.projectRoot(from: env.workingDirectory)
            guard root != env.workingDirectory.standardizedFileURL,
                  let found = try? WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: root).resolve(name) else { throw error }
            url = found
        }
        let wf = try here.load(url)
        let db = try PipelineDriver.ledgerDatabase(stateDir, projectRoot: wf.projectRoot, env: env)
        let shown = FileIO.displayPath(db, relativeTo: env.workingDirectory)
        let id = LedgerSession.workflowID(wf)
        let latest: [String: LedgerReader.ArticleRun]
        let anyRuns: Bool
        do {
            latest = try LedgerReader.latest(in: db, workflow: id)
            anyRuns = try LedgerReader.hasRuns(in: db)
        } catch {
            throw KeiError.input(path: shown, "cannot read the ledger: \(error)")
        }
        let rows = Self.rows(wf, latest: latest)
        if format == .json {
            env.out(PipelineDriver.json(rows) + "\n")
            return
        }
        if !anyRuns { env.out(BidiControls.visible(ControlCharacters.visible("no runs recorded yet (\(shown))")) + "\n") }
        else if latest.isEmpty { env.out(BidiControls.visible(ControlCharacters.visible("no runs of \(id) recorded yet (\(shown))")) + "\n") }
        if rows.isEmpty {
            let others = WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: wf.projectRoot).availableWorkflows()
                .filter { $0 != wf.name && $0 != url.deletingPathExtension().lastPathComponent }
            env.out(BidiControls.visible(ControlCharacters.visible("\(id) lists no articles\(others.isEmpty ? "" : "; name a workflow: " + others.joined(separator: ", "))")) + "\n")
        }
        for r in rows {
            let last = r.lastRun.map { "run \($0.run) \($0.date): \($0.errors) error(s), \($0.warnings) warning(s)\($0.cached ? ", cached" : "")" } ?? "no run"
            let state = r.changedSinceRun.map { "\(r.state) (changed since run \($0))" } ?? r.state
            env.out(BidiControls.visible(ControlCharacters.visible("\(r.article)  \(state)  \(last)")) + "\n")
        }
    }

    /// The rows of `workflow`'s articles in workflow order. An article is `published` when
    /// OUTPUT/crossref/dois.txt records its own DOI (as ``ArticlePublication`` computes it) for its id; an
    /// article whose source bytes differ from those of its last run is `received` with `changedSinceRun`.
    static func rows(_ workflow: Workflow, latest: [String: LedgerReader.ArticleRun]) -> [Row] {
        let registry = (try? String(contentsOf: workflow.outputDirectory.appendingPathComponent(DOIRegistry.relativePath), encoding: .utf8))
            .map(DOIRegistry.init(text:))
        let recorded = Set((registry?.entries ?? []).map { "\($0.article)\u{0}\($0.doi)" })
        return workflow.articles.map { entry in
            let last = latest[entry.id]
            let doi = ArticlePublication(entry: entry, article: nil, issue: workflow.issue).doi
            var changed: Int?
            if let last, let url = entry.sourceURL, LedgerReader.sha256(of: url) != last.sourceSHA256 { changed = last.run }
            let state: String
            if entry.awaitingManuscript { state = "commissioned" }
            else if let doi, recorded.contains("\(entry.id)\u{0}\(doi)") { state = "published" }
            else if changed != nil { state = "received" }
            else if let last, last.gatePassed { state = entry.status == .approved ? "approved" : "edited" }
            else { state = "received" }
            return Row(article: entry.id, state: state, lastRun: last, changedSinceRun: state == "received" ? changed : nil)
        }
    }
}
