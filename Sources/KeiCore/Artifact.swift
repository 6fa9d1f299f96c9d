/// A file a stage wrote, listed per article (or per issue) in the reports.
///
/// An artifact knows only where it sits inside the output folder, so nothing a stage builds from it
/// (the table of contents, for one) depends on the working directory or on where the output
/// folder is. Reports show the path as seen from the working directory with ``displayPath(inOutput:)``.
public struct Artifact: Sendable, Hashable, Codable {
    /// What it is: `jats`, `toc`, `xsl-fo`…
    public var kind: String
    /// The path relative to the output folder, `/`-separated, never leaving it: `jats/x.xml`, `issue-toc.xml`.
    public var relativePath: String

    public init(kind: String, relativePath: String) {
        self.kind = kind
        self.relativePath = relativePath
    }

    /// The path as seen from the working directory, given the output folder as seen from there
    /// (``RunResult/outputDisplayPath``): `out/issue-3-2` + `jats/x.xml` → `out/issue-3-2/jats/x.xml`.
    public func displayPath(inOutput outputDisplayPath: String) -> String {
        if outputDisplayPath.isEmpty || outputDisplayPath == "." { return relativePath }
        return outputDisplayPath.hasSuffix("/") ? outputDisplayPath + relativePath : outputDisplayPath + "/" + relativePath
    }

    /// A relative link from the artifact at `fromRelativePath` (also inside the output folder) to this one,
    /// for references between outputs: from `issue-toc.xml` to `jats/x.xml` is `jats/x.xml`, from
    /// `toc/issue.xml` it is `../jats/x.xml`.
    public func link(from fromRelativePath: String) -> String {
        var from = fromRelativePath.split(separator: "/").dropLast()
        var to = relativePath.split(separator: "/")[...]
        while let f = from.first, let t = to.first, to.count > 1, f == t {
            from = from.dropFirst()
            to = to.dropFirst()
        }
        return (Array(repeating: "..", count: from.count) + to.map(String.init)).joined(separator: "/")
    }
}
