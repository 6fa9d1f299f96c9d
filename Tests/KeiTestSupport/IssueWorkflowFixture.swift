import Foundation

/// Temporary projects built from the shipped `Workflows/` (journal, styles, timeline) with a generated issue
/// workflow: shared by the end-to-end tests that need a real journal but their own article list.
public enum IssueWorkflowFixture {
    /// A new temporary folder (named after `prefix`) holding a copy of the shipped `Workflows/`.
    /// - Throws: the file system's error when the copy fails.
    public static func projectWithShippedWorkflows(_ prefix: String) throws -> URL {
        let root = TestPaths.temporaryDirectory(prefix)
        try FileManager.default.copyItem(at: TestPaths.workflows, to: root.appendingPathComponent("Workflows"))
        return root
    }

    /// The YAML of an issue workflow of the Korea Policy journal (volume 3, number 2, cover date
    /// 2025-12-15, `fail-on: error`) with one article per `(id, source)` pair, each by "A. Author",
    /// and `stages` in order. `output` is the output folder relative to the project root.
    public static func yaml(name: String, title: String, output: String,
                            articles: [(id: String, source: String)], stages: [String]) -> String {
        let entries = articles.map { "  - id: \($0.id)\n    source: \($0.source)\n    authors: [A. Author]\n" }.joined()
        let stageLines = stages.map { "  - \($0)\n" }.joined()
        return """
            name: \(name)
            title: \(title)
            journal: journals/korea-policy.yml
            volume: 3
            number: 2
            cover-date: 2025-12-15
            output: \(output)
            articles:
            \(entries)stages:
            \(stageLines)gates:
              fail-on: error

            """
    }
}
