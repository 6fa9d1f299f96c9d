import Foundation
import Testing
import KeiCore
import KeiStages
import KeiTestSupport

/// The text layer end to end through the real binary (with the project's `Workflows/default.yml`, whose
/// `lint.style` carries `style.repeated-word`): a repeated word is reported at its words,
/// suppressed where the page says so, fixed with `--fix` (the JATS holds the corrected text and stays
/// DTD-valid, the report lists the change), and a second run on the fixed text finds nothing.
@Suite(.serialized) struct FixEndToEndTests {
    static let page = """
    <html lang="en"><head><meta charset="utf-8"><title>Alliances in Review</title>
    <meta name="citation_title" content="Alliances in Review"><meta name="citation_author" content="Kim Example">
    <meta name="citation_publication_date" content="2025-12-15"></head>
    <body><article><h1>Alliances in Review</h1>
    <p>Seoul and Washington agreed on the
    the plan for a new consultative group in 2025, after a year of talks.</p>
    <p>Officials said it had had a difficult start, but “that that is settled” was the line in Seoul.</p>
    <!-- kei-disable-next style.repeated-word -->
    <p>The table shows shows the figures for the quarter as the ministry reported them.</p>
    <p>Both capitals of&nbsp;of the alliance now publish the schedule in advance.</p>
    </article></body></html>
    """

    /// The project's check workflow (the built-in default has no house style).
    static let workflow = ["--workflow", TestPaths.workflows.appendingPathComponent("default.yml").path]

    func write(_ text: String) throws -> (URL, URL) {
        let dir = TestPaths.temporaryDirectory("kei-fix")
        let file = dir.appendingPathComponent("review.html")
        try Data(text.utf8).write(to: file)
        return (dir, file)
    }

    @Test func repeatedWordsAreReportedAtTheirWordsAndFixed() throws {
        let (dir, file) = try write(Self.page)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Without --fix: two findings, one suppressed, each with start and end.
        let plain = try CLIHarness.runBinary(["check", file.path, "--output", dir.appendingPathComponent("out1").path, "--report", "json:-"] + Self.workflow, in: dir)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(plain.out.utf8)) as? [String: Any], "json: \(plain.out) \(plain.err)")
        let diags = (report["diagnostics"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "style.repeated-word" }
        let where_ = diags.map { "\($0["line"] ?? "-"):\($0["column"] ?? "-")-\($0["end_line"] ?? "-"):\($0["end_column"] ?? "-") \($0["excerpt"] ?? "-")" }
        #expect(where_ == ["5:35-6:4 the\nthe", "10:18-10:28 of&nbsp;of"], "\(where_)")
        #expect((report["summary"] as? [String: Any])?["suppressed"] as? Int == 1)

        // With --fix: the changes are listed, the diagnostics are gone, the JATS has the corrected text.
        let out = dir.appendingPathComponent("out2")
        let fixed = try CLIHarness.runBinary(["check", file.path, "--fix", "--output", out.path, "--report", "json:-"] + Self.workflow, in: dir)
        let fixedReport = try #require(try JSONSerialization.jsonObject(with: Data(fixed.out.utf8)) as? [String: Any])
        let changes = fixedReport["changes"] as? [[String: Any]] ?? []
        #expect(changes.count == 2 && changes.allSatisfy { $0["rule"] as? String == "style.repeated-word" && $0["stage"] as? String == "lint.style" },
                "\(changes)")
        #expect(((fixedReport["diagnostics"] as? [[String: Any]]) ?? []).allSatisfy { $0["rule"] as? String != "style.repeated-word" })
        let jats = try String(contentsOf: out.appendingPathComponent("jats/review.xml"), encoding: .utf8)
        #expect(jats.contains("agreed on the plan for") && !jats.contains("the the"))
        #expect(jats.contains("capitals of the alliance") || jats.contains("capitals of\u{A0}the alliance") || jats.contains("capitals of the"), "\(jats)")
        #expect(jats.contains("had had") && jats.contains("that that") && jats.contains("shows shows"), "grammatical, quoted and suppressed doublings stay")
        if XMLLint.dtdsAvailable {
            let lint = try XMLLint.validate(file: out.appendingPathComponent("jats/review.xml"))
            #expect(lint.passed, "DTD-valid: \(lint.stderr)")
        }
        let text = try CLIHarness.runBinary(["check", file.path, "--fix", "--output", out.path] + Self.workflow, in: dir)
        #expect(text.out.contains("fixed: ") && text.out.contains("[style.repeated-word]"), "the text report lists the changes:\n\(text.out)")
    }

    /// Idempotence: the corrected text, checked again with --fix, has nothing left to change.
    @Test func fixingTheFixedTextChangesNothing() throws {
        let corrected = Self.page.replacingOccurrences(of: "the\n    the plan", with: "the plan")
            .replacingOccurrences(of: "the\nthe plan", with: "the plan")
            .replacingOccurrences(of: "of&nbsp;of", with: "of")
        let (dir, file) = try write(corrected)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIHarness.runBinary(["check", file.path, "--fix", "--output", dir.appendingPathComponent("o").path, "--report", "json:-"] + Self.workflow, in: dir)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect((report["changes"] as? [Any])?.isEmpty == true)
        #expect(((report["diagnostics"] as? [[String: Any]]) ?? []).allSatisfy { $0["rule"] as? String != "style.repeated-word" })
    }
}
