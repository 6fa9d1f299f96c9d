/// Resource limits, configurable from the workflow's `limits:` key.
public struct Limits: Sendable, Hashable {
    /// The largest source file read, in bytes (default 32 MiB).
    public var maxSourceBytes: Int
    /// The most start tags and comments an HTML page may hold (`limits.max-elements`, default 1,000,000). A page with
    /// more is not parsed: its ingest stage fails with `ingest.too-many-elements`, since a page that
    /// cannot be read whole fails the gate. The default keeps one article's run well under 1.5 GB of
    /// memory even for a page at `max-source-bytes` made only of tiny elements (`<p>a</p>` repeated).
    public var maxElements: Int

    public init(maxSourceBytes: Int = 32 * 1024 * 1024, maxElements: Int = 1_000_000) {
        self.maxSourceBytes = maxSourceBytes
        self.maxElements = maxElements
    }
}
