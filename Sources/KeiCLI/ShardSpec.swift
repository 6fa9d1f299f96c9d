import ArgumentParser
import KeiCore

/// `--shard K/N`: run the K-th of N disjoint parts of a workflow's articles (1 ≤ K ≤ N), for CI matrices.
///
/// An article belongs to shard `fnv1a(article id) mod N + 1` (FNV-1a, 64 bits, over the id's UTF-8 bytes):
/// the split depends only on the id, so it is the same on every machine and an article never moves to
/// another shard when articles are added, removed or reordered; with many articles the shards are about
/// equal in size (a few articles may split unevenly). The N shards together cover every article once.
struct ShardSpec: ExpressibleByArgument, Sendable, Hashable {
    /// 1-based index of this shard.
    var index: Int
    /// Number of shards.
    var count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        index = k
        count = n
    }

    /// Whether the article with id `id` belongs to this shard.
    func contains(_ id: String) -> Bool {
        Int(DiagnosticFingerprint.fnv1a(id) % UInt64(count)) + 1 == index
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
