import Foundation
import Testing
@testable import KeiCLI
import KeiTestSupport

/// `batch` honours the CI gate options of `run`: a baseline written by batch silences exactly its findings
/// on the next batch, stale entries are reported, and shards split the articles of every issue without
/// overlap (an issue a shard holds nothing of adds no warning).
@Suite struct BatchGateOptionsTests {
    @Test func baselineWrittenByBatchSilencesItsFindingsAndShardsPartitionTheArticles() throws {
        let dir = TestPaths.temporaryDirectory("kei-batch-gates")
        defer { try? FileManager.default.removeItem(at: dir) }
        let baseline = dir.appendingPathComponent("baseline.json").path
        let common = ["batch", "issue-4-1", "Samples/back-issues", "--output", dir.path, "--no-cache", "--quiet"]

        let written = CLIHarness.run(common + ["--write-baseline", baseline])
        #expect(written.code == 0, "\(written.err)")
        let entries = try #require((try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: baseline))) as? [String: Any])?["entries"] as? [[String: Any]])
        #expect(!entries.isEmpty)
        #expect(entries.allSatisfy { ($0["article"] as? String).map { $0.contains("/") } ?? true }, "ISSUE/ARTICLE ids: \(entries)")

        let json = dir.appendingPathComponent("r.json").path
        let again = CLIHarness.run(common + ["--baseline", baseline, "--strict", "--report", "json:\(json)"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["warnings"] as? Int == 0 && summary["errors"] as? Int == 0, "\(summary)")
        #expect(summary["baselined"] as? Int == entries.filter { $0["severity"] as? String != "info" }.count + entries.filter { $0["severity"] as? String == "info" }.count)
        #expect(again.code == 0, "--strict passes once every warning is in the baseline: \(again.err)")

        // A baseline entry that matches nothing is reported at its line in the baseline file.
        var doctored = try String(contentsOfFile: baseline, encoding: .utf8)
        let fp = try #require(entries.first?["fingerprint"] as? String)
        doctored = doctored.replacingOccurrences(of: fp, with: "0000000000000000")
        try doctored.write(toFile: baseline, atomically: true, encoding: .utf8)
        let stale = CLIHarness.run(common + ["--baseline", baseline])
        #expect(stale.out.contains("[baseline.stale-entry]"), "\(stale.out)")

        // Shards: every article in exactly one shard, and an issue a shard holds nothing of adds no warning.
        var seen: [String] = []
        for k in 1...3 {
            let out = dir.appendingPathComponent("s\(k).json").path
            let r = CLIHarness.run(common + ["--shard", "\(k)/3", "--report", "json:\(out)", "--strict"])
            let rep = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
            seen += (rep["articles"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            let diags = rep["diagnostics"] as? [[String: Any]] ?? []
            #expect(!diags.contains { $0["rule"] as? String == "pipeline.no-articles" }, "shard \(k): \(r.out)")
        }
        #expect(seen.sorted() == Set(seen).sorted(), "no article in two shards: \(seen)")
        #expect(seen.count == 4, "issue-4-1's two articles and the back issue's two: \(seen)")
    }
}
