import Dispatch
import Foundation
import KeiDocument

/// Runs a workflow: article stages on every article (in parallel across cores, each article's
/// stages in order), then issue stages once. Output and report order are deterministic.
public struct Runner: Sendable {
    /// How many articles run at once (default: the number of cores).
    public var jobs: Int
    /// Apply the safe fixes of check stages to the model before emission (`--fix`).
    public var fix: Bool = false
    /// Let checks request the articles' web addresses (`--check-links`; ``ArticleContext/checkLinks``).
    public var checkLinks = false
    /// Every rule id a stage can report (the registry's), for checking suppression directives; nil uses
    /// the rules of the workflow's own stages.
    public var knownRules: Set<String>?
    /// Earlier results to reuse for unchanged articles (`--force` runs without one); consulted only when no
    /// issue stage reads the article models. See ``ArticleResultCache``.
    public var cache: (any ArticleResultCache)?
    /// Called once per article as it finishes (from the worker that ran it, so possibly concurrently).
    public var progress: (@Sendable (ArticleProgress) -> Void)?
    /// Release each article's model and decoded source as soon as its stages finish, when no issue stage
    /// reads the models (the CLI sets it; in-process callers that inspect `outcome.article` leave it off).
    /// The ``cache`` is consulted only when the models are released.
    public var releaseModels = false

    static let stageFailed = StageMessage("pipeline.stage-failed", .error,
        "A stage could not run or continue on an article (its remaining stages were skipped) or on the issue.")
    static let stageSkipped = StageMessage("pipeline.stage-skipped", .error,
        "A check stage did not run on an article because no article model was built; the article is unchecked.")
    static let awaiting = StageMessage("pipeline.awaiting-manuscript", .warning,
        "A commissioned article has no manuscript yet; it is skipped and blocks issue publishing stages.")
    static let blocked = StageMessage("pipeline.issue-stage-blocked", .warning,
        "An issue publishing stage did not run because articles are awaiting their manuscripts.")
    static let noArticles = StageMessage("pipeline.no-articles", .warning, "The workflow lists no articles.")
    static let styleNotChecked = StageMessage("pipeline.style-not-checked", .info,
        "`check` ran a workflow without lint.style (outside a project, the built-in default), so the house style was not checked.")

    /// The runner's own messages, for `kei-pipeline stages` and the README.
    static let gateBlocked = StageMessage("pipeline.issue-stage-gated", .warning,
        "An issue publishing stage did not run because an article did not pass its gate.")
    static let outputWriteFailed = StageMessage("pipeline.output-write-failed", .error,
        "A file the runner writes itself (the issue's artifact manifest) could not be written (disk full, permission denied, …).")
    public static let messages = [stageFailed, stageSkipped, awaiting, blocked, gateBlocked, noArticles, unknownSuppressionRule, styleNotChecked,
                                  outputWriteFailed, OutputFolderLock.staleTemporaryRemoved, FindingsCap.capped]

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.jobs = max(1, jobs)
    }

    /// Runs `workflow` with the stage instances it holds (built once by the loader, see ``StageInvocation``);
    /// every stage either runs or leaves a diagnostic saying why it did not.
    public func run(_ workflow: Workflow, workingDirectory: URL, strict: Bool = false) -> RunResult {
        let cwd = workingDirectory.standardizedFileURL
        var outcomes = runArticles(workflow, cwd: cwd, keepModels: !releaseModels || Self.issueStagesReadModels(workflow))
        var issueContext = IssueContext(issue: workflow.issue, workflowName: workflow.name, articles: outcomes,
                                        outputDirectory: workflow.outputDirectory, workingDirectory: cwd,
                                        workflowDisplayPath: workflow.displayPath)
        let workflowLocation = SourceLocation(file: workflow.displayPath, line: 1)
        let outputDisplay = FileIO.displayPath(workflow.outputDirectory, relativeTo: cwd)
        if workflow.articles.isEmpty {
            issueContext.currentStage = "pipeline"
            issueContext.emit(Self.noArticles.diagnostic("\(workflow.displayPath) lists no articles: nothing was checked.",
                                                         at: workflowLocation))
        }
        let awaiting = outcomes.filter { $0.entry.awaitingManuscript }.map(\.entry.id)
        // Publishing stages run only after every article has passed its gate (under --strict, warnings fail it too).
        let gate = strict ? workflow.gate.strict : workflow.gate
        issueContext.articleStages = workflow.articleStages.map(\.id)
        issueContext.issueStages = workflow.issueStages.map(\.id)
        issueContext.gate = gate
        var failing = outcomes.filter { o in o.failed || o.diagnostics.contains { gate.fails($0.severity) } }.map(\.entry.id)
        let previous = IssueArtifactManifest(outputDirectory: workflow.outputDirectory)
        var manifest = previous
        for inv in workflow.issueStages {
            // An issue check (lint.issue-consistency) that fails the gate holds back the publishing stages after it,
            // as an article's own finding does: its articles (or "the issue") join the list.
            defer {
                if !inv.type.description.publishes {
                    for d in issueContext.diagnostics where d.stage == inv.id && gate.fails(d.severity) {
                        let who = d.article ?? "the issue (\(inv.id))"
                        if !failing.contains(who) { failing.append(who) }
                    }
                }
            }
            issueContext.currentStage = inv.id
            // Files a blocked publishing stage wrote in an earlier run: they stay, and are now stale.
            let stale = previous.existing(stage: inv.id, in: workflow.outputDirectory)
            let staleNote = stale.isEmpty ? "" : " Its files from an earlier run are now stale (they may disagree with this run's output): "
                + stale.map { Artifact(kind: "", relativePath: $0).displayPath(inOutput: outputDisplay) }.joined(separator: ", ") + "."
            if inv.type.description.publishes && !awaiting.isEmpty {
                issueContext.emit(Self.blocked.diagnostic(
                    "\(inv.id) did not run: \(awaiting.count) article(s) await their manuscript (\(awaiting.joined(separator: ", "))).\(staleNote)",
                    at: inv.location, fix: "Add the manuscripts' sources to \(workflow.displayPath), or remove the articles from the issue."))
                continue
            }
            if inv.type.description.publishes && !failing.isEmpty {
                issueContext.emit(Self.gateBlocked.diagnostic(
                    "\(inv.id) did not run: \(failing.count) article(s) did not pass their gate (fail-on: \(gate.name)): \(failing.joined(separator: ", ")).\(staleNote)",
                    at: inv.location, fix: "Fix the articles' findings listed above, then run again; the proofs (emit.proof) show each one in place."))
                continue
            }
            guard let stage = inv.stage as? any IssueStage else {
                issueContext.emit(Self.stageFailed.diagnostic(
                    "stage \(inv.id) did not run on the issue: it is declared as an issue stage but does not implement IssueStage.",
                    at: inv.location))
                continue
            }
            let before = issueContext.artifacts.count
            do {
                try stage.run(&issueContext)
            } catch {
                issueContext.emit(Self.stageFailed.diagnostic("stage \(inv.id) failed on the issue: \(Self.describe(error))",
                                                              at: inv.location))
            }
            if inv.type.description.publishes {
                // What it wrote now, and what it wrote before and kept (an accepted deposit beside a refused one).
                let written = issueContext.artifacts[before...].map(\.relativePath)
                let kept = previous.existing(stage: inv.id, in: workflow.outputDirectory).filter { !written.contains($0) }
                manifest.record(stage: inv.id, paths: kept + written)
            }
        }
        if manifest != previous {
            do {
                _ = try FileIO.writeArtifact(kind: "manifest", relativePath: IssueArtifactManifest.relativePath, data: Data(manifest.text.utf8),
                                             outputDirectory: workflow.outputDirectory, workingDirectory: cwd)
            } catch {
                issueContext.currentStage = "pipeline"
                issueContext.emit(Self.outputWriteFailed.diagnostic("the issue's artifact manifest could not be written: \(Self.describe(error))",
                                                                    at: workflowLocation))
            }
        }
        let issueDiagnostics = Self.locateInArticles(issueContext.diagnostics, outcomes: &outcomes)
        var result = RunResult(workflowName: workflow.name, workflowDisplayPath: workflow.displayPath,
                               outputDisplayPath: FileIO.displayPath(workflow.outputDirectory, relativeTo: cwd),
                               gate: strict ? workflow.gate.strict : workflow.gate,
                               outcomes: outcomes, issueDiagnostics: issueDiagnostics,
                               issueArtifacts: issueContext.artifacts)
        result.articleStages = workflow.articleStages.map(\.id)
        result.issueStages = workflow.issueStages.map(\.id)
        return result
    }

    /// `pipeline.style-not-checked` (info) when `workflow` runs no `lint.style` stage, else nil: the
    /// report then says that no `style.…` rule was checked and how to have them checked. `builtIn`
    /// says the workflow is `check`'s built-in default (no `Workflows/default.yml` in the working
    /// directory). Located at the workflow file, without a line.
    public static func styleNotCheckedNotice(_ workflow: Workflow, builtIn: Bool) -> Diagnostic? {
        guard !workflow.articleStages.contains(where: { $0.id == "lint.style" }) else { return nil }
        let why = builtIn
            ? "there is no Workflows/default.yml in the working directory, so check used its built-in default workflow, which has no house style"
            : "\(workflow.displayPath) runs no lint.style stage"
        var d = styleNotChecked.diagnostic(
            "The house style was not checked (no style.… rule ran): \(why).",
            at: SourceLocation(file: workflow.displayPath, line: 0),
            fix: builtIn ? "Run check inside the project (the folder that holds Workflows/), or pass --workflow with a project workflow (PATH/Workflows/default.yml)."
                         : "Add lint.style to the workflow's stages, or pass --workflow with one that runs it (default).")
        d.stage = "pipeline"
        return d
    }

    /// True when an issue stage of `workflow` reads the article models: the models are then kept until the
    /// issue stages ran, and the cache is not consulted (a cached outcome has no model).
    public static func issueStagesReadModels(_ workflow: Workflow) -> Bool {
        workflow.issueStages.contains { $0.type.description.readsArticleModels }
    }

    /// Runs the article stages of every article. Unless `keepModels`, each outcome keeps only its
    /// ``ArticleOutcome/digest``: the model and the decoded source are released as soon as the article's
    /// stages finish, so memory does not grow with the number of articles; and the ``cache`` is used.
    func runArticles(_ workflow: Workflow, cwd: URL, keepModels: Bool) -> [ArticleOutcome] {
        let count = workflow.articles.count
        let stages = workflow.articleStages
        let results = ResultSlots(count: count)
        let finished = Counter()
        let cache = keepModels ? nil : self.cache
        let work: @Sendable (Int) -> Void = { index in
            let entry = workflow.articles[index]
            var outcome: ArticleOutcome
            if !entry.awaitingManuscript, let hit = cache?.cachedOutcome(for: entry, workflow: workflow) {
                outcome = hit
                outcome.cached = true
            } else {
                outcome = runOne(entry, workflow: workflow, stages: stages, cwd: cwd)
                if !entry.awaitingManuscript { cache?.store(outcome, workflow: workflow) }
            }
            if !keepModels {
                outcome.article = nil
                outcome.sourceIndex = nil
            }
            results.set(index, outcome)
            if let progress {
                progress(ArticleProgress(article: entry.id, done: finished.increment(), total: count, cached: outcome.cached))
            }
        }
        if jobs == 1 || count <= 1 {
            for i in 0..<count { work(i) }
        } else {
            let next = Counter()
            DispatchQueue.concurrentPerform(iterations: min(jobs, count)) { _ in
                while let i = next.take(below: count) { work(i) }
            }
        }
        return results.values
    }

    func runOne(_ entry: ArticleEntry, workflow: Workflow, stages: [StageInvocation], cwd: URL) -> ArticleOutcome {
        let shown = entry.sourceURL.map { FileIO.displayPath($0, relativeTo: cwd) }
        guard entry.sourceURL != nil else {
            var d = Self.awaiting.diagnostic(
                "article '\(entry.id)' is \(entry.status.rawValue) and awaiting its manuscript\(entry.commissionedAuthors.isEmpty ? "" : " from " + entry.commissionedAuthors.joined(separator: ", ")); it was not processed.",
                at: entry.declaredAt ?? SourceLocation(file: workflow.displayPath, line: 0))
            d.article = entry.id
            d.stage = "pipeline"
            return ArticleOutcome(entry: entry, sourceDisplayPath: nil, article: nil, diagnostics: [d], artifacts: [], failed: false)
        }
        var context = ArticleContext(entry: entry, issue: workflow.issue, sourceDisplayPath: shown ?? entry.id,
                                     outputDirectory: workflow.outputDirectory, workingDirectory: cwd, limits: workflow.limits)
        context.checkLinks = checkLinks
        var failed = false
        var suppressed = 0
        var superseded = 0
        for inv in stages {
            context.currentStage = inv.id
            do {
                if let s = inv.stage as? any ArticleStage {
                    try s.run(&context)
                } else if let s = inv.stage as? any CheckStage {
                    if context.article != nil {
                        context.prepareShared(for: inv.type.description)
                        var found = s.check(context.article!, context: context)
                        // What the source suppresses is neither reported, nor fixed, nor counted against
                        // limits.max-findings-per-rule; with --fix every safe fix is applied before the cap.
                        suppressed += Self.applySuppressions(&found, article: context.article!, index: context.sourceIndex)
                        if fix {
                            found = Self.applyFixes(found.map { context.stamped($0) }, to: &context, superseded: &superseded)
                        }
                        context.emit(contentsOf: found)
                    } else {
                        context.emit(Self.stageSkipped.diagnostic(
                            "stage \(inv.id) did not run on article '\(entry.id)': no article model was built (see the ingest diagnostics), so the article is unchecked.",
                            at: context.location(line: 0)))
                    }
                } else {
                    throw KeiError.stage("it is declared as a \(inv.kind.rawValue) stage but implements neither ArticleStage nor CheckStage")
                }
            } catch {
                context.emit(Self.stageFailed.diagnostic(
                    "stage \(inv.id) failed on article '\(entry.id)': \(Self.describe(error)); its remaining stages were skipped.",
                    at: context.location(line: 0)))
                failed = true
                break
            }
        }
        var diagnostics = context.diagnostics + context.findingsCap.summaries()
        var changes = context.changes
        if let index = context.sourceIndex {
            Self.resolveAll(&diagnostics, file: context.sourceDisplayPath, index: index)
            Self.resolveAll(&changes, index: index)
        }
        if let article = context.article {
            // The registry's rules, plus what this workflow's stage instances report (house-style rules are data).
            let own = stages.flatMap { $0.stage.reportedRules.map(\.rule) }
            let known = (knownRules ?? Set(Self.messages.map(\.rule))).union(own)
            var unknown = Self.unknownRuleDiagnostics(article, knownRules: known, file: context.sourceDisplayPath)
            for i in unknown.indices {
                unknown[i].article = entry.id
                if let index = context.sourceIndex { Self.resolve(&unknown[i], index: index) }
            }
            diagnostics += unknown
            suppressed += Self.applySuppressions(&diagnostics, article: article, index: context.sourceIndex)
        }
        changes.sort { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }
        var outcome = ArticleOutcome(entry: entry, sourceDisplayPath: shown, article: context.article,
                                     diagnostics: Self.ordered(diagnostics, source: context.sourceDisplayPath),
                                     artifacts: context.artifacts, failed: failed, suppressed: suppressed, changes: changes)
        outcome.superseded = superseded
        outcome.sourceIndex = context.sourceIndex
        return outcome
    }

    /// One article's diagnostics in reading order: by file (the article's source first, then every other
    /// file in the order its first diagnostic was emitted), then line, then column (none before any), then
    /// emission order. A lexicographic order on (file rank, line, column, emission index): a strict weak
    /// ordering (in fact total), so the result does not depend on the sort algorithm.
    static func ordered(_ diagnostics: [Diagnostic], source: String) -> [Diagnostic] {
        var fileRank: [String: Int] = [source: 0]
        for d in diagnostics where fileRank[d.location.file] == nil { fileRank[d.location.file] = fileRank.count }
        let keyed = diagnostics.enumerated().map { i, d in
            (rank: fileRank[d.location.file] ?? 0, line: d.location.line, column: d.location.column ?? 0, index: i, diagnostic: d)
        }
        return keyed.sorted { a, b in
            (a.rank, a.line, a.column, a.index) < (b.rank, b.line, b.column, b.index)
        }.map(\.diagnostic)
    }

    static func describe(_ error: Error) -> String {
        if let k = error as? KeiError { return k.description }
        return String(describing: error)
    }
}

/// Thread-safe slots for results computed in parallel, read back in index order.
final class ResultSlots: @unchecked Sendable {
    private var slots: [ArticleOutcome?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: ArticleOutcome) {
        lock.lock(); slots[i] = value; lock.unlock()
    }

    var values: [ArticleOutcome] {
        lock.lock(); defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}

/// A shared work counter for the article workers.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }

    /// Adds one and returns the new value.
    func increment() -> Int {
        lock.lock(); defer { lock.unlock() }
        value += 1
        return value
    }
}
