/// Resource limits, configurable from the workflow's `limits:` key.
public struct Limits: Sendable, Hashable {
    /// The largest source file read, in bytes (default 32 MiB).
    public var maxSourceBytes: Int

    public init(maxSourceBytes: Int = 32 * 1024 * 1024) {
        self.maxSourceBytes = maxSourceBytes
    }
}
