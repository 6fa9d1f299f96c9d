import ArgumentParser
import Foundation
import KeiCore
import KeiDocument
import KeiStages
import KeiXML

/// `kei-pipeline bench DIR`: measures the pipeline against bare libxml2 parsing on a corpus of pages,
/// in one process, and prints throughput and ratios (`make bench` generates the corpus and calls it).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark: bare libxml2 parse vs ingest vs the whole article pipeline on a folder of pages.")

    @Argument(help: "A folder of .html pages (e.g. made by ../shared/bench/make_corpus.py).")
    var corpus: String

    @Option(help: "Use at most this many pages.")
    var limit: Int?

    @Option(help: "Workers for the parallel pipeline run.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

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
            let tJATS = time {
                for (b, m) in zip(bodies, metas) {
                    _ = JATSWriter.write(Article(id: "p", source: "p.html", metadata: m, abstract: b.abstract,
                                                 sections: b.sections, notes: b.notes, references: b.references), issue: issue)
                }
            }
            return (tMeta, tContent, tBody, tJATS)
        }
        let (tMeta, tContent, tBody, tJATS) = timeSteps()

        let out = FileManager.default.temporaryDirectory.appendingPathComponent("kei-bench-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: out) }
        var stages: [StageInvocation] = []
        for id in ["ingest.html", "check.metadata", "check.notes", "emit.jats"] {
            guard let type = BuiltInStages.registry.stage(id: id) else { continue }
            stages.append(try StageInvocation(type: type, options: StageOptions(defaultsOf: type.description),
                                          location: SourceLocation(file: "(bench)")))
        }
        let articles = files.enumerated().map { i, url in
            ArticleEntry(id: "p\(i)", source: url.lastPathComponent, sourceURL: url, status: .received)
        }
        let workflow = Workflow(name: "bench", displayPath: "(bench)", projectRoot: dir, issue: IssueInfo(),
                                articles: articles, stages: stages, gate: GatePolicy(), outputDirectory: out, limits: Limits())
        var result: RunResult?
        let serial = time { result = Runner(jobs: 1).run(workflow, workingDirectory: dir) }
        let parallel = time { result = Runner(jobs: jobs).run(workflow, workingDirectory: dir) }
        let diagnostics = result?.diagnostics.count ?? 0

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
        s += "diagnostics: \(diagnostics); roadmap goal: whole pipeline within 3x of bare parse\n"
        env.out(s)
    }

    /// CPU time (user + system) of the whole process so far, in seconds.
    static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
