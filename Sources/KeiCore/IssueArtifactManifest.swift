import Foundation

/// What the issue's publishing stages wrote in earlier runs (`OUTPUT/.kei-issue-artifacts`, kept by the
/// ``Runner``), so that when such a stage is blocked the warning can name the files it left from an
/// earlier run: they are stale, and may disagree with what the article stages just wrote.
///
/// Format: UTF-8 text, `#` comment lines, then one line per file: `STAGE-ID RELATIVE-PATH` (a single
/// space; the path is relative to the output folder and runs to the end of the line). A stage that runs
/// is recorded with what it wrote and the files of its earlier runs that still exist; a blocked stage
/// keeps its lines.
public struct IssueArtifactManifest: Sendable, Equatable {
    public static let relativePath = ".kei-issue-artifacts"
    static let header = "# Files written by the issue's publishing stages (kept by kei-pipeline run): stage-id path\n"

    /// (stage id, path relative to the output folder), in the order written.
    public private(set) var lines: [[String]]

    public init(text: String) {
        lines = text.split(whereSeparator: \.isNewline).compactMap { raw in
            guard !raw.hasPrefix("#"), let space = raw.firstIndex(of: " ") else { return nil }
            let stage = String(raw[..<space]), path = String(raw[raw.index(after: space)...])
            return stage.isEmpty || path.isEmpty ? nil : [stage, path]
        }
    }

    /// The output folder's manifest, empty when there is none.
    public init(outputDirectory: URL) {
        self.init(text: (try? String(contentsOf: outputDirectory.appendingPathComponent(Self.relativePath), encoding: .utf8)) ?? "")
    }

    /// The paths `stage` wrote in an earlier run that still exist in `outputDirectory`.
    public func existing(stage: String, in outputDirectory: URL) -> [String] {
        lines.filter { $0[0] == stage }.map { $0[1] }
            .filter { FileManager.default.fileExists(atPath: outputDirectory.appendingPathComponent($0).path) }
    }

    /// Replaces `stage`'s lines with `paths`.
    public mutating func record(stage: String, paths: [String]) {
        lines = lines.filter { $0[0] != stage } + paths.map { [stage, $0] }
    }

    public var text: String { Self.header + lines.map { "\($0[0]) \($0[1])\n" }.joined() }
}
