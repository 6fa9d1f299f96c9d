import Crypto
import Foundation
import KeiCore

/// The cache key of an article: lowercase hex SHA-256 over everything that can change its outcome.
///
/// ``workflowPart(_:flags:toolVersion:)`` is computed once per run: the tool version and build, the
/// workflow's name, display path, output folder (relative to the project root) and gate, the runner flags, every stage's id, version
/// and options (keys sorted, values as written), for `render.pdf` without a `fop` option the `fop` found
/// on PATH (path, size, modification time; or none), and the bytes of every configuration file the loader
/// read (``Workflow/configurationFiles``), each named by its path relative to the project root, so a
/// project moved or restored elsewhere with its `.kei` folder keeps its keys. ``key(entry:workflowPart:)``
/// adds the article entry's fields and its source bytes. Fields are separated by NUL bytes.
enum CacheKey {
    static func workflowPart(_ workflow: Workflow, flags: [String], toolVersion: String) -> Data {
        var h = SHA256()
        func add(_ s: String) { h.update(data: Data(s.utf8)); h.update(data: Data([0])) }
        add("kei-ledger-key-1")
        add(toolVersion)
        add(workflow.name)
        add(workflow.displayPath)
        add(relative(workflow.outputDirectory, to: workflow.projectRoot))
        add(workflow.gate.name)
        flags.forEach(add)
        for inv in workflow.stages {
            add(inv.id)
            add(String(inv.type.description.version))
            for (k, v) in inv.options.values.sorted(by: { $0.key < $1.key }) { add(k); add(v.description) }
        }
        // render.pdf with FOP found on PATH: whether it is installed (and which build) changes the result.
        if workflow.stages.contains(where: { $0.id == "render.pdf" && ($0.options.values["fop"]?.description ?? "").isEmpty }) {
            add(executableStamp("fop"))
        }
        for file in workflow.configurationFiles {
            add(relative(file, to: workflow.projectRoot))
            h.update(data: (try? Data(contentsOf: file)) ?? Data("<unreadable>".utf8))
            add("")
        }
        return Data(h.finalize())
    }

    /// The key of `entry`, or nil when its source cannot be read (the article then runs and reports why).
    static func key(entry: ArticleEntry, workflowPart: Data) -> String? {
        guard let url = entry.sourceURL, let bytes = try? Data(contentsOf: url, options: .mappedIfSafe) else { return nil }
        var h = SHA256()
        func add(_ s: String) { h.update(data: Data(s.utf8)); h.update(data: Data([0])) }
        h.update(data: workflowPart)
        add(entry.id)
        add(entry.source ?? "")
        add(entry.commissionedAuthors.joined(separator: "\u{1}"))
        add(entry.contributors.map { String(describing: $0) }.joined(separator: "\u{1}"))
        add(entry.subject ?? "")
        add(entry.articleType ?? "")
        add(entry.keywords.joined(separator: "\u{1}"))
        add(String(entry.order))
        add(entry.doi ?? "")
        add(entry.status.rawValue)
        add(entry.title ?? "")
        h.update(data: bytes)
        return hex(h.finalize())
    }

    /// `name` found on PATH as `path size mtime-ns`, or `<none>`.
    static func executableStamp(_ name: String) -> String {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        for dir in dirs {
            let url = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path), let stat = FileStat(url) {
                return "\(url.path) \(stat.size) \(stat.mtime)"
            }
        }
        return "<none>"
    }

    /// `url`'s path relative to `root` when inside it (`.` for the root itself), else its absolute path.
    static func relative(_ url: URL, to root: URL) -> String {
        let p = url.standardizedFileURL.path, r = root.standardizedFileURL.path
        if p == r { return "." }
        let prefix = r.hasSuffix("/") ? r : r + "/"
        return p.hasPrefix(prefix) ? String(p.dropFirst(prefix.count)) : p
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    /// SHA-256 of `data` as lowercase hex.
    static func sha256(_ data: Data) -> String { hex(SHA256.hash(data: data)) }
}
