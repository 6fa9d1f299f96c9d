import Foundation
import Testing
import KeiCore
import KeiStages
import KeiTestSupport

/// Rule ids are names an editor types: suppressions and `explain` take them in any case, `explain`
/// helps with near misses and prefixes; and `check` outside a project says the house style was not
/// checked. Each in process and through the binary.
@Suite(.serialized) struct RuleNamesAndStyleNoticeTests {
    static let page = """
    <!DOCTYPE html>
    <html lang="en"><head><meta charset="utf-8"><title>Suppressions in any case</title>
    <meta name="citation_author" content="Kim Example"><meta name="citation_publication_date" content="2025-12-15"></head>
    <body><article><h1>Suppressions in any case</h1>
    <!-- kei-disable Style.US-Abbreviation -->
    <p>The US pledge was large, and the plan was the work of many people over many years of talks.</p>
    <!-- kei-enable -->
    <!-- kei-disable-next STYLE.US-Abbreviation -->
    <p>The US delegation arrived early, and the plan was the work of many people over many years.</p>
    <p data-kei-ignore="STYLE.DEFENSE-SPELLING">The defence budget rose, and the plan was the work of many people.</p>
    <!-- kei-disable STYLE. -->
    <p>The US defence budget rose again, and the plan was the work of many people over many years.</p>
    </article></body></html>
    """

    static let workflow = ["--workflow", TestPaths.workflows.appendingPathComponent("default.yml").path]

    /// The findings of the four paragraphs: with the directives, all suppressed and none unknown.
    static func expectSuppressedInAnyCase(_ check: PageCheck) {
        #expect(check.rules("pipeline.suppression-unknown-rule").isEmpty, "\(check.rules("pipeline.suppression-unknown-rule"))")
        #expect(check.rules("style.us-abbreviation").isEmpty && check.rules("style.defense-spelling").isEmpty,
                "\(check.rules(prefix: "style.").map { "\($0["rule"] ?? "") \($0["line"] ?? "")" })")
        #expect((check.report["summary"] as? [String: Any])?["suppressed"] as? Int == 5)
    }

    @Test func suppressionsNameRulesInAnyCaseThroughTheBinary() throws {
        let dir = TestPaths.temporaryDirectory("kei-case")
        defer { try? FileManager.default.removeItem(at: dir) }
        Self.expectSuppressedInAnyCase(try PageCheck.run(html: Self.page, name: "case", in: dir, arguments: Self.workflow))
        // Without the directives the same page has those findings: the suppressions are what removed them.
        let bare = Self.page.split(separator: "\n").filter { !$0.contains("<!-- kei-") }.joined(separator: "\n")
            .replacingOccurrences(of: " data-kei-ignore=\"STYLE.DEFENSE-SPELLING\"", with: "")
        let plain = try PageCheck.run(html: bare, name: "bare", in: dir, arguments: Self.workflow)
        #expect(plain.rules("style.us-abbreviation").count == 3 && plain.rules("style.defense-spelling").count == 2)
    }

    @Test func suppressionsNameRulesInAnyCaseInProcess() throws {
        let o = try RunnerHarness.run(html: Self.page, stages: [LintStyleStage.self], style: try ShippedStyle.sheet())
        #expect(o.suppressed == 5, "\(o.diagnostics.map { "\($0.rule) \($0.location.line)" })")
        #expect(!o.diagnostics.contains { $0.rule == "pipeline.suppression-unknown-rule" || $0.rule == "style.us-abbreviation" })
    }

    @Test func explainTakesAnyCaseAndHelpsWithNearMissesAndPrefixes() throws {
        let upper = CLIHarness.run(["explain", "STYLE.DEFENSE-SPELLING"])
        #expect(upper.code == 0 && upper.out.hasPrefix("style.defense-spelling\n"), "\(upper.err)")
        let near = CLIHarness.run(["explain", "Style.Defence-Spelling"])
        #expect(near.code == 2 && near.err.contains("(did you mean 'style.defense-spelling'?)"), "\(near.err)")
        let prefix = CLIHarness.run(["explain", "style.us"])
        #expect(prefix.code == 2 && prefix.err.contains("rules start with 'style.us': style.us-abbreviation, style.us-spelling-"), "\(prefix.err)")
        let all = CLIHarness.run(["explain", "STYLE."])
        let count = try ShippedStyle.sheet().rules.count
        #expect(all.code == 2 && all.err.contains("(\(count) rules start with 'STYLE.': style.") && all.err.contains("more)"), "\(all.err)")
        let binary = try CLIHarness.runBinary(["explain", "Style.US-Abbreviation"])
        #expect(binary.code == 0 && binary.out.hasPrefix("style.us-abbreviation\n"), "\(binary.err)")
        let binaryPrefix = try CLIHarness.runBinary(["explain", "style."])
        #expect(binaryPrefix.code == 2 && binaryPrefix.err.contains("rules start with 'style.'"), "\(binaryPrefix.err)")
    }

    @Test func suggestionsListWhatAPrefixStarts() {
        let known: Set = ["style.a-one", "style.a-two", "style.b", "ingest.x"]
        #expect(Runner.suggestion("STYLE.B", known) == " (did you mean 'style.b'?)")
        #expect(Runner.suggestion("style.a", known) == " (2 rules start with 'style.a': style.a-one, style.a-two)")
        #expect(Runner.suggestion("style.b-extra", known) == " (did you mean 'style.b'?)")
        #expect(Runner.suggestion("Style.A-On", known) == " (did you mean 'style.a-one'?)")
        #expect(Runner.suggestion("nothing.near", known) == "")
    }

    /// Outside a project `check` runs the built-in default workflow, which has no house style: the
    /// report says so (an info in JSON, a note on stderr); inside the project it does not.
    @Test func checkOutsideAProjectSaysTheStyleWasNotChecked() throws {
        let dir = TestPaths.temporaryDirectory("kei-outside")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.page.utf8).write(to: dir.appendingPathComponent("p.html"))
        for r in [CLIHarness.run(["check", "p.html", "--report", "json:-"], in: dir),
                  try CLIHarness.runBinary(["check", "p.html", "--report", "json:-"], in: dir)] {
            let report = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "\(r.out) \(r.err)")
            let notice = (report["diagnostics"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "pipeline.style-not-checked" }
            #expect(notice.count == 1 && notice.first?["severity"] as? String == "info")
            #expect((notice.first?["message"] as? String)?.contains("house style was not checked") == true)
            #expect((notice.first?["fix"] as? String)?.contains("--workflow") == true)
            #expect(r.err.contains("note: The house style was not checked") && r.code == 0, "\(r.err)")
        }
        let inside = try CLIHarness.runBinary(["check", dir.appendingPathComponent("p.html").path, "--output",
                                               dir.appendingPathComponent("o").path, "--report", "json:-"])
        #expect(!inside.out.contains("pipeline.style-not-checked") && !inside.err.contains("note:"), "\(inside.err)")
    }
}
