import ArgumentParser
import Foundation
import KeiCore
import KeiLedger

/// `kei-pipeline history`: the runs recorded in the ledger, newest first, with their counts.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List past runs recorded in the ledger with their counts, newest first.",
        discussion: "The ledger is --state-dir/ledger.sqlite, else KEI_STATE_DIR/ledger.sqlite, else .kei/ledger.sqlite in the working directory (the project root). Times are UTC. Exit codes: 0 listed, 2 usage or ledger error.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Show at most this many runs.")
    var limit = 20

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("Folder of the ledger.", valueName: "dir"))
    var stateDir: String?

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let env = CLIEnvironment.current
        let db = PipelineDriver.stateDirectory(stateDir, projectRoot: env.workingDirectory, env: env).appendingPathComponent("ledger.sqlite")
        let shown = FileIO.displayPath(db, relativeTo: env.workingDirectory)
        let runs: [LedgerReader.Run]
        do { runs = try LedgerReader.runs(in: db, limit: limit) } catch {
            throw KeiError.input(path: shown, "cannot read the ledger: \(error)")
        }
        if format == .json {
            env.out(PipelineDriver.json(runs) + "\n")
            return
        }
        if runs.isEmpty { env.out("no runs recorded yet (\(shown))\n"); return }
        for r in runs {
            env.out("#\(r.id) \(r.started) \(r.workflow): \(r.articles) article(s) (\(r.cached) cached), \(r.errors) error(s), \(r.warnings) warning(s), \(r.infos) info(s), gate \(r.gate), exit \(r.exitCode) — \(r.command)\n")
        }
    }
}
