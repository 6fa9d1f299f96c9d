import Foundation
import Testing
import KeiCore
@testable import KeiLedger
import KeiStages
import KeiTestSupport

/// The cache key, the SQLite store and cache hits through the runner (in process).
@Suite struct LedgerSessionTests {
    static func workflow(_ p: ProjectFixture, validate: Bool = false) throws -> Workflow {
        try p.load("""
            name: w
            journal: journals/j.yml
            output: out
            articles:
              - id: a
                source: Samples/a.html
                status: received
            stages:
              - ingest.html
              - lint.style
              - id: emit.jats
                options:
                  validate: \(validate)
            """)
    }

    static func key(_ w: Workflow, flags: [String] = [], tool: String = "1") throws -> String {
        try #require(CacheKey.key(entry: w.articles[0], workflowPart: CacheKey.workflowPart(w, flags: flags, toolVersion: tool)))
    }

    @Test func keyChangesWithEachInput() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let base = try Self.key(Self.workflow(p))
        #expect(try Self.key(Self.workflow(p)) == base, "the same inputs give the same key")
        #expect(try Self.key(Self.workflow(p), tool: "2") != base, "tool version")
        #expect(try Self.key(Self.workflow(p), flags: ["fix"]) != base, "runner flag")
        #expect(try Self.key(Self.workflow(p, validate: true)) != base, "stage option")
        try p.write("Workflows/styles/s.yml", "name: s2\n")
        let styled = try Self.key(Self.workflow(p))
        #expect(styled != base, "style file")
        let page = try String(contentsOf: p.root.appendingPathComponent("Samples/a.html"), encoding: .utf8)
        try p.write("Samples/a.html", page.replacingOccurrences(of: "Enough", with: "enough"))
        #expect(try Self.key(Self.workflow(p)) != styled, "one source byte")
    }

    /// Every file a result depends on is in the key: a layer reached by `extends`, the journal's print
    /// stylesheet and the other files of its folder (what it may import), a file named by a stage option.
    @Test func keyChangesWithEveryFileTheResultsDependOn() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/styles/s.yml", "name: s\nextends: base.yml\n")
        try p.write("Workflows/styles/base.yml", "name: base\nvocabulary:\n  acronyms:\n    KEI: Korea Economic Institute\n")
        try p.write("Workflows/journals/j.yml", "title: Korea Policy\npublisher: KEI\nstyle: ../styles/s.yml\nprint:\n  stylesheet: ../print/main.xsl\n")
        try p.write("Workflows/print/main.xsl", "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'><xsl:import href='common.xsl'/></xsl:stylesheet>")
        try p.write("Workflows/print/common.xsl", "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'/>")
        try p.write("Workflows/fo/other.xsl", "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'/>")
        try p.write("Workflows/fo/part.xsl", "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'/>")
        let yaml = """
            name: w
            journal: journals/j.yml
            output: out
            articles:
              - id: a
                source: Samples/a.html
                status: received
            stages:
              - ingest.html
              - lint.style
              - emit.jats
              - id: emit.fo
                options:
                  stylesheet: Workflows/fo/other.xsl
            """
        let w = try p.load(yaml)
        let names = Set(w.configurationFiles.map { CacheKey.relative($0, to: w.projectRoot) })
        for name in ["Workflows/styles/base.yml", "Workflows/print/main.xsl", "Workflows/print/common.xsl",
                     "Workflows/fo/other.xsl", "Workflows/fo/part.xsl"] {
            #expect(names.contains(name), "\(name) in \(names.sorted())")
        }
        var key = try Self.key(w)
        for (file, text) in [("Workflows/styles/base.yml", "name: base\nvocabulary:\n  acronyms:\n    KEI: Korea Economic Institutf\n"),
                             ("Workflows/print/common.xsl", "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'> </xsl:stylesheet>"),
                             ("Workflows/fo/part.xsl", "<xsl:stylesheet version='1.1' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'/>"),
                             ("Workflows/fo/other.xsl", "<xsl:stylesheet version='1.1' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'/>")] {
            try p.write(file, text)
            let next = try Self.key(p.load(yaml))
            #expect(next != key, "editing \(file) changes the key")
            key = next
        }
    }

    /// render.pdf's FOP from PATH is stamped into the key: installed or not, and which file.
    @Test func executableStampNamesTheFileFoundOnPath() {
        #expect(CacheKey.executableStamp("kei-no-such-tool-9") == "<none>")
        let sh = CacheKey.executableStamp("sh")
        #expect(sh.hasPrefix("/") && sh.hasSuffix(String(FileStat(URL(fileURLWithPath: String(sh.split(separator: " ")[0])))?.mtime ?? -1)), "\(sh)")
    }

    /// A project copied elsewhere with its `.kei` keeps its keys: no absolute path is hashed.
    @Test func keyIsTheSameForAMovedProject() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let key = try Self.key(Self.workflow(p))
        let moved = TestPaths.temporaryDirectory("kei-moved")
        defer { try? FileManager.default.removeItem(at: moved) }
        try FileManager.default.copyItem(at: p.root, to: moved)
        let loader = WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: moved)
        let w = try loader.load(try loader.resolve("w"))
        #expect(w.projectRoot.path != p.root.standardizedFileURL.path)
        #expect(try Self.key(w) == key)
    }

    static func runner(_ session: LedgerSession) -> Runner {
        var r = Runner(jobs: 1)
        r.releaseModels = true
        r.cache = session
        return r
    }

    static func session(_ dir: URL, read: Bool = true) -> LedgerSession {
        LedgerSession(directory: dir, readCache: read, writeCache: true, flags: [], toolVersion: "test")
    }

    @Test func secondRunComesFromTheCacheAndADeletedArtifactIsRestored() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let w = try Self.workflow(p)
        let state = p.root.appendingPathComponent(".kei")

        let s1 = Self.session(state)
        let cold = Self.runner(s1).run(w, workingDirectory: p.root)
        #expect(s1.finish(cold, workflow: w, command: "test", started: Date()) == 1)
        #expect(s1.problem == nil)
        #expect(cold.outcomes.map(\.cached) == [false])
        let jats = try #require(cold.outcomes[0].artifacts.first { $0.kind == "jats" })

        let s2 = Self.session(state)
        let warm = Self.runner(s2).run(w, workingDirectory: p.root)
        s2.finish(warm, workflow: w, command: "test", started: Date())
        #expect(warm.outcomes.map(\.cached) == [true])
        #expect(warm.outcomes[0].diagnostics == cold.outcomes[0].diagnostics)
        #expect(warm.outcomes[0].artifacts == cold.outcomes[0].artifacts)
        #expect(warm.outcomes[0].digest == cold.outcomes[0].digest)

        let file = w.outputDirectory.appendingPathComponent(jats.relativePath)
        let bytes = try Data(contentsOf: file)
        try FileManager.default.removeItem(at: file)
        let s3 = Self.session(state)
        let restored = Self.runner(s3).run(w, workingDirectory: p.root)
        s3.finish(restored, workflow: w, command: "test", started: Date())
        #expect(restored.outcomes.map(\.cached) == [false])
        #expect(try Data(contentsOf: file) == bytes)

        // --force: not read from the cache.
        let s4 = Self.session(state, read: false)
        #expect(Self.runner(s4).run(w, workingDirectory: p.root).outcomes.map(\.cached) == [false])

        let runs = try LedgerReader.runs(in: s1.url, limit: 10)
        #expect(runs.map(\.id) == [3, 2, 1])
        #expect(runs.map(\.cached) == [0, 1, 0])
        let latest = try LedgerReader.latest(in: s1.url, workflow: LedgerSession.workflowID(w))
        #expect(latest["a"]?.run == 3)
        #expect(latest["a"]?.cached == false)
    }

    @Test func corruptDatabaseTurnsTheCacheOffWithAMessage() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let w = try Self.workflow(p)
        let state = p.root.appendingPathComponent(".kei")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try Data(String(repeating: "not a database ", count: 400).utf8).write(to: state.appendingPathComponent("ledger.sqlite"))
        let s = Self.session(state)
        let result = Self.runner(s).run(w, workingDirectory: p.root)
        #expect(s.finish(result, workflow: w, command: "test", started: Date()) == nil)
        #expect(result.outcomes.map(\.cached) == [false])
        #expect(!result.outcomes[0].artifacts.isEmpty)
        let notice = try #require(s.unavailableNotice(display: ".kei/ledger.sqlite"))
        #expect(notice.rule == "pipeline.cache-unavailable")
        #expect(notice.message.contains("not a database"), "\(notice.message)")
    }

    /// A hit needs each artifact's bytes as stored: reverting a same-size source edit re-runs (the JATS on disk
    /// is the edited version's), and a same-size corruption of an artifact is rewritten.
    @Test func sameSizeChangesAreNotHits() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let w = try Self.workflow(p)
        let state = p.root.appendingPathComponent(".kei")
        func run() throws -> (cached: Bool, jats: Data) {
            let s = Self.session(state)
            let r = Self.runner(s).run(w, workingDirectory: p.root)
            s.finish(r, workflow: w, command: "test", started: Date())
            #expect(s.problem == nil)
            let jats = try #require(r.outcomes[0].artifacts.first { $0.kind == "jats" })
            return (r.outcomes[0].cached, try Data(contentsOf: w.outputDirectory.appendingPathComponent(jats.relativePath)))
        }
        let page = try String(contentsOf: p.root.appendingPathComponent("Samples/a.html"), encoding: .utf8)
        let a = try run()
        #expect(a.cached == false)
        try p.write("Samples/a.html", page.replacingOccurrences(of: "Enough", with: "Enouxh"))
        let b = try run()
        #expect(b.cached == false)
        #expect(b.jats.count == a.jats.count && b.jats != a.jats, "the edit is same-size in the JATS too")
        try p.write("Samples/a.html", page)
        let reverted = try run()
        #expect(reverted.cached == false, "version A's entry, but version B's JATS on disk")
        #expect(reverted.jats == a.jats)
        #expect(try run().cached == true, "now the bytes on disk are A's")

        // A same-size corruption of the artifact (another modification time) is rewritten.
        let jats = try #require(try FileManager.default.contentsOfDirectory(atPath: w.outputDirectory.appendingPathComponent("jats").path).first)
        let file = w.outputDirectory.appendingPathComponent("jats").appendingPathComponent(jats)
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: file)
        let restored = try run()
        #expect(restored.cached == false)
        #expect(restored.jats == a.jats)

        // Touched but unchanged (another time, same bytes): the hash decides, a hit.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: file.path)
        #expect(try run().cached == true)
    }

    /// Bytes overwritten inside a valid ledger (a damaged b-tree page SQLite reads without error until a
    /// statement reaches it) are caught when the file is opened: the cache is off and the notice says why.
    @Test func partlyCorruptDatabaseIsNotUsed() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let w = try Self.workflow(p)
        let state = p.root.appendingPathComponent(".kei")
        let s1 = Self.session(state)
        s1.finish(Self.runner(s1).run(w, workingDirectory: p.root), workflow: w, command: "test", started: Date())
        #expect(s1.problem == nil)
        let handle = try FileHandle(forWritingTo: s1.url)
        // Page 2's b-tree header (pages of 4,096 bytes): every read of the file's first page still works.
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 12))
        try handle.close()
        let s2 = Self.session(state)
        #expect(s2.problem != nil)
        let result = Self.runner(s2).run(w, workingDirectory: p.root)
        #expect(result.outcomes.map(\.cached) == [false])
        #expect(s2.finish(result, workflow: w, command: "test", started: Date()) == nil)
        let notice = try #require(s2.unavailableNotice(display: ".kei/ledger.sqlite"))
        #expect(notice.rule == "pipeline.cache-unavailable")
        #expect(notice.message.contains("malformed"), "\(notice.message)")
    }

    @Test func newerSchemaIsRefused() throws {
        let dir = TestPaths.temporaryDirectory("kei-ledger-schema")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("ledger.sqlite")
        let db = try SQLiteDatabase(url: url)
        try db.execute("PRAGMA user_version = 99")
        db.close()
        let s = Self.session(dir)
        #expect(s.problem?.contains("schema version 99") == true, "\(s.problem ?? "nil")")
    }

    /// Runs are keyed by the workflow file relative to the project root, whatever the working directory
    /// or spelling (a relative path from a subfolder, an absolute path).
    @Test func workflowIDIsRelativeToTheProjectRoot() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let w = try Self.workflow(p)
        let sub = p.root.appendingPathComponent("Samples")
        let fromSub = WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: sub)
        let relative = try fromSub.load(try fromSub.resolve("../Workflows/w.yml"))
        let absolute = try fromSub.load(try fromSub.resolve(p.root.appendingPathComponent("Workflows/w.yml").path))
        #expect(relative.displayPath == "../Workflows/w.yml")
        #expect(LedgerSession.workflowID(w) == "Workflows/w.yml")
        #expect(LedgerSession.workflowID(relative) == "Workflows/w.yml")
        #expect(LedgerSession.workflowID(absolute) == "Workflows/w.yml")
    }

    /// The run's record holds the result as given (after a baseline), the gate verdict apart from its level,
    /// the name the caller chose, and each source's hash.
    @Test func finishRecordsTheGivenCountsVerdictNameAndSourceHash() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let w = try Self.workflow(p)
        let s = Self.session(p.root.appendingPathComponent(".kei"))
        s.workflowName = "vol-1-issue-2"
        var result = Self.runner(s).run(w, workingDirectory: p.root)
        let before = result.summary
        #expect(before.warnings + before.infos > 0, "the fixture page has findings")
        // What --baseline does: drop every finding and count it.
        let dropped = result.outcomes.reduce(0) { $0 + $1.diagnostics.count }
        for i in result.outcomes.indices { result.outcomes[i].diagnostics = [] }
        result.baselined = dropped
        s.finish(result, workflow: w, command: "test", started: Date())
        let run = try #require(try LedgerReader.runs(in: s.url, limit: 1).first)
        #expect(run.workflow == "vol-1-issue-2")
        #expect(run.errors == 0 && run.warnings == 0 && run.infos == 0)
        #expect(run.baselined == dropped)
        #expect(run.gatePassed == true)
        #expect(run.failOn == w.gate.name)
        let latest = try LedgerReader.latest(in: s.url, workflow: "vol-1-issue-2")
        let source = p.root.appendingPathComponent("Samples/a.html")
        #expect(latest["a"]?.sourceSHA256 == LedgerReader.sha256(of: source))
        #expect(latest["a"]?.sourceSHA256?.count == 64)
        #expect(try LedgerReader.latest(in: s.url, workflow: LedgerSession.workflowID(w)).isEmpty)
    }

    /// A state folder that is a file: the session is off with a plain message naming it (no Foundation
    /// error dump), and the reader throws naming it.
    @Test func stateFolderThatIsAFileIsNamedPlainly() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let state = p.root.appendingPathComponent(".kei")
        try Data("x".utf8).write(to: state)
        let s = Self.session(state)
        let problem = try #require(s.problem)
        #expect(problem.contains(".kei is a file, not a folder"), "\(problem)")
        #expect(!problem.contains("NSCocoaErrorDomain") && !problem.contains("Code="), "\(problem)")
        #expect(throws: LedgerError.self) { try LedgerReader.runs(in: state.appendingPathComponent("ledger.sqlite"), limit: 1) }
        #expect(throws: LedgerError.self) { try LedgerReader.latest(in: state.appendingPathComponent("ledger.sqlite"), workflow: "w") }
    }
}
