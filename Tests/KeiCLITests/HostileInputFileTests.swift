import Foundation
import Testing
import KeiTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Inputs that are not ordinary readable files, given to the real `kei-pipeline check` binary (issue 12):
/// each is refused before any work with exit 2 and a message naming the file, except a symbolic link to
/// an ordinary page, which is read like the page. No case may block (a FIFO is never opened for reading).
@Suite(.serialized) struct HostileInputFileTests {
    @Test func directoryIsRefused() throws {
        let dir = TestPaths.temporaryDirectory("kei-hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("folder.html"), withIntermediateDirectories: true)
        let run = try Hostile.check("a directory", "folder.html", in: dir)
        Hostile.expectRefused(run, naming: "folder.html", saying: ["directory"])
    }

    @Test func missingFileIsRefused() throws {
        let dir = TestPaths.temporaryDirectory("kei-hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try Hostile.check("a missing file", "missing.html", in: dir)
        Hostile.expectRefused(run, naming: "missing.html", saying: ["not found"])
    }

    /// A FIFO with no writer: opening it for reading would block forever, so it must be refused by its type.
    @Test func fifoIsRefusedWithoutBlocking() throws {
        let dir = TestPaths.temporaryDirectory("kei-hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(mkfifo(dir.appendingPathComponent("fifo.html").path, 0o644) == 0, "mkfifo: \(String(cString: strerror(errno)))")
        let run = try Hostile.check("a FIFO", "fifo.html", in: dir)
        Hostile.expectRefused(run, naming: "fifo.html")
    }

    /// Two links pointing at each other: reported as a loop (not as "file not found").
    @Test func symlinkLoopIsReportedAsLoop() throws {
        let dir = TestPaths.temporaryDirectory("kei-hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("first.html").path, withDestinationPath: "second.html")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("second.html").path, withDestinationPath: "first.html")
        let run = try Hostile.check("a symlink loop", "first.html", in: dir)
        Hostile.expectRefused(run, naming: "first.html", saying: ["loop"])
    }

    /// A symbolic link to an ordinary page inside the project is read as that page (the type is checked
    /// on the link's target).
    @Test func symlinkToPageIsRead() throws {
        let dir = TestPaths.temporaryDirectory("kei-hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Hostile.write(Hostile.page("<p>The text behind the link.</p>"), "real.html", in: dir)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.html").path, withDestinationPath: "real.html")
        let run = try Hostile.check("a symlink to a page", "link.html", in: dir)
        Hostile.expectProcessed(run, rule: nil)
        #expect(run.jats("link").contains("The text behind the link."), "exit \(run.code): \(run.stderr.prefix(500))")
    }

    /// A page its reader may not read: exit 2 naming the file. Root reads any file, so as root the binary
    /// runs as `nobody` (setpriv) from a world-readable copy, in a folder `nobody` may write.
    @Test func permissionDeniedIsRefused() throws {
        let fm = FileManager.default
        let dir = TestPaths.temporaryDirectory("kei-hostile")
        defer { try? fm.removeItem(at: dir) }
        try fm.setAttributes([.posixPermissions: 0o777], ofItemAtPath: dir.path)
        try Hostile.write(Hostile.page("<p>Secret text.</p>"), "secret.html", in: dir)
        try fm.setAttributes([.posixPermissions: 0o000], ofItemAtPath: dir.appendingPathComponent("secret.html").path)
        var executable = CLIHarness.binaryPath
        var prefix: [String] = []
        if getuid() == 0 {
            guard let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first(where: { fm.isExecutableFile(atPath: $0) }) else {
                print("hostile: permission denied: skipped: running as root and setpriv is not installed, so no unprivileged reader")
                return
            }
            // The clone may sit in a folder nobody cannot enter (/root): run a copy.
            let copy = dir.appendingPathComponent("kei-pipeline")
            try fm.copyItem(atPath: executable, toPath: copy.path)
            try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path)
            executable = copy.path
            prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
        }
        let out = dir.appendingPathComponent("out")
        let run = try Hostile.run("permission denied", ["check", "secret.html", "--output", out.path, "--report", "json:-", "--no-cache"],
                                  in: dir, output: out, executable: executable, prefix: prefix)
        Hostile.expectRefused(run, naming: "secret.html", saying: ["permission denied"])
    }
}
