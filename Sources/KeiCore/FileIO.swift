import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one place where kei-pipeline reads and writes files: size limits on reads, atomic writes.
public enum FileIO {
    /// Reads a whole file, refusing directories, missing files and files over `limit` bytes.
    /// - Parameters:
    ///   - display: the path to name in messages (relative to the working directory).
    ///   - limitAdvice: what governs `limit` and what to do about a file over it, for the message (each
    ///     kind of file has its own cap: "raise limits.max-source-bytes in the workflow", "trim the file").
    public static func read(_ url: URL, display: String, limit: Int, limitAdvice: String) throws -> Data {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else {
            throw KeiError.input(path: display, "file not found")
        }
        if isDir.boolValue { throw KeiError.input(path: display, "is a directory, not a file") }
        let attrs = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let type = attrs?[.type] as? FileAttributeType, type != .typeRegular {
            throw KeiError.input(path: display, "is not a regular file (a device, pipe or socket cannot be an input)")
        }
        if let size = (attrs?[.size] as? NSNumber)?.intValue, size > limit {
            throw KeiError.input(path: display, "file is \(size) bytes, over the limit of \(limit) bytes (\(limitAdvice))")
        }
        do {
            let data = try Data(contentsOf: url)
            if data.count > limit {
                throw KeiError.input(path: display, "file is over the limit of \(limit) bytes (\(limitAdvice))")
            }
            return data
        } catch let e as KeiError {
            throw e
        } catch {
            throw KeiError.input(path: display, "cannot read file: \(error.localizedDescription)")
        }
    }

    /// Writes `data` atomically: to a temporary file in the same folder, then renamed over `url`,
    /// so a reader never sees a half-written file. Creates missing folders.
    public static func writeAtomically(_ data: Data, to url: URL, display: String) throws {
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw KeiError.output(path: display, "cannot create folder \(dir.path): \(error.localizedDescription)")
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        TemporaryFiles.register(tmp.path)
        defer { TemporaryFiles.unregister(tmp.path) }
        do {
            try writeNew(data, to: tmp.path)
            // rename(2) replaces the target atomically (Foundation's replaceItemAt is unreliable on Linux).
            if rename(tmp.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: tmp)
                throw KeiError.output(path: display, reason)
            }
        } catch let e as KeiError {
            throw e
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw KeiError.output(path: display, error.localizedDescription)
        }
    }

    /// Creates `path` (which must not exist) and writes `data` to it with plain POSIX calls. Readers
    /// see the file only after the rename that follows, so no fsync is needed for atomicity.
    static func writeNew(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw KeiError.output(path: path, String(cString: strerror(errno))) }
        defer { close(fd) }
        try data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let n = write(fd, base + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw KeiError.output(path: path, String(cString: strerror(errno)))
                }
                offset += n
            }
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
        try writeAtomically(data, to: url, display: display)
        return Artifact(kind: kind, relativePath: parts.joined(separator: "/"))
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
