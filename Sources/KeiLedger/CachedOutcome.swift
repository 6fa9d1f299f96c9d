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
