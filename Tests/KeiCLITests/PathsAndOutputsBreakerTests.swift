import Foundation
import Testing
import KeiCore
import KeiTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Paths and outputs (issue 12), the breakers' findings: an input planted as a link out of the project, a
/// report written over a device or FIFO, a nested run's live temporary files, a hard-linked lock file, a
/// ledger folder linked out of the project, a workflow link loop, a dangling link in the output tree.
@Suite struct PathsAndOutputsBreakerTests {
    let fm = FileManager.default

    func project() throws -> ProjectFixture {
        let p = try ProjectFixture()
        try p.write("Workflows/w.yml", PathsAndOutputsEndToEndTests.workflow)
        return p
    }

    func isSymlink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK
    }

    @Test func anInputLinkedOutOfTheProjectIsRefusedButANamedOutsideFileIsRead() throws {
        let p = try project(); defer { p.remove() }
        try fm.createDirectory(at: p.root.appendingPathComponent("evil"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: p.root.appendingPathComponent("evil/passwd.html").path, withDestinationPath: "/etc/passwd")
        let r = CLIHarness.run(["check", "evil/passwd.html"], in: p.root)
        #expect(r.code == 2)
        #expect(r.err.contains("evil/passwd.html: error: evil/passwd.html is a symbolic link to a file outside the project (/etc/passwd); "
                               + "kei-pipeline does not follow links out of the project"), "\(r.err)")
        #expect(!fm.fileExists(atPath: p.root.appendingPathComponent("out").path), "nothing written")
        // A link that stays inside the project is an ordinary input.
        try fm.createSymbolicLink(atPath: p.root.appendingPathComponent("evil/a.html").path, withDestinationPath: "../Samples/a.html")
        #expect(CLIHarness.run(["check", "evil/a.html"], in: p.root).code != 2)
        // A file named directly outside the project (no link) is read as before.
        let outside = TestPaths.temporaryDirectory("kei-outside"); defer { try? fm.removeItem(at: outside) }
        try fm.copyItem(at: p.root.appendingPathComponent("Samples/a.html"), to: outside.appendingPathComponent("b.html"))
        let named = CLIHarness.run(["check", outside.appendingPathComponent("b.html").path], in: p.root)
        #expect(named.code != 2, "\(named.err)")
        #expect(fm.fileExists(atPath: p.root.appendingPathComponent("out/check/jats/b.xml").path))
    }

    @Test func aReportToADeviceOrFIFOIsWrittenIntoItNotRenamedOverIt() throws {
        let p = try project(); defer { p.remove() }
        let devnull = p.root.appendingPathComponent("null-link").path
        try fm.createSymbolicLink(atPath: devnull, withDestinationPath: "/dev/null")
        let r = CLIHarness.run(["run", "w", "--report", "json:null-link"], in: p.root)
        #expect(r.code == 0, "\(r.err)")
        #expect(isSymlink(devnull), "the link to /dev/null was not replaced by a file")
        let fifo = p.root.appendingPathComponent("report.fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let received = LockedData()
        let reader = Thread {
            if let h = FileHandle(forReadingAtPath: fifo) { received.set(h.readDataToEndOfFile()) }
        }
        reader.start()
        let f = try CLIHarness.runBinary(["run", "w", "--no-cache", "--report", "json:report.fifo"], in: p.root, timeout: 120)
        #expect(f.code == 0, "\(f.err)")
        for _ in 0..<100 where received.get() == nil { usleep(50_000) }
        #expect(String(decoding: received.get() ?? Data(), as: UTF8.self).contains("\"articles\""))
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO, "still a FIFO")
    }

    @Test func aReportPathThatCannotBeWrittenIsRefusedBeforeAnyWork() throws {
        let p = try project(); defer { p.remove() }
        try fm.createDirectory(at: p.root.appendingPathComponent("adir"), withIntermediateDirectories: true)
        let dir = CLIHarness.run(["run", "w", "--report", "json:adir"], in: p.root)
        #expect(dir.code == 2)
        #expect(dir.err.contains("adir: error: ") && dir.err.contains("adir is a directory, not a file"), "\(dir.err)")
        try p.write("afile", "x")
        let under = CLIHarness.run(["run", "w", "--report", "json:afile/r.json"], in: p.root)
        #expect(under.code == 2)
        #expect(under.err.contains("afile/r.json: error: ") && under.err.contains("is a file, not a folder (ENOTDIR)"), "\(under.err)")
        #expect(!fm.fileExists(atPath: p.root.appendingPathComponent("out").path), "no work done")
    }

    @Test func aLiveRunsTemporaryFilesAreNotRemoved() throws {
        let p = try project(); defer { p.remove() }
        let nested = p.root.appendingPathComponent("out/w/nested")
        try fm.createDirectory(at: nested, withIntermediateDirectories: true)
        // The test process lives: its temporary file belongs to a run in progress. 99999999 is above any pid_max.
        let live = ".x.xml.tmp-\(getpid())-0A1B2C3D", dead = ".y.xml.tmp-99999999-0A1B2C3D"
        for name in [live, dead] { try Data("half".utf8).write(to: nested.appendingPathComponent(name)) }
        let r = try CLIHarness.runBinary(["run", "w", "--no-cache"], in: p.root)
        #expect(r.code == 0, "\(r.err)")
        #expect(try fm.contentsOfDirectory(atPath: nested.path) == [live])
    }

    @Test func aHardLinkedLockFileIsNotOverwritten() throws {
        let p = try project(); defer { p.remove() }
        try fm.createDirectory(at: p.root.appendingPathComponent("out/w"), withIntermediateDirectories: true)
        try p.write("precious.txt", "keep me\n")
        #expect(link(p.root.appendingPathComponent("precious.txt").path, p.root.appendingPathComponent("out/w/.kei-lock").path) == 0)
        let r = CLIHarness.run(["run", "w"], in: p.root)
        #expect(r.code == 2)
        #expect(r.err.contains("out/w: error: ") && r.err.contains("is hard-linked to another file"), "\(r.err)")
        #expect(try String(contentsOf: p.root.appendingPathComponent("precious.txt"), encoding: .utf8) == "keep me\n")
    }

    @Test func aLedgerFolderLinkedOutOfTheProjectIsNotWrittenThrough() throws {
        let p = try project(); defer { p.remove() }
        let outside = TestPaths.temporaryDirectory("kei-outside"); defer { try? fm.removeItem(at: outside) }
        try fm.createSymbolicLink(atPath: p.root.appendingPathComponent(".kei").path, withDestinationPath: outside.path)
        let r = CLIHarness.run(["run", "w", "--show-info"], in: p.root)
        #expect(r.code == 0, "\(r.err)")
        #expect(try fm.contentsOfDirectory(atPath: outside.path).isEmpty, "nothing written through .kei")
        #expect((r.out + r.err).contains("pipeline.cache-unavailable") && (r.out + r.err).contains("symbolic link leading outside the project"),
                "\(r.out)\(r.err)")
        // Named explicitly, a ledger folder outside the project is used.
        let named = CLIHarness.run(["run", "w", "--state-dir", outside.path], in: p.root)
        #expect(named.code == 0, "\(named.err)")
        #expect(fm.fileExists(atPath: outside.appendingPathComponent("ledger.sqlite").path))
    }

    @Test func aWorkflowLinkLoopIsNamedAsALoop() throws {
        let p = try project(); defer { p.remove() }
        try fm.createSymbolicLink(atPath: p.root.appendingPathComponent("Workflows/l1.yml").path, withDestinationPath: "l2.yml")
        try fm.createSymbolicLink(atPath: p.root.appendingPathComponent("Workflows/l2.yml").path, withDestinationPath: "l1.yml")
        let r = CLIHarness.run(["run", "l1"], in: p.root)
        #expect(r.code == 2)
        #expect(r.err.hasPrefix("Workflows/l1.yml: error: symbolic link loop (ELOOP)"), "\(r.err)")
    }

    @Test func aDanglingLinkInTheOutputTreeIsRefusedBeforeWork() throws {
        let p = try project(); defer { p.remove() }
        try fm.createDirectory(at: p.root.appendingPathComponent("out/w"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: p.root.appendingPathComponent("out/w/jats").path, withDestinationPath: "/nonexistent-kei-target")
        let r = CLIHarness.run(["run", "w"], in: p.root)
        #expect(r.code == 2)
        #expect(r.err.contains("out/w/jats: error: ") && r.err.contains("is a symbolic link to /nonexistent-kei-target, which does not exist"), "\(r.err)")
    }
}

/// Data handed from a reader thread to the test.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
    func get() -> Data? { lock.lock(); defer { lock.unlock() }; return data }
}
