import Foundation
import KeiCitations
import KeiCore
import KeiDocument
import KeiStages

/// The readers that the libFuzzer targets (`make fuzz`, `Sources/kei-fuzz`) feed arbitrary bytes to,
/// each through the same entry the pipeline uses, so that a crashing input found by the fuzzer replays
/// as a regression test (`FuzzRegressionTests`) through the same call.
///
/// Readers that only read files (the ingest stages, the journal, style and baseline readers) get the
/// bytes written to a file of a ``FuzzSandbox`` first; the others get the bytes decoded as UTF-8 text
/// the way their file reader decodes them.
public enum FuzzEntry: String, CaseIterable, Sendable {
    /// `ingest.html` on the bytes as a page: libxml2 parse, metadata, content extraction, article model.
    case html
    /// `ingest.text` on the bytes as a plain-text manuscript.
    case text
    /// ``WorkflowLoader/load(text:displayPath:folder:projectRoot:defaultName:extraSources:outputOverride:)``
    /// on the bytes as `Workflows/fuzz.yml` of a copy of the project (its journals, styles and samples present).
    case workflow
    /// The journal file reader: a fixed workflow whose `journal:` is the bytes.
    case journal
    /// ``StyleLoader`` on the bytes as a house style file (rules, vocabulary, `extends`).
    case style
    /// ``TimelineLoader/load(text:displayPath:)`` on the bytes as a timeline file.
    case timeline
    /// The back-issue manifest reader (`issue.yml` of a `batch` folder).
    case manifest
    /// The baseline reader (`--baseline FILE`, JSON).
    case baseline
    /// The reference parser on the bytes as one note's text.
    case reference

    /// What a reader did with one input. A fuzz run treats ``unexpected(_:)`` as a finding: every reader
    /// must either accept its input or refuse it with a ``KeiError`` or ``WorkflowError`` (exit 2 with a
    /// message naming the file), never with another error.
    public enum Outcome: Equatable, Sendable {
        /// Read (possibly with diagnostics).
        case accepted
        /// Refused with a documented error; the message as the CLI would print it.
        case refused(String)
        /// Refused with an error of another type (its description): a reader that lets it escape is a bug.
        case unexpected(String)
    }

    /// Runs this reader on `data`. `sandbox` provides the files the reader needs; the same sandbox serves
    /// many inputs (each call rewrites the one file it uses).
    public func run(_ data: Data, in sandbox: FuzzSandbox) -> Outcome {
        do {
            try body(data, sandbox)
            return .accepted
        } catch let e as WorkflowError {
            return .refused(e.description)
        } catch let e as KeiError {
            return .refused(e.description)
        } catch {
            return .unexpected(String(describing: error))
        }
    }

    private func body(_ data: Data, _ sandbox: FuzzSandbox) throws {
        switch self {
        case .html, .text:
            let name = self == .html ? "page.html" : "page.txt"
            let file = try sandbox.write(data, to: name)
            let entry = ArticleEntry(id: "fuzz", source: name, sourceURL: file, status: .received)
            var context = ArticleContext(entry: entry, issue: IssueInfo(), sourceDisplayPath: name,
                                         outputDirectory: sandbox.root.appendingPathComponent("out"),
                                         workingDirectory: sandbox.root)
            let type: any ArticleStage.Type = self == .html ? IngestHTMLStage.self : IngestTextStage.self
            let stage = try type.init(options: StageOptions(defaultsOf: type.description))
            context.currentStage = type.description.id
            try stage.run(&context)
        case .workflow:
            guard let text = String(data: data, encoding: .utf8) else { return }   // the file reader refuses it first
            try sandbox.loadWorkflow(text)
        case .journal:
            _ = try sandbox.write(data, to: "Workflows/journals/fuzz.yml")
            try sandbox.loadWorkflow("""
                journal: journals/fuzz.yml
                volume: 1
                number: 1
                articles:
                  - id: chips-trust-and-trade
                    source: Samples/issue-3-2/chips-trust-and-trade.html
                stages: [ingest.html]
                """)
        case .style:
            let file = try sandbox.write(data, to: "Workflows/styles/fuzz.yml")
            _ = try StyleLoader(root: sandbox.root).load([file])
        case .timeline:
            guard let text = String(data: data, encoding: .utf8) else { return }   // the file reader refuses it first
            _ = try TimelineLoader().load(text: text, displayPath: "Workflows/timeline.yml")
        case .manifest:
            _ = try BackIssueManifest.parse(String(decoding: data, as: UTF8.self), display: "issue.yml")
        case .baseline:
            let file = try sandbox.write(data, to: "baseline.json")
            _ = try Baseline.load(file, display: "baseline.json")
        case .reference:
            _ = ReferenceParser.shared.parse(String(decoding: data, as: UTF8.self))
        }
    }
}

/// A temporary copy of a project's `Workflows/` and `Samples/` folders that ``FuzzEntry`` readers run in,
/// so that fuzzed paths resolve against real journal, style and page files and nothing is written into
/// the project itself. ``remove()`` deletes it.
public final class FuzzSandbox {
    /// The sandbox's project root.
    public let root: URL

    /// Copies `project`'s `Workflows/` and `Samples/` (when present) into a new temporary folder.
    /// Throws when the folder cannot be created or copied.
    public init(copying project: URL) throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("kei-fuzz-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["Workflows", "Samples"] {
            let from = project.appendingPathComponent(folder)
            if fm.fileExists(atPath: from.path) { try fm.copyItem(at: from, to: root.appendingPathComponent(folder)) }
        }
        for folder in ["Workflows/journals", "Workflows/styles"] {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
    }

    /// Writes `data` to `relativePath` under the root (replacing it) and returns its URL.
    public func write(_ data: Data, to relativePath: String) throws -> URL {
        let url = root.appendingPathComponent(relativePath)
        try data.write(to: url)
        return url
    }

    /// Loads `text` as the workflow `Workflows/fuzz.yml` of the sandbox, with the built-in stages.
    func loadWorkflow(_ text: String) throws {
        let folder = root.appendingPathComponent("Workflows")
        let loader = WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: root)
        _ = try loader.load(text: text, displayPath: "Workflows/fuzz.yml", folder: folder, projectRoot: root, defaultName: "fuzz")
    }

    /// Deletes the sandbox folder.
    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
