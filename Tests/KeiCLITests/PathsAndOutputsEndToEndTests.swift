import Foundation
import Testing
import KeiCore
import KeiTestSupport

/// Paths and outputs of a run (issue 12): symbolic links around the project, its inputs and its output
/// tree; permission errors; the output folder checked and locked before any work; temporary files of an
/// interrupted run removed; a full disk named in plain words. Through the CLI in process and the binary.
@Suite struct PathsAndOutputsEndToEndTests {
    static let workflow = """
    output: out/w
    articles:
      - {id: a, source: Samples/a.html, status: received}
    stages:
      - ingest.html
      - emit.jats
    gates:
      fail-on: never

    """
    let fm = FileManager.default

    /// A project (``ProjectFixture``) at its real path, with `Workflows/w.yml` (one article, ingest and JATS into out/w).
    func project(_ yaml: String = Self.workflow) throws -> ProjectFixture {
        let p = try ProjectFixture()
        try p.write("Workflows/w.yml", yaml)
        return p
    }

    func real(_ url: URL) -> String { PathPolicy.realPath(url.path) ?? url.path }

    @Test func anOutputFolderNotYetCreatedBehindALinkCannotLeaveTheProject() throws {
        let p = try project(); defer { p.remove() }
        let outside = TestPaths.temporaryDirectory("kei-outside"); defer { try? fm.removeItem(at: outside) }
        try fm.createSymbolicLink(atPath: p.root.appendingPathComponent("out").path, withDestinationPath: outside.path)
        let r = CLIHarness.run(["run", "w"], in: p.root)
        #expect(r.code == 2)
        #expect(r.err.contains("Workflows/w.yml:1:9: error: output folder 'out/w' escapes the project folder"), "\(r.err)")
        #expect(try fm.contentsOfDirectory(atPath: outside.path).isEmpty, "nothing written outside")
    }

    @Test func aPlantedLinkInTheOutputTreeIsRefused() throws {
        let p = try project(); defer { p.remove() }
        let outside = TestPaths.temporaryDirectory("kei-outside"); defer { try? fm.removeItem(at: outside) }
        try fm.createDirectory(at: p.root.appendingPathComponent("out/w"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: p.root.appendingPathComponent("out/w/jats").path, withDestinationPath: outside.path)
        let r = try CLIHarness.runBinary(["run", "w"], in: p.root)
        #expect(r.code == 2)
        #expect(r.err == "out/w/jats: error: cannot write output: out/w/jats is a symbolic link to a folder; kei-pipeline never writes through a link "
                + "inside the output folder (\(real(p.root))/out/w): remove the link (rm out/w/jats) and run again\n")
        #expect(try fm.contentsOfDirectory(atPath: outside.path).isEmpty, "nothing written through the link")
    }

    @Test func aProjectReachedThroughALinkWorks() throws {
        let p = try project(); defer { p.remove() }
        let elsewhere = TestPaths.temporaryDirectory("kei-elsewhere"); defer { try? fm.removeItem(at: elsewhere) }
        let link = elsewhere.appendingPathComponent("project")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: p.root.path)
        let jats = p.root.appendingPathComponent("out/w/jats/a.xml")
        // The working directory given as the link (in process, the path is kept as written).
        let inProcess = CLIHarness.run(["run", "w"], in: link)
        #expect(inProcess.code == 0, "\(inProcess.err)")
        #expect(fm.fileExists(atPath: jats.path))
        try fm.removeItem(at: p.root.appendingPathComponent("out"))
        // The binary started in the link, and the workflow named through the link from another folder.
        let binary = try CLIHarness.runBinary(["run", "w", "--no-cache"], in: link)
        #expect(binary.code == 0, "\(binary.err)")
        #expect(fm.fileExists(atPath: jats.path))
        try fm.removeItem(at: p.root.appendingPathComponent("out"))
        let throughLink = try CLIHarness.runBinary(["run", "project/Workflows/w.yml", "--no-cache"], in: elsewhere)
        #expect(throughLink.code == 0, "\(throughLink.err)")
        #expect(fm.fileExists(atPath: jats.path))
    }

    @Test func aLinkToAnOrdinaryFileIsAnInputAndALoopIsReportedAsALoop() throws {
        let p = try project(Self.workflow.replacingOccurrences(of: "Samples/a.html", with: "Samples/link.html")); defer { p.remove() }
        try fm.createSymbolicLink(atPath: p.root.appendingPathComponent("Samples/link.html").path, withDestinationPath: "a.html")
        let run = CLIHarness.run(["run", "w"], in: p.root)
        #expect(run.code == 0, "\(run.err)")
        #expect(fm.fileExists(atPath: p.root.appendingPathComponent("out/w/jats/a.xml").path))
        let check = CLIHarness.run(["check", "Samples/link.html", "--output", "out/check"], in: p.root)
        #expect(check.code == 0 || check.code == 1, "\(check.err)")
        #expect(!check.err.contains("not a regular file"))

        try fm.createSymbolicLink(atPath: p.root.appendingPathComponent("Samples/loop.html").path, withDestinationPath: "loop.html")
        let loop = CLIHarness.run(["check", "Samples/loop.html"], in: p.root)
        #expect(loop.code == 2)
        #expect(loop.err == "Samples/loop.html: error: symbolic link loop (ELOOP): a link on the path leads back to itself\n")
        try p.write("Workflows/w.yml", Self.workflow.replacingOccurrences(of: "Samples/a.html", with: "Samples/loop.html"))
        let loopSource = CLIHarness.run(["run", "w"], in: p.root)
        #expect(loopSource.code == 2)
        #expect(loopSource.err.contains("Workflows/w.yml:3:21: error: source 'Samples/loop.html' cannot be read: symbolic link loop (ELOOP)"), "\(loopSource.err)")
    }

    @Test func aFileWhereTheOutputFolderShouldBeStopsBeforeAnyWork() throws {
        let p = try project(); defer { p.remove() }
        try p.write("out", "a file, not a folder")
        let r = try CLIHarness.runBinary(["run", "w"], in: p.root)
        #expect(r.code == 2)
        let root = real(p.root)
        #expect(r.err == "out/w: error: cannot write output: the output folder \(root)/out/w cannot be created: \(root)/out is a file, not a folder (ENOTDIR); "
                + "move it away or choose another folder with --output\n")
        #expect(!r.err.contains("NSCocoaErrorDomain"))
        #expect(!fm.fileExists(atPath: p.root.appendingPathComponent(".kei").path), "no work was done (no ledger opened)")
    }

    @Test func temporaryFilesOfAnInterruptedRunAreRemovedAtTheNextRun() throws {
        let p = try project(); defer { p.remove() }
        let jats = p.root.appendingPathComponent("out/w/jats")
        try fm.createDirectory(at: jats, withIntermediateDirectories: true)
        for name in [".a.xml.tmp-99999999-0A1B2C3D", ".b.xml.tmp-99999998-DEADBEEF"] { try Data("half".utf8).write(to: jats.appendingPathComponent(name)) }
        try Data("mine".utf8).write(to: jats.appendingPathComponent(".notes.tmp-keep"))
        let r = CLIHarness.run(["run", "w", "--report", "json:-"], in: p.root)
        #expect(r.code == 0, "\(r.err)")
        #expect(try fm.contentsOfDirectory(atPath: jats.path).sorted() == [".notes.tmp-keep", "a.xml"])
        #expect(r.err.contains("note: removed 2 temporary file(s) an interrupted run left in the output folder out/w: "
                               + "jats/.a.xml.tmp-99999999-0A1B2C3D, jats/.b.xml.tmp-99999998-DEADBEEF"), "\(r.err)")
        #expect(r.out.contains("\"rule\": \"pipeline.stale-temporary-removed\""), "\(r.out)")
        let again = CLIHarness.run(["run", "w"], in: p.root)
        #expect(again.code == 0 && !again.err.contains("temporary file"))
    }

    /// A second run on an output folder another run holds fails (exit 2, naming the holder's pid); the lock of a
    /// run killed with SIGKILL is free at once (the file stays); `--wait-for-lock` waits.
    @Test(.timeLimit(.minutes(10))) func aSecondRunOnTheSameOutputFolderIsRefusedAndAKilledRunLeavesNoStaleLock() throws {
        let p = try project(); defer { p.remove() }
        try p.write("Workflows/x.yml", Self.workflow.replacingOccurrences(of: "out/w", with: "out/x"))
        try p.write("Workflows/y.yml", Self.workflow.replacingOccurrences(of: "out/w", with: "out/y"))
        // This test holds out/y's lock, as another run would.
        let y = p.root.appendingPathComponent("out/y")
        try fm.createDirectory(at: y, withIntermediateDirectories: true)
        let fd = open(y.path + "/.kei-lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        #expect(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
        _ = "\(getpid())\n".withCString { pwrite(fd, $0, strlen($0), 0) }
        // A batch over x and y locks out/x, then waits for out/y: a kei-pipeline that holds a lock and does not finish.
        let (holder, holderErr) = try Self.startWaiting(["batch", "Workflows/x.yml", "Workflows/y.yml", "--wait-for-lock", "--quiet"],
                                                        in: p.root, stderrName: "holder.err")
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }
        let note = try String(contentsOf: holderErr, encoding: .utf8)
        let yReal = real(y)
        #expect(note.contains("note: waiting for another kei-pipeline run (pid \(getpid())) to finish writing to \(yReal) (--wait-for-lock)"), "\(note)")
        #expect(try String(contentsOf: p.root.appendingPathComponent("out/x/.kei-lock"), encoding: .utf8) == "\(holder.processIdentifier)\n")

        let refused = try CLIHarness.runBinary(["run", "x"], in: p.root)
        let xReal = real(p.root.appendingPathComponent("out/x"))
        #expect(refused.code == 2)
        #expect(refused.err == "out/x: error: cannot write output: another kei-pipeline run (pid \(holder.processIdentifier)) is writing to the output folder \(xReal) "
                + "(it holds \(xReal)/.kei-lock); wait for it to finish, pass --wait-for-lock to wait for it, or choose another folder with --output\n")
        #expect(!fm.fileExists(atPath: p.root.appendingPathComponent("out/x/jats").path), "the refused run did no work")

        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        #expect(holder.terminationReason == .uncaughtSignal && holder.terminationStatus == SIGKILL)
        let afterKill = try CLIHarness.runBinary(["run", "x"], in: p.root)
        #expect(afterKill.code == 0, "the killed run's lock is free: \(afterKill.err)")
        #expect(fm.fileExists(atPath: p.root.appendingPathComponent("out/x/.kei-lock").path), "the lock file stays; the lock does not")

        // --wait-for-lock: a run on out/y waits for this test to let go, then runs.
        let (waiter, waiterErr) = try Self.startWaiting(["run", "y", "--wait-for-lock"], in: p.root, stderrName: "waiter.err")
        defer { if waiter.isRunning { kill(waiter.processIdentifier, SIGKILL) } }
        #expect(!fm.fileExists(atPath: y.appendingPathComponent("jats").path), "no work while waiting")
        close(fd)
        waiter.waitUntilExit()
        #expect(waiter.terminationStatus == 0, "\((try? String(contentsOf: waiterErr, encoding: .utf8)) ?? "")")
        #expect(fm.fileExists(atPath: y.appendingPathComponent("jats/a.xml").path))
    }

    /// A full disk: a 64 KiB tmpfs as the output folder (needs root and mount(2); skipped with a reason otherwise).
    @Test func aFullDiskNamesTheArtifactInPlainWords() throws {
        let p = try project(Self.workflow.replacingOccurrences(of: "fail-on: never", with: "fail-on: error")); defer { p.remove() }
        let paragraphs = (0..<1500).map { "<p>Paragraph \($0) of a long article, with enough words to fill the disk quickly.</p>" }.joined()
        try p.write("Samples/a.html", "<html><head><title>Long</title></head><body><article><h1>Long</h1>\(paragraphs)</article></body></html>")
        let disk = TestPaths.temporaryDirectory("kei-full"); defer { try? fm.removeItem(at: disk) }
        let mount = try CLIHarness.runCommand("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.path])
        guard mount.code == 0 else {
            print("skipped aFullDiskNamesTheArtifactInPlainWords: cannot mount a tmpfs here (\(mount.err.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        defer { _ = try? CLIHarness.runCommand("/bin/umount", [disk.path]) }
        let r = try CLIHarness.runBinary(["run", "w", "--output", disk.appendingPathComponent("out").path, "--no-cache"], in: p.root)
        #expect(r.code == 1, "\(r.out) \(r.err)")
        #expect(r.out.contains("jats/a.xml: error: cannot write output: no space left on device (ENOSPC)"), "\(r.out)")
        #expect(!(r.out + r.err).contains("NSCocoaErrorDomain"))
        let left = try fm.contentsOfDirectory(atPath: disk.appendingPathComponent("out/jats").path)
        #expect(left.isEmpty, "no temporary file left behind: \(left)")
    }

    /// Starts the debug binary with `arguments` in `root`, stderr to `root/stderrName`, and returns once
    /// that file says "waiting for" (the run is blocked on an output lock) or after 300 s.
    static func startWaiting(_ arguments: [String], in root: URL, stderrName: String) throws -> (Process, URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIHarness.binaryPath)
        process.arguments = arguments
        process.currentDirectoryURL = root
        let err = root.appendingPathComponent(stderrName)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline, process.isRunning,
              !((try? String(contentsOf: err, encoding: .utf8)) ?? "").contains("waiting for") { usleep(100_000) }
        return (process, err)
    }
}

/// Permission errors, run as the unprivileged user `nobody` (root reads and writes anything) from a copy of the
/// binary in a world-readable temporary folder; skipped with a reason where `setpriv` cannot switch users.
@Suite struct PermissionsEndToEndTests {
    let fm = FileManager.default

    /// The binary copied where `nobody` can run it, or nil (with the reason printed) when that is impossible.
    static func nobodyBinary(_ dir: URL) throws -> URL? {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            print("skipped: permission tests need root and /usr/bin/setpriv to run as nobody")
            return nil
        }
        let copy = dir.appendingPathComponent("kei-pipeline")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: CLIHarness.binaryPath), to: copy)
        chmod(copy.path, 0o755)
        return copy
    }

    static func asNobody(_ binary: URL, _ arguments: [String], in dir: URL) throws -> CLIHarness.Result {
        try CLIHarness.runCommand("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments, in: dir,
                                  environment: ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent"])
    }

    @Test func permissionDeniedOnAnInputIsExit2InPlainWords() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        guard let binary = try Self.nobodyBinary(p.root) else { return }
        try p.write("Workflows/w.yml", PathsAndOutputsEndToEndTests.workflow)
        let writable = TestPaths.temporaryDirectory("kei-writable"); defer { try? fm.removeItem(at: writable) }
        chmod(writable.path, 0o777)
        chmod(p.root.appendingPathComponent("Samples/a.html").path, 0o600)
        let check = try Self.asNobody(binary, ["check", "Samples/a.html", "--output", writable.path], in: p.root)
        #expect(check.code == 2)
        #expect(check.err == "Samples/a.html: error: permission denied (EACCES): this user may not read the file; check its permissions\n")
        let run = try Self.asNobody(binary, ["run", "w", "--output", writable.path], in: p.root)
        #expect(run.code == 2)
        #expect(run.err.contains("source file 'Samples/a.html' of article 'a' cannot be read: permission denied (EACCES)"), "\(run.err)")
        #expect(try fm.contentsOfDirectory(atPath: writable.path).isEmpty, "nothing processed")
    }

    @Test func anUnwritableOutputFolderStopsBeforeAnyWorkNamingItsRealPath() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        guard let binary = try Self.nobodyBinary(p.root) else { return }
        try p.write("Workflows/w.yml", PathsAndOutputsEndToEndTests.workflow)
        try fm.createDirectory(at: p.root.appendingPathComponent("out/w"), withIntermediateDirectories: true)
        // The project named through a link: the message gives the folder's real path.
        let elsewhere = TestPaths.temporaryDirectory("kei-elsewhere"); defer { try? fm.removeItem(at: elsewhere) }
        try fm.createSymbolicLink(atPath: elsewhere.appendingPathComponent("project").path, withDestinationPath: p.root.path)
        let r = try Self.asNobody(binary, ["run", "project/Workflows/w.yml"], in: elsewhere)
        let realOut = (PathPolicy.realPath(p.root.path) ?? p.root.path) + "/out/w"
        #expect(r.code == 2)
        #expect(r.err == "project/out/w: error: cannot write output: the output folder \(realOut) is not writable: permission denied (EACCES); "
                + "make it writable or choose another folder with --output\n")
        #expect(try fm.contentsOfDirectory(atPath: realOut).isEmpty, "no work was done")
    }
}
