/// A file a stage wrote, listed per article (or per issue) in the reports.
public struct Artifact: Sendable, Hashable, Codable {
    /// What it is: `jats`, `toc`, `xsl-fo`…
    public var kind: String
    /// The path, relative to the working directory where possible.
    public var path: String

    public init(kind: String, path: String) {
        self.kind = kind
        self.path = path
    }
}
