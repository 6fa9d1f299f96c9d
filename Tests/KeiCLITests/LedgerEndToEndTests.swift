import Foundation
import Testing
import KeiTestSupport

/// The cache and run ledger through the real binary: cold and warm `check`, `history`, `status`, and a
/// corrupt or locked database.
@Suite(.serialized) struct LedgerEndToEndTests {
    static let page = """
    <html lang="en"><head><meta charset="utf-8"><title>Alliance Review</title></head>
    <body><article><h1>Alliance Review</h1><h2>Introduction</h2>
    <p>The alliance met in June 2024, and the ministers agreed to meet again.</p></article></body></html>
    """

    static func folder() throws -> URL {
        let dir = TestPaths.temporaryDirectory("kei-ledger")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in ["one", "two", "three"] {
            try Data(page.replacingOccurrences(of: "Alliance Review", with: "Review \(name)").utf8)
                .write(to: dir.appendingPathComponent("\(name).html"))
        }
        return dir
    }

    static let files = ["one.html", "two.html", "three.html"]

    @Test func warmRunReusesResultsWithIdenticalReports() throws {
        let dir = try Self.folder(); defer { try? FileManager.default.removeItem(at: dir) }
        let cold = try CLIHarness.runBinary(["check", "--report", "json:cold.json"] + Self.files, in: dir)
        #expect(cold.code == 0 || cold.code == 1, "\(cold.err)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".kei/ledger.sqlite").path))
        let warm = try CLIHarness.runBinary(["check", "--report", "json:warm.json"] + Self.files, in: dir)
        #expect(warm.code == cold.code, "\(warm.err)")
        #expect(try Data(contentsOf: dir.appendingPathComponent("warm.json")) == Data(contentsOf: dir.appendingPathComponent("cold.json")))

        let history = try CLIHarness.runBinary(["history", "--format", "json"], in: dir)
        #expect(history.code == 0, "\(history.err)")
        let runs = try #require(try JSONSerialization.jsonObject(with: Data(history.out.utf8)) as? [[String: Any]])
        #expect(runs.map { $0["cached"] as? Int } == [3, 0])
        #expect(runs.map { $0["articles"] as? Int } == [3, 3])
        #expect((runs.first?["command"] as? String)?.hasPrefix("kei-pipeline check --report json:warm.json") == true)

        // --force re-runs every article; one changed page re-runs alone.
        _ = try CLIHarness.runBinary(["check", "--force", "--wait-for-lock"] + Self.files, in: dir)
        try Data(Self.page.replacingOccurrences(of: "June", with: "July").utf8).write(to: dir.appendingPathComponent("two.html"))
        _ = try CLIHarness.runBinary(["check"] + Self.files, in: dir)
        let text = try CLIHarness.runBinary(["history", "--limit", "2"], in: dir)
        let lines = text.out.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains("3 article(s) (2 cached)") == true, "\(text.out)")
        #expect(lines.last?.contains("3 article(s) (0 cached)") == true, "\(text.out)")
    }

    /// The same through `KeiCLI.main` in process, with `--state-dir`.
    @Test func inProcessRunsAreCachedAndRecorded() throws {
        let dir = try Self.folder(); defer { try? FileManager.default.removeItem(at: dir) }
        let cold = CLIHarness.run(["check", "--state-dir", "state", "--report", "json"] + Self.files, in: dir)
        let warm = CLIHarness.run(["check", "--state-dir", "state", "--report", "json"] + Self.files, in: dir)
        #expect(warm.code == cold.code)
        #expect(warm.out == cold.out)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("state/ledger.sqlite").path))
        let history = CLIHarness.run(["history", "--state-dir", "state"], in: dir)
        let lines = history.out.split(separator: "\n")
        #expect(lines.count == 2, "\(history.out)")
        #expect(lines.first?.hasPrefix("#2 ") == true && lines.first?.contains("(3 cached)") == true, "\(history.out)")
        #expect(lines.last?.contains("(0 cached)") == true, "\(history.out)")
        #expect(CLIHarness.run(["history", "--limit", "0"], in: dir).code == 2)
    }

    @Test func historyWithoutDatabase() throws {
        let dir = try Self.folder(); defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIHarness.runBinary(["history"], in: dir)
        #expect(r.code == 0)
        #expect(r.out == "no runs recorded yet (.kei/ledger.sqlite)\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".kei").path))
    }

    @Test func corruptDatabaseWarnsAndKeepsOutputsAndExitCode() throws {
        let dir = try Self.folder(); defer { try? FileManager.default.removeItem(at: dir) }
        let clean = try CLIHarness.runBinary(["check", "--no-cache", "--state-dir", "elsewhere", "--report", "json:clean.json"] + Self.files, in: dir)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".kei"), withIntermediateDirectories: true)
        try Data(String(repeating: "garbage ", count: 1000).utf8).write(to: dir.appendingPathComponent(".kei/ledger.sqlite"))
        let r = try CLIHarness.runBinary(["check", "--report", "json:broken.json"] + Self.files, in: dir)
        #expect(r.code == clean.code)
        #expect(r.err.contains("warning: .kei/ledger.sqlite: the ledger database could not be used"), "\(r.err)")
        let report = try String(contentsOf: dir.appendingPathComponent("broken.json"), encoding: .utf8)
        #expect(report.contains("pipeline.cache-unavailable"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/check/jats/one.xml").path)
                || report.contains("jats/one.xml"))
        let history = try CLIHarness.runBinary(["history"], in: dir)
        #expect(history.code == 2)
        #expect(history.err.contains(".kei/ledger.sqlite: error: cannot read the ledger"), "\(history.err)")
    }

    /// How many articles the latest recorded run took from the cache.
    static func lastCached(_ dir: URL) throws -> Int? {
        let history = try CLIHarness.runBinary(["history", "--format", "json", "--limit", "1"], in: dir)
        let runs = try JSONSerialization.jsonObject(with: Data(history.out.utf8)) as? [[String: Any]]
        return runs?.first?["cached"] as? Int
    }

    /// Editing a style layer reached only through `extends` (the repository's Workflows/styles/kei.yml)
    /// re-runs every article.
    @Test func editingAnExtendedStyleLayerMisses() throws {
        let dir = try Self.folder(); defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: TestPaths.workflows, to: dir.appendingPathComponent("Workflows"))
        _ = try CLIHarness.runBinary(["check"] + Self.files, in: dir)
        _ = try CLIHarness.runBinary(["check"] + Self.files, in: dir)
        #expect(try Self.lastCached(dir) == 3)
        let kei = dir.appendingPathComponent("Workflows/styles/kei.yml")
        try (try Data(contentsOf: kei) + Data("\n# edited\n".utf8)).write(to: kei)
        _ = try CLIHarness.runBinary(["check"] + Self.files, in: dir)
        #expect(try Self.lastCached(dir) == 0)
    }

    /// Reverting a same-size edit re-runs the article (the JATS on disk was the edited version's); a
    /// same-size corruption of an artifact is rewritten.
    @Test func sameSizeEditsAndCorruptionsAreNotHits() throws {
        let dir = try Self.folder(); defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("one.html")
        let jats = dir.appendingPathComponent("out/check/jats/one.xml")
        let original = try Data(contentsOf: page)
        _ = try CLIHarness.runBinary(["check", "one.html"], in: dir)
        let a = try Data(contentsOf: jats)
        try Data(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "ministers", with: "ministery").utf8).write(to: page)
        _ = try CLIHarness.runBinary(["check", "one.html"], in: dir)
        let b = try Data(contentsOf: jats)
        #expect(a.count == b.count && a != b)
        try original.write(to: page)
        _ = try CLIHarness.runBinary(["check", "one.html"], in: dir)
        #expect(try Self.lastCached(dir) == 0)
        #expect(try Data(contentsOf: jats) == a)

        var bytes = a
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: jats)
        _ = try CLIHarness.runBinary(["check", "one.html"], in: dir)
        #expect(try Self.lastCached(dir) == 0)
        #expect(try Data(contentsOf: jats) == a)
        _ = try CLIHarness.runBinary(["check", "one.html"], in: dir)
        #expect(try Self.lastCached(dir) == 1)
    }

    /// A valid ledger with a damaged page is not used: the warning and `pipeline.cache-unavailable`.
    @Test func partlyCorruptDatabaseWarns() throws {
        let dir = try Self.folder(); defer { try? FileManager.default.removeItem(at: dir) }
        let clean = try CLIHarness.runBinary(["check"] + Self.files, in: dir)
        let handle = try FileHandle(forWritingTo: dir.appendingPathComponent(".kei/ledger.sqlite"))
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 12))
        try handle.close()
        let r = try CLIHarness.runBinary(["check", "--report", "json:broken.json"] + Self.files, in: dir)
        #expect(r.code == clean.code)
        #expect(r.err.contains("warning: .kei/ledger.sqlite: the ledger database could not be used"), "\(r.err)")
        #expect(r.err.contains("malformed"), "\(r.err)")
        #expect(try String(contentsOf: dir.appendingPathComponent("broken.json"), encoding: .utf8).contains("pipeline.cache-unavailable"))
    }

    /// A project copied to another folder with its `.kei` (CI restoring the cache elsewhere) hits.
    @Test func movedProjectHits() throws {
        let dir = try Self.folder(); defer { try? FileManager.default.removeItem(at: dir) }
        _ = try CLIHarness.runBinary(["check"] + Self.files, in: dir)
        let moved = TestPaths.temporaryDirectory("kei-ledger-moved")
        defer { try? FileManager.default.removeItem(at: moved) }
        try FileManager.default.copyItem(at: dir, to: moved)
        _ = try CLIHarness.runBinary(["check"] + Self.files, in: moved)
        #expect(try Self.lastCached(moved) == 3)
    }

    @Test func lockedDatabaseWarnsAndTwoRunsAtOnceAreSafe() throws {
        guard let sqlite3 = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            #expect(!ToolRequirement.required, "sqlite3 shell missing")
            return
        }
        let dir = try Self.folder(); defer { try? FileManager.default.removeItem(at: dir) }
        _ = try CLIHarness.runBinary(["check"] + Self.files, in: dir)
        try Data(Self.page.replacingOccurrences(of: "June", with: "May").utf8).write(to: dir.appendingPathComponent("one.html"))
        // Another process holds the write lock for longer than the busy timeout.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: sqlite3)
        holder.arguments = [dir.appendingPathComponent(".kei/ledger.sqlite").path]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        input.fileHandleForWriting.write(Data("BEGIN EXCLUSIVE;\nINSERT INTO runs (started, finished, command, workflow, tool_version, articles, cached, errors, warnings, infos, baselined, gate, gate_passed, exit_code) VALUES ('', '', 'lock', '', '', 0, 0, 0, 0, 0, 0, '', 0, 0);\n".utf8))
        Thread.sleep(forTimeInterval: 0.5)
        let locked = try CLIHarness.runBinary(["check"] + Self.files, in: dir)
        input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
        try? input.fileHandleForWriting.close()
        holder.waitUntilExit()
        #expect(locked.code == 0 || locked.code == 1)
        #expect(locked.err.contains("warning: .kei/ledger.sqlite: the ledger database could not be used"), "\(locked.err)")
        #expect(locked.err.contains("locked"), "\(locked.err)")

        // Two binaries at once on the same project: both finish and both runs are recorded (the second waits for
        // the first's output folder lock with --wait-for-lock; without it, it would stop with exit 2).
        let group = DispatchGroup()
        let codes = LockedCodes()
        for _ in 0..<2 {
            DispatchQueue.global().async(group: group) {
                let r = try? CLIHarness.runBinary(["check", "--force", "--wait-for-lock"] + Self.files, in: dir)
                codes.add(r?.err.contains("could not be used") == false ? r?.code ?? -1 : -1)
            }
        }
        group.wait()
        #expect(codes.values.count == 2 && codes.values.allSatisfy { $0 == 0 || $0 == 1 }, "\(codes.values)")
        let history = try CLIHarness.runBinary(["history", "--format", "json"], in: dir)
        let runs = try #require(try JSONSerialization.jsonObject(with: Data(history.out.utf8)) as? [[String: Any]])
        #expect(runs.count == 3, "first run + two concurrent (the locked run was not recorded): \(history.out)")
    }

    final class LockedCodes: @unchecked Sendable {
        private let lock = NSLock()
        private var codes: [Int32] = []
        func add(_ c: Int32) { lock.lock(); codes.append(c); lock.unlock() }
        var values: [Int32] { lock.lock(); defer { lock.unlock() }; return codes }
    }

    @Test func statusShowsEditorialStates() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/w.yml", """
            name: w
            journal: journals/j.yml
            output: out
            articles:
              - id: a
                source: Samples/a.html
                status: approved
                doi: 10.1234/x
              - id: b
                status: commissioned
            stages:
              - ingest.html
              - emit.jats
            """)
        let before = try CLIHarness.runBinary(["status", "w"], in: p.root)
        #expect(before.code == 0, "\(before.err)")
        #expect(before.out == "no runs recorded yet (.kei/ledger.sqlite)\na  received  no run\nb  commissioned  no run\n")
        let run = try CLIHarness.runBinary(["run", "w"], in: p.root)
        let status = try CLIHarness.runBinary(["status", "w", "--format", "json"], in: p.root)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(status.out.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["article"] as? String } == ["a", "b"])
        let aPassed = ((rows[0]["lastRun"] as? [String: Any])?["gatePassed"] as? Bool) == true
        #expect(rows[0]["state"] as? String == (aPassed ? "approved" : "received"), "\(status.out) \(run.out)")
        #expect(rows[1]["state"] as? String == "commissioned")
        // Published only when dois.txt records the article's own DOI (the README's rule; matching the id alone
        // called an article published under another DOI).
        try p.write("out/crossref/dois.txt", "# DOIs\na 10.1234/other\n")
        let otherDOI = try CLIHarness.runBinary(["status", "w"], in: p.root)
        #expect(!otherDOI.out.contains("published"), "\(otherDOI.out)")
        try p.write("out/crossref/dois.txt", "# DOIs\na 10.1234/x\n")
        let published = try CLIHarness.runBinary(["status", "w"], in: p.root)
        #expect(published.out.hasPrefix("a  published  run 1 "), "\(published.out)")
    }

    /// A project with workflow w (article a, with findings) and w2 (commissioned only), and a subfolder.
    /// Article a's page has findings (an error: no author; a warning: no date). `failOn` is w's gate.
    static func project(failOn: String = "error") throws -> ProjectFixture {
        let p = try ProjectFixture()
        try writeW(p, failOn: failOn)
        try p.write("Workflows/w2.yml", """
            name: w2
            journal: journals/j.yml
            output: out2
            articles:
              - id: c
                status: commissioned
            stages:
              - ingest.html
            """)
        try p.write("sub/notes.txt", "a subfolder\n")
        return p
    }

    static func writeW(_ p: ProjectFixture, failOn: String) throws {
        try p.write("Workflows/w.yml", """
            name: w
            journal: journals/j.yml
            output: out
            articles:
              - id: a
                source: Samples/a.html
                status: received
            stages:
              - ingest.html
              - check.metadata
              - lint.style
            gates:
              fail-on: \(failOn)
            """)
    }

    static func runs(_ r: CLIHarness.Result) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]], "\(r.out) \(r.err)")
    }

    /// Runs named three ways (by name at the root, by a relative path from a subfolder, by an absolute path)
    /// are one workflow in the ledger, and status/history from the subfolder find the project's ledger.
    @Test func statusAndHistoryFromASubfolderAndAnAbsolutePath() throws {
        let p = try Self.project(); defer { p.remove() }
        let sub = p.root.appendingPathComponent("sub")
        _ = try CLIHarness.runBinary(["run", "w"], in: p.root)
        _ = try CLIHarness.runBinary(["run", "../Workflows/w.yml"], in: sub)
        _ = try CLIHarness.runBinary(["run", p.root.appendingPathComponent("Workflows/w.yml").path], in: sub)
        #expect(!FileManager.default.fileExists(atPath: sub.appendingPathComponent(".kei").path))
        let history = try CLIHarness.runBinary(["history", "--format", "json"], in: sub)
        #expect(history.code == 0, "\(history.err)")
        let runs = try Self.runs(history)
        #expect(runs.map { $0["workflow"] as? String } == Array(repeating: "Workflows/w.yml", count: 3), "\(history.out)")
        for (args, dir) in [(["status", "w"], sub), (["status", "../Workflows/w.yml"], sub), (["status", "Workflows/w.yml"], p.root),
                            (["status", p.root.appendingPathComponent("Workflows/w.yml").path], sub)] {
            let status = try CLIHarness.runBinary(args, in: dir)
            #expect(status.code == 0, "\(args) \(status.err)")
            #expect(status.out.hasPrefix("a  "), "\(args): \(status.out)")
            #expect(status.out.contains("run 3 "), "\(args): \(status.out)")
        }
        // The same in process.
        let inProcess = CLIHarness.run(["status", "w", "--format", "json"], in: sub)
        let rows = try Self.runs(inProcess)
        #expect((rows.first?["lastRun"] as? [String: Any])?["run"] as? Int == 3, "\(inProcess.out)")
    }

    /// The ledger counts what the report says: after --baseline, with the baselined findings apart.
    @Test func ledgerRecordsCountsAfterTheBaseline() throws {
        let p = try Self.project(); defer { p.remove() }
        let first = try CLIHarness.runBinary(["run", "w", "--write-baseline", "bl.json", "--report", "json:all.json"], in: p.root)
        #expect(first.code == 0, "\(first.err)")
        let run = try CLIHarness.runBinary(["run", "w", "--baseline", "bl.json", "--report", "json:r.json"], in: p.root)
        #expect(run.code == 0, "\(run.err)")
        let all = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: p.root.appendingPathComponent("all.json"))) as? [String: Any])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: p.root.appendingPathComponent("r.json"))) as? [String: Any])
        let before = try #require(all["summary"] as? [String: Any]), after = try #require(report["summary"] as? [String: Any])
        let baselined = try #require(after["baselined"] as? Int)
        #expect(baselined > 0, "the fixture page has findings to baseline: \(before)")
        let latest = try #require(try Self.runs(CLIHarness.runBinary(["history", "--format", "json"], in: p.root)).first)
        for key in ["errors", "warnings", "infos"] {
            #expect(latest[key] as? Int == after[key] as? Int, "\(key): ledger \(latest[key] ?? "nil"), report \(after[key] ?? "nil")")
        }
        #expect(latest["baselined"] as? Int == baselined)
        let text = try CLIHarness.runBinary(["history", "--limit", "1"], in: p.root)
        #expect(text.out.contains("\(baselined) baselined"), "\(text.out)")
    }

    /// batch records a back issue under its issue name (as its summary row shows it), not the template's file.
    @Test func batchRecordsBackIssuesUnderTheirName() throws {
        let dir = try Self.folder(); defer { try? FileManager.default.removeItem(at: dir) }
        let issue = dir.appendingPathComponent("spring-issue")
        try FileManager.default.createDirectory(at: issue, withIntermediateDirectories: true)
        for f in Self.files { try FileManager.default.moveItem(at: dir.appendingPathComponent(f), to: issue.appendingPathComponent(f)) }
        let batch = try CLIHarness.runBinary(["batch", "spring-issue"], in: dir)
        #expect(batch.out.contains("\nspring-issue "), "\(batch.out) \(batch.err)")
        let runs = try Self.runs(CLIHarness.runBinary(["history", "--format", "json"], in: dir))
        #expect(runs.map { $0["workflow"] as? String } == ["spring-issue"], "\(runs)")
    }

    /// status: a changed source, a workflow with runs only of others, no argument (default lists no articles).
    @Test func statusSaysWhatChangedAndWhatWasNotRun() throws {
        let p = try Self.project(failOn: "never"); defer { p.remove() }
        try p.write("Workflows/default.yml", "name: check\njournal: journals/j.yml\noutput: out/check\nstages:\n  - ingest.html\n")
        _ = try CLIHarness.runBinary(["run", "w"], in: p.root)
        let passed = try CLIHarness.runBinary(["status", "w"], in: p.root)
        #expect(passed.out.hasPrefix("a  edited  run 1 "), "\(passed.out)")
        let page = try String(contentsOf: p.root.appendingPathComponent("Samples/a.html"), encoding: .utf8)
        try p.write("Samples/a.html", page.replacingOccurrences(of: "Enough", with: "Plenty of"))
        let changed = try CLIHarness.runBinary(["status", "w"], in: p.root)
        #expect(changed.out.hasPrefix("a  received (changed since run 1)  run 1 "), "\(changed.out)")
        let json = try Self.runs(CLIHarness.runBinary(["status", "w", "--format", "json"], in: p.root))
        #expect(json.first?["changedSinceRun"] as? Int == 1, "\(json)")

        let other = try CLIHarness.runBinary(["status", "w2"], in: p.root)
        #expect(other.code == 0)
        #expect(other.out == "no runs of Workflows/w2.yml recorded yet (.kei/ledger.sqlite)\nc  commissioned  no run\n", "\(other.out)")

        let bare = try CLIHarness.runBinary(["status"], in: p.root)
        #expect(bare.code == 0)
        #expect(bare.out.contains("Workflows/default.yml lists no articles; name a workflow: w, w2"), "\(bare.out)")
    }

    /// history says passed/failed with fail-on apart; --state-dir "" is refused; .kei as a file is named.
    @Test func historyVerdictEmptyStateDirAndStateFolderThatIsAFile() throws {
        let p = try Self.project(failOn: "never"); defer { p.remove() }
        _ = try CLIHarness.runBinary(["run", "w"], in: p.root)
        try Self.writeW(p, failOn: "warning")
        _ = try CLIHarness.runBinary(["run", "w"], in: p.root)
        let text = try CLIHarness.runBinary(["history"], in: p.root)
        let lines = text.out.split(separator: "\n")
        #expect(lines.count == 2, "\(text.out)")
        #expect(lines.first?.contains(", failed (fail-on warning), exit 1") == true, "\(text.out)")
        #expect(lines.last?.contains(", passed (fail-on never), exit 0") == true, "\(text.out)")
        let json = try Self.runs(CLIHarness.runBinary(["history", "--format", "json"], in: p.root))
        #expect(json.map { $0["gatePassed"] as? Bool } == [false, true])
        #expect(json.map { $0["failOn"] as? String } == ["warning", "never"])

        for args in [["history", "--state-dir", ""], ["status", "w", "--state-dir", ""], ["run", "w", "--state-dir", ""]] {
            let r = try CLIHarness.runBinary(args, in: p.root)
            #expect(r.code == 2, "\(args)")
            #expect(r.err.contains("--state-dir needs a folder"), "\(args): \(r.err)")
            #expect(CLIHarness.run(args, in: p.root).code == 2)
        }
        #expect(!FileManager.default.fileExists(atPath: p.root.appendingPathComponent("ledger.sqlite").path))

        try FileManager.default.removeItem(at: p.root.appendingPathComponent(".kei"))
        try p.write(".kei", "not a folder\n")
        try Self.writeW(p, failOn: "never")
        let run = try CLIHarness.runBinary(["run", "w"], in: p.root)
        #expect(run.code == 0)
        #expect(run.err.contains("warning: .kei/ledger.sqlite: the ledger database could not be used (its folder .kei is a file, not a folder"), "\(run.err)")
        #expect(!run.err.contains("NSCocoaErrorDomain"), "\(run.err)")
        for (args, dir, shown) in [(["history"], p.root, ".kei"), (["status", "w"], p.root, ".kei"), (["history"], p.root.appendingPathComponent("sub"), "../.kei")] {
            let r = try CLIHarness.runBinary(args, in: dir)
            #expect(r.code == 2, "\(args)")
            #expect(r.err.hasPrefix("\(shown): error: this is a file, not the ledger's folder"), "\(args): \(r.err)")
        }
    }
}
