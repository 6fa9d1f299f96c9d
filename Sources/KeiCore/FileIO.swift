import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one place where kei-pipeline reads and writes files: size limits on reads, atomic writes.
public enum FileIO {
    /// Why a file cannot be an input, in plain words; see ``inputProblem(_:)``.
    public enum InputProblem: Sendable, Hashable {
        /// Nothing at the path (or a dangling symbolic link).
        case missing
        /// A folder.
        case directory
        /// A device, FIFO or socket.
        case notRegular
        /// A symbolic link that leads back to itself (ELOOP), or too many links in a row.
        case loop
        /// The file or a folder on its path may not be read (EACCES, EPERM).
        case permissionDenied
        /// Another `stat(2)` or `open(2)` failure, described (``describe(errno:)``).
        case other(String)

        /// The words used after the file's name in a message: "file not found", "symbolic link loop (ELOOP)", …
        public var message: String {
            switch self {
            case .missing: return "file not found"
            case .directory: return "is a directory, not a file"
            case .notRegular: return "is not a regular file (a device, pipe or socket cannot be an input)"
            case .loop: return "symbolic link loop (ELOOP): a link on the path leads back to itself"
            case .permissionDenied: return "permission denied (EACCES): this user may not read the file; check its permissions"
            case .other(let s): return "cannot read file: \(s)"
            }
        }
    }

    /// Checks that `path` can be read as an input: it is (or a symbolic link leads to) a regular file this
    /// process may open. The type is checked on the link's target (`stat(2)`, not `lstat(2)`), so a link to
    /// an ordinary file is an ordinary input. Returns nil when it can be read, else why not.
    public static func inputProblem(_ path: String) -> InputProblem? {
        var st = stat()
        if stat(path, &st) != 0 { return problem(errno) }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: break
        default: return .notRegular
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 { return problem(errno) }
        close(fd)
        return nil
    }

    /// The size in bytes of the file at `path`, symbolic links followed (`stat(2)`); nil when it cannot be stat'ed.
    public static func size(of path: String) -> Int? {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : nil
    }

    static func problem(_ code: Int32) -> InputProblem {
        switch code {
        case ENOENT: return .missing
        case ELOOP: return .loop
        case EACCES, EPERM: return .permissionDenied
        default: return .other(describe(errno: code))
        }
    }

    /// `code` in plain words followed by its name: "no space left on device (ENOSPC)",
    /// "permission denied (EACCES)", "read-only file system (EROFS)"; other codes as `strerror(3)` says.
    public static func describe(errno code: Int32) -> String {
        let names: [Int32: String] = [EACCES: "EACCES", EPERM: "EPERM", EROFS: "EROFS", ENOSPC: "ENOSPC", EDQUOT: "EDQUOT",
                                      ENOENT: "ENOENT", ENOTDIR: "ENOTDIR", EISDIR: "EISDIR", EEXIST: "EEXIST", ELOOP: "ELOOP",
                                      EIO: "EIO", EMFILE: "EMFILE", ENAMETOOLONG: "ENAMETOOLONG", EFBIG: "EFBIG"]
        var text = String(cString: strerror(code))
        if let first = text.first { text = first.lowercased() + text.dropFirst() }
        return names[code].map { "\(text) (\($0))" } ?? text
    }

    /// Reads a whole file, refusing directories, devices, pipes, missing files and files over `limit` bytes.
    /// A symbolic link to a regular file is read like the file (``inputProblem(_:)``).
    /// - Parameters:
    ///   - display: the path to name in messages (relative to the working directory).
    ///   - limitAdvice: what governs `limit` and what to do about a file over it, for the message (each
    ///     kind of file has its own cap: "raise limits.max-source-bytes in the workflow", "trim the file").
    /// - Throws: ``KeiError/input(path:_:)`` naming `display` and saying why in plain words ("file not found",
    ///   "symbolic link loop (ELOOP) …", "permission denied (EACCES) …", "file is N bytes, over the limit …").
    public static func read(_ url: URL, display: String, limit: Int, limitAdvice: String) throws -> Data {
        if let problem = inputProblem(url.path) { throw KeiError.input(path: display, problem.message) }
        let fd = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw KeiError.input(path: display, problem(errno).message) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw KeiError.input(path: display, problem(errno).message) }
        // The file may have been swapped between the check and the open.
        guard st.st_mode & S_IFMT == S_IFREG else { throw KeiError.input(path: display, InputProblem.notRegular.message) }
        let size = Int(st.st_size)
        if size > limit {
            throw KeiError.input(path: display, "file is \(size) bytes, over the limit of \(limit) bytes (\(limitAdvice))")
        }
        var data = Data(count: size)
        var total = 0
        while true {
            if total == data.count {
                if total > limit { break }
                data.count += max(4096, min(total, limit + 1 - total))
            }
            let n = data.withUnsafeMutableBytes { raw in Glibc.read(fd, raw.baseAddress! + total, raw.count - total) }
            if n < 0 {
                if errno == EINTR { continue }
                throw KeiError.input(path: display, "cannot read file: \(describe(errno: errno))")
            }
            if n == 0 { break }
            total += n
        }
        data.count = total
        if total > limit {
            throw KeiError.input(path: display, "file is over the limit of \(limit) bytes (\(limitAdvice))")
        }
        return data
    }

    /// Writes `data` atomically: to a temporary file in the same folder (`.NAME.tmp-PID-XXXXXXXX`, registered
    /// with ``TemporaryFiles`` while it exists), then renamed over `url`, so a reader never sees a half-written
    /// file. Creates missing folders.
    /// - Throws: ``KeiError/output(path:_:)`` naming `display` and the failure in plain words with its errno
    ///   name ("no space left on device (ENOSPC)", "permission denied (EACCES)", "read-only file system (EROFS)").
    public static func writeAtomically(_ data: Data, to url: URL, display: String) throws {
        var existing = stat()
        if stat(url.path, &existing) == 0, existing.st_mode & S_IFMT != S_IFREG, existing.st_mode & S_IFMT != S_IFDIR {
            // A device, FIFO or a link to one (/dev/stdout, /proc/self/fd/1): write into it, never rename over it.
            if let code = writeInto(data, path: url.path) {
                throw KeiError.output(path: display, code == ENXIO ? "no process is reading the FIFO \(display) (ENXIO)" : describe(errno: code))
            }
            return
        }
        let dir = url.deletingLastPathComponent()
        try makeFolders(dir.path, display: display)
        let tmp = dir.appendingPathComponent(temporaryName(for: url.lastPathComponent))
        TemporaryFiles.register(tmp.path)
        defer { TemporaryFiles.unregister(tmp.path) }
        if let code = writeNew(data, to: tmp.path) {
            unlink(tmp.path)
            throw KeiError.output(path: display, describe(errno: code))
        }
        // rename(2) replaces the target atomically (Foundation's replaceItemAt is unreliable on Linux).
        if rename(tmp.path, url.path) != 0 {
            let code = errno
            unlink(tmp.path)
            throw KeiError.output(path: display, describe(errno: code))
        }
    }

    /// Writes `data` into the existing non-regular file at `path` (a character device, FIFO; links followed),
    /// opened without creating or truncating it. A FIFO no process reads is a failure (ENXIO), not a hang: it is
    /// opened non-blocking, then written blocking. Returns the errno of a failure, nil on success.
    static func writeInto(_ data: Data, path: String) -> Int32? {
        let fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return errno }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        let failure = writeAll(data, fd: fd)
        if close(fd) != 0, failure == nil { return errno }
        return failure
    }

    /// Why `url` cannot receive a report or another file written by ``writeAtomically(_:to:display:)``, in plain
    /// words, or nil when it can: it is a folder, or the folder that would hold it (its nearest existing ancestor)
    /// is not a writable folder. An existing device or FIFO is fine (written into).
    public static func destinationProblem(_ url: URL) -> String? {
        let path = url.standardizedFileURL.path
        var st = stat()
        if stat(path, &st) == 0 {
            switch st.st_mode & S_IFMT {
            case S_IFDIR: return "\(path) is a directory, not a file"
            case S_IFREG: break
            default: return access(path, W_OK) == 0 ? nil : "\(path) is not writable: \(describe(errno: errno))"
            }
        }
        var folder = (path as NSString).deletingLastPathComponent
        while stat(folder, &st) != 0 {
            let up = (folder as NSString).deletingLastPathComponent
            if up == folder || up.isEmpty { break }
            folder = up
        }
        if stat(folder, &st) == 0, st.st_mode & S_IFMT != S_IFDIR { return "\(folder) is a file, not a folder (ENOTDIR)" }
        if access(folder, W_OK | X_OK) != 0 { return "the folder \(folder) is not writable: \(describe(errno: errno))" }
        return nil
    }

    /// The temporary file name ``writeAtomically(_:to:display:)`` writes `name` under first.
    static func temporaryName(for name: String) -> String {
        ".\(name).tmp-\(getpid())-\(UUID().uuidString.prefix(8))"
    }

    /// Whether `name` is a temporary file name of ``writeAtomically(_:to:display:)`` (`.NAME.tmp-PID-XXXXXXXX`);
    /// returns the writer's process id.
    public static func temporaryWriter(_ name: String) -> Int32? {
        guard name.hasPrefix("."), let range = name.range(of: ".tmp-", options: .backwards), range.lowerBound > name.index(after: name.startIndex) else { return nil }
        let tail = name[range.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard tail.count == 2, tail[1].count == 8, tail[1].allSatisfy(\.isHexDigit), let pid = Int32(tail[0]), pid > 0 else { return nil }
        return pid
    }

    /// Creates the folder `path` and its missing parents (mode 0755), reporting a failure in plain words.
    static func makeFolders(_ path: String, display: String) throws {
        guard let (failed, code) = createFolders(path) else { return }
        if code == ENOTDIR { throw KeiError.output(path: display, "\(failed) is a file, not a folder (ENOTDIR)") }
        if code == EEXIST { throw KeiError.output(path: display, "\(failed) exists but is not a folder (EEXIST)") }
        throw KeiError.output(path: display, "cannot create the folder \(failed): \(describe(errno: code))")
    }

    /// Creates the folder `path` and its missing parents (mode 0755). Returns nil on success (or when it
    /// exists), else the path that could not be created (or is not a folder) and the errno.
    public static func createFolders(_ path: String) -> (path: String, errno: Int32)? {
        var st = stat()
        if stat(path, &st) == 0 { return st.st_mode & S_IFMT == S_IFDIR ? nil : (path, ENOTDIR) }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path, let failure = createFolders(parent) { return failure }
        if mkdir(path, 0o755) != 0 {
            let code = errno
            if code == EEXIST, stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR { return nil }
            return (path, code)
        }
        return nil
    }

    /// Creates `path` (which must not exist; never through a symbolic link: `O_EXCL`) and writes `data` to it
    /// with plain POSIX calls. Readers see the file only after the rename that follows, so no fsync is needed
    /// for atomicity. Returns the errno of a failure (open, write or close), nil on success.
    static func writeNew(_ data: Data, to path: String) -> Int32? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { return errno }
        let failure = writeAll(data, fd: fd)
        if close(fd) != 0, failure == nil { return errno }
        return failure
    }

    /// Writes all of `data` to `fd` (retrying on EINTR); returns the errno of a failure, nil on success.
    static func writeAll(_ data: Data, fd: Int32) -> Int32? {
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return nil }
            var offset = 0
            while offset < raw.count {
                let n = write(fd, base + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
    }

    /// Writes an artifact atomically at `relativePath` under `outputDirectory` and describes it by
    /// that relative path (`workingDirectory` only names the file in error messages).
    /// A relative path that would leave the output folder (`..`, absolute) is refused.
    public static func writeArtifact(kind: String, relativePath: String, data: Data, outputDirectory: URL,
                                     workingDirectory: URL) throws -> Artifact {
        let parts = relativePath.split(separator: "/")
        guard !relativePath.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }) else {
            throw KeiError.output(path: relativePath, "an artifact path must stay inside the output folder")
        }
        let url = outputDirectory.appendingPathComponent(relativePath)
        let display = displayPath(url, relativeTo: workingDirectory)
        try makeFoldersBelow(outputDirectory, parts.dropLast().map(String.init), display: display, workingDirectory: workingDirectory)
        try writeAtomically(data, to: url, display: display)
        return Artifact(kind: kind, relativePath: parts.joined(separator: "/"))
    }

    /// Creates the folders `components` below `outputDirectory` one by one, refusing any that exists as a
    /// symbolic link (`lstat(2)`): the pipeline never writes into a linked folder of its output tree, which
    /// could lead anywhere. (The artifact file itself is replaced by `rename(2)`, which replaces a link
    /// rather than following it.)
    static func makeFoldersBelow(_ outputDirectory: URL, _ components: [String], display: String, workingDirectory: URL) throws {
        try makeFolders(outputDirectory.path, display: display)
        var path = outputDirectory.path
        for c in components {
            path += "/" + c
            var st = stat()
            if lstat(path, &st) != 0 {
                if mkdir(path, 0o755) != 0 && errno != EEXIST {
                    throw KeiError.output(path: display, "cannot create the folder \(path): \(describe(errno: errno))")
                }
                guard lstat(path, &st) == 0 else {
                    throw KeiError.output(path: display, "cannot create the folder \(path): \(describe(errno: errno))")
                }
            }
            let shown = displayPath(URL(fileURLWithPath: path), relativeTo: workingDirectory)
            switch st.st_mode & S_IFMT {
            case S_IFDIR: continue
            case S_IFLNK:
                throw KeiError.output(path: display, "\(shown) is a symbolic link; kei-pipeline never writes through a link "
                    + "inside the output folder: remove the link (rm \(shown)) and run again")
            default:
                throw KeiError.output(path: display, "\(shown) is a file, not a folder (ENOTDIR)")
            }
        }
    }

    /// `url`'s path relative to `base` (with `..` steps when it lies outside, as long as they share
    /// more than the root folder), else the absolute path.
    public static func displayPath(_ url: URL, relativeTo base: URL) -> String {
        let p = url.standardizedFileURL.path.split(separator: "/", omittingEmptySubsequences: true)
        let b = base.standardizedFileURL.path.split(separator: "/", omittingEmptySubsequences: true)
        var common = 0
        while common < p.count, common < b.count, p[common] == b[common] { common += 1 }
        if common == p.count && common == b.count { return "." }
        if common == 0 { return url.standardizedFileURL.path }
        let up = Array(repeating: "..", count: b.count - common)
        return (up + p[common...].map(String.init)).joined(separator: "/")
    }
}
