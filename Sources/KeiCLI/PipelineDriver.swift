import ArgumentParser
import Foundation
import KeiCore
import KeiDocument
import KeiLedger
import KeiStages

/// Runs loaded workflows and writes their reports; shared by `run`, `check` and `batch`.
enum PipelineDriver {
    /// Runs `workflow` and writes the reports; `notices` (the runner's own diagnostics about the run as
    /// a whole, such as `pipeline.style-not-checked`) are reported with the issue's diagnostics.
    /// Returns the exit code (0 gate passed, 1 gate failed).
    static func execute(_ workflow: Workflow, options: PipelineOptions, env: CLIEnvironment, notices: [Diagnostic] = []) throws -> Int32 {
        var result = run(workflow, options: options, env: env)
        result.issueDiagnostics += notices
        try writeReports(result, options: options, env: env)
        return result.exitCode
    }

    /// Runs `workflow` with the runner set up from `options` (jobs, fix, link checks, strict gate);
    /// `progress` is called once per finished article. Unchanged articles come from the ledger's cache and
    /// the run is recorded in the ledger (``LedgerSession``); when the ledger cannot be used, the run goes on
    /// and says so (stderr and `pipeline.cache-unavailable` among the issue's diagnostics).
    static func run(_ workflow: Workflow, options: PipelineOptions, env: CLIEnvironment,
                    progress: (@Sendable (ArticleProgress) -> Void)? = nil) -> RunResult {
        let started = Date()
        let ledger = LedgerSession(options: options, workflow: workflow, env: env)
        var runner = Runner(jobs: options.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        runner.fix = options.fix
        runner.checkLinks = options.checkLinks
        runner.knownRules = Set(ruleCatalog.keys)
        runner.progress = progress
        runner.releaseModels = true
        runner.cache = ledger
        var result = runner.run(workflow, workingDirectory: env.workingDirectory, strict: options.strict)
        ledger.finish(result, workflow: workflow, command: commandLine, started: started)
        let shown = FileIO.displayPath(ledger.url, relativeTo: env.workingDirectory)
        if let notice = ledger.unavailableNotice(display: shown) {
            env.err("warning: \(notice.message)\n")
            result.issueDiagnostics.append(notice)
        }
        return result
    }

    /// Renders `result` in every `--report` format (text to stdout when none is given) and writes each
    /// to its path (atomically) or to stdout.
    static func writeReports(_ result: RunResult, options: PipelineOptions, env: CLIEnvironment) throws {
        let specs = options.report.isEmpty ? [ReportSpec(argument: "text")!] : options.report
        let reportOptions = ReportOptions(showInfo: options.showInfo, rules: ruleCatalog, toolVersion: KeiCLI.version)
        for spec in specs {
            guard let type = Reporters.reporter(id: spec.format) else { continue }
            let text = type.init(options: reportOptions).render(result)
            if let path = spec.path {
                let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : env.workingDirectory.appendingPathComponent(path)
                try FileIO.writeAtomically(Data(text.utf8), to: url, display: path)
            } else {
                env.out(text)
            }
        }
    }

    /// Every rule id the built-in stages and the runner can report, with its severity and summary.
    static let ruleCatalog: [String: StageMessage] = {
        var rules: [String: StageMessage] = [:]
        for m in BuiltInStages.all.flatMap({ $0.description.messages }) + Runner.messages + LedgerSession.messages + [BatchPlan.notRun] where rules[m.rule] == nil {
            rules[m.rule] = m
        }
        return rules
    }()

    static func outputURL(_ path: String?, env: CLIEnvironment) -> URL? {
        guard let path else { return nil }
        return (path.hasPrefix("/") ? URL(fileURLWithPath: path) : env.workingDirectory.appendingPathComponent(path)).standardizedFileURL
    }
}
