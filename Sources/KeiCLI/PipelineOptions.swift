import ArgumentParser
import Foundation
import KeiCore

/// Options shared by `run` and `check`.
struct PipelineOptions: ParsableArguments {
    @Option(name: .long, help: "Write outputs to this folder instead of the workflow's 'output'.")
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Report format and destination, FORMAT[:PATH]; PATH '-' (or none) is stdout. Repeatable (e.g. --report sarif:out.sarif --report junit:junit.xml --report github). Formats: text, json, sarif (SARIF 2.1.0), junit (JUnit XML), github (Actions annotations), checkstyle (Checkstyle XML).", valueName: "format[:path]"))
    var report: [ReportSpec] = []

    @Flag(name: .long, help: "Apply the safe fixes that check stages offer to the model before emission (the source files are never changed); the reports list each change.")
    var fix = false

    @Flag(name: .long, help: "Fail the gate on warnings too (exit 1 when any warning or error remains after suppressions and the baseline).")
    var strict = false

    @Flag(name: .long, help: "List info diagnostics one by one in the text report (libxml2 recoveries, …).")
    var showInfo = false

    @Flag(name: .long, help: "Request every web address of the articles' notes and links (check.citations: link-* options, cache file link-cache.json in the output folder); off by default.")
    var checkLinks = false

    @Option(name: .long, help: "Articles processed at once (default: number of cores).")
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("Folder of the cache and run ledger (ledger.sqlite); default: KEI_STATE_DIR, else .kei under the project root (the folder that holds Workflows/).", valueName: "dir"))
    var stateDir: String?

    @Flag(name: .long, help: "Neither read nor write the article result cache (the run is still recorded in the ledger).")
    var noCache = false

    @Flag(name: .long, help: "Re-run every article, ignoring cached results, and refresh the cache.")
    var force = false

    @Flag(name: .long, help: "When another run is writing to the same output folder (it holds <output>/.kei-lock), wait for it to finish instead of stopping with exit 2.")
    var waitForLock = false
    @Option(name: .long, help: ArgumentHelp("Drop the findings whose fingerprint is in this baseline file from the reports and the gate; entries that match nothing are reported (baseline.stale-entry).", valueName: "file"))
    var baseline: String?

    @Option(name: .long, help: ArgumentHelp("Write every finding of this run to this baseline file (JSON, atomically); the exit code is then 0 unless an input or configuration error stops the run.", valueName: "file"))
    var writeBaseline: String?

    @Option(name: .long, help: ArgumentHelp("Run only the articles whose source changed since this git revision (git diff plus untracked files); a change under Workflows/ runs every article.", valueName: "git-rev"))
    var changedSince: String?

    @Option(name: .long, help: ArgumentHelp("Run the K-th of N parts of the articles (1 ≤ K ≤ N; split by a hash of the article id).", valueName: "k/n"))
    var shard: ShardSpec?

    func validate() throws {
        for r in report where Reporters.reporter(id: r.format) == nil {
            throw ValidationError("unknown report format '\(r.format)'; known formats: \(Reporters.all.map { $0.id }.joined(separator: ", "))")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        try PipelineDriver.validateStateDir(stateDir)
        try Self.validateDestinations(report)
        if let changedSince, let problem = ArticleSelection.revisionProblem(changedSince) { throw ValidationError(problem) }
    }

    /// Throws when two reports would write into one stream: more than one to stdout (their outputs would be
    /// concatenated into something no reader parses) or two to the same file (compared after resolving `.`
    /// and `..` against the working directory).
    static func validateDestinations(_ reports: [ReportSpec]) throws {
        let toStdout = reports.filter { $0.path == nil }
        if toStdout.count > 1 {
            throw ValidationError("at most one report can go to stdout, but \(toStdout.map { "--report \($0.format)" }.joined(separator: ", ")) all do; give the others a file (e.g. --report \(toStdout[1].format):report.\(toStdout[1].format))")
        }
        var seen: [String: ReportSpec] = [:]
        for r in reports {
            guard let path = r.path else { continue }
            let key = URL(fileURLWithPath: path).standardizedFileURL.path
            if let first = seen[key] {
                throw ValidationError("--report \(first.format):\(first.path ?? "") and --report \(r.format):\(path) write the same file; give each report its own path")
            }
            seen[key] = r
        }
    }
}
