import Foundation
import Testing
@testable import KeiCore
import KeiStages
import KeiTestSupport

/// The limits every YAML file is held to before its tree is built (``YAMLLimits``, ``YAMLPrepass``):
/// alias expansion over the node budget ("billion laughs"), an alias as a mapping key, nesting over the
/// depth cap, a file over its kind's size cap, and every duplicate key with its own line — for the
/// workflow, journal, style (with its vocabulary), timeline and issue-manifest readers.
///
/// No test measures time: a pathological input that were expanded would keep its test from finishing.
@Suite struct YAMLLimitsTests {
    /// Nine levels of nine aliases (`l8` would stand for 9⁹ ≈ 387 million scalars), 486 bytes.
    static func laughs(levels: Int = 9, width: Int = 9) -> String {
        var s = "l0: &l0 [" + Array(repeating: "lol", count: width).joined(separator: ", ") + "]\n"
        for k in 1..<levels {
            s += "l\(k): &l\(k) [" + Array(repeating: "*l\(k - 1)", count: width).joined(separator: ", ") + "]\n"
        }
        return s
    }

    /// Where and how ``laughs(levels:width:)`` is refused: 1 root + 6 keys + 672,603 nodes for `l0`…`l5`
    /// (10, 91, 820, 7,381, 66,430, 597,871), then `l6`'s key and list, then its first `*l5` (line 7,
    /// column 10) passes 1,000,000.
    static let laughsRefusal = "7:10: error: the alias *l5 repeats 597871 nodes and the YAML describes more than 1000000 nodes (the node budget, which counts each alias as every node it repeats): write repeated parts out once, or use fewer aliases"

    static let aliasKey = "base: &k name\n*k : x\n"
    static let aliasKeyRefusal = "2:1: error: the alias *k is used as a mapping key: write the key out (an alias may stand for a large structure, so none is accepted as a key)"

    /// 100 nested flow lists, never closed: refused at the 65th `[`. (At 1,000 flow levels libyaml's
    /// scanner stops first, with a syntax error: see ``tenThousandNestedListsAreASyntaxError()``.)
    static let deepLists = String(repeating: "[", count: 100)
    static let deepRefusal = "1:65: error: lists and mappings nest deeper than 64 levels here (the depth cap): flatten the structure"

    static let stylesWorkflow = "journal: journals/j.yml\nstages: [ingest.html, lint.style]\n"

    static func timelineProblems(_ text: String) -> [String] {
        do {
            _ = try TimelineLoader().load(text: text, displayPath: "t.yml")
            return []
        } catch let e as WorkflowError {
            return e.problems.map { "\($0.location): error: \($0.message)" }
        } catch {
            return ["\(error)"]
        }
    }

    // MARK: The workflow file

    @Test func billionLaughsInAWorkflowIsRefusedAtTheAliasThatPassesTheBudget() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        #expect(p.problems(Self.laughs()) == ["Workflows/w.yml:" + Self.laughsRefusal])
    }

    @Test func aLongerBombIsRefusedTheSameWay() throws {
        // Twelve levels of twelve: 12¹² nodes if expanded; the budget stops it at `l5`'s third alias.
        let p = try ProjectFixture(); defer { p.remove() }
        let problems = p.problems(Self.laughs(levels: 12, width: 12))
        #expect(problems.count == 1 && problems[0].hasPrefix("Workflows/w.yml:6:20: error: the alias *l4 repeats 271453 nodes"), "\(problems)")
    }

    @Test func anAliasAsAKeyInAWorkflowIsRefused() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        #expect(p.problems(Self.aliasKey) == ["Workflows/w.yml:" + Self.aliasKeyRefusal])
    }

    @Test func aListOrMappingAsAKeyIsRefused() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        // A structure as a key would be hashed whole by the tree builder: with aliases inside, up to the
        // whole node budget per key.
        #expect(p.problems("a: &a [x]\n? [*a, *a]\n: x\n") == ["Workflows/w.yml:2:3: error: a list is used as a mapping key: write a plain name (a key that is a structure is hashed and compared whole, so none is accepted)"])
        #expect(p.problems("{a: b}: x\n") == ["Workflows/w.yml:1:1: error: a mapping is used as a mapping key: write a plain name (a key that is a structure is hashed and compared whole, so none is accepted)"])
    }

    @Test func tenThousandNestedListsAreASyntaxError() throws {
        // libyaml's scanner looks ahead past the 64th `[` before the parser's events reach it, and stops
        // at 1,000 flow levels: the file is refused, before any tree, with libyaml's own words.
        let p = try ProjectFixture(); defer { p.remove() }
        let problems = p.problems("stages: " + String(repeating: "[", count: 10_000))
        #expect(problems == ["Workflows/w.yml:1:10: error: YAML syntax error: Maximum nesting level reached, set with yaml_set_max_nest_level()) (while parsing at line 1)"])
        #expect(Self.timelineProblems(String(repeating: "[", count: 10_000)).first?.contains("Maximum nesting level reached") == true)
    }

    @Test func nestedListsInAWorkflowAreRefusedAtTheCap() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        #expect(p.problems("stages: " + Self.deepLists) == ["Workflows/w.yml:1:72: error: lists and mappings nest deeper than 64 levels here (the depth cap): flatten the structure"])
    }

    @Test func nestedBlockMappingsAreRefusedWhereTheyPassTheCap() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        // Level k's mapping starts on line k at column 2(k-1)+1; level 65 is the first too deep.
        let text = (0..<100).map { String(repeating: "  ", count: $0) + "a:\n" }.joined()
        #expect(p.problems(text) == ["Workflows/w.yml:65:129: error: lists and mappings nest deeper than 64 levels here (the depth cap): flatten the structure"])
    }

    @Test func anAliasCountsTheDepthItBringsAlong() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        // `*deep` is 40 levels tall; used 30 levels down it would nest 70.
        let text = "a: &deep " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n"
            + "b: " + String(repeating: "[", count: 29) + "*deep" + String(repeating: "]", count: 29) + "\n"
        #expect(p.problems(text) == ["Workflows/w.yml:2:33: error: the alias *deep nests lists and mappings deeper than 64 levels (the depth cap): flatten the structure"])
    }

    @Test func everyDuplicateKeyIsReportedAtItsOwnLine() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let text = """
        name: a
        name: b
        journal: journals/j.yml
        articles:
          - id: a
            source: Samples/a.html
            id: b
        stages: [ingest.html]
        journal: journals/j.yml
        name: c
        """
        #expect(p.problems(text) == [
            "Workflows/w.yml:2:1: error: duplicate key 'name' in a mapping (first at line 1): a key may appear once; remove or merge one",
            "Workflows/w.yml:7:5: error: duplicate key 'id' in a mapping (first at line 5): a key may appear once; remove or merge one",
            "Workflows/w.yml:9:1: error: duplicate key 'journal' in a mapping (first at line 3): a key may appear once; remove or merge one",
            "Workflows/w.yml:10:1: error: duplicate key 'name' in a mapping (first at line 1): a key may appear once; remove or merge one",
        ])
    }

    @Test func aThousandDuplicatesAreAllReported() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let problems = p.problems(String(repeating: "k: 1\n", count: 1001))
        #expect(problems.count == 1000)
        #expect(problems.enumerated().allSatisfy { $1 == "Workflows/w.yml:\($0 + 2):1: error: duplicate key 'k' in a mapping (first at line 1): a key may appear once; remove or merge one" })
    }

    @Test func sameKeysInDifferentMappingsAreNotDuplicates() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let wf = try p.load("articles:\n  - {id: a, source: Samples/a.html}\n  - {id: b, source: Samples/a.html}\nstages: [ingest.html]\n")
        #expect(wf.articles.map(\.id) == ["a", "b"])
    }

    @Test func anOversizedWorkflowFileNamesTheWorkflowCap() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/w.yml", "stages: [ingest.html]\n" + String(repeating: "#", count: 4 * 1024 * 1024))
        let loader = WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: p.root)
        #expect {
            _ = try loader.load(try loader.resolve("w"))
        } throws: { error in
            "\(error)".contains("file is 4194326 bytes, over the limit of 4194304 bytes (a workflow file's cap, 4 MiB, which no setting raises: trim the file)")
                && !"\(error)".contains("max-source-bytes")
        }
    }

    @Test func oversizedWorkflowTextNamesTheWorkflowCap() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let loader = WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: p.root)
        let text = String(repeating: "#", count: YAMLLimits.workflow.maximumBytes + 1)
        #expect {
            _ = try loader.load(text: text, displayPath: "w.yml", folder: p.root, projectRoot: p.root, defaultName: "w")
        } throws: { error in
            "\(error)" == "w.yml:1: error: the workflow file is 4194305 bytes, over the limit of 4194304 bytes (a workflow file's cap, 4 MiB, which no setting raises: trim the file)"
        }
    }

    // MARK: The journal file

    @Test func billionLaughsInAJournalIsRefused() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/journals/j.yml", Self.laughs())
        #expect(p.problems("journal: journals/j.yml\nstages: [ingest.html]\n") == ["Workflows/journals/j.yml:" + Self.laughsRefusal])
    }

    @Test func duplicateJournalKeysAreAllReported() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/journals/j.yml", "title: A\npublisher: KEI\ntitle: B\npublisher: X\n")
        #expect(p.problems("journal: journals/j.yml\nstages: [ingest.html]\n") == [
            "Workflows/journals/j.yml:3:1: error: duplicate key 'title' in a mapping (first at line 1): a key may appear once; remove or merge one",
            "Workflows/journals/j.yml:4:1: error: duplicate key 'publisher' in a mapping (first at line 2): a key may appear once; remove or merge one",
        ])
    }

    @Test func anOversizedJournalNamesTheJournalCap() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/journals/j.yml", "title: A\n" + String(repeating: "#", count: 1024 * 1024))
        #expect(p.problems("journal: journals/j.yml\nstages: [ingest.html]\n") == [
            "Workflows/w.yml:1:10: error: journal file 'journals/j.yml' cannot be read (Workflows/journals/j.yml): file is 1048585 bytes, over the limit of 1048576 bytes (a journal file's cap, 1 MiB, which no setting raises: trim the file)",
        ])
    }

    // MARK: The style file and its vocabulary

    @Test func anAliasAsAKeyInAStyleFileIsRefused() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/styles/s.yml", "name: s\n" + Self.aliasKey)
        #expect(p.problems(Self.stylesWorkflow) == ["Workflows/styles/s.yml:3:1: error: the alias *k is used as a mapping key: write the key out (an alias may stand for a large structure, so none is accepted as a key)"])
    }

    @Test func anAliasAsAVocabularyKeyIsRefused() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/styles/s.yml", "name: s\nvocabulary:\n  people:\n    &n Kim Example: Kim\n    *n : Example\n")
        #expect(p.problems(Self.stylesWorkflow) == ["Workflows/styles/s.yml:5:5: error: the alias *n is used as a mapping key: write the key out (an alias may stand for a large structure, so none is accepted as a key)"])
    }

    @Test func billionLaughsInAStyleFileIsRefused() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/styles/s.yml", Self.laughs())
        #expect(p.problems(Self.stylesWorkflow) == ["Workflows/styles/s.yml:" + Self.laughsRefusal])
    }

    @Test func duplicateVocabularyKeysAreAllReported() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/styles/s.yml", "name: s\nvocabulary:\n  people:\n    Kim Example: Kim\n    Kim Example: Example\n  people: {}\n")
        #expect(p.problems(Self.stylesWorkflow) == [
            "Workflows/styles/s.yml:5:5: error: duplicate key 'Kim Example' in a mapping (first at line 4): a key may appear once; remove or merge one",
            "Workflows/styles/s.yml:6:3: error: duplicate key 'people' in a mapping (first at line 3): a key may appear once; remove or merge one",
        ])
    }

    // MARK: The timeline file

    @Test func billionLaughsInATimelineIsRefused() {
        #expect(Self.timelineProblems(Self.laughs()) == ["t.yml:" + Self.laughsRefusal])
    }

    @Test func tenThousandNestedFlowMappingsInATimelineAreRefused() {
        // Each `{a: ` is four characters: the 65th opens at column 257.
        #expect(Self.timelineProblems(String(repeating: "{a: ", count: 10_000))
                == ["t.yml:1:257: error: lists and mappings nest deeper than 64 levels here (the depth cap): flatten the structure"])
        #expect(Self.timelineProblems(Self.deepLists) == ["t.yml:" + Self.deepRefusal])
    }

    @Test func duplicateTimelineKeysAreAllReported() {
        let text = "events:\n  - {id: a, name: A, id: b}\noffices: []\nevents: []\n"
        #expect(Self.timelineProblems(text) == [
            "t.yml:2:22: error: duplicate key 'id' in a mapping (first at line 2): a key may appear once; remove or merge one",
            "t.yml:4:1: error: duplicate key 'events' in a mapping (first at line 1): a key may appear once; remove or merge one",
        ])
    }

    @Test func oversizedTimelineTextNamesTheTimelineCap() {
        let problems = Self.timelineProblems(String(repeating: " ", count: TimelineLoader.maximumFileBytes + 1))
        #expect(problems == ["t.yml:1: error: the timeline file is 4194305 bytes, over the limit of 4194304 bytes (the timeline file's own cap, 4 MiB, which no workflow setting raises: trim the file, removing entries the journal's articles do not need)"])
    }

    // MARK: The issue manifest (`batch`), through the public door

    @Test func anIssueManifestIsHeldToTheSameLimits() {
        func problems(_ text: String) -> [String] {
            do {
                _ = try YAMLLimits.issueManifest.compose(text, file: "issue.yml")
                return []
            } catch let e as WorkflowError {
                return e.problems.map { "\($0.location): error: \($0.message)" }
            } catch {
                return ["\(error)"]
            }
        }
        #expect(problems(Self.laughs()) == ["issue.yml:" + Self.laughsRefusal])
        #expect(problems(Self.aliasKey) == ["issue.yml:" + Self.aliasKeyRefusal])
        #expect(problems(Self.deepLists) == ["issue.yml:" + Self.deepRefusal])
        #expect(problems("volume: 1\nvolume: 2\n") == ["issue.yml:2:1: error: duplicate key 'volume' in a mapping (first at line 1): a key may appear once; remove or merge one"])
        #expect(problems(String(repeating: " ", count: 1024 * 1024 + 1)).first?.hasPrefix("issue.yml:1: error: the issue manifest is 1048577 bytes, over the limit of 1048576 bytes (an issue manifest's cap, 1 MiB") == true)
        #expect(problems("volume: 1\nnumber: [\n").first?.contains("YAML syntax error") == true, "a syntax error is still worded by Yams")
        #expect(problems("volume: 1\narticles: {a.html: a}\n").isEmpty)
    }

    // MARK: What stays accepted

    @Test func anchorsAndAliasesWithinTheLimitsStillWork() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let wf = try p.load("articles:\n  - &a {id: a, source: Samples/a.html}\nstages: &s [ingest.html]\n")
        #expect(wf.articles.map(\.id) == ["a"])
        // A budget of exactly the nodes described passes; one fewer refuses.
        let text = Self.laughs(levels: 3, width: 3)   // 1 + 3 keys + 4 + 13 + 40 nodes
        #expect(YAMLPrepass.check(text, file: "x", limits: .workflow, maximumNodes: 61).problems.isEmpty)
        #expect(YAMLPrepass.check(text, file: "x", limits: .workflow, maximumNodes: 60).fatal)
    }

    @Test func everyShippedYAMLFilePassesWithoutAProblem() throws {
        let fm = FileManager.default
        var checked = 0
        for folder in ["Workflows", "Samples"] {
            let base = TestPaths.root.appendingPathComponent(folder)
            let files = (fm.enumerator(at: base, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
                .filter { $0.pathExtension == "yml" || $0.pathExtension == "yaml" }
            for url in files {
                let text = try String(contentsOf: url, encoding: .utf8)
                let result = YAMLPrepass.check(text, file: url.lastPathComponent, limits: .timeline)
                #expect(result.problems.isEmpty, "\(url.path): \(result.problems)")
                checked += 1
            }
        }
        #expect(checked >= 8)
    }
}
