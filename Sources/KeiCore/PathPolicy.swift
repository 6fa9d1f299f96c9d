import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one rule for "is this path inside the project?", with symbolic links resolved the way the
/// kernel will follow them when the path is written or read.
///
/// A path is resolved by taking the real path (`realpath(3)`) of its deepest existing ancestor and
/// appending the components that do not exist yet as written, so that an output folder not yet
/// created behind a symbolic link (`out -> /elsewhere`, output `out/issue`) resolves to
/// `/elsewhere/issue` and is seen to leave the project. A `..` among the components that do not
/// exist yet, or a dangling symbolic link or link loop on the way, makes the path unresolvable
/// (nil): such a path is never inside.
public enum PathPolicy {
    /// The resolved absolute path of `path` (absolute; `.` components and repeated `/` ignored), or nil
    /// when it cannot be resolved safely (a `..` after the existing part; a component that exists but
    /// cannot be resolved: a dangling link, a link loop, a file where a folder is needed).
    public static func resolve(_ path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }.map(String.init)
        guard path.hasPrefix("/") else { return nil }
        var existing = parts.count
        while existing >= 0 {
            let prefix = "/" + parts[0..<existing].joined(separator: "/")
            if let real = realPath(prefix) {
                let rest = parts[existing...]
                if rest.contains("..") { return nil }
                // The next component exists (as a dangling link, say) but did not resolve: refuse.
                if let next = rest.first, exists(real == "/" ? "/" + next : real + "/" + next) { return nil }
                return ([real == "/" ? "" : real] + rest).joined(separator: "/").nonEmpty ?? "/"
            }
            existing -= 1
        }
        return nil
    }

    /// True when `url` lies inside `root` (or is `root`) once both are resolved (``resolve(_:)``).
    /// An unresolvable path is outside.
    public static func isInside(_ url: URL, root: URL) -> Bool {
        guard let r = resolve(root.standardizedFileURL.path), let p = resolve(url.standardizedFileURL.path) else { return false }
        return p == r || p.hasPrefix(r == "/" ? "/" : r + "/")
    }

    /// The real path a symbolic link on `url`'s path leads to when that real path lies outside `root`, else nil.
    /// Only links count: a path named directly outside `root` (no link on it below the folders that contain
    /// `root`) returns nil, as does a path that cannot be resolved (its own error says why). Used to refuse
    /// an input planted as a link out of the project (`evil.html -> /proc/self/environ`).
    public static func linkTargetOutside(_ url: URL, root: URL) -> String? {
        let path = url.standardizedFileURL.path
        let rootPath = root.standardizedFileURL.path
        guard let real = realPath(path), !isInside(URL(fileURLWithPath: real), root: root) else { return nil }
        // Is a component of the path (other than the folders that contain the root) a symbolic link?
        var prefix = ""
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + part
            if rootPath == prefix || rootPath.hasPrefix(prefix + "/") { continue }
            var st = stat()
            if lstat(prefix, &st) == 0, st.st_mode & S_IFMT == S_IFLNK { return real }
        }
        return nil
    }

    /// `realpath(3)` of `path`, nil when it fails (missing, loop, not a folder, no permission to search).
    public static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// Whether something (a file, folder or link, even dangling) is at `path` (`lstat(2)`).
    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
