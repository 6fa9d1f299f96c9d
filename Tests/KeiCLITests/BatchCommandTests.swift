import Foundation
import Testing
@testable import KeiCLI
@testable import KeiCore
import KeiTestSupport

/// `kei-pipeline batch`: workflows, globs and back-issue folders in one call, one merged report, the
/// per-issue summary, exit codes, and the progress bar (on a terminal only, not with --quiet).
@Suite struct BatchCommandTests {
    /// A folder for outputs and reports, and a broken workflow in it.
    struct Scratch {
        let dir = TestPaths.temporaryDirectory("kei-batch")
        var broken: String { dir.appendingPathComponent("broken.yml").path }
        init() throws {
            try Data("name: broken\nstages:\n  - ingest.htm\n".utf8).write(to: dir.appendingPathComponent("broken.yml"))
        }
        func remove() { try? FileManager.default.removeItem(at: dir) }
    }

    /// The summary's rows (`issue articles cached errors warnings gate`) by issue.
    static func summaryRows(_ text: String) -> [String: [String]] {
        guard let start = text.range(of: "batch summary:\n") else { return [:] }
        var rows: [String: [String]] = [:]
        for line in text[start.upperBound...].split(separator: "\n").dropFirst() where !line.hasPrefix("total:") {
            let cells = line.split(separator: " ").map(String.init)
            if cells.count >= 6 { rows[cells[0]] = Array(cells[1...]) }
        }
        return rows
    }

    @Test func workflowsGlobAndFolderInOneCallWithABrokenWorkflowAmongThem() throws {
        let s = try Scratch()
        defer { s.remove() }
        let json = s.dir.appendingPathComponent("batch.json").path
        let r = CLIHarness.run(["batch", "issue-4-1", "Workflows/issue-4-*.yml", "Samples/back-issues", s.broken,
                                "--output", s.dir.path, "--report", "json:\(json)", "--report", "text", "--jobs", "2"])
        // The broken workflow did not run: exit 1, the others ran.
        #expect(r.code == 1, "\(r.err)")
        let rows = Self.summaryRows(r.out)
        #expect(rows["issue-4-1"] == ["2", "0", "0", "4", "passed"], "\(r.out)")
        #expect(rows["issue-4-1-2"] == ["2", "0", "0", "4", "passed"], "the glob's match is a second issue: \(r.out)")
        #expect(rows["vol-1-issue-1"]?.prefix(3) == ["2", "0", "0"], "\(r.out)")
        #expect(rows["vol-1-issue-1"]?.last == "passed")
        #expect(rows["broken"]?.last == "run", "not run: \(r.out)")
        // The broken workflow's problem is reported at its line, as an error of the merged report.
        #expect(r.out.contains("broken.yml:3:5: error: unknown stage id 'ingest.htm'"), "\(r.out)")
        #expect(r.out.contains("[batch.issue-not-run]"))

        // The summary's totals are the JSON report's.
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: Any])
        let articles = try #require(report["articles"] as? [[String: Any]])
        let total = try #require(r.out.split(separator: "\n").first { $0.hasPrefix("total:") })
        #expect(total.contains("\(articles.count) article(s)") && total.contains("\(summary["errors"] as? Int ?? -1) error(s)")
                && total.contains("\(summary["warnings"] as? Int ?? -1) warning(s)"), "\(total) vs \(summary)")
        #expect(summary["gate"] as? String == "failed")
        let ids = articles.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == ids.count, "article ids are unique across issues: \(ids)")
        #expect(ids.contains("vol-1-issue-1/teaching-korean"), "issue.yml names the article: \(ids)")
        #expect(ids.contains("vol-1-issue-1/harbor-cities-and-the-alliance") && ids.contains("issue-4-1-2/alliance-burden-sharing"))
        // Outputs went under --output/<issue>; paths in the report are relative to the working directory.
        #expect(FileManager.default.fileExists(atPath: s.dir.appendingPathComponent("vol-1-issue-1/jats/teaching-korean.xml").path))
        let paths = articles.flatMap { ($0["artifacts"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String } }
        #expect(paths.contains { $0.hasSuffix("vol-1-issue-1/jats/teaching-korean.xml") }, "\(paths)")
    }

    @Test func aGlobOfPagesIsTheSameIssueAsItsFolderAndExitCodesFollowTheGates() throws {
        let s = try Scratch()
        defer { s.remove() }
        let folder = CLIHarness.run(["batch", "Samples/back-issues", "--output", s.dir.path])
        let glob = CLIHarness.run(["batch", "Samples/back-issues/vol-1/issue-1/*.html", "--output", s.dir.path])
        #expect(folder.code == 0 && glob.code == 0, "\(folder.err) \(glob.err)")
        // The same issue: the same counts, and the glob's run takes both articles from the folder run's cache
        // (same pages, same workflow, same output folder — a fresh one, so the folder run itself is cold).
        var folderRow = Self.summaryRows(folder.out)["vol-1-issue-1"] ?? []
        var globRow = Self.summaryRows(glob.out)["vol-1-issue-1"] ?? []
        #expect(folderRow.count == 5 && globRow.count == 5, "\(folder.out) \(glob.out)")
        #expect(folderRow.count == 5 && folderRow[1] == "0" && globRow.count == 5 && globRow[1] == "2", "\(folder.out) \(glob.out)")
        if folderRow.count == 5 { folderRow.remove(at: 1) }
        if globRow.count == 5 { globRow.remove(at: 1) }
        #expect(folderRow == globRow)
        #expect(Self.summaryRows(glob.out)["vol-1-issue-1"]?.first == "2")
        // --strict fails the back issue's gate on its warnings.
        #expect(CLIHarness.run(["batch", "Samples/back-issues", "--output", s.dir.path, "--strict"]).code == 1)
        // Nothing could run: exit 2.
        let none = CLIHarness.run(["batch", s.broken, "'Workflows/no-such-*.yml'", "--output", s.dir.path])
        #expect(none.code == 2 && none.out.contains("0 issue(s) run, 2 not run"), "\(none.out)")
        #expect(CLIHarness.run(["batch"]).code == 2)
    }

    @Test func progressBarOnlyOnATerminalAndNotWithQuiet() throws {
        let s = try Scratch()
        defer { s.remove() }
        let args = ["batch", "Samples/back-issues", "issue-4-1", "--output", s.dir.path]
        let bar = CLIHarness.run(args, errIsTerminal: true)
        #expect(bar.err.contains("\r[") && bar.err.contains("4/4 articles") && bar.err.contains("vol-1-issue-1"), "\(bar.err.debugDescription)")
        #expect(bar.err.hasSuffix("\r"), "the bar is cleared at the end")
        #expect(!CLIHarness.run(args, errIsTerminal: false).err.contains("articles"))
        #expect(!CLIHarness.run(args + ["--quiet"], errIsTerminal: true).err.contains("articles"))
    }

    @Test func progressLineShowsCountsRateAndETA() {
        let line = ProgressBar.render(.init(done: 5, total: 10, elapsed: 2, issue: "vol-1-issue-1"))
        #expect(line == "[##########..........] 5/10 articles  2.5/s  ETA 0:02  vol-1-issue-1")
        #expect(ProgressBar.render(.init(done: 0, total: 3, elapsed: 0.5, issue: "x")).contains("ETA --:--"))
        #expect(ProgressBar.clock(3725) == "1:02:05")
        #expect(ProgressBar.render(.init(done: 1, total: 2, elapsed: 1, issue: String(repeating: "i", count: 200)), width: 60).count == 60)
    }

    @Test func mergedResultsShareTheirCommonOutputFolder() {
        #expect(RunResult.commonFolder(["out/issue-3-2", "out/batch/vol-1-issue-1"]) == "out")
        #expect(RunResult.commonFolder(["out/a", "out/a"]) == "out/a")
        #expect(RunResult.commonFolder(["out/a", "/tmp/b"]) == ".")
        #expect(RunResult.relative("out/batch/x", to: "out") == "batch/x")
    }

    /// Through the binary: under a pseudo-terminal (script(1)) the bar is drawn on stderr; through pipes it is not.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func endToEndBarUnderAPseudoTerminalOnly() throws {
        let s = try Scratch()
        defer { s.remove() }
        let binary = CLIHarness.binaryPath
        let command = "\(binary) batch Samples/back-issues --output \(s.dir.path) --report json:\(s.dir.path)/r.json"
        let tty = try CLIHarness.runCommand("/usr/bin/script", ["-qfec", command, "/dev/null"])
        #expect(tty.code == 0, "\(tty.out) \(tty.err)")
        #expect(tty.out.contains("\r[") && tty.out.contains("2/2 articles"), "\(tty.out.debugDescription)")
        #expect(tty.out.contains("batch summary:"))
        let piped = try CLIHarness.runBinary(["batch", "Samples/back-issues", "--output", s.dir.path])
        #expect(piped.code == 0 && !piped.err.contains("articles") && piped.out.contains("vol-1-issue-1"), "\(piped.err)")
        let broken = try CLIHarness.runBinary(["batch", "Samples/back-issues", s.broken, "--output", s.dir.path])
        #expect(broken.code == 1 && broken.out.contains("not run"), "\(broken.out)")
    }
}
