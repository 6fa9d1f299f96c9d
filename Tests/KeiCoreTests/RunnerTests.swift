import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport

/// A transform that throws on the article whose id is `boom`.
struct ExplodingStage: ArticleStage {
    static let description = StageDescription(id: "test.explode", summary: "Throws on article 'boom'.", kind: .transform)
    init(options: StageOptions) throws {}
    func run(_ context: inout ArticleContext) throws {
        if context.entry.id == "boom" { throw KeiError.stage("the model is broken beyond repair") }
    }
}

/// A publishing issue stage that records which articles it saw.
struct CountingIssueStage: IssueStage {
    static let description = StageDescription(id: "test.publish", summary: "Writes count.txt.", kind: .issue, publishes: true)
    init(options: StageOptions) throws {}
    func run(_ context: inout IssueContext) throws {
        try context.writeArtifact(kind: "count", relativePath: "count.txt",
                                  data: Data(context.articles.map(\.entry.id).joined(separator: ",").utf8))
    }
}

/// A non-publishing issue check that finds an error in the second article (as lint.issue-consistency may).
struct FailingIssueCheckStage: IssueStage {
    static let description = StageDescription(id: "test.issue-check", summary: "Fails the second article.", kind: .issue)
    static let message = StageMessage("test.issue-check", .error, "An issue-level finding about one article.")
    init(options: StageOptions) throws {}
    func run(_ context: inout IssueContext) throws {
        var d = Self.message.diagnostic("inconsistent with the first article", at: SourceLocation(file: "Samples/a.html", line: 1))
        d.article = context.articles[1].entry.id
        context.emit(d)
    }
}

/// Emits diagnostics interleaved across the article's source and two other files, in a fixed order.
struct InterleavingStage: ArticleStage {
    static let description = StageDescription(id: "test.interleave", summary: "Emits interleaved diagnostics.", kind: .transform)
    static let message = StageMessage("test.interleave", .warning, "A diagnostic at a given place.")
    init(options: StageOptions) throws {}
    func run(_ context: inout ArticleContext) throws {
        let source = context.sourceDisplayPath
        let places: [(String, Int, Int?)] = [
            ("Workflows/styles/s.yml", 4, nil), (source, 9, nil), ("Workflows/w.yml", 1, nil), (source, 2, 5),
            ("Workflows/styles/s.yml", 1, nil), (source, 2, nil), ("Workflows/w.yml", 1, nil), (source, 2, 5),
            (source, 1, 30), ("Workflows/styles/s.yml", 4, 1),
        ]
        for (i, (file, line, column)) in places.enumerated() {
            context.emit(Self.message.diagnostic("#\(i)", at: SourceLocation(file: file, line: line, column: column)))
        }
    }
}

/// Counts how often stage values are built (the loader builds each invocation once; the runner must reuse it).
final class BuildCounter: @unchecked Sendable {
    static let shared = BuildCounter()
    private var counts: [String: Int] = [:]
    private let lock = NSLock()
    func record(_ id: String) { lock.lock(); counts[id, default: 0] += 1; lock.unlock() }
    func count(_ id: String) -> Int { lock.lock(); defer { lock.unlock() }; return counts[id, default: 0] }
}

struct BuildCountingStage: ArticleStage {
    static let description = StageDescription(id: "test.built", summary: "Counts its constructions.", kind: .transform)
    init(options: StageOptions) throws { BuildCounter.shared.record(Self.description.id) }
    func run(_ context: inout ArticleContext) throws {}
}

struct BuildCountingIssueStage: IssueStage {
    static let description = StageDescription(id: "test.built-issue", summary: "Counts its constructions.", kind: .issue)
    init(options: StageOptions) throws { BuildCounter.shared.record(Self.description.id) }
    func run(_ context: inout IssueContext) throws {}
}

/// Declared as an issue stage but implementing the article-stage protocol: the runner cannot call it.
struct MisdeclaredIssueStage: ArticleStage {
    static let description = StageDescription(id: "test.misdeclared-issue", summary: "Kind issue, not an IssueStage.", kind: .issue)
    init(options: StageOptions) throws {}
    func run(_ context: inout ArticleContext) throws {}
}

/// Declared as a transform but implementing neither ArticleStage nor CheckStage.
struct MisdeclaredArticleStage: Stage {
    static let description = StageDescription(id: "test.misdeclared", summary: "Kind transform, no run method.", kind: .transform)
    init(options: StageOptions) throws {}
}

@Suite struct RunnerTests {
    static let registry = StageRegistry(BuiltInStages.all + [ExplodingStage.self, CountingIssueStage.self, InterleavingStage.self,
                                                             BuildCountingStage.self, BuildCountingIssueStage.self,
                                                             MisdeclaredIssueStage.self, MisdeclaredArticleStage.self,
                                                             FailingIssueCheckStage.self])

    func workflow(_ p: ProjectFixture, _ yaml: String) throws -> Workflow {
        try p.write("Workflows/r.yml", yaml)
        let loader = WorkflowLoader(registry: Self.registry, workingDirectory: p.root)
        return try loader.load(try loader.resolve("r"))
    }

    @Test func aThrowingStageIsReportedAndOtherArticlesFinish() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Samples/b.html", "<html><body><article><p>Another article body that has enough text in it.</p></article></body></html>")
        let wf = try workflow(p, """
        articles:
          - {id: a, source: Samples/a.html, status: received}
          - {id: boom, source: Samples/b.html, status: received}
          - {id: c, source: Samples/a.html, status: received}
        stages: [ingest.html, test.explode, emit.jats, test.publish]
        """)
        let result = Runner(jobs: 2).run(wf, workingDirectory: p.root)
        #expect(result.outcomes.map(\.entry.id) == ["a", "boom", "c"])
        let boom = try #require(result.outcomes.first { $0.entry.id == "boom" })
        #expect(boom.failed)
        #expect(boom.artifacts.isEmpty, "emit.jats was skipped after the throw")
        let failure = try #require(boom.diagnostics.first { $0.rule == "pipeline.stage-failed" })
        #expect(failure.stage == "test.explode" && failure.article == "boom" && failure.severity == .error)
        #expect(failure.message.contains("stage test.explode failed on article 'boom'"))
        #expect(failure.location.file == "Samples/b.html")
        for id in ["a", "c"] {
            let o = try #require(result.outcomes.first { $0.entry.id == id })
            #expect(!o.failed && o.artifacts.map(\.relativePath) == ["jats/\(id).xml"])
        }
        #expect(result.exitCode == 1)
        // A publishing issue stage runs only after every article passed its gate: boom did not.
        #expect(result.issueArtifacts.isEmpty)
        let gated = try #require(result.issueDiagnostics.first { $0.rule == "pipeline.issue-stage-gated" })
        #expect(gated.message.contains("test.publish did not run") && gated.message.contains("boom"))
        #expect(!gated.message.contains("a,") && gated.severity == .warning)
        #expect(result.outputDisplayPath == "out/r")
    }

    @Test func anIssueCheckThatFailsTheGateHoldsBackTheLaterPublishingStages() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let wf = try workflow(p, """
        articles:
          - {id: a, source: Samples/a.html, status: received}
          - {id: b, source: Samples/a.html, status: received}
        stages: [ingest.html, test.publish, test.issue-check, test.publish]
        """)
        let result = Runner(jobs: 1).run(wf, workingDirectory: p.root)
        // The first test.publish runs (nothing failed yet); the one after the failing check does not.
        #expect(result.issueArtifacts.map(\.relativePath) == ["count.txt"])
        let gated = result.issueDiagnostics.filter { $0.rule == "pipeline.issue-stage-gated" }
        #expect(gated.count == 1)
        #expect(gated.first?.message.contains("1 article(s) did not pass their gate (fail-on: error): b.") == true, "\(gated)")
        #expect(result.exitCode == 1)
    }

    @Test func awaitedManuscriptBlocksOnlyPublishingIssueStages() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let wf = try workflow(p, """
        articles:
          - {id: a, source: Samples/a.html, status: approved}
          - {id: later, status: commissioned, authors: [Kim Example]}
        stages: [ingest.html, emit.jats, test.publish]
        """)
        let result = Runner(jobs: 1).run(wf, workingDirectory: p.root)
        let later = try #require(result.outcomes.last)
        #expect(later.entry.awaitingManuscript && later.article == nil)
        #expect(later.diagnostics.map(\.rule) == ["pipeline.awaiting-manuscript"])
        #expect(later.diagnostics.first?.message.contains("awaiting its manuscript from Kim Example") == true)
        #expect(later.diagnostics.first?.location.description == "Workflows/r.yml:3:5")
        #expect(result.outcomes.first?.artifacts.count == 1, "the other article still ran")
        #expect(result.issueArtifacts.isEmpty)
        #expect(result.issueDiagnostics.map(\.rule) == ["pipeline.issue-stage-blocked"])
        #expect(result.exitCode == 0, "warnings do not fail the default gate")
        #expect(Runner(jobs: 1).run(wf, workingDirectory: p.root, strict: true).exitCode == 1)
    }

    @Test func parallelRunsAreDeterministic() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        var articles = ""
        for i in 0..<12 {
            try p.write("Samples/p\(i).html", "<html><head><title>Article \(i)</title></head><body><article><h1>Article \(i)</h1><p>Paragraph \(i) with <b>bold</p> text enough for a body.</p></article></body></html>")
            articles += "  - {id: p\(i), source: Samples/p\(i).html, status: received}\n"
        }
        let wf = try workflow(p, "articles:\n\(articles)stages: [ingest.html, check.metadata, emit.jats]\n")
        let reporter = JSONReporter(options: ReportOptions())
        let first = reporter.render(Runner(jobs: 4).run(wf, workingDirectory: p.root))
        let jats = try Data(contentsOf: p.root.appendingPathComponent("out/r/jats/p7.xml"))
        let second = reporter.render(Runner(jobs: 2).run(wf, workingDirectory: p.root))
        let serial = reporter.render(Runner(jobs: 1).run(wf, workingDirectory: p.root))
        #expect(first == second && second == serial)
        #expect(try Data(contentsOf: p.root.appendingPathComponent("out/r/jats/p7.xml")) == jats)
    }

    /// Diagnostics of one article are ordered by file (the article's source first, then other files in the
    /// order their first diagnostic was emitted), then line, column (none before any) and emission order.
    @Test func diagnosticsAreOrderedByFileThenPositionAcrossFiles() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let wf = try workflow(p, """
        articles:
          - {id: a, source: Samples/a.html, status: received}
        stages: [ingest.html, test.interleave]
        """)
        let result = Runner(jobs: 1).run(wf, workingDirectory: p.root)
        let emitted = try #require(result.outcomes.first).diagnostics.filter { $0.rule == "test.interleave" }
        #expect(emitted.map { "\($0.location) \($0.message)" } == [
            "Samples/a.html:1:30 #8", "Samples/a.html:2 #5", "Samples/a.html:2:5 #3", "Samples/a.html:2:5 #7", "Samples/a.html:9 #1",
            "Workflows/styles/s.yml:1 #4", "Workflows/styles/s.yml:4 #0", "Workflows/styles/s.yml:4:1 #9",
            "Workflows/w.yml:1 #2", "Workflows/w.yml:1 #6",
        ])
    }

    @Test func eachStageInvocationIsBuiltOnce() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let wf = try workflow(p, """
        articles:
          - {id: a, source: Samples/a.html, status: received}
          - {id: b, source: Samples/a.html, status: received}
          - {id: c, source: Samples/a.html, status: received}
        stages: [ingest.html, test.built, test.built, test.built-issue]
        """)
        let before = (BuildCounter.shared.count("test.built"), BuildCounter.shared.count("test.built-issue"))
        #expect(before == (2, 1), "the loader builds each invocation once, validating its options")
        let result = Runner(jobs: 2).run(wf, workingDirectory: p.root)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(BuildCounter.shared.count("test.built") == 2, "the runner reuses the loader's instances")
        #expect(BuildCounter.shared.count("test.built-issue") == 1)
    }

    @Test func aStageTheRunnerCannotCallIsReportedNotSkipped() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let wf = try workflow(p, """
        articles:
          - {id: a, source: Samples/a.html, status: received}
        stages: [ingest.html, test.misdeclared, emit.jats, test.misdeclared-issue]
        """)
        let result = Runner(jobs: 1).run(wf, workingDirectory: p.root)
        let a = try #require(result.outcomes.first)
        let articleFailure = try #require(a.diagnostics.first { $0.rule == "pipeline.stage-failed" })
        #expect(articleFailure.stage == "test.misdeclared" && articleFailure.article == "a")
        #expect(a.failed && a.artifacts.isEmpty, "like a throw: the article's remaining stages were skipped")
        let issueFailure = try #require(result.issueDiagnostics.first { $0.rule == "pipeline.stage-failed" })
        #expect(issueFailure.stage == "test.misdeclared-issue")
        #expect(issueFailure.location.description == "Workflows/r.yml:3:52")
        #expect(result.exitCode == 1)
    }

    @Test func aCheckStageWithoutAnArticleModelIsReported() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Samples/empty.html", "")
        let wf = try workflow(p, """
        articles:
          - {id: e, source: Samples/empty.html, status: received}
        stages: [ingest.html, check.metadata, check.notes]
        """)
        let result = Runner(jobs: 1).run(wf, workingDirectory: p.root)
        let e = try #require(result.outcomes.first)
        #expect(e.diagnostics.map(\.rule) == ["ingest.empty", "pipeline.stage-skipped", "pipeline.stage-skipped"])
        #expect(e.diagnostics.dropFirst().map { $0.stage ?? "-" } == ["check.metadata", "check.citations"], "an alias runs as the stage it names")
        #expect(e.diagnostics.allSatisfy { $0.severity == .error && $0.location.file == "Samples/empty.html" })
        #expect(e.diagnostics.last?.message.contains("check.citations did not run on article 'e'") == true)
    }
}
