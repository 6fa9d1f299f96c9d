import Foundation
import Testing
import KeiTestSupport

/// `kei-pipeline bench` on the three sample pages: the figures themselves vary, but every row is there,
/// the rates are the page counts over the times printed, the CLI runs really ran (a child's peak memory is
/// known, the warm batch re-run took every article from the cache), lint.style's throughput is counted in
/// words of the shared analysis, and the in-process breakdown runs the pipeline with the stage on and off.
@Suite struct BenchCommandTests {
    static let binary = CLIHarness.binaryPath

    /// The numbers of a line, in order.
    static func numbers(_ line: Substring) -> [Double] {
        line.split(whereSeparator: { !$0.isNumber && $0 != "." }).compactMap { Double($0) }
    }

    @Test func benchPrintsParseIngestAndCLIFiguresOnTheSamePages() throws {
        let r = CLIHarness.run(["bench", "Samples/issue-3-2", "--jobs", "1", "--binary", Self.binary])
        #expect(r.code == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n")
        for row in ["bare libxml2 parse + free (1 core)", "bare libxml2 parse + free (1 workers)", "ingest alone (in process, 1 workers)",
                    "full pipeline, CLI batch (1 workers)"] {
            let line = try #require(lines.first { $0.hasPrefix(row) }, "\(row) in:\n\(r.out)")
            // "NAME   W s   C s cpu   P pages/s   M MB/s": P is 3 pages over W (both rounded when printed).
            let n = Self.numbers(line.dropFirst(row.count))
            #expect(n.count == 4, "\(line)")
            if n.count == 4 && n[0] >= 0.05 {
                #expect(abs(n[2] - 3 / n[0]) <= 3 / (n[0] - 0.005) - 3 / (n[0] + 0.005) + 1, "pages/s is pages over seconds: \(line)")
            }
        }
        #expect(r.out.contains("ratio full / bare parse on 1 worker(s): "), "\(r.out)")
        // The warm re-run is the same batch in the same folder: every article comes from the cold run's cache.
        let warm = try #require(lines.first { $0.hasPrefix("warm re-run: ") }, "\(r.out)")
        #expect(warm.contains(" of the cold run, 3 of 3 articles cached"), "\(warm)")
        let peak = try #require(lines.first { $0.hasPrefix("peak memory of the CLI run") })
        #expect((Self.numbers(peak).first ?? 0) > 1, "a child ran and its resident memory is known: \(peak)")
        // 3 pages: a quarter rounds up to one page, a half is one page, then all three.
        let growth = try #require(lines.first { $0.hasPrefix("linear growth (CLI, cold):") })
        #expect(growth.contains(" 1 pages ") && growth.contains(" 3 pages ") && !growth.contains(" 2 pages "), "\(growth)")
        #expect(!r.out.contains("pipeline with lint.style (1 core)"), "the breakdown is only printed with --breakdown")
    }

    @Test func benchThroughTheBinaryRelaunchesItself() throws {
        let r = try CLIHarness.runBinary(["bench", "Samples/issue-3-2", "--jobs", "2", "--limit", "2"])
        #expect(r.code == 0 && r.out.contains("full pipeline, CLI batch (2 workers)") && r.out.contains("corpus: 2 pages"), "\(r.out) \(r.err)")
        let notBinary = CLIHarness.run(["bench", "Samples/issue-3-2", "--limit", "1"])
        #expect(notBinary.code == 2 && notBinary.err.contains("--binary"), "\(notBinary.err)")
    }

    @Test func benchBreakdownReportsLintThroughputAndThePipelineWithAndWithoutIt() throws {
        let r = CLIHarness.run(["bench", "Samples/issue-3-2", "--jobs", "1", "--binary", Self.binary, "--breakdown"])
        #expect(r.code == 0, "\(r.err)")
        for row in ["libxml2 parse + free (1 core)", "pipeline: ingest, checks, JATS (1 core)", "pipeline with lint.style (1 core)",
                    "pipeline with lint.style (1 workers)"] {
            #expect(r.out.contains(row), "\(row) in:\n\(r.out)")
        }
        let line = try #require(r.out.split(separator: "\n").first { $0.hasPrefix("lint.style alone (") }, "\(r.out)")
        // "lint.style alone (N enabled rules, 1 core): W words (word tokens linted) in S s cpu: R words/s"
        let numbers = Self.numbers(line)
        #expect(numbers.count >= 5, "\(line)")
        if numbers.count >= 5 {
            let (rules, words, seconds, rate) = (numbers[0], numbers[2], numbers[3], numbers[4])
            #expect(rules > 0 && words > 1000, "rules and words: \(line)")
            // The seconds are printed to 0.01: the rate lies between words over the bounds of that rounding.
            #expect(seconds < 0.01 || (words / (seconds + 0.005) - 1 <= rate && rate <= words / (seconds - 0.005) + 1),
                    "words/s is words over seconds: \(line)")
        }
        #expect(r.out.contains("house-style findings)") && r.out.contains("the shared analysis it reads"))
    }

    @Test func benchWithAWorkflowWithoutAStyleLeavesTheLintRowsOut() throws {
        let p = try ProjectFixture()
        defer { p.remove() }
        try p.write("Workflows/plain.yml", "stages: [ingest.html]\n")
        let r = CLIHarness.run(["bench", "Samples", "--jobs", "1", "--binary", Self.binary, "--breakdown"], in: p.root)
        #expect(r.code == 0 && r.out.contains("lint.style: no house style") && !r.out.contains("pipeline with lint.style"), "\(r.out) \(r.err)")
        let named = CLIHarness.run(["bench", "Samples", "--workflow", "plain", "--binary", Self.binary, "--breakdown"], in: p.root)
        #expect(named.code == 2 && named.err.contains("has no house style"), "\(named.err)")
    }
}
