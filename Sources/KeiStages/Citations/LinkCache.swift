import Foundation
import KeiCore

/// The link checker's cache file: JSON, `{"version": 1, "entries": {"<url>": LinkResult}}`, keys sorted.
/// An entry older than the time to live is ignored (and dropped at the next write), so a re-run within
/// it does not request the address again. A missing or unreadable file is an empty cache.
struct LinkCache {
    struct File: Codable {
        var version: Int
        var entries: [String: LinkResult]
    }

    /// Reads the fresh entries of the cache at `url` (older than `ttl` seconds before `now` left out).
    static func load(_ url: URL, ttl: Double, now: Double) -> [String: LinkResult] {
        guard let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data),
              file.version == 1 else { return [:] }
        return file.entries.filter { now - $0.value.checkedAt <= ttl }
    }

    /// Writes `entries` to `url` atomically (creating its folder).
    static func save(_ entries: [String: LinkResult], to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(File(version: 1, entries: entries))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileIO.writeAtomically(data, to: url, display: url.path)
    }
}
