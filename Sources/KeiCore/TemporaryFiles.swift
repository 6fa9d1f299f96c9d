import Foundation

/// The temporary files this process is writing right now (``FileIO/writeAtomically(_:to:display:)``
/// registers each before it is created and forgets it after the rename), so that a run interrupted by
/// SIGINT or SIGTERM can remove them before it exits. Thread-safe.
public enum TemporaryFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: Set<String> = []

    /// Records `path` (an absolute path) as being written.
    public static func register(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        paths.insert(path)
    }

    /// Forgets `path`: it was renamed into place or removed.
    public static func unregister(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        paths.remove(path)
    }

    /// The paths being written now, sorted.
    public static var current: [String] {
        lock.lock(); defer { lock.unlock() }
        return paths.sorted()
    }

    /// Removes every temporary file being written (unlink(2), errors ignored: a file not yet created is
    /// fine) and forgets them. Returns how many paths were registered.
    @discardableResult
    public static func removeAll() -> Int {
        lock.lock(); defer { lock.unlock() }
        let n = paths.count
        for p in paths { unlink(p) }
        paths.removeAll()
        return n
    }
}
