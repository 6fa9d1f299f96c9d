import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiTestSupport

/// `limits.max-findings-per-rule` (issue 12, memory): findings of one rule beyond the cap are counted, not
/// stored; one `pipeline.findings-capped` summary per capped rule stands for them, as severe as the most
/// severe of them, so gates give the verdict of the full list.
@Suite struct FindingsCapTests {
    static func finding(_ rule: String, _ severity: Severity, line: Int) -> Diagnostic {
        Diagnostic(rule: rule, severity: severity, message: "finding at \(line)", location: SourceLocation(file: "a.html", line: line),
                   stage: "lint.style", article: "a")
    }

    /// A page with `n` "XX" (each a `test.xx` warning with a safe fix), one paragraph per "XX".
    static func page(_ n: Int, ignoredFirst: Int = 0) -> String {
        var body = ""
        for i in 0..<n {
            let ignore = i < ignoredFirst ? " data-kei-ignore=\"test.xx\"" : ""
            body += "<p\(ignore)>Paragraph \(i) holds XX among enough words to be article text for the extractor.</p>\n"
        }
        return "<html><head><title>T</title></head><body><article><h1>T</h1>\n\(body)</article></body></html>"
    }

    @Test func keepsTheFirstOfEachRuleAndSummarisesTheRestAtTheirHighestSeverity() {
        var cap = FindingsCap(limit: 2)
        let emitted = [Self.finding("a.x", .info, line: 1), Self.finding("a.x", .info, line: 2), Self.finding("b.y", .error, line: 3),
                       Self.finding("a.x", .info, line: 4), Self.finding("a.x", .warning, line: 5), Self.finding("a.x", .info, line: 6)]
        let kept = emitted.filter { cap.admit($0) }
        #expect(kept.map(\.location.line) == [1, 2, 3])
        #expect(cap.droppedCount(of: "a.x") == 3 && cap.droppedCount(of: "b.y") == 0)
        let summaries = cap.summaries()
        #expect(summaries.count == 1)
        let s = try! #require(summaries.first)
        #expect(s.rule == "pipeline.findings-capped")
        #expect(s.message == "3 more `a.x` findings in this article were not listed (limits.max-findings-per-rule = 2); the first of them is here.")
        #expect(s.severity == .warning, "the highest severity among the dropped ones (info, warning, info), not the kept ones'")
        #expect(s.location.line == 4 && s.stage == "lint.style" && s.article == "a", "at the first dropped finding, with its stage")
    }

    @Test func zeroKeepsEverythingAndRunnerDiagnosticsAreNeverCapped() {
        var none = FindingsCap(limit: 0)
        #expect((1...5000).allSatisfy { none.admit(Self.finding("a.x", .warning, line: $0)) })
        #expect(none.summaries().isEmpty)
        var one = FindingsCap(limit: 1)
        #expect((1...5).allSatisfy { one.admit(Self.finding("pipeline.stage-failed", .error, line: $0)) })
        #expect(one.summaries().isEmpty)
    }

    @Test func theRunnerKeepsTheCapAndAddsTheSummaryAtItsLine() throws {
        let html = Self.page(7)
        let capped = try RunnerHarness.run(html: html, stages: [XXCheckStage.self], limits: Limits(maxFindingsPerRule: 3))
        let xx = capped.diagnostics.filter { $0.rule == "test.xx" }
        #expect(xx.count == 3)
        let summary = try #require(capped.diagnostics.first { $0.rule == "pipeline.findings-capped" })
        #expect(summary.message.hasPrefix("4 more `test.xx` findings in this article were not listed (limits.max-findings-per-rule = 3)"))
        #expect(summary.severity == .warning && summary.stage == "test.xx" && summary.article == "example")
        #expect(summary.location.line > xx.map(\.location.line).max()!, "at the fourth XX's line, after the three kept: \(summary.location)")
        #expect(summary.excerpt == "XX")
        let all = try RunnerHarness.run(html: html, stages: [XXCheckStage.self], limits: Limits(maxFindingsPerRule: 0))
        #expect(all.diagnostics.filter { $0.rule == "test.xx" }.count == 7)
        #expect(!all.diagnostics.contains { $0.rule == "pipeline.findings-capped" })
    }

    /// The verdict of a gate is that of the full list: warnings beyond the cap still fail `fail-on: warning`
    /// (and `--strict`), and the summary of infos alone does not fail `fail-on: warning`.
    @Test func gatesGiveTheSameVerdictWithAndWithoutTheCap() throws {
        let html = Self.page(4)
        for failOn in [Severity.error, .warning, .info] {
            let gate = GatePolicy(failOn: failOn)
            let codes = try [1, 0].map { limit in
                let o = try RunnerHarness.run(html: html, stages: [XXCheckStage.self], limits: Limits(maxFindingsPerRule: limit))
                let only = o.diagnostics.filter { $0.rule == "test.xx" || $0.rule == "pipeline.findings-capped" }
                var kept = o
                kept.diagnostics = only
                return RunResult(workflowName: "w", workflowDisplayPath: "w.yml", outputDisplayPath: "out", gate: gate,
                                 outcomes: [kept], issueDiagnostics: [], issueArtifacts: []).exitCode
            }
            #expect(codes[0] == codes[1], "fail-on \(failOn): capped \(codes[0]), uncapped \(codes[1])")
        }
    }

    /// `--fix` applies every safe fix, also beyond the cap: fixed findings are not findings, so nothing is capped.
    @Test func fixAppliesEverySafeFixBeyondTheCap() throws {
        let o = try RunnerHarness.run(html: Self.page(7), stages: [XXCheckStage.self], fix: true, limits: Limits(maxFindingsPerRule: 3))
        #expect(o.changes.count == 7, "every XX rewritten, not only the first three")
        #expect(!o.diagnostics.contains { $0.rule == "test.xx" || $0.rule == "pipeline.findings-capped" }, "\(o.diagnostics.map(\.rule))")
        let text = o.article.map { ArticleAnalysis($0).units.map(\.text.string).joined(separator: "\n") } ?? ""
        #expect(!text.contains("XX") && text.components(separatedBy: "YY").count == 8)
    }

    /// Suppressed findings are dropped before the cap: they neither take a kept place nor count as not listed.
    @Test func suppressedFindingsDoNotCountAgainstTheCap() throws {
        let o = try RunnerHarness.run(html: Self.page(8, ignoredFirst: 4), stages: [XXCheckStage.self], limits: Limits(maxFindingsPerRule: 3))
        #expect(o.suppressed == 4)
        #expect(o.diagnostics.filter { $0.rule == "test.xx" }.count == 3)
        let summary = try #require(o.diagnostics.first { $0.rule == "pipeline.findings-capped" })
        #expect(summary.message.hasPrefix("1 more `test.xx` finding in this article was not listed"), "\(summary.message)")
    }

    /// JSON and SARIF reports carry the summary with its rule, severity and line; its fingerprint (baselines)
    /// depends on how many findings were not listed, not on the words of the first one.
    @Test func reportsCarryTheSummaryAndItsFingerprintCountsTheDropped() throws {
        let o = try RunnerHarness.run(html: Self.page(5), stages: [XXCheckStage.self], limits: Limits(maxFindingsPerRule: 2))
        let result = RunResult(workflowName: "w", workflowDisplayPath: "w.yml", outputDisplayPath: "out", gate: GatePolicy(failOn: .warning),
                               outcomes: [o], issueDiagnostics: [], issueArtifacts: [])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReporter(options: ReportOptions()).render(result).utf8)) as? [String: Any])
        let diags = try #require(json["diagnostics"] as? [[String: Any]])
        let summary = try #require(diags.first { $0["rule"] as? String == "pipeline.findings-capped" })
        #expect(summary["severity"] as? String == "warning" && (summary["message"] as? String)?.hasPrefix("3 more `test.xx` findings") == true)
        #expect((summary["line"] as? Int ?? 0) > 0)
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(SARIFReporter(options: ReportOptions()).render(result).utf8)) as? [String: Any])
        let results = ((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        let capped = try #require(results.first { $0["ruleId"] as? String == "pipeline.findings-capped" }, "\(results.map { $0["ruleId"] ?? "" })")
        #expect(capped["level"] as? String == "warning")
        #expect(((capped["message"] as? [String: Any])?["text"] as? String)?.hasPrefix("3 more `test.xx` findings in this article were not listed") == true)

        let s = try #require(o.diagnostics.first { $0.rule == "pipeline.findings-capped" })
        var other = s
        other.message = s.message.replacingOccurrences(of: "3 more", with: "4 more")
        var moved = s
        moved.excerpt = "other words"
        moved.location.line += 10
        let prints = [s, other, moved].map { DiagnosticFingerprint.fingerprints([$0])[0] }
        #expect(prints[0] != prints[1], "a different number not listed is a new finding for a baseline")
        #expect(prints[0] == prints[2], "the same number not listed matches, wherever the first one is")
    }

    @Test func theWorkflowSetsTheCapAndZeroMeansNone() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        #expect(try p.load("stages: [ingest.html]\n").limits.maxFindingsPerRule == 1000)
        #expect(try p.load("limits:\n  max-findings-per-rule: 5\nstages: [ingest.html]\n").limits.maxFindingsPerRule == 5)
        #expect(try p.load("limits:\n  max-findings-per-rule: 0\nstages: [ingest.html]\n").limits.maxFindingsPerRule == 0)
        #expect(p.problems("limits:\n  max-findings-per-rule: -1\nstages: [ingest.html]\n")
                == ["Workflows/w.yml:2:26: error: limits.max-findings-per-rule must be 0 (no cap) or positive"])
        #expect(p.problems("limits:\n  max-findings-per-rule: \"10\"\nstages: [ingest.html]\n")
                == ["Workflows/w.yml:2:26: error: limits.max-findings-per-rule must be an integer, not the string \"10\" (remove the quotes)"])
        #expect(p.problems("limits:\n  max-findings-per-rule: abc\nstages: [ingest.html]\n")
                == ["Workflows/w.yml:2:26: error: limits.max-findings-per-rule must be an integer, got 'abc'"])
    }

    /// A summary's rule and count are read back from its message (baselines match it by count); any other
    /// diagnostic, or a summary message of another shape, gives nil.
    @Test func theSummaryTellsItsRuleAndCount() {
        var cap = FindingsCap(limit: 1)
        for line in 1...4 { _ = cap.admit(Self.finding("style.repeated-word", .warning, line: line)) }
        _ = cap.admit(Self.finding("a.x", .info, line: 5))
        _ = cap.admit(Self.finding("a.x", .info, line: 6))
        let parsed = cap.summaries().compactMap { FindingsCap.cappedFindings(of: $0) }
        #expect(parsed.map(\.rule) == ["style.repeated-word", "a.x"] && parsed.map(\.count) == [3, 1])
        #expect(FindingsCap.cappedFindings(of: Self.finding("a.x", .info, line: 1)) == nil)
        var odd = cap.summaries()[0]
        odd.message = "more `a.x` findings"
        #expect(FindingsCap.cappedFindings(of: odd) == nil)
    }
}
