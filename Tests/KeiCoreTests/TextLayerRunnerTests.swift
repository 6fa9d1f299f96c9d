import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport

/// A check that flags every "XX" in the model's text, with a safe fix to "YY".
struct XXCheckStage: CheckStage {
    static let description = StageDescription(id: "test.xx", summary: "Flags XX.", kind: .check,
                                              messages: [StageMessage("test.xx", .warning, "XX found.")])
    init(options: StageOptions) throws {}
    func check(_ article: Article, context: ArticleContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var runs: [TextRun] = []
        func collect(_ inlines: [Inline]) {
            for i in inlines {
                if case .text(let t) = i { runs.append(t) } else if let c = i.children { collect(c) }
            }
        }
        var copy = article
        ArticleRewriter.rewriteInlineRuns(&copy) { collect($0) }
        for t in runs {
            var from = t.string.startIndex
            while let r = t.string.range(of: "XX", range: from..<t.string.endIndex) {
                let lo = t.string.utf8.distance(from: t.string.startIndex, to: r.lowerBound)
                let span = t.span(of: lo..<(lo + 2))
                out.append(Self.description.messages[0].diagnostic("XX", at: context.location(line: 0), span: span,
                                                                   edits: span.map { [TextEdit(span: $0, replacement: "YY", isSafe: true)] } ?? []))
                from = r.upperBound
            }
        }
        return out
    }
}

@Suite struct TextLayerRunnerTests {
    static let registry = StageRegistry(BuiltInStages.all + [XXCheckStage.self])

    static let page = """
    <html><head><title>T</title></head><body><article><h1>T</h1>
    <p>Alpha&nbsp;XX beta, enough words to be article text for the extractor.</p>
    <p>Gamma <!-- kei-disable test.xx -->XX delta<!-- kei-enable --> and XX.</p>
    <p data-kei-ignore="">Ignored XX here.</p>
    <!-- kei-disable-next test.xx --><p>Next XX skipped.</p><p>한국 XX kept.</p>
    <!-- kei-disable nosuch.rule -->
    </article></body></html>
    """

    func run(fix: Bool) throws -> (RunResult, ProjectFixture) {
        let p = try ProjectFixture()
        try p.write("Samples/x.html", Self.page)
        try p.write("Workflows/r.yml", "articles:\n  - {id: x, source: Samples/x.html, status: received}\nstages: [ingest.html, test.xx, emit.jats]\n")
        let loader = WorkflowLoader(registry: Self.registry, workingDirectory: p.root)
        var runner = Runner(jobs: 1)
        runner.fix = fix
        return (runner.run(try loader.load(try loader.resolve("r")), workingDirectory: p.root), p)
    }

    @Test func spansResolveAndSuppressionsApply() throws {
        let (result, p) = try run(fix: false)
        defer { p.remove() }
        let xx = result.diagnostics.filter { $0.rule == "test.xx" }
        #expect(xx.map { "\($0.location.line):\($0.location.column ?? 0)-\($0.end?.line ?? 0):\($0.end?.column ?? 0)" }
                == ["2:15-2:17", "3:70-3:72", "5:63-5:65"])
        #expect(xx.allSatisfy { $0.excerpt == "XX" })
        #expect(result.summary.suppressed == 3)
        let unknown = result.diagnostics.filter { $0.rule == "pipeline.suppression-unknown-rule" }
        #expect(unknown.count == 1 && unknown.first?.location.line == 6 && unknown.first?.message.contains("nosuch.rule") == true)
    }

    @Test func fixAppliesSafeEditsAndRecordsChanges() throws {
        let (result, p) = try run(fix: true)
        defer { p.remove() }
        #expect(result.diagnostics.filter { $0.rule == "test.xx" }.isEmpty, "fixed diagnostics are reported as changes")
        #expect(result.changes.map { "\($0.location.line):\($0.location.column ?? 0)" } == ["2:15", "3:70", "5:63"])
        let jats = try String(contentsOf: p.root.appendingPathComponent("out/r/jats/x.xml"), encoding: .utf8)
        #expect(jats.contains("Alpha\u{A0}YY beta") && jats.contains("Ignored XX here") && jats.contains("Next XX skipped") && jats.contains("한국 YY kept"))
        #expect(result.summary.suppressed == 3)
    }
}

/// `--fix` is idempotent: the model a fixing run hands to emission has nothing left to fix.
@Suite struct FixIdempotenceTests {
    @Test func theFixedModelHasNothingLeftToFix() throws {
        let p = try ProjectFixture()
        defer { p.remove() }
        try p.write("Samples/x.html", """
        <html><head><title>T</title></head><body><article><h1>T</h1>
        <p>The the report on on the alliance was read in in Seoul, and the the the ministers agreed.</p>
        <ul><li>Item one one</li><li>Two</li></ul><p>A note of&nbsp;of thanks.</p>
        </article></body></html>
        """)
        try p.write("Workflows/r.yml", KEIStyle.repeatedWordWorkflow(in: p))
        let loader = WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: p.root)
        var runner = Runner(jobs: 1)
        runner.fix = true
        let result = runner.run(try loader.load(try loader.resolve("r")), workingDirectory: p.root)
        #expect(result.changes.count >= 5, "\(result.changes.map { "\($0.before) → \($0.after)" })")
        let fixed = try #require(result.outcomes.first?.article)
        var context = ArticleContext(entry: ArticleEntry(id: "x", source: "Samples/x.html", sourceURL: nil, status: .received),
                                     issue: IssueInfo(), sourceDisplayPath: "Samples/x.html", outputDirectory: p.root,
                                     workingDirectory: p.root, article: fixed)
        context.currentAnalysis()
        let again = try KEIStyle.stage(["style.repeated-word"]).check(fixed, context: context)
        #expect(again.isEmpty, "left after --fix: \(again.map(\.message))")
        // And a second fixing run over the same source gives the same changes (deterministic).
        let second = runner.run(try loader.load(try loader.resolve("r")), workingDirectory: p.root)
        #expect(second.changes == result.changes)
    }
}

/// Findings of the breaker: grammatical doublings are not fixed, UTF-16 pages raise no UTF-8 warning,
/// change records quote the words around the change, not the paragraph.
@Suite struct TextLayerEdgeTests {
    func run(_ body: String, fix: Bool, bytes: ((String) -> Data)? = nil) throws -> RunResult {
        let p = try ProjectFixture()
        defer { p.remove() }
        let html = "<html><head><title>T</title></head><body><article><h1>T</h1>\n" + body + "\n</article></body></html>"
        try (bytes?(html) ?? Data(html.utf8)).write(to: p.root.appendingPathComponent("Samples/x.html"))
        try p.write("Workflows/r.yml", KEIStyle.repeatedWordWorkflow(in: p))
        let loader = WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: p.root)
        var runner = Runner(jobs: 1)
        runner.fix = fix
        return runner.run(try loader.load(try loader.resolve("r")), workingDirectory: p.root)
    }

    @Test func oftenGrammaticalDoublingsAreReportedButNotFixed() throws {
        let r = try run("<p>What the problem is is clear, and what they do do matters to the the alliance.</p>", fix: true)
        #expect(r.changes.count == 1, "only “the the” is fixed")
        let left = r.diagnostics.filter { $0.rule == "style.repeated-word" }
        #expect(left.count == 2 && left.allSatisfy { $0.edits.allSatisfy { !$0.isSafe } })
    }

    @Test func utf16PagesRaiseNoUTF8Warning() throws {
        let r = try run("<p>Enough words of an article in UTF-16 with a byte order mark.</p>", fix: false) { html in
            var d = Data([0xFF, 0xFE])
            for u in html.utf16 { d.append(UInt8(u & 0xFF)); d.append(UInt8(u >> 8)) }
            return d
        }
        #expect(r.diagnostics.filter { $0.rule == "ingest.encoding" }.isEmpty, "\(r.diagnostics.map(\.message))")
    }

    @Test func changesQuoteTheWordsAroundThem() throws {
        let long = String(repeating: "Words of a long paragraph go on here. ", count: 20)
        let r = try run("<p>\(long)The alliance held the the line. \(long)</p>", fix: true)
        let c = try #require(r.changes.first)
        #expect(c.before.contains("held the the line") && c.after.contains("held the line"))
        #expect(c.before.count < 100 && c.before.hasPrefix("…") && c.before.hasSuffix("…"), "\(c.before)")
    }
}
