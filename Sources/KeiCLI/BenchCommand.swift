import ArgumentParser
import Foundation
import KeiCitations
import KeiCore
import KeiDocument
import KeiStages
import KeiXML

/// `kei-pipeline bench DIR`: measures the pipeline against bare libxml2 parsing on a corpus of pages,
/// in one process, and prints throughput and ratios (`make bench` generates the corpus and calls it).
///
/// With a house style (the effective style of `--workflow`, by default `Workflows/default.yml`'s), it
/// also measures `lint.style`: its throughput in words per second of CPU time (words: the word tokens of
/// the shared analysis it lints), the analysis it reads, and the whole pipeline with the stage on as well
/// as off.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark: bare libxml2 parse vs ingest vs the whole article pipeline (lint.style off and on) on a folder of pages.")

    @Argument(help: "A folder of .html pages (e.g. made by ../shared/bench/make_corpus.py).")
    var corpus: String

    @Option(help: "Use at most this many pages.")
    var limit: Int?

    @Option(help: "Workers for the parallel pipeline run.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Workflow whose house style lint.style runs (name under Workflows/ or path; default: default). Without one, the lint rows are left out.")
    var workflow: String?

    @Flag(help: "Also time each ingest step, the in-process pipeline (lint.style off and on) and lint.style alone, on one core (where the time goes).")
    var breakdown = false

    @Option(help: "The kei-pipeline binary the CLI runs use (default: the running one).")
    var binary: String?

    @Flag(help: "Leave out the memory rows (a child run on one and on two generated pages at the default limits.max-source-bytes made of <p>a</p>, its peak resident memory against the 1.5 GB target).")
    var noMemory = false

    func run() throws {
        let env = CLIEnvironment.current
        let dir = corpus.hasPrefix("/") ? URL(fileURLWithPath: corpus) : env.workingDirectory.appendingPathComponent(corpus)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasSuffix(".html") }.sorted()
        let files = Array(names.prefix(limit ?? names.count)).map { dir.appendingPathComponent($0) }
        guard !files.isEmpty else { throw KeiError.input(path: corpus, "no .html pages in this folder") }
        let pages = try files.map { try Data(contentsOf: $0) }
        let bytes = pages.reduce(0) { $0 + $1.count }
        env.out("corpus: \(pages.count) pages, \(bytes / 1_048_576) MiB, \(jobs) worker(s) for parallel runs\n")
        try figures(files: files, pages: pages, bytes: bytes, dir: dir, env: env)
        if breakdown { try stepBreakdown(files: files, pages: pages, dir: dir, env: env) }
    }

    /// The figures issue 11 asks for, measured in one run on the same pages: bare libxml2 parsing on one
    /// core and on `jobs` workers, ingest alone (in process, `jobs` workers), and the full pipeline through
    /// the CLI as users run it over a back issue (`kei-pipeline batch` as a child process on a folder of the
    /// pages, through the project's default workflow, every stage of it, the JSON report written) on 1/4,
    /// 1/2 and all of the pages, then all of them again (the warm re-run, which takes unchanged articles
    /// from the cache the cold run left under `.kei/`); throughput in pages/s and MB/s (10^6 bytes of page source per second, wall clock),
    /// the ratio full / bare on the same number of workers, and the child's peak resident memory.
    func figures(files: [URL], pages: [Data], bytes: Int, dir: URL, env: CLIEnvironment) throws {
        let exe = try binary.map { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : env.workingDirectory.appendingPathComponent($0) }
            ?? Self.runningBinary()
        let jobs = max(1, self.jobs)
        func measure(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
            let start = DispatchTime.now().uptimeNanoseconds, cpuStart = Self.processCPUSeconds()
            try body()
            return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, Self.processCPUSeconds() - cpuStart)
        }
        let bare1 = measure { for p in pages { _ = MarkupParser.parseHTMLAndDiscard(p) } }
        let bareN = measure {
            DispatchQueue.concurrentPerform(iterations: jobs) { w in
                for i in stride(from: w, to: pages.count, by: jobs) { _ = MarkupParser.parseHTMLAndDiscard(pages[i]) }
            }
        }
        let temp = Self.scratchFolder()
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temp) }
        let ingest = try measure {
            let stage = try StageInvocation(type: IngestHTMLStage.self, options: StageOptions(defaultsOf: IngestHTMLStage.description),
                                            location: SourceLocation(file: "(bench)"))
            let articles = files.enumerated().map { i, url in
                ArticleEntry(id: "p\(i)", source: url.lastPathComponent, sourceURL: url, status: .received)
            }
            let wf = Workflow(name: "bench-ingest", displayPath: "(bench)", projectRoot: dir, issue: IssueInfo(), articles: articles,
                              stages: [stage], gate: GatePolicy(), outputDirectory: temp.appendingPathComponent("ingest"), limits: Limits())
            var runner = Runner(jobs: jobs)
            runner.releaseModels = true
            _ = runner.run(wf, workingDirectory: dir)
        }

        // The CLI runs: 1/4, 1/2 and all of the pages cold, each in a fresh folder, then all of them again
        // in the last folder (warm: a cache kept there is reused).
        let extra = workflow.map { ["--workflow", $0.contains("/") ? URL(fileURLWithPath: $0, relativeTo: env.workingDirectory).path : $0] } ?? []
        var sized: [(pages: Int, run: BenchCLIRun)] = []
        for n in Set([max(1, files.count / 4), max(1, files.count / 2), files.count]).sorted() {
            let folder = temp.appendingPathComponent("cli-\(n)")
            try BenchCLIRun.prepare(folder, project: env.workingDirectory, files: Array(files.prefix(n)))
            sized.append((n, try BenchCLIRun.run(binary: exe, jobs: jobs, in: folder, extra: extra)))
        }
        let peak = BenchCLIRun.peakChildBytes()
        let cold = sized[sized.count - 1].run
        let warm = try BenchCLIRun.run(binary: exe, jobs: jobs, in: cold.folder, extra: extra)

        let mb = Double(bytes) / 1e6
        func row(_ name: String, _ t: (wall: Double, cpu: Double)) -> String {
            name.padding(toLength: 46, withPad: " ", startingAt: 0)
                + String(format: "%8.2f s %8.2f s cpu %9.0f pages/s %8.1f MB/s\n",
                         t.wall, t.cpu, Double(pages.count) / max(t.wall, 1e-9), mb / max(t.wall, 1e-9))
        }
        var s = "throughput on the wall clock (MB: 10^6 bytes of page source)\n"
        s += row("bare libxml2 parse + free (1 core)", bare1)
        s += row("bare libxml2 parse + free (\(jobs) workers)", bareN)
        s += row("ingest alone (in process, \(jobs) workers)", ingest)
        s += row("full pipeline, CLI batch (\(jobs) workers)", (cold.wall, cold.cpu))
        s += String(format: "ratio full / bare parse on %d worker(s): %.2fx wall clock, %.2fx cpu (target: within 3x)\n",
                    jobs, cold.wall / max(bareN.wall, 1e-9), cold.cpu / max(bareN.cpu, 1e-9))
        if let cached = warm.cached, cached > 0 {
            s += String(format: "warm re-run: %.2f s, %.1f%% of the cold run, %d of %d articles cached (target: at most 5%%)\n",
                        warm.wall, 100 * warm.wall / max(cold.wall, 1e-9), cached, files.count)
        } else {
            s += String(format: "warm re-run: n/a (no article came from the cache; the same run again took %.2f s)\n", warm.wall)
        }
        s += String(format: "peak memory of the CLI run (all pages, resident): %.0f MB (target: at most 300 MB)\n", Double(peak) / 1e6)
        s += "linear growth (CLI, cold):"
        for (n, r) in sized {
            s += String(format: " %d pages %.2f s (%.2f ms/page);", n, r.wall, 1000 * r.wall / Double(n))
        }
        s.removeLast()
        env.out(s + "\n")
        if !noMemory {
            env.out(try BenchMemoryRun.rows(binary: exe, project: env.workingDirectory, scratch: temp, extra: extra))
        }
    }

    /// A new folder name under the temporary directory for one measurement's files: unique per call, so
    /// benches running at once in one process (in-process tests) never share or delete each other's runs.
    static func scratchFolder() -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("kei-bench-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
    }

    /// The running executable when it is `kei-pipeline` (the CLI runs re-launch it).
    /// - Throws: ``KeiError/usage(_:)`` when it is not (e.g. a test runner): name it with `--binary`.
    static func runningBinary() throws -> URL {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        guard exe.lastPathComponent == "kei-pipeline" else {
            throw KeiError.usage("bench runs the kei-pipeline binary as a child process: name it with --binary (this process is \(exe.lastPathComponent))")
        }
        return exe
    }

    /// Where the time goes, in process: each ingest step alone and the pipeline with lint.style off and
    /// on, as CPU-time ratios over the bare parse on one core.
    func stepBreakdown(files: [URL], pages: [Data], dir: URL, env: CLIEnvironment) throws {
        // Every step is timed twice: wall clock, and the CPU time of the whole process. On a shared
        // machine other processes stretch the wall clock of a one-core step but not its CPU time, so the
        // one-core ratios are taken from CPU time; the parallel run can only be read on the wall clock.
        var cpuTimes: [Double] = []
        func time(_ body: () throws -> Void) rethrows -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = Self.processCPUSeconds()
            try body()
            cpuTimes.append(Self.processCPUSeconds() - cpuStart)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        let bare = time { for p in pages { _ = MarkupParser.parseHTMLAndDiscard(p) } }
        let copy = time { for p in pages { _ = MarkupParser.parseHTML(p) } }

        // Where the time goes: each ingest step alone, on one core, over the same parsed pages. The
        // parsed pages and the steps' results are freed before the pipeline runs, so they do not weigh
        // on its memory.
        func timeSteps() -> (meta: Double, content: Double, body: Double, jats: Double) {
            let docs = pages.map { MarkupParser.parseHTML($0) }
            var metas: [ArticleMetadata] = []
            let tMeta = time { metas = docs.map { MetadataExtractor.extract(from: $0, file: "p.html").metadata } }
            var contents: [DOMElement?] = []
            let tContent = time { contents = docs.map { ContentExtractor.extract(from: $0) } }
            var bodies: [BodyResult] = []
            let tBody = time {
                bodies = zip(zip(contents, docs), metas).compactMap { pair, m in
                    pair.0.map { BodyBuilder.build(content: $0, document: pair.1, metadata: m, file: "p.html") }
                }
            }
            let issue = IssueInfo()
            let articles = zip(bodies, metas).map { b, m in
                Article(id: "p", source: "p.html", metadata: m, abstract: b.abstract, sections: b.sections, notes: b.notes, references: b.references)
            }
            // The citation index is the checks' (shared with emit.jats in a run); this step times the writing.
            let indexes = articles.map { CitationIndex(article: $0, analysis: ArticleAnalysis($0)) }
            let tJATS = time {
                for (article, index) in zip(articles, indexes) {
                    _ = JATSWriter.write(article, issue: issue, citations: index)
                }
            }
            return (tMeta, tContent, tBody, tJATS)
        }
        let (tMeta, tContent, tBody, tJATS) = timeSteps()

        let out = Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let articles = files.enumerated().map { i, url in
            ArticleEntry(id: "p\(i)", source: url.lastPathComponent, sourceURL: url, status: .received)
        }
        // A named workflow must load; without one, the default workflow's style is used when there is one.
        let loaded = try workflow.map { try WorkflowStyle.load($0, env: env) } ?? (try? WorkflowStyle.load(nil, env: env))
        let style = loaded?.sheet
        // check.dates runs with the workflow's timeline (the journal's `timeline:`), as in a real run.
        let timeline = loaded?.workflow.stages.lazy.compactMap(\.options.timeline).first
        /// The benchmark's workflow: ingest, the checks, (lint.style,) JATS.
        func pipeline(lint: Bool) throws -> Workflow {
            var stages: [StageInvocation] = []
            for id in ["ingest.html", "check.metadata", "check.citations", "check.dates"] + (lint ? ["lint.style"] : []) + ["emit.jats"] {
                guard let type = BuiltInStages.registry.stage(id: id) else { continue }
                var options = StageOptions(defaultsOf: type.description)
                options.style = style
                options.timeline = timeline
                stages.append(try StageInvocation(type: type, options: options, location: SourceLocation(file: "(bench)")))
            }
            return Workflow(name: "bench", displayPath: "(bench)", projectRoot: dir, issue: IssueInfo(),
                            articles: articles, stages: stages, gate: GatePolicy(), outputDirectory: out, limits: Limits())
        }
        var result: RunResult?
        let plain = try pipeline(lint: false)
        let serial = time { result = Runner(jobs: 1).run(plain, workingDirectory: dir) }
        let parallel = time { result = Runner(jobs: jobs).run(plain, workingDirectory: dir) }
        let diagnostics = result?.diagnostics.count ?? 0
        var linted: (serial: Double, parallel: Double, diagnostics: Int, style: Int)?
        if let style {
            let withLint = try pipeline(lint: true)
            let s = time { result = Runner(jobs: 1).run(withLint, workingDirectory: dir) }
            let p = time { result = Runner(jobs: jobs).run(withLint, workingDirectory: dir) }
            let own = Set(style.enabledRules.map(\.id))
            linted = (s, p, result?.diagnostics.count ?? 0, result?.diagnostics.filter { own.contains($0.rule) }.count ?? 0)
        }
        let lintAlone = try style.map { try Self.lintAlone(files: files, style: $0, directory: dir, output: out) }

        let bareCPU = cpuTimes[0]
        func row(_ name: String, _ t: Double, cpu: Double?) -> String {
            let rate = Double(pages.count) / max(t, 1e-9)
            let head = name.padding(toLength: 44, withPad: " ", startingAt: 0)
                + String(format: "%8.2f s  %8.0f pages/s", t, rate)
            guard let cpu else {
                return head + String(format: "  %8s  %6.2fx bare parse (wall clock)\n", "", t / max(bare, 1e-9))
            }
            return head + String(format: "  %6.2f s cpu  %6.2fx bare parse\n", cpu, cpu / max(bareCPU, 1e-9))
        }
        var s = "one-core ratios are CPU time over the bare parse's CPU time; the parallel run's is wall clock\n"
        s += row("libxml2 parse + free (1 core)", bare, cpu: cpuTimes[0])
        s += row("parse + copy into Swift values (1 core)", copy, cpu: cpuTimes[1])
        s += row("  metadata extraction alone", tMeta, cpu: cpuTimes[2])
        s += row("  content extraction (chrome removal) alone", tContent, cpu: cpuTimes[3])
        s += row("  body building (sections, notes) alone", tBody, cpu: cpuTimes[4])
        s += row("  JATS serialisation alone", tJATS, cpu: cpuTimes[5])
        s += row("pipeline: ingest, checks, JATS (1 core)", serial, cpu: cpuTimes[6])
        s += row("pipeline: ingest, checks, JATS (\(jobs) workers)", parallel, cpu: nil)
        if let linted {
            s += row("pipeline with lint.style (1 core)", linted.serial, cpu: cpuTimes[8])
            s += row("pipeline with lint.style (\(jobs) workers)", linted.parallel, cpu: nil)
        }
        s += "diagnostics: \(diagnostics) without lint.style"
        if let linted { s += ", \(linted.diagnostics) with it (\(linted.style) house-style findings)" }
        s += "; roadmap goal: whole pipeline within 3x of bare parse\n"
        if let l = lintAlone, let style {
            s += String(format: "lint.style alone (%d enabled rules, 1 core): %d words (word tokens linted) in %.2f s cpu: %.0f words/s\n",
                        style.enabledRules.count, l.words, l.lint, Double(l.words) / max(l.lint, 1e-9))
            s += String(format: "  the shared analysis it reads, built once per article: %.2f s cpu, %.0f words/s; %d findings\n",
                        l.analysis, Double(l.words) / max(l.analysis, 1e-9), l.findings)
        } else {
            s += "lint.style: no house style (no Workflows/default.yml with one here; name a workflow with --workflow), so its rows are left out\n"
        }
        env.out(s)
    }

    /// Each page ingested, its analysis built and `lint.style` run on it, on one core, timing the analysis
    /// and the lint in CPU seconds (the ingest is not timed). Words are the word tokens of every text unit
    /// of the analysis (the text the lint reads, quotations included).
    static func lintAlone(files: [URL], style: StyleSheet, directory: URL, output: URL) throws
        -> (words: Int, analysis: Double, lint: Double, findings: Int) {
        var lintOptions = StageOptions(defaultsOf: LintStyleStage.description)
        lintOptions.style = style
        let lint = try LintStyleStage(options: lintOptions)
        let ingest = try IngestHTMLStage(options: StageOptions(defaultsOf: IngestHTMLStage.description))
        var words = 0, findings = 0
        var tAnalysis = 0.0, tLint = 0.0
        for (i, url) in files.enumerated() {
            var context = ArticleContext(entry: ArticleEntry(id: "p\(i)", source: url.lastPathComponent, sourceURL: url, status: .received),
                                         issue: IssueInfo(), sourceDisplayPath: url.lastPathComponent,
                                         outputDirectory: output, workingDirectory: directory)
            try? ingest.run(&context)
            guard let article = context.article else { continue }
            let t0 = processCPUSeconds()
            guard let analysis = context.currentAnalysis() else { continue }
            let t1 = processCPUSeconds()
            findings += lint.check(article, context: context).count
            let t2 = processCPUSeconds()
            tAnalysis += t1 - t0
            tLint += t2 - t1
            words += analysis.units.reduce(0) { $0 + $1.tokens.count }
        }
        return (words, tAnalysis, tLint, findings)
    }

    /// CPU time (user + system) of the whole process so far, in seconds.
    static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
