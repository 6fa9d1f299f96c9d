import Foundation
import KeiDocument
#if canImport(Glibc)
import Glibc
#endif

/// An output folder checked and locked for one run, before any work.
///
/// ``acquire(_:display:wait:onWait:)`` creates the folder, checks that this process may write to it (and
/// to the folders already in it), takes an exclusive `flock(2)` on `<output>/.kei-lock` (the file holds
/// the holder's process id) and removes the temporary files (`.NAME.tmp-PID-XXXXXXXX`) an interrupted run
/// left in the output tree. The lock belongs to the open file: the kernel releases it when the process
/// ends, however it ends (even SIGKILL), so a killed run never leaves a stale lock; the file itself stays.
/// ``release()`` (or deinit) gives it up earlier.
public final class OutputFolderLock: @unchecked Sendable {
    /// The lock file's name inside the output folder.
    public static let fileName = ".kei-lock"

    /// The info diagnostic that says how many temporary files of an interrupted run were removed.
    public static let staleTemporaryRemoved = StageMessage("pipeline.stale-temporary-removed", .info,
        "Temporary files an interrupted run left in the output folder (.NAME.tmp-PID-XXXXXXXX) were removed before this run.")

    /// The output folder as given.
    public let directory: URL
    /// Its real path (symbolic links resolved), as messages name it.
    public let realPath: String
    /// The temporary files removed, relative to the output folder, sorted.
    public let removedTemporaries: [String]
    private var fd: Int32
    private let lock = NSLock()

    private init(directory: URL, realPath: String, fd: Int32, removed: [String]) {
        self.directory = directory
        self.realPath = realPath
        self.fd = fd
        self.removedTemporaries = removed
    }

    deinit { release() }

    /// Gives the lock up (closes the lock file); idempotent.
    public func release() {
        lock.lock(); defer { lock.unlock() }
        if fd >= 0 { close(fd); fd = -1 }
    }

    /// Creates, checks and locks `directory` (see the type's description).
    /// - Parameters:
    ///   - display: the folder as messages name it beside its real path (relative to the working directory).
    ///   - wait: when another run holds the lock, wait for it (calling `onWait` once with a note) instead of failing.
    /// - Throws: ``KeiError/output(path:_:)`` (exit 2) naming the folder's real path: it cannot be created or is a
    ///   file, it or a folder in it is not writable ("permission denied (EACCES)", "read-only file system (EROFS)"),
    ///   or another run holds its lock (with that run's process id).
    public static func acquire(_ directory: URL, display: String, wait: Bool = false,
                               onWait: (String) -> Void = { _ in }) throws -> OutputFolderLock {
        let path = directory.standardizedFileURL.path
        var real = PathPolicy.resolve(path) ?? path
        func fail(_ what: String) -> KeiError {
            KeiError.output(path: display, "\(what); make it writable or choose another folder with --output")
        }
        if let (failed, code) = FileIO.createFolders(path) {
            let shown = PathPolicy.resolve(failed) ?? failed
            let why = code == ENOTDIR ? "\(shown) is a file, not a folder (ENOTDIR)"
                : code == EEXIST ? "\(shown) exists but is not a folder (EEXIST)" : "cannot create \(shown): \(FileIO.describe(errno: code))"
            if code == ENOTDIR || code == EEXIST {
                throw KeiError.output(path: display, "the output folder \(real) cannot be created: \(why); move it away or choose another folder with --output")
            }
            throw fail("the output folder \(real) cannot be created: \(why)")
        }
        real = PathPolicy.realPath(path) ?? real
        if access(real, W_OK | X_OK) != 0 {
            throw fail("the output folder \(real) is not writable: \(FileIO.describe(errno: errno))")
        }
        // The folders already in it (jats/, proof/, …) are written too; none may be a link to a folder.
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: real)) ?? []).sorted() {
            var st = stat(), target = stat()
            let sub = real + "/" + name
            guard lstat(sub, &st) == 0 else { continue }
            if st.st_mode & S_IFMT == S_IFLNK, stat(sub, &target) == 0, target.st_mode & S_IFMT == S_IFDIR {
                let shown = display == "." ? name : display + "/" + name
                throw KeiError.output(path: shown, "\(shown) is a symbolic link to a folder; kei-pipeline never writes through a link "
                    + "inside the output folder (\(real)): remove the link (rm \(shown)) and run again")
            }
            if st.st_mode & S_IFMT == S_IFLNK, stat(sub, &target) != 0 {
                // A dangling link (jats -> /nonexistent) could be a folder by the time the run writes into it.
                let code = errno
                let shown = display == "." ? name : display + "/" + name
                let to = (try? FileManager.default.destinationOfSymbolicLink(atPath: sub)) ?? "?"
                throw KeiError.output(path: shown, "\(shown) is a symbolic link to \(to), which does not exist (\(FileIO.describe(errno: code))); "
                    + "kei-pipeline never writes through a link inside the output folder (\(real)): remove the link (rm \(shown)) and run again")
            }
            if st.st_mode & S_IFMT == S_IFDIR, access(sub, W_OK | X_OK) != 0 {
                throw fail("the folder \(sub) in the output folder is not writable: \(FileIO.describe(errno: errno))")
            }
        }
        let lockPath = real + "/" + fileName
        let fd = open(lockPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw fail("cannot open the output folder's lock file \(lockPath): \(FileIO.describe(errno: errno))")
        }
        // Never truncate or write a file that is not ours alone: a hard link (st_nlink > 1) could be any file of the user's.
        var lockStat = stat()
        if fstat(fd, &lockStat) != 0 || lockStat.st_mode & S_IFMT != S_IFREG || lockStat.st_nlink > 1 {
            close(fd)
            throw KeiError.output(path: display, "the lock file \(lockPath) is not a plain file of its own (it is hard-linked to another "
                + "file or is not a regular file); kei-pipeline will not write to it: remove it (rm \(lockPath)) and run again")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK else {
                close(fd)
                throw fail("cannot lock the output folder's lock file \(lockPath): \(FileIO.describe(errno: code))")
            }
            let holder = holderDescription(fd)
            guard wait else {
                close(fd)
                throw KeiError.output(path: display, "another kei-pipeline run (\(holder)) is writing to the output folder \(real) "
                    + "(it holds \(lockPath)); wait for it to finish, pass --wait-for-lock to wait for it, or choose another folder with --output")
            }
            onWait("waiting for another kei-pipeline run (\(holder)) to finish writing to \(real) (--wait-for-lock)")
            while flock(fd, LOCK_EX) != 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                throw fail("cannot lock the output folder's lock file \(lockPath): \(FileIO.describe(errno: code))")
            }
        }
        let pid = Data("\(getpid())\n".utf8)
        let written = pid.withUnsafeBytes { raw in ftruncate(fd, 0) == 0 ? pwrite(fd, raw.baseAddress, raw.count, 0) : -1 }
        if written != pid.count {
            let code = errno
            close(fd)
            throw fail("cannot write to the output folder \(real): \(FileIO.describe(errno: code))")
        }
        let removed = removeTemporaries(in: real)
        return OutputFolderLock(directory: directory, realPath: real, fd: fd, removed: removed)
    }

    /// "pid N" from the lock file (the process that holds the lock) when that process lives, else "process id unknown".
    static func holderDescription(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = pread(fd, &buffer, buffer.count, 0)
        let text = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
        // The id the last holder wrote; it is shown only while such a process lives (another tool may hold the lock).
        guard let pid = Int32(text), pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return "process id unknown" }
        return "pid \(pid)"
    }

    /// Removes every temporary file of ``FileIO/writeAtomically(_:to:display:)`` under `root` (symbolic links not
    /// followed) except those this process is writing now; the caller holds the folder's lock, so no other run is
    /// writing them. Returns their paths relative to `root`, sorted.
    static func removeTemporaries(in root: String) -> [String] {
        let active = Set(TemporaryFiles.current)
        var removed: [String] = []
        func walk(_ folder: String, _ relative: String) {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                let path = folder + "/" + name
                var st = stat()
                guard lstat(path, &st) == 0 else { continue }
                let shown = relative.isEmpty ? name : relative + "/" + name
                if st.st_mode & S_IFMT == S_IFDIR {
                    walk(path, shown)
                } else if st.st_mode & S_IFMT == S_IFREG, let writer = FileIO.temporaryWriter(name), !active.contains(path),
                          !isLive(writer), unlink(path) == 0 {
                    removed.append(shown)
                }
            }
        }
        walk(root, "")
        return removed.sorted()
    }

    /// Whether a process with id `pid` lives (`kill(pid, 0)` succeeds or says EPERM): its temporary files are
    /// not stale (a run writing into a folder nested in this one, say) and are left alone.
    static func isLive(_ pid: Int32) -> Bool {
        pid == getpid() || kill(pid, 0) == 0 || errno == EPERM
    }

    /// ``staleTemporaryRemoved`` naming the files removed (at most five, then a count), located at the output
    /// folder `display`; nil when none was removed.
    public func staleTemporariesNotice(display: String) -> Diagnostic? {
        guard !removedTemporaries.isEmpty else { return nil }
        let shown = removedTemporaries.prefix(5).joined(separator: ", ") + (removedTemporaries.count > 5 ? ", …" : "")
        return Self.staleTemporaryRemoved.diagnostic(
            "removed \(removedTemporaries.count) temporary file(s) an interrupted run left in the output folder \(display): \(shown)",
            at: SourceLocation(file: display, line: 0))
    }
}
