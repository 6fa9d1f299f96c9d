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
    ///
    /// With `--shard`/`--changed-since` only the selected articles run (``ArticleSelection``); with
    /// `--baseline` the baseline's findings are dropped (``Baseline/apply(to:articlesRun:completeIssue:display:text:)``);
    /// with `--write-baseline` every finding is written to the file and the exit code is 0. A broken
    /// baseline file or a failing git throws before any work (exit 2).
    static func execute(_ workflow: Workflow, options: PipelineOptions, env: CLIEnvironment, notices: [Diagnostic] = []) throws -> Int32 {
        let baseline = try options.baseline.map { try Baseline.load(resolve($0, env: env), display: $0) }
        let (selected, partial) = try ArticleSelection.apply(workflow, options: options, cwd: env.workingDirectory)
        try checkReportDestinations(options, env: env)
        // The output folder is checked and locked before any work (exit 2 when it cannot be written or another run holds it).
        let (lock, lockNotices) = try lockOutput(workflow, options: options, env: env)
        defer { lock.release() }
        let notices = notices + lockNotices
        var baselineData: Result<Data, Error>?
        // Notices and the baseline apply before the run is recorded, so the ledger counts what the report says.
        let result = runSelected(selected, partial: partial, options: options, env: env, adjust: { result in
            result.issueDiagnostics += notices
            if options.writeBaseline != nil { baselineData = Result { try Baseline(result: result).data() } }
            if let (b, text) = baseline, let path = options.baseline {
                b.apply(to: &result, articlesRun: Set(selected.articles.map(\.id)), completeIssue: partial == nil, display: path, text: text)
            }
        })
        if let path = options.writeBaseline, let baselineData {
            try FileIO.writeAtomically(try baselineData.get(), to: resolve(path, env: env), display: path)
        }
        try writeReports(result, options: options, env: env, runRules: workflow.stages.flatMap { $0.stage.reportedRules })
        return options.writeBaseline == nil ? result.exitCode : 0
    }

    /// Checks every `--report FORMAT:PATH` destination before any work (``FileIO/destinationProblem(_:)``).
    /// - Throws: ``KeiError/output(path:_:)`` (exit 2) naming the report path when it is a folder or its folder is not writable.
    static func checkReportDestinations(_ options: PipelineOptions, env: CLIEnvironment) throws {
        for path in options.report.compactMap(\.path) {
            if let why = FileIO.destinationProblem(resolve(path, env: env)) {
                throw KeiError.output(path: path, "cannot write the report: \(why); choose another --report path")
            }
        }
    }

    /// Creates, checks and locks `workflow`'s output folder (``OutputFolderLock``; `--wait-for-lock` waits for
    /// another run holding it) and returns the lock with the `pipeline.stale-temporary-removed` notice when
    /// temporary files of an interrupted run were removed (also said on stderr).
    /// - Throws: ``KeiError/output(path:_:)`` (exit 2) when the folder cannot be written or another run holds it.
    static func lockOutput(_ workflow: Workflow, options: PipelineOptions, env: CLIEnvironment) throws -> (OutputFolderLock, [Diagnostic]) {
        let display = FileIO.displayPath(workflow.outputDirectory, relativeTo: env.workingDirectory)
        let lock = try OutputFolderLock.acquire(workflow.outputDirectory, display: display, wait: options.waitForLock,
                                                onWait: { env.err("note: \(ControlCharacters.visible($0))\n") })
        guard let notice = lock.staleTemporariesNotice(display: display) else { return (lock, []) }
        env.err("note: \(ControlCharacters.visible(notice.message))\n")
        return (lock, [notice])
    }

    /// Runs the articles `--shard`/`--changed-since` selected (``ArticleSelection/apply(_:options:cwd:)``)
    /// and adds its `partial` notice. When the selection left no article of a workflow that lists some,
    /// nothing runs (no `pipeline.no-articles` warning: a shard of a CI matrix may hold no article of an issue).
    /// `ledgerName` and `adjust` are passed to ``run(_:options:env:progress:ledgerName:adjust:)``.
    static func runSelected(_ selected: Workflow, partial: Diagnostic?, options: PipelineOptions, env: CLIEnvironment,
                            progress: (@Sendable (ArticleProgress) -> Void)? = nil, ledgerName: String? = nil,
                            adjust: (inout RunResult) -> Void = { _ in }) -> RunResult {
        var result: RunResult
        func adjustAll(_ r: inout RunResult) {
            r.issueDiagnostics += partial.map { [$0] } ?? []
            adjust(&r)
        }
        if selected.articles.isEmpty && partial != nil {
            result = RunResult(workflowName: selected.name, workflowDisplayPath: selected.displayPath,
                               outputDisplayPath: FileIO.displayPath(selected.outputDirectory, relativeTo: env.workingDirectory),
                               gate: options.strict ? selected.gate.strict : selected.gate,
                               outcomes: [], issueDiagnostics: [], issueArtifacts: [])
            adjustAll(&result)
        } else {
            result = run(selected, options: options, env: env, progress: progress, ledgerName: ledgerName, adjust: adjustAll)
        }
        return result
    }

    /// `path` as given on the command line, relative to the working directory unless absolute.
    static func resolve(_ path: String, env: CLIEnvironment) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : env.workingDirectory.appendingPathComponent(path)
    }

    /// Runs `workflow` with the runner set up from `options` (jobs, fix, link checks, strict gate);
    /// `progress` is called once per finished article. Unchanged articles come from the ledger's cache and
    /// the run is recorded in the ledger (``LedgerSession``); when the ledger cannot be used, the run goes on
    /// and says so (stderr and `pipeline.cache-unavailable` among the issue's diagnostics). `adjust` changes
    /// the result before it is recorded (notices, `--baseline`): the ledger holds the counts the report shows.
    /// `ledgerName` is the name the run is recorded under (default ``LedgerSession/workflowID(_:)``).
    static func run(_ workflow: Workflow, options: PipelineOptions, env: CLIEnvironment,
                    progress: (@Sendable (ArticleProgress) -> Void)? = nil, ledgerName: String? = nil,
                    adjust: (inout RunResult) -> Void = { _ in }) -> RunResult {
        let started = Date()
        let ledger = LedgerSession(options: options, workflow: workflow, env: env, ledgerName: ledgerName)
        var runner = Runner(jobs: options.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        runner.fix = options.fix
        runner.checkLinks = options.checkLinks
        runner.knownRules = Set(ruleCatalog.keys)
        runner.progress = { p in Interruption.articleFinished(); progress?(p) }
        runner.releaseModels = true
        runner.cache = ledger
        var result = runner.run(workflow, workingDirectory: env.workingDirectory, strict: options.strict)
        adjust(&result)
        ledger.finish(result, workflow: workflow, command: commandLine, started: started)
        let shown = FileIO.displayPath(ledger.url, relativeTo: env.workingDirectory)
        if let notice = ledger.unavailableNotice(display: shown) {
            env.err("warning: \(ControlCharacters.visible(notice.message))\n")
            result.issueDiagnostics.append(notice)
        }
        return result
    }

    /// Renders `result` in every `--report` format (text to stdout when none is given) and writes each
    /// to its path (atomically) or to stdout.
    /// `runRules` are the rules the run's own stage instances report beyond the built-in catalog (a
    /// house style's rules: ``Stage/reportedRules`` of each ``StageInvocation``): reports that carry rule
    /// metadata (SARIF `shortDescription`) give their descriptions instead of the bare id.
    static func writeReports(_ result: RunResult, options: PipelineOptions, env: CLIEnvironment, runRules: [StageMessage] = []) throws {
        let specs = options.report.isEmpty ? [ReportSpec(argument: "text")!] : options.report
        var rules = ruleCatalog
        for m in runRules where rules[m.rule] == nil { rules[m.rule] = m }
        let reportOptions = ReportOptions(showInfo: options.showInfo, rules: rules, toolVersion: KeiCLI.version)
        for spec in specs {
            guard let type = Reporters.reporter(id: spec.format) else { continue }
            let text = type.init(options: reportOptions).render(result)
            if let path = spec.path {
                try FileIO.writeAtomically(Data(text.utf8), to: resolve(path, env: env), display: path)
            } else {
                env.out(text)
            }
        }
    }

    /// Every rule id the built-in stages and the runner can report, with its severity and summary.
    static let ruleCatalog: [String: StageMessage] = {
        var rules: [String: StageMessage] = [:]
        for m in BuiltInStages.all.flatMap({ $0.description.messages }) + Runner.messages + LedgerSession.messages + [BatchPlan.notRun, Baseline.staleEntry, ArticleSelection.partialIssue] where rules[m.rule] == nil {
            rules[m.rule] = m
        }
        return rules
    }()

    static func outputURL(_ path: String?, env: CLIEnvironment) -> URL? {
        guard let path else { return nil }
        return (path.hasPrefix("/") ? URL(fileURLWithPath: path) : env.workingDirectory.appendingPathComponent(path)).standardizedFileURL
    }
}
