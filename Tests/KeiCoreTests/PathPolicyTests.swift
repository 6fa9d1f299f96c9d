import Foundation
import Testing
@testable import KeiCore
import KeiTestSupport

/// ``PathPolicy`` (inside the project, links resolved also for folders not created yet), ``FileIO``'s plain
/// errors and its refusal to write through a linked folder of the output tree, ``OutputFolderLock``.
@Suite struct PathPolicyTests {
    let fm = FileManager.default

    /// A temporary folder with its real path (the temporary folder itself may be behind a link).
    func folder() -> URL {
        URL(fileURLWithPath: PathPolicy.realPath(TestPaths.temporaryDirectory("kei-paths").path)!)
    }

    @Test func aFolderNotYetCreatedBehindALinkResolvesToTheLinksTarget() throws {
        let root = folder(), outside = folder()
        defer { try? fm.removeItem(at: root); try? fm.removeItem(at: outside) }
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("out").path, withDestinationPath: outside.path)
        #expect(PathPolicy.resolve(root.path + "/out/issue/jats") == outside.path + "/issue/jats")
        #expect(!PathPolicy.isInside(root.appendingPathComponent("out/issue"), root: root))
        #expect(PathPolicy.isInside(root.appendingPathComponent("Samples/new/page.html"), root: root))
        #expect(PathPolicy.isInside(root, root: root))
        // `..` after the existing part cannot be resolved safely.
        #expect(PathPolicy.resolve(root.path + "/missing/../x") == nil)
        // A dangling link and a loop are never inside.
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("dangling").path, withDestinationPath: "/nonexistent-kei/x")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("loop").path, withDestinationPath: "loop")
        #expect(!PathPolicy.isInside(root.appendingPathComponent("dangling/w"), root: root))
        #expect(!PathPolicy.isInside(root.appendingPathComponent("loop"), root: root))
        // A project reached through a link: both sides resolve alike.
        let link = outside.appendingPathComponent("project-link")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: root.path)
        #expect(PathPolicy.isInside(link.appendingPathComponent("out-not-yet/w"), root: root))
        #expect(PathPolicy.isInside(root.appendingPathComponent("Samples"), root: link))
    }

    @Test func inputsAreCheckedOnTheLinksTarget() throws {
        let root = folder(); defer { try? fm.removeItem(at: root) }
        try Data("<p>x</p>".utf8).write(to: root.appendingPathComponent("a.html"))
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("link.html").path, withDestinationPath: "a.html")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("loop.html").path, withDestinationPath: "loop.html")
        #expect(FileIO.inputProblem(root.path + "/link.html") == nil)
        #expect(try FileIO.read(root.appendingPathComponent("link.html"), display: "link.html", limit: 100, limitAdvice: "") == Data("<p>x</p>".utf8))
        #expect(FileIO.inputProblem(root.path + "/loop.html") == .loop)
        #expect(FileIO.inputProblem(root.path + "/none.html") == .missing)
        #expect(FileIO.inputProblem(root.path) == .directory)
        #expect(throws: KeiError.input(path: "loop.html", "symbolic link loop (ELOOP): a link on the path leads back to itself")) {
            try FileIO.read(root.appendingPathComponent("loop.html"), display: "loop.html", limit: 100, limitAdvice: "")
        }
        #expect(throws: KeiError.input(path: "link.html", "file is 8 bytes, over the limit of 4 bytes (trim it)")) {
            try FileIO.read(root.appendingPathComponent("link.html"), display: "link.html", limit: 4, limitAdvice: "trim it")
        }
    }

    @Test func writeErrorsArePlainWords() {
        #expect(FileIO.describe(errno: ENOSPC) == "no space left on device (ENOSPC)")
        #expect(FileIO.describe(errno: EACCES) == "permission denied (EACCES)")
        #expect(FileIO.describe(errno: EROFS) == "read-only file system (EROFS)")
        #expect(KeiError.output(path: "out/w/jats/a.xml", FileIO.describe(errno: ENOSPC)).description
                == "out/w/jats/a.xml: error: cannot write output: no space left on device (ENOSPC)")
    }

    @Test func anArtifactIsNeverWrittenThroughALinkedFolderOfTheOutputTree() throws {
        let root = folder(), outside = folder()
        defer { try? fm.removeItem(at: root); try? fm.removeItem(at: outside) }
        let out = root.appendingPathComponent("out/w")
        try fm.createDirectory(at: out.appendingPathComponent("proof"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: out.appendingPathComponent("proof/a").path, withDestinationPath: outside.path)
        #expect(throws: KeiError.output(path: "out/w/proof/a/index.html", "out/w/proof/a is a symbolic link; kei-pipeline never writes through a link "
                                          + "inside the output folder: remove the link (rm out/w/proof/a) and run again")) {
            try FileIO.writeArtifact(kind: "proof", relativePath: "proof/a/index.html", data: Data("x".utf8), outputDirectory: out, workingDirectory: root)
        }
        #expect(try fm.contentsOfDirectory(atPath: outside.path).isEmpty)
        // A file where a folder is needed is named too.
        try Data().write(to: out.appendingPathComponent("jats"))
        #expect(throws: KeiError.output(path: "out/w/jats/a.xml", "out/w/jats is a file, not a folder (ENOTDIR)")) {
            try FileIO.writeArtifact(kind: "jats", relativePath: "jats/a.xml", data: Data("x".utf8), outputDirectory: out, workingDirectory: root)
        }
        // An artifact file that is a link is replaced (the link itself), not written through.
        let target = outside.appendingPathComponent("target.xml")
        try Data("old".utf8).write(to: target)
        try fm.createDirectory(at: out.appendingPathComponent("fo"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: out.appendingPathComponent("fo/a.fo").path, withDestinationPath: target.path)
        _ = try FileIO.writeArtifact(kind: "fo", relativePath: "fo/a.fo", data: Data("new".utf8), outputDirectory: out, workingDirectory: root)
        #expect(try String(contentsOf: target, encoding: .utf8) == "old")
        #expect(try fm.attributesOfItem(atPath: out.appendingPathComponent("fo/a.fo").path)[.type] as? FileAttributeType == .typeRegular)
    }

    @Test func temporaryFileNamesAreRecognised() {
        #expect(FileIO.temporaryWriter(".a.xml.tmp-1234-0A1B2C3D") == 1234)
        #expect(FileIO.temporaryWriter(FileIO.temporaryName(for: "report.json")) == getpid())
        #expect(FileIO.temporaryWriter(".a.xml.tmp-1234-0A1B2C3") == nil)
        #expect(FileIO.temporaryWriter("a.xml.tmp-1234-0A1B2C3D") == nil)
        #expect(FileIO.temporaryWriter(".a.xml.tmp-x-0A1B2C3D") == nil)
        #expect(FileIO.temporaryWriter(".tmp-1234-0A1B2C3D") == nil)
    }

    @Test func theLockRefusesASecondHolderAndRemovesStaleTemporaries() throws {
        let root = folder(); defer { try? fm.removeItem(at: root) }
        let out = root.appendingPathComponent("out/w")
        try fm.createDirectory(at: out.appendingPathComponent("jats"), withIntermediateDirectories: true)
        try Data("half".utf8).write(to: out.appendingPathComponent("jats/.a.xml.tmp-999999-0A1B2C3D"))
        try Data("keep".utf8).write(to: out.appendingPathComponent("jats/.notes.tmp-keep"))
        let first = try OutputFolderLock.acquire(out, display: "out/w")
        #expect(first.removedTemporaries == ["jats/.a.xml.tmp-999999-0A1B2C3D"])
        #expect(first.staleTemporariesNotice(display: "out/w")?.rule == "pipeline.stale-temporary-removed")
        #expect(fm.fileExists(atPath: out.appendingPathComponent("jats/.notes.tmp-keep").path))
        #expect(try String(contentsOf: out.appendingPathComponent(".kei-lock"), encoding: .utf8) == "\(getpid())\n")
        #expect(throws: KeiError.output(path: "out/w", "another kei-pipeline run (pid \(getpid())) is writing to the output folder \(out.path) "
                                          + "(it holds \(out.path)/.kei-lock); wait for it to finish, pass --wait-for-lock to wait for it, or choose another folder with --output")) {
            _ = try OutputFolderLock.acquire(out, display: "out/w")
        }
        first.release()
        let second = try OutputFolderLock.acquire(out, display: "out/w")
        #expect(second.removedTemporaries.isEmpty && second.staleTemporariesNotice(display: "out/w") == nil)
        second.release()
        // A file where the output folder should be.
        try Data().write(to: root.appendingPathComponent("file"))
        #expect(throws: KeiError.output(path: "file/w", "the output folder \(root.path)/file/w cannot be created: \(root.path)/file is a file, not a folder (ENOTDIR); "
                                          + "move it away or choose another folder with --output")) {
            _ = try OutputFolderLock.acquire(root.appendingPathComponent("file/w"), display: "file/w")
        }
    }
}
