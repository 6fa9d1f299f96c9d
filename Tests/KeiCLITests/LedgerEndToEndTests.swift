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
        _ = try CLIHarness.runBinary(["check", "--force"] + Self.files, in: dir)
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
        input.fileHandleForWriting.write(Data("BEGIN EXCLUSIVE;\nINSERT INTO runs (started, finished, command, workflow, tool_version, articles, cached, errors, warnings, infos, gate, exit_code) VALUES ('', '', 'lock', '', '', 0, 0, 0, 0, 0, '', 0);\n".utf8))
        Thread.sleep(forTimeInterval: 0.5)
        let locked = try CLIHarness.runBinary(["check"] + Self.files, in: dir)
        input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
        try? input.fileHandleForWriting.close()
        holder.waitUntilExit()
        #expect(locked.code == 0 || locked.code == 1)
        #expect(locked.err.contains("warning: .kei/ledger.sqlite: the ledger database could not be used"), "\(locked.err)")
        #expect(locked.err.contains("locked"), "\(locked.err)")

        // Two binaries at once on the same project: both finish and both runs are recorded.
        let group = DispatchGroup()
        let codes = LockedCodes()
        for _ in 0..<2 {
            DispatchQueue.global().async(group: group) {
                let r = try? CLIHarness.runBinary(["check", "--force"] + Self.files, in: dir)
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
        try p.write("out/crossref/dois.txt", "# DOIs\na 10.1234/x\n")
        let published = try CLIHarness.runBinary(["status", "w"], in: p.root)
        #expect(published.out.hasPrefix("a  published  run 1 "), "\(published.out)")
    }
}
