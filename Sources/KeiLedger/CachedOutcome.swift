import Foundation
import KeiCore
import KeiDocument

/// What the cache stores for one article (JSON in the `cache` table): the outcome without its model,
/// and each artifact's size and SHA-256 taken from the bytes written.
struct CachedOutcome: Codable {
    struct File: Codable {
        var kind: String
        var relativePath: String
        /// Bytes.
        var size: Int
        /// Lowercase hex SHA-256 of the file's bytes.
        var sha256: String
        /// The file's modification time when stored, nanoseconds since 1970-01-01 UTC (nil in entries
        /// written before it was recorded: those are checked by hash).
        var mtime: Int64?

        /// Whether the file at `url` still holds the stored bytes: same size and modification time, else
        /// (a file rewritten or touched) the SHA-256 of its bytes equals ``sha256``.
        func matches(_ url: URL) -> Bool {
            guard let stat = FileStat(url), stat.size == size else { return false }
            if let mtime, stat.mtime == mtime { return true }
            guard let data = try? Data(contentsOf: url) else { return false }
            return CacheKey.sha256(data) == sha256
        }
    }

    var sourceDisplayPath: String?
    var diagnostics: [Diagnostic]
    var changes: [ChangeRecord]
    var artifacts: [File]
    var suppressed: Int
    var superseded: Int
    var digest: ArticleDigest?

    /// The outcome for `entry` (``ArticleOutcome/cached`` is set by the runner).
    func outcome(entry: ArticleEntry) -> ArticleOutcome {
        var o = ArticleOutcome(entry: entry, sourceDisplayPath: sourceDisplayPath, article: nil, diagnostics: diagnostics,
                               artifacts: artifacts.map { Artifact(kind: $0.kind, relativePath: $0.relativePath) },
                               failed: false, suppressed: suppressed, changes: changes)
        o.superseded = superseded
        o.digest = digest
        return o
    }
}

/// Size (bytes) and modification time (nanoseconds since 1970-01-01 UTC) of a file, from `stat(2)`.
struct FileStat: Equatable {
    var size: Int
    var mtime: Int64

    /// Nil when `url` cannot be stat'ed.
    init?(_ url: URL) {
        var st = stat()
        guard stat(url.path, &st) == 0 else { return nil }
        size = Int(st.st_size)
        mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
    }
}
