import Foundation
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport

/// Runs one page through the real loader and runner in a throwaway project (``ProjectFixture``): the
/// shipped KEI style (Workflows/styles/kei.yml, or the style text given), a journal with a manuscript
/// section, and a workflow of `ingest.html` and `lint.style`.
enum StylePageRun {
    /// An article page with a title `<h1>`, then `body` (the HTML inside the article's content).
    static func page(_ body: String, title: String = "A Test Article on the Alliance") -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(title)</title></head><body>
        <article><header><h1>\(title)</h1></header><div class="entry-content">
        \(body)
        </div></article></body></html>
        """
    }

    static func shippedStyle() throws -> String {
        try String(contentsOf: TestPaths.workflows.appendingPathComponent("styles/kei.yml"), encoding: .utf8)
    }

    /// The diagnostics of `lint.style` on `html` whose rule ids start with `prefix`.
    static func run(_ html: String, style: String? = nil, prefix: String = "style.",
                    manuscript: String = defaultManuscript, styleFiles: [String: String] = [:]) throws -> [Diagnostic] {
        try run(Data(html.utf8), style: style, prefix: prefix, manuscript: manuscript, styleFiles: styleFiles)
    }

    static let defaultManuscript = "manuscript:\n  min-words: 4500\n  max-words: 6000\n  abstract: required\n  parts: [title, abstract, body, notes, appendix]\n"

    /// The diagnostics of `lint.style` on the page bytes `html` whose rule ids start with `prefix`.
    /// `styleFiles` (file name → text) are written beside the style, for a style that extends them.
    static func run(_ html: Data, style: String? = nil, prefix: String = "style.",
                    manuscript: String = defaultManuscript, styleFiles: [String: String] = [:]) throws -> [Diagnostic] {
        let fixture = try ProjectFixture()
        defer { fixture.remove() }
        for (name, text) in styleFiles { try fixture.write("Workflows/styles/\(name)", text) }
        try fixture.write("Workflows/styles/s.yml", try style ?? shippedStyle())
        try fixture.write("Workflows/journals/j.yml", "title: Korea Policy\npublisher: KEI\nstyle: ../styles/s.yml\n" + manuscript)
        try html.write(to: fixture.root.appendingPathComponent("Samples/x.html"))
        let workflow = try fixture.load("""
            name: w
            journal: journals/j.yml
            output: out
            articles:
              - id: x
                source: Samples/x.html
                status: received
            stages:
              - ingest.html
              - lint.style
            """)
        let result = Runner(jobs: 1).run(workflow, workingDirectory: fixture.root)
        return (result.outcomes.first?.diagnostics ?? []).filter { $0.rule.hasPrefix(prefix) }
    }
}
