import Foundation
import Testing
import KeiTestSupport

/// `kei-pipeline bench` on the three sample pages: the figures themselves vary, but every row is there,
/// lint.style's throughput is counted in words of the shared analysis, and the pipeline runs with the
/// stage on and off.
@Suite struct BenchCommandTests {
    @Test func benchReportsLintThroughputAndThePipelineWithAndWithoutIt() throws {
        let r = CLIHarness.run(["bench", "Samples/issue-3-2", "--jobs", "1"])
        #expect(r.code == 0, "\(r.err)")
        for row in ["libxml2 parse + free (1 core)", "pipeline: ingest, checks, JATS (1 core)", "pipeline with lint.style (1 core)",
                    "pipeline with lint.style (1 workers)"] {
            #expect(r.out.contains(row), "\(row) in:\n\(r.out)")
        }
        let line = try #require(r.out.split(separator: "\n").first { $0.hasPrefix("lint.style alone (") }, "\(r.out)")
        // "lint.style alone (N enabled rules, 1 core): W words (word tokens linted) in S s cpu: R words/s"
        let numbers = line.split(whereSeparator: { !$0.isNumber && $0 != "." }).compactMap { Double($0) }
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
        let r = CLIHarness.run(["bench", "Samples", "--jobs", "1"], in: p.root)
        #expect(r.code == 0 && r.out.contains("lint.style: no house style") && !r.out.contains("pipeline with lint.style"), "\(r.out) \(r.err)")
        let named = CLIHarness.run(["bench", "Samples", "--workflow", "plain"], in: p.root)
        #expect(named.code == 2 && named.err.contains("has no house style"), "\(named.err)")
    }
}
