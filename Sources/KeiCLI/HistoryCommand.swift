import ArgumentParser
import Foundation
import KeiCore
import KeiLedger

/// `kei-pipeline history`: the runs recorded in the ledger, newest first, with their counts.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List past runs recorded in the ledger with their counts, newest first.",
        discussion: "The ledger is --state-dir/ledger.sqlite, else KEI_STATE_DIR/ledger.sqlite, else .kei/ledger.sqlite under the project root (the nearest folder holding Workflows/, from the working directory up). Counts are after --baseline (as the run's report gave them); 'passed'/'failed' is the gate's verdict, fail-on its level. Times are UTC. Exit codes: 0 listed, 2 usage or ledger error (such as .kei being a file).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Show at most this many runs.")
    var limit = 20

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("Folder of the ledger.", valueName: "dir"))
    var stateDir: String?

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        try PipelineDriver.validateStateDir(stateDir)
    }

    func run() throws {
        let env = CLIEnvironment.current
        let db = try PipelineDriver.ledgerDatabase(stateDir, projectRoot: PipelineDriver.projectRoot(from: env.workingDirectory), env: env)
        let shown = FileIO.displayPath(db, relativeTo: env.workingDirectory)
        let runs: [LedgerReader.Run]
        do { runs = try LedgerReader.runs(in: db, limit: limit) } catch {
            throw KeiError.input(path: shown, "cannot read the ledger: \(error)")
        }
        if format == .json {
            env.out(PipelineDriver.json(runs) + "\n")
            return
        }
        if runs.isEmpty { env.out(BidiControls.visible(ControlCharacters.visible("no runs recorded yet (\(shown))")) + "\n"); return }
        for r in runs {
            env.out(BidiControls.visible(ControlCharacters.visible("#\(r.id) \(r.started) \(r.workflow): \(r.articles) article(s) (\(r.cached) cached), \(r.errors) error(s), \(r.warnings) warning(s), \(r.infos) info(s)\(r.baselined > 0 ? ", \(r.baselined) baselined" : ""), \(r.gatePassed ? "passed" : "failed") (fail-on \(r.failOn)), exit \(r.exitCode) — \(r.command)")) + "\n")
        }
    }
}
