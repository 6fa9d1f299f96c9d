import Yams

/// The bounds every YAML file the pipeline reads is held to, checked by ``YAMLPrepass`` on the
/// parser's event stream *before* Yams builds a tree, so that no configuration file can exhaust
/// time, memory or stack ("billion laughs", an alias used as a key, ten thousand nested `[`).
///
/// One value per kind of file (``workflow``, ``journal``, ``style``, ``timeline``,
/// ``issueManifest``): they share ``maximumNodes`` and ``maximumDepth`` and differ in their size cap
/// and in the words a message uses to name the file and its cap. No workflow setting raises any of them.
public struct YAMLLimits: Sendable, Hashable {
    /// The most nodes (scalars, lists and mappings) a YAML stream may describe, each alias counting
    /// as every node of what it repeats: 1,000,000. A legitimate file at the largest size cap
    /// (4 MiB, block style) describes under half a million; nine levels of nine aliases describe
    /// 9⁹ ≈ 387 million and are refused after a few hundred events.
    public static let maximumNodes = 1_000_000

    /// The deepest nesting of lists and mappings a YAML stream may reach, counting the nesting an
    /// alias brings along: 64 levels. The pipeline's own files nest at most six; the cap keeps the
    /// tree builder's recursion far from the end of a thread's stack.
    public static let maximumDepth = 64

    /// The largest file, in bytes (UTF-8), for this kind.
    public var maximumBytes: Int
    /// The file as a message names it ("the workflow file").
    public var what: String
    /// What governs ``maximumBytes`` and what to do about a file over it, for
    /// ``FileIO/read(_:display:limit:limitAdvice:)`` and for ``YAMLPrepass``.
    public var sizeAdvice: String

    public init(maximumBytes: Int, what: String, sizeAdvice: String) {
        self.maximumBytes = maximumBytes
        self.what = what
        self.sizeAdvice = sizeAdvice
    }

    /// A workflow file (`Workflows/*.yml`): 4 MiB.
    public static let workflow = YAMLLimits(maximumBytes: 4 * 1024 * 1024, what: "the workflow file",
                                            sizeAdvice: "a workflow file's cap, 4 MiB, which no setting raises: trim the file")
    /// A journal file (`journal:` in a workflow): 1 MiB.
    public static let journal = YAMLLimits(maximumBytes: 1024 * 1024, what: "the journal file",
                                           sizeAdvice: "a journal file's cap, 1 MiB, which no setting raises: trim the file")
    /// A house-style file or layer (with its `vocabulary` section): 1 MiB.
    public static let style = YAMLLimits(maximumBytes: 1024 * 1024, what: "the style file",
                                         sizeAdvice: "a style file's cap, 1 MiB, which no workflow setting raises: split it into layers with 'extends: FILE', or trim it")
    /// The timeline file: 4 MiB.
    public static let timeline = YAMLLimits(maximumBytes: 4 * 1024 * 1024, what: "the timeline file",
                                            sizeAdvice: "the timeline file's own cap, 4 MiB, which no workflow setting raises: trim the file, removing entries the journal's articles do not need")
    /// A back issue's `issue.yml` manifest (`batch`): 1 MiB.
    public static let issueManifest = YAMLLimits(maximumBytes: 1024 * 1024, what: "the issue manifest",
                                                 sizeAdvice: "an issue manifest's cap, 1 MiB, which no setting raises: trim the file")

    /// The root node of `text`, a YAML file of this kind shown as `file`, after ``YAMLPrepass`` has held it
    /// to these limits; nil for an empty stream. For readers outside KeiCore (the `batch` command's issue
    /// manifest); inside it, loaders go through the same check by `YAMLReader.compose(_:limits:)`.
    /// - Throws: ``WorkflowError`` with every problem (limit, duplicate keys, syntax), file:line:column each.
    public func compose(_ text: String, file: String) throws -> Node? {
        var reader = YAMLReader(file: file)
        let node = reader.compose(text, limits: self)
        if !reader.problems.isEmpty { throw WorkflowError(reader.problems) }
        return node
    }
}
