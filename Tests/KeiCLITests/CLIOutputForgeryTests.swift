import Foundation
import Testing
import KeiCore
import KeiTestSupport
@testable import KeiCLI

/// Issue 12: text from file names, folder names, workflows and the ledger reaches the CLI's own stdout and
/// stderr lines (notes, progress bar, `history`, `status`) with its controls shown as `⟨U+001B⟩` tokens,
/// so a planted name can neither forge a `file:line: error:` line nor drive the terminal.
@Suite(.serialized) struct CLIOutputForgeryTests {
    static let page = "<html><body><article><h1>T</h1><p>Hello world text that is long enough to be an article.</p></article></body></html>"
    /// A line feed that starts a forged finding, then ESC sequences (colour, window title), BEL and CR.
    static let forged = "\nok.html:1:1: error: FORGED [forged.rule]\u{1B}[31m\u{1B}]0;pwned\u{07}\r"

    static func folder() throws -> URL {
        let dir = TestPaths.temporaryDirectory("kei-cli-forgery")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(page.utf8).write(to: dir.appendingPathComponent("ok.html"))
        return dir
    }

    /// No ESC, CR, BEL, and no line that starts like a forged finding.
    static func clean(_ s: String) -> Bool {
        !s.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\r" || $0 == "\u{07}" }
            && !s.split(separator: "\n").contains { $0.hasPrefix("ok.html:1:1: error: FORGED") || $0.hasPrefix("x.html:9:9") }
    }

    @Test func staleTemporaryFileNamesStayOnTheNoteLine() throws {
        let dir = try Self.folder(); defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out/check")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data().write(to: out.appendingPathComponent(".x\(Self.forged).tmp-99999998-ABCDEF12"))   // a pid no process has: a live writer's temporary files are kept
        let r = try CLIHarness.runBinary(["check", "ok.html", "--report", "json:r.json"], in: dir, timeout: 300)
        let note = r.err.split(separator: "\n").first { $0.contains("temporary file(s)") }
        #expect(note?.contains("⟨U+000A⟩ok.html:1:1: error: FORGED") == true, "\(r.err)")
        #expect(Self.clean(r.err), "\(r.err)")
    }

    @Test func waitForLockNoteShowsTheOutputPathEscaped() throws {
        let dir = try Self.folder(); defer { try? FileManager.default.removeItem(at: dir) }
        let name = "out/w\(Self.forged)"
        let out = dir.appendingPathComponent(name)
        let held = try OutputFolderLock.acquire(out, display: name)
        DispatchQueue.global().asyncAfter(deadline: .now() + 2) { held.release() }
        let r = try CLIHarness.runBinary(["check", "ok.html", "--output", name, "--wait-for-lock"], in: dir, timeout: 300)
        #expect(r.err.split(separator: "\n").contains { $0.hasPrefix("note:") && $0.contains("⟨U+000A⟩ok.html:1:1") }, "\(r.err)")
        #expect(Self.clean(r.err), "\(r.err)")
    }

    @Test func progressBarShowsTheIssueNameEscaped() {
        let line = ProgressBar.render(.init(done: 1, total: 2, elapsed: 1, issue: "evil\u{1B}]0;pwned\u{07}\u{1B}[2J\(Self.forged)"), width: 400)
        #expect(Self.clean(line) && !line.contains("\n"), "\(line)")
        #expect(line.hasSuffix("evil⟨U+001B⟩]0;pwned⟨U+0007⟩⟨U+001B⟩[2J⟨U+000A⟩ok.html:1:1: error: FORGED [forged.rule]⟨U+001B⟩[31m⟨U+001B⟩]0;pwned⟨U+0007⟩⟨U+000D⟩"), "\(line)")
    }

    @Test func historyAndStatusShowRecordedNamesEscaped() throws {
        let dir = try Self.folder(); defer { try? FileManager.default.removeItem(at: dir) }
        let file = "esc\u{1B}[31mRED\nx.html:9:9: error: FORGED [r]\r.html"
        try Data(Self.page.utf8).write(to: dir.appendingPathComponent(file))
        let check = try CLIHarness.runBinary(["check", file], in: dir, timeout: 300)
        #expect(check.code == 0 || check.code == 1, "\(check.err)")
        #expect(Self.clean(check.err), "\(check.err)")
        let history = try CLIHarness.runBinary(["history"], in: dir, timeout: 300)
        #expect(history.code == 0, "\(history.err)")
        #expect(history.out.split(separator: "\n").count == 1, "one run, one line: \(history.out)")
        #expect(history.out.contains("esc⟨U+001B⟩[31mRED⟨U+000A⟩x.html:9:9"), "\(history.out)")
        #expect(Self.clean(history.out), "\(history.out)")

        let workflows = dir.appendingPathComponent("Workflows")
        try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
        try Data("name: check\noutput: out/check\nstages: [ingest.html, emit.jats]\n".utf8).write(to: workflows.appendingPathComponent("default.yml"))
        let other = "evil\u{1B}[31m\nok.html:1:1: error: FORGED"
        try Data("name: other\noutput: out/other\nstages: [ingest.html]\n".utf8).write(to: workflows.appendingPathComponent(other + ".yml"))
        let status = try CLIHarness.runBinary(["status"], in: dir, timeout: 300)
        #expect(status.out.contains("evil⟨U+001B⟩[31m⟨U+000A⟩ok.html:1:1: error: FORGED") || !status.out.contains("name a workflow"),
                "\(status.out)\(status.err)")
        #expect(Self.clean(status.out) && Self.clean(status.err), "\(status.out)\(status.err)")
    }

    /// libxml2 raises one message per stray end tag: only the first 1,000 become `ingest.parser`
    /// diagnostics, and one more says how many were left out.
    @Test func parserMessagesAreCappedWithOneSummary() throws {
        let dir = try Self.folder(); defer { try? FileManager.default.removeItem(at: dir) }
        let body = String(repeating: "</p>", count: 5_000)
        try Data("<html><body><article><h1>T</h1><p>Hello world text that is long enough.</p>\(body)</article></body></html>".utf8)
            .write(to: dir.appendingPathComponent("ends.html"))
        let r = try CLIHarness.runBinary(["check", "ends.html", "--report", "json:r.json"], in: dir, timeout: 300)
        #expect(r.code == 0 || r.code == 1, "\(r.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("r.json"))) as? [String: Any])
        let parser = ((json["diagnostics"] as? [[String: Any]]) ?? []).filter { $0["rule"] as? String == "ingest.parser" }
        #expect(parser.count <= 1_001 && parser.count > 900, "\(parser.count)")
        let summary = parser.filter { ($0["message"] as? String)?.contains("more message(s) on ends.html that are not listed") == true }
        #expect(summary.count == 1, "\(parser.suffix(2))")
    }
}
