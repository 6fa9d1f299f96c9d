import Foundation
import Testing
import KeiTestSupport

/// Hostile workflow files given to the real `kei-pipeline run` binary (issue 12): every one is refused
/// before any work with exit 2 and a message naming the file — at its line (`FILE:LINE:`) when the fault
/// has one — and none may exhaust the machine: alias bombs, aliases as keys and nesting bombs are rejected
/// before the tree is built (each run is killed after ``Hostile/timeout``, which a hang fails).
@Suite(.serialized) struct HostileInputWorkflowTests {
    /// A valid workflow around one tiny page, which each case breaks in one way.
    static let base = """
        name: hostile
        output: out
        articles:
          - id: page
            source: page.html
        stages:
          - ingest.html
        gates:
          fail-on: error

        """

    /// Writes `workflow` (text) as `name` next to a tiny page, runs it and checks the refusal.
    func refused(_ label: String, _ workflow: Data, name: String = "hostile.yml", saying words: [String] = [],
                 line: Bool = true) throws -> Hostile.Run {
        let dir = TestPaths.temporaryDirectory("kei-hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Hostile.write(Hostile.page("<p>A tiny page.</p>"), "page.html", in: dir)
        try Hostile.write(workflow, name, in: dir)
        let run = try Hostile.run(label, ["run", name, "--report", "json:-", "--no-cache"], in: dir)
        Hostile.expectRefused(run, naming: name, saying: words)
        if line {
            #expect(run.stderr.range(of: "\(name):[0-9]+", options: .regularExpression) != nil,
                    "\(label): no FILE:LINE in \(run.stderr.prefix(1000))")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/jats").path), "\(label): work was done")
        return run
    }

    func refused(_ label: String, _ workflow: String, saying words: [String] = [], line: Bool = true) throws -> Hostile.Run {
        try refused(label, Data(workflow.utf8), saying: words, line: line)
    }

    @Test func validBaseRuns() throws {
        let dir = TestPaths.temporaryDirectory("kei-hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Hostile.write(Hostile.page("<p>A tiny page.</p>"), "page.html", in: dir)
        try Hostile.write(Self.base, "hostile.yml", in: dir)
        let run = try Hostile.run("valid workflow (control)", ["run", "hostile.yml", "--report", "json:-", "--no-cache"], in: dir)
        Hostile.expectProcessed(run, rule: nil)
    }

    /// Nine levels of nine aliases each (9^9 nodes once expanded) under a key the loader reads.
    @Test func yamlBillionLaughs() throws {
        var yaml = Self.base.replacingOccurrences(of: "name: hostile\n", with: "name: hostile\nx-anchors:\n")
        var anchors = "  - &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for i in 1...9 { anchors += "  - &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]\n" }
        yaml = yaml.replacingOccurrences(of: "x-anchors:\n", with: "x-anchors:\n" + anchors)
        yaml = yaml.replacingOccurrences(of: "  - ingest.html\n", with: "  - ingest.html\n  - *a9\n")
        _ = try refused("YAML billion laughs", yaml, saying: ["alias"])
    }

    /// An alias used as a mapping key: hashing it walks the whole aliased tree (with nested aliases, an
    /// exponential walk), so it is refused outright.
    @Test func yamlAliasAsKey() throws {
        var anchors = "x-anchors:\n  - &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for i in 1...6 { anchors += "  - &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 8).joined(separator: ", ") + "]\n" }
        let yaml = Self.base.replacingOccurrences(of: "name: hostile\n", with: "name: hostile\n" + anchors)
            .replacingOccurrences(of: "gates:\n", with: "? *a6\n: value\ngates:\n")
        _ = try refused("YAML alias as key", yaml, saying: ["alias"])
    }

    /// 10,000 nested flow sequences.
    @Test func yamlDepthBomb() throws {
        let depth = 10_000
        let yaml = Self.base.replacingOccurrences(of: "gates:\n", with: "deep: " + String(repeating: "[", count: depth)
                                                    + String(repeating: "]", count: depth) + "\ngates:\n")
        let run = try refused("YAML depth bomb", yaml)
        let said = run.stderr.lowercased()
        #expect(said.contains("nest") || said.contains("depth"), "the message names the nesting: \(run.stderr)")
    }

    /// A workflow over the workflow-file cap (4 MiB): the message names that cap, not the page limit.
    @Test func oversizedWorkflow() throws {
        let padding = String(repeating: "# padding " + String(repeating: "x", count: 90) + "\n", count: 50_000)
        let run = try refused("oversized workflow (5 MB)", Self.base + padding, saying: ["4 MiB"], line: false)
        #expect(!run.stderr.contains("max-source-bytes"), "the wrong limit: \(run.stderr)")
    }

    /// Every duplicate key is reported, each at its line (the second `name` is line 10, `output` line 11).
    @Test func duplicateKeys() throws {
        let run = try refused("duplicate keys", Self.base + "name: again\noutput: elsewhere\n", saying: ["duplicate"])
        #expect(run.stderr.contains("name") && run.stderr.contains("output"), "both duplicates: \(run.stderr)")
        #expect(run.stderr.contains("hostile.yml:10:") && run.stderr.contains("hostile.yml:11:"), "each at its line: \(run.stderr)")
    }

    @Test func brokenYAML() throws {
        _ = try refused("broken YAML", "name: hostile\nstages: [ingest.html\ngates:\n  fail-on: error\n")
    }

    @Test func invalidUTF8Workflow() throws {
        var data = Data(Self.base.utf8)
        data.insert(contentsOf: [0xFF, 0xFE], at: data.range(of: Data("hostile".utf8))!.lowerBound)
        _ = try refused("invalid UTF-8 workflow", data, saying: ["UTF-8"])
    }

    @Test func unknownStageID() throws {
        _ = try refused("unknown stage id", Self.base.replacingOccurrences(of: "  - ingest.html", with: "  - ingest.htm"),
                        saying: ["ingest.htm"])
    }

    @Test func missingWorkflowFile() throws {
        let dir = TestPaths.temporaryDirectory("kei-hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try Hostile.run("missing workflow file", ["run", "missing.yml", "--no-cache"], in: dir)
        Hostile.expectRefused(run, naming: "missing.yml")
    }

    @Test func workflowThatIsADirectory() throws {
        let dir = TestPaths.temporaryDirectory("kei-hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("folder.yml"), withIntermediateDirectories: true)
        let run = try Hostile.run("workflow that is a directory", ["run", "folder.yml", "--no-cache"], in: dir)
        Hostile.expectRefused(run, naming: "folder.yml", saying: ["directory"])
    }
}
