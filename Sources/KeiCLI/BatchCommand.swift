import ArgumentParser
import Foundation
import KeiCore
import KeiDocument
import KeiStages

/// `kei-pipeline batch [WORKFLOW|DIR|GLOB]...`: many issues in one call (see ``BatchPlan`` for what the
/// arguments mean), one report covering all of them, and a summary per issue.
///
/// Exit codes: 0 when every issue ran and every gate passed; 1 when any gate failed or any issue could
/// not run (its workflow, manifest or pages could not be loaded: reported as `batch.issue-not-run` errors,
/// and the other issues still run); 2 when no issue could run at all (or on a usage error).
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run many issues: workflows, globs of workflows or pages, back-issue folders of article pages.",
        discussion: """
        Each argument is a workflow (name under Workflows/ or path), a glob (quote it: 'Workflows/issue-*.yml', \
        'Samples/back-issues/vol-1/issue-1/*.html'; .html, .htm and .txt are pages, anything else a workflow), or a folder tree in which every folder holding pages (.html, .htm, .txt) is \
        one back issue (its issue.yml gives volume, number, title, date and optional article ids; else the path \
        vol-N/issue-M). Back issues run through --workflow (default: Workflows/default.yml) into out/batch/<issue> \
        (or --output/<issue>). Issues that cannot be loaded are reported and the others run. A progress bar is drawn \
        on stderr when it is a terminal (not with --quiet). Exit codes: 0 every gate passed, 1 a gate failed or an \
        issue could not run, 2 usage error or no issue could run.
        """)

    @Argument(help: "Workflows, globs, folders of article pages.")
    var inputs: [String]

    @Option(name: .long, help: "Workflow whose stages, gates and journal back-issue folders run through (default: default).")
    var workflow: String?

    @Flag(name: .long, help: "No progress bar.")
    var quiet = false

    @OptionGroup var options: PipelineOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("name at least one workflow, glob or folder") }
    }

    func run() throws {
        let env = CLIEnvironment.current
        Interruption.install(for: env)
        let plan = BatchPlan(arguments: inputs, template: workflow, output: options.output, env: env)
        let total = plan.issues.reduce(0) { n, issue in n + ((try? issue.workflow.get())?.articles.count ?? 0) }
        let display = env.errIsTerminal && !quiet ? ProgressDisplay(total: total, columns: ProgressDisplay.terminalColumns(), write: env.err) : nil
        // A broken baseline file stops the batch before any work (exit 2), as in `run`.
        let baseline = try options.baseline.map { try Baseline.load(PipelineDriver.resolve($0, env: env), display: $0) }
        // Each issue's result with its article ids already `ISSUE/ARTICLE`, so that baselines written and read
        // by batch match per issue and the summary counts what the merged report counts.
        var results: [RunResult] = []
        var unbaselined: [RunResult] = []
        var matched: Set<String> = []
        var runRules: [StageMessage] = []
        var ran: [Bool] = []
        var complete = true
        // Every issue's output folder is checked and locked before any work, all or none (exit 2), and held to the end.
        // Taken in the order of their real paths, so that two batches waiting (--wait-for-lock) cannot deadlock.
        try PipelineDriver.checkReportDestinations(options, env: env)
        var locks: [String: (OutputFolderLock, [Diagnostic])] = [:]
        let folders = Dictionary(plan.issues.compactMap { try? $0.workflow.get() }.map { wf in
            (PathPolicy.resolve(wf.outputDirectory.standardizedFileURL.path) ?? wf.outputDirectory.path, wf)
        }, uniquingKeysWith: { first, _ in first })
        for (key, wf) in folders.sorted(by: { $0.key < $1.key }) {
            locks[key] = try PipelineDriver.lockOutput(wf, options: options, env: env)
        }
        defer { for (lock, _) in locks.values { lock.release() } }
        for issue in plan.issues {
            switch issue.workflow {
            case .success(let wf):
                let key = PathPolicy.resolve(wf.outputDirectory.standardizedFileURL.path) ?? wf.outputDirectory.path
                let lockNotices = locks[key]?.1 ?? []
                locks[key]?.1 = []
                // --shard and --changed-since select per issue (exit 2 when git cannot answer).
                let (selected, partial) = try ArticleSelection.apply(wf, options: options, cwd: env.workingDirectory)
                runRules += wf.stages.flatMap { $0.stage.reportedRules }
                if partial != nil { complete = false }
                display?.update(issue: issue.name, finished: false)
                let name = issue.name
                var progress: (@Sendable (ArticleProgress) -> Void)?
                if let display { progress = { _ in display.update(issue: name, finished: true) } }
                // The baseline drops findings before the run is recorded (the ledger counts what the report says);
                // --write-baseline writes every finding, so it keeps the results as they were.
                // The ledger records the run's own article ids, so the baseline is applied to the ISSUE/ARTICLE copy
                // and its verdict copied back.
                let result = PipelineDriver.runSelected(selected, partial: partial, options: options, env: env, progress: progress,
                                               ledgerName: issue.ledgerName, adjust: { r in
                    r.issueDiagnostics += lockNotices
                    var m = RunResult.merged([r], name: r.workflowName, displayPath: r.workflowDisplayPath)
                    unbaselined.append(m)
                    guard let (b, _) = baseline else { return }
                    matched.formUnion(b.drop(from: &m))
                    let prefix = r.workflowName + "/"
                    let unprefix = { (d: Diagnostic) -> Diagnostic in
                        var d = d
                        if let a = d.article, a.hasPrefix(prefix) { d.article = String(a.dropFirst(prefix.count)) }
                        return d
                    }
                    for k in r.outcomes.indices { r.outcomes[k].diagnostics = m.outcomes[k].diagnostics.map(unprefix) }
                    r.issueDiagnostics = m.issueDiagnostics.map(unprefix)
                    r.baselined = m.baselined
                })
                results.append(RunResult.merged([result], name: result.workflowName, displayPath: result.workflowDisplayPath))
                ran.append(true)
            case .failure(let problems):
                results.append(RunResult(workflowName: issue.name, workflowDisplayPath: issue.display, outputDisplayPath: "",
                                         gate: GatePolicy(), outcomes: [], issueDiagnostics: problems.diagnostics, issueArtifacts: []))
                unbaselined.append(results[results.count - 1])
                ran.append(false)
            }
        }
        display?.clear()
        if let path = options.writeBaseline {
            let all = RunResult.merged(unbaselined, name: "batch", displayPath: "(batch)", prefixIDs: false)
            try FileIO.writeAtomically(try Baseline(result: all).data(), to: PipelineDriver.resolve(path, env: env), display: path)
        }
        var stale: [Diagnostic] = []
        if let (b, text) = baseline, let path = options.baseline {
            let articlesRun = Set(results.flatMap { $0.outcomes.map(\.entry.id) })
            stale = b.staleEntries(matched: matched, articlesRun: articlesRun, completeIssue: complete, display: path, text: text)
        }
        var merged = RunResult.merged(results, name: "batch", displayPath: "(batch)", prefixIDs: false)
        merged.issueDiagnostics += stale
        try PipelineDriver.writeReports(merged, options: options, env: env, runRules: runRules)
        // The summary goes to stdout unless a machine-readable report is written there.
        let stdoutTaken = options.report.contains { $0.path == nil && $0.format != "text" }
        (stdoutTaken ? env.err : env.out)(Self.summary(results, ran: ran, merged: merged))
        if !ran.contains(true) { throw ExitCode(2) }
        if options.writeBaseline != nil { return }
        let code: Int32 = ran.contains(false) || merged.exitCode != 0 || results.contains(where: { $0.exitCode != 0 }) ? 1 : 0
        if code != 0 { throw ExitCode(code) }
    }

    /// The per-issue table (issue, articles, cached, errors, warnings, gate) and the total line; the total's
    /// counts are the merged report's (`summary` of the JSON report).
    static func summary(_ results: [RunResult], ran: [Bool], merged: RunResult) -> String {
        var rows: [[String]] = [["issue", "articles", "cached", "errors", "warnings", "gate"]]
        for (r, didRun) in zip(results, ran) {
            let s = r.summary
            rows.append([r.workflowName, String(r.outcomes.count), String(r.outcomes.filter(\.cached).count),
                         String(s.errors), String(s.warnings), didRun ? (s.gatePassed ? "passed" : "FAILED") : "not run"])
        }
        var widths = Array(repeating: 0, count: rows[0].count)
        for row in rows { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        var out = "\nbatch summary:\n"
        for row in rows {
            out += row.enumerated().map { i, c in
                let pad = String(repeating: " ", count: widths[i] - c.count)
                return i == 0 || i == row.count - 1 ? c + pad : pad + c
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
        }
        let s = merged.summary
        let failed = zip(results, ran).filter { $1 && $0.exitCode != 0 }.count
        let notRun = ran.filter { !$0 }.count
        out += "total: \(ran.count - notRun) issue(s) run, \(notRun) not run, \(failed) gate(s) failed; "
            + "\(merged.outcomes.count) article(s), \(merged.outcomes.filter(\.cached).count) cached, "
            + "\(s.errors) error(s), \(s.warnings) warning(s)\n"
        return out
    }
}
