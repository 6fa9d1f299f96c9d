/// Resource limits, configurable from the workflow's `limits:` key.
public struct Limits: Sendable, Hashable {
    /// The largest source file read, in bytes (default 32 MiB).
    public var maxSourceBytes: Int
    /// The most start tags and comments an HTML page may hold (`limits.max-elements`, default 1,200,000). A page with
    /// more is not parsed: its ingest stage fails with `ingest.too-many-elements`, since a page that
    /// cannot be read whole fails the gate. The default keeps one article's run under 1.5 GB of memory
    /// for the page shape that costs the most per byte, tiny elements (`<p>a</p>` repeated): at the
    /// limit, the release build's `check` with the default workflow peaked at 1,103 MiB (README,
    /// "Memory per article"); a page of 1,000,000 paragraphs is read.
    public var maxElements: Int

    public init(maxSourceBytes: Int = 32 * 1024 * 1024, maxElements: Int = 1_200_000) {
        self.maxSourceBytes = maxSourceBytes
        self.maxElements = maxElements
    }
}
