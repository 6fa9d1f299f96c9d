import Foundation
import KeiCore

/// How `--check-links` requests addresses: the `check.citations` options `link-timeout-ms`,
/// `link-retries`, `link-backoff-ms`, `link-concurrency`, `link-per-host`, `link-cache` and
/// `link-cache-ttl-hours`.
struct LinkCheckSettings: Sendable {
    /// How long one request may wait for an answer, in seconds.
    var timeout: Double = 10
    /// How many times a timed-out request, a 5xx or a 429 is tried again.
    var retries = 2
    /// The wait before the first retry, in seconds; it doubles with every retry (a 429's
    /// `Retry-After` of up to 30 seconds is honoured instead).
    var backoff: Double = 0.5
    /// Requests in flight at once, over the whole run.
    var concurrency = 8
    /// Requests in flight at once to one host.
    var perHost = 2
    /// The cache file: relative to the output folder unless absolute.
    var cachePath = "link-cache.json"
    /// How long a cached answer is used, in seconds.
    var cacheTTL: Double = 24 * 3600

    init() {}

    init(_ options: StageOptions) {
        timeout = Double(max(1, options.int("link-timeout-ms", default: 10000))) / 1000
        retries = max(0, options.int("link-retries", default: 2))
        backoff = Double(max(0, options.int("link-backoff-ms", default: 500))) / 1000
        concurrency = max(1, options.int("link-concurrency", default: 8))
        perHost = max(1, options.int("link-per-host", default: 2))
        cachePath = options.string("link-cache") ?? "link-cache.json"
        cacheTTL = Double(max(0, options.int("link-cache-ttl-hours", default: 24))) * 3600
    }

    /// The cache file for a run writing to `outputDirectory`; nil when `link-cache` is empty (no cache).
    func cacheFile(outputDirectory: URL) -> URL? {
        guard !cachePath.isEmpty else { return nil }
        return cachePath.hasPrefix("/") ? URL(fileURLWithPath: cachePath) : outputDirectory.appendingPathComponent(cachePath)
    }
}
