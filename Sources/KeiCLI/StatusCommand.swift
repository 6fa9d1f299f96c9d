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
            approved (the workflow says 'status: approved' and its last run passed), published (its DOI is recorded in \
            OUTPUT/crossref/dois.txt, which emit.crossref writes when a deposit is recorded). The last run comes from the \
            ledger (--state-dir, KEI_STATE_DIR, else .kei/ledger.sqlite under the project root). Exit codes: 0 listed, \
            2 usage, configuration or ledger error.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    /// One article's line.
    struct Row: Codable, Equatable {
        var article: String
        var state: String
        var lastRun: LedgerReader.ArticleRun?
    }

    @Argument(help: "Workflow name under Workflows/ or path to a workflow file (default: default).")
    var workflow: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("Folder of the ledger (default: KEI_STATE_DIR, else .kei under the project root).", valueName: "dir"))
    var stateDir: String?

    func run() throws {
        let env = CLIEnvironment.current
        let loader = WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: env.workingDirectory)
        let wf = try loader.load(try loader.resolve(workflow ?? "default"))
        let db = PipelineDriver.stateDirectory(stateDir, projectRoot: wf.projectRoot, env: env).appendingPathComponent("ledger.sqlite")
        let shown = FileIO.displayPath(db, relativeTo: env.workingDirectory)
        let latest: [String: LedgerReader.ArticleRun]
        do { latest = try LedgerReader.latest(in: db, workflow: wf.displayPath) } catch {
            throw KeiError.input(path: shown, "cannot read the ledger: \(error)")
        }
        let rows = Self.rows(wf, latest: latest)
        if format == .json {
            env.out(PipelineDriver.json(rows) + "\n")
            return
        }
        if latest.isEmpty { env.out("no runs recorded yet (\(shown))\n") }
        for r in rows {
            let last = r.lastRun.map { "run \($0.run) \($0.date): \($0.errors) error(s), \($0.warnings) warning(s)\($0.cached ? ", cached" : "")" } ?? "no run"
            env.out("\(r.article)  \(r.state)  \(last)\n")
        }
    }

    /// The rows of `workflow`'s articles in workflow order.
    static func rows(_ workflow: Workflow, latest: [String: LedgerReader.ArticleRun]) -> [Row] {
        let registry = (try? String(contentsOf: workflow.outputDirectory.appendingPathComponent(DOIRegistry.relativePath), encoding: .utf8))
            .map(DOIRegistry.init(text:))
        let published = Set(registry?.entries.map(\.article) ?? [])
        return workflow.articles.map { entry in
            let last = latest[entry.id]
            let state: String
            if entry.awaitingManuscript { state = "commissioned" }
            else if published.contains(entry.id) { state = "published" }
            else if let last, last.gatePassed { state = entry.status == .approved ? "approved" : "edited" }
            else { state = "received" }
            return Row(article: entry.id, state: state, lastRun: last)
        }
    }
}
