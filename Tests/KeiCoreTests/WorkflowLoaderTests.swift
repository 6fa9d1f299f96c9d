import Foundation
import Testing
import KeiCore
import KeiStages
import KeiTestSupport

@Suite struct WorkflowLoaderTests {
    static let valid = """
    journal: journals/j.yml
    volume: 3
    number: 2
    cover-date: 2025-12-15
    articles:
      - id: a
        source: Samples/a.html
        status: approved
      - id: b
        authors: [Kim Example]
        status: commissioned
    stages:
      - ingest.html
      - id: check.metadata
        options:
          require-authors: false
      - emit.jats
      - issue.toc
    gates:
      fail-on: warning
    """

    @Test func loadsAValidWorkflow() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let wf = try p.load(Self.valid)
        #expect(wf.name == "w")
        #expect(wf.issue.volume == "3" && wf.issue.number == "2" && wf.issue.coverDate == "2025-12-15")
        #expect(wf.issue.journal.title == "Korea Policy")
        #expect(wf.issue.journal.styleFile == "Workflows/styles/s.yml")
        #expect(wf.articles.map(\.id) == ["a", "b"])
        #expect(wf.articles[1].awaitingManuscript && wf.articles[1].status == .commissioned)
        #expect(wf.stages.map(\.id) == ["ingest.html", "check.metadata", "emit.jats", "emit.issue"], "issue.toc is emit.issue's former id")
        #expect(wf.stages[1].options.bool("require-authors", default: true) == false)
        #expect(wf.gate.failOn == .warning)
        #expect(wf.outputDirectory.path.hasSuffix("/out/w"))
    }

    @Test func yamlSyntaxErrorNamesFileAndLine() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let problems = p.problems("stages:\n  - ingest.html\n articles: [\n")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("Workflows/w.yml:3:") == true)
        #expect(problems.first?.contains("YAML syntax error") == true)
    }

    @Test func unknownKeyIsReportedWithSuggestion() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let problems = p.problems("stagez:\n  - ingest.html\nstages: [ingest.html]\n")
        #expect(problems == ["Workflows/w.yml:1:1: error: unknown key 'stagez' in the workflow (did you mean 'stages'?); allowed keys: name, title, description, journal, volume, number, cover-date, output, articles, stages, gates, limits, style, timeline, deposit"])
    }

    @Test func unknownStageIdIsReported() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let problems = p.problems("stages:\n  - ingest.html\n  - emit.jat\n")
        #expect(problems == ["Workflows/w.yml:3:5: error: unknown stage id 'emit.jat' (did you mean 'emit.jats'?); known stages: \(BuiltInStages.registry.ids.joined(separator: ", "))"])
    }

    @Test func aRetiredStageIdSaysWhereItsWorkWent() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let problems = p.problems("stages:\n  - ingest.html\n  - text.repeated-word\n")
        #expect(problems == ["Workflows/w.yml:3:5: error: stage 'text.repeated-word' was retired: it moved into lint.style as the rule style.repeated-word (Workflows/styles/kei.yml); list lint.style instead, and write `kei-disable style.repeated-word` in suppressions"])
        #expect(WorkflowLoader.retiredStages.keys.allSatisfy { BuiltInStages.registry.stage(id: $0) == nil }, "a retired id is no live stage")
    }

    @Test func wrongOptionTypeAndUnknownOption() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let problems = p.problems("""
        stages:
          - ingest.html
          - id: check.metadata
            options:
              require-authors: sometimes
              colour: red
        """)
        #expect(problems == [
            "Workflows/w.yml:5:24: error: option 'require-authors' of check.metadata must be true or false, got 'sometimes'",
            "Workflows/w.yml:6:7: error: unknown key 'colour' in options of check.metadata; allowed keys: require-authors",
        ])
    }

    @Test func missingSourceAndEscapingPathsAreReported() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let problems = p.problems("""
        articles:
          - id: a
            source: Samples/missing.html
          - id: b
            source: ../../etc/passwd
        output: ../elsewhere
        stages: [ingest.html]
        """)
        #expect(problems.contains("Workflows/w.yml:3:13: error: source file 'Samples/missing.html' of article 'a' not found (looked at Samples/missing.html)"))
        #expect(problems.contains { $0.hasPrefix("Workflows/w.yml:5:13: error: source '../../etc/passwd' escapes the project folder") })
        #expect(problems.contains { $0.hasPrefix("Workflows/w.yml:6:9: error: output folder '../elsewhere' escapes the project folder") })
    }

    @Test func articleStatusRules() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let problems = p.problems("""
        articles:
          - id: a
            status: received
          - id: a
            status: published
            source: Samples/a.html
          - id: Bad Id
            status: commissioned
        stages: [ingest.html]
        """)
        #expect(problems == [
            "Workflows/w.yml:2:5: error: article 'a' is 'received' but has no source; add its source or set status: commissioned",
            "Workflows/w.yml:4:5: error: article id 'a' is used twice",
            "Workflows/w.yml:5:13: error: article status 'published' is not one of commissioned, received, edited, approved",
            "Workflows/w.yml:7:5: error: article id 'Bad Id' must be lower-case letters, digits, '-', '_' or '.' (it names output files)",
        ])
    }

    @Test func stageOrderIsChecked() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let problems = p.problems("stages:\n  - emit.jats\n  - issue.toc\n  - check.citations\n")
        #expect(problems == [
            "Workflows/w.yml:2:5: error: the first article stage is emit.jats, but an ingest stage (e.g. ingest.html) must come first to build the article",
            "Workflows/w.yml:4:5: error: article stage check.citations comes after issue stage emit.issue; issue stages run last, list them at the end",
        ])
    }

    @Test func badDateGateAndJournal() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let problems = p.problems("journal: journals/nope.yml\ncover-date: 2025-02-30\ngates:\n  fail-on: sometimes\nstages: [ingest.html]\n")
        #expect(problems == [
            "Workflows/w.yml:1:10: error: journal file 'journals/nope.yml' not found or unreadable (looked at Workflows/journals/nope.yml)",
            "Workflows/w.yml:2:13: error: cover-date '2025-02-30' is not a valid ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY)",
            "Workflows/w.yml:4:12: error: gates.fail-on must be one of error, warning, info, never; got 'sometimes'",
        ])
    }

    @Test func journalFileProblemsNameTheJournalFile() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/journals/bad.yml", "title: X\nissn: 1234\n")
        let problems = p.problems("journal: journals/bad.yml\nstages: [ingest.html]\n")
        #expect(problems.first?.hasPrefix("Workflows/journals/bad.yml:2:1: error: unknown key 'issn' in the journal file") == true)
    }

    @Test func missingWorkflowIsAUsageError() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let loader = WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: p.root)
        #expect(throws: KeiError.self) { try loader.resolve("issue-9-9") }
    }

    @Test func theProjectWorkflowsLoad() throws {
        let loader = WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: TestPaths.root)
        for name in loader.availableWorkflows() {
            let wf = try loader.load(try loader.resolve(name))
            #expect(!wf.stages.isEmpty, "\(name) has stages")
        }
    }
}

@Suite struct StageAliasTests {
    @Test func theFormerIdOfAStageStillLoadsAsTheStage() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let problems = p.problems("stages:\n  - ingest.html\n  - check.notes\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(BuiltInStages.registry.stage(id: "check.notes")?.description.id == "check.citations")
    }
}
