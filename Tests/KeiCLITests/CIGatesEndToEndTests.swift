import Foundation
import Testing
import Yams
@testable import KeiCLI
import KeiCore
import KeiTestSupport

/// CI gates on copies of the issue-3-2 pages in a temporary project: `--strict`, `--baseline` /
/// `--write-baseline`, `--changed-since`, `--shard`, and the example CI workflows in Samples/ci.
@Suite(.serialized) struct CIGatesEndToEndTests {
    static let articles = ["allying-against-adversaries", "consultation-before-crisis", "chips-trust-and-trade"]

    /// A project with the shipped Workflows/ (journal, styles, timeline), the three sample pages and a light
    /// workflow `gates` (ingest, metadata, house style, JATS, and the publishing stage emit.issue).
    struct Project {
        let root: URL
        /// `publishing`: whether the workflow ends with emit.issue (gated per article by the runner).
        init(publishing: Bool = true) throws {
            root = try IssueWorkflowFixture.projectWithShippedWorkflows("kei-gates")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("Samples"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: TestPaths.samples.appendingPathComponent("issue-3-2"),
                                             to: root.appendingPathComponent("Samples/issue-3-2"))
            let articles = CIGatesEndToEndTests.articles.map { (id: $0, source: "Samples/issue-3-2/\($0).html") }
            try write("Workflows/gates.yml", IssueWorkflowFixture.yaml(
                name: "gates", title: "Gates", output: "out/gates", articles: articles,
                stages: ["ingest.html", "check.metadata", "lint.style", "emit.jats"] + (publishing ? ["emit.issue"] : [])))
        }
        func write(_ path: String, _ text: String) throws {
            try Data(text.utf8).write(to: root.appendingPathComponent(path))
        }
        func read(_ path: String) throws -> String {
            try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        }
        /// The bytes of `path` with `old` (UTF-8) replaced by `new`, written to `path` (the sample pages are not
        /// all valid UTF-8, so they are edited as bytes).
        func edit(_ path: String, original: Data, replacing old: String, with new: String) throws {
            let range = try #require(original.range(of: Data(old.utf8)), "\(old) in \(path)")
            var data = original
            data.replaceSubrange(range, with: Data(new.utf8))
            try data.write(to: root.appendingPathComponent(path))
        }
        func bytes(_ path: String) throws -> Data { try Data(contentsOf: root.appendingPathComponent(path)) }
        func page(_ id: String) -> String { "Samples/issue-3-2/\(id).html" }
        func run(_ args: [String]) -> CLIHarness.Result { CLIHarness.run(["run", "gates"] + args, in: root) }
        func binary(_ args: [String]) throws -> CLIHarness.Result { try CLIHarness.runBinary(["run", "gates"] + args, in: root) }
        func git(_ args: String...) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-C", root.path, "-c", "user.name=t", "-c", "user.email=t@example.org"] + args
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "git \(args)")
        }
        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static func summary(_ json: String) throws -> [String: Any] {
        let o = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(o["summary"] as? [String: Any])
    }

    static func diagnostics(_ json: String) throws -> [[String: Any]] {
        let o = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(o["diagnostics"] as? [[String: Any]])
    }

    // MARK: --strict

    @Test func strictFailsTheGateOnWarningsThroughTheBinary() throws {
        let p = try Project()
        defer { p.remove() }
        let plain = try p.binary([])
        #expect(plain.code == 0, "no errors, only warnings: \(plain.out)\(plain.err)")
        #expect(plain.out.contains("warning(s)") && plain.out.contains("gate: passed"))
        let strict = try p.binary(["--strict"])
        #expect(strict.code == 1, "\(strict.err)")
        #expect(strict.out.contains("gate: FAILED"))
        // `check` takes the same option.
        let check = try CLIHarness.runBinary(["check", p.page("chips-trust-and-trade"), "--strict"], in: p.root)
        #expect(check.code == 1, "\(check.out)\(check.err)")
        #expect(try CLIHarness.runBinary(["check", p.page("chips-trust-and-trade")], in: p.root).code == 0)
    }

    // MARK: baselines

    @Test func aBaselineSilencesKnownFindingsAndSurvivesEditsElsewhere() throws {
        // Without emit.issue: the runner gates publishing stages on the findings before the baseline drops them.
        let p = try Project(publishing: false)
        defer { p.remove() }
        let written = p.run(["--strict", "--write-baseline", "base.json", "--report", "json"])
        #expect(written.code == 0, "--write-baseline exits 0 even when the gate fails: \(written.err)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(p.read("base.json").utf8)) as? [String: Any])
        let list = try #require(entries["entries"] as? [[String: Any]])
        let findings = try Self.diagnostics(written.out)
        #expect(list.count == findings.count && !list.isEmpty)
        #expect(entries["version"] as? Int == 1)
        // Written twice, byte-identical.
        _ = p.run(["--strict", "--write-baseline", "again.json"])
        #expect(try p.read("base.json") == p.read("again.json"))

        let quiet = p.run(["--strict", "--baseline", "base.json", "--report", "json"])
        #expect(quiet.code == 0, "every finding is in the baseline: \(quiet.out)")
        #expect(try Self.diagnostics(quiet.out).isEmpty)
        #expect(try Self.summary(quiet.out)["baselined"] as? Int == findings.count)
        let text = p.run(["--strict", "--baseline", "base.json"])
        #expect(text.out.contains("\(findings.count) finding(s) in the baseline"), "\(text.out)")

        // A paragraph inserted above the heading finding: still nothing new.
        let chips = p.page("chips-trust-and-trade")
        let page = try p.bytes(chips)
        let heading = "<h3>The subsidy question</h3>"
        try p.edit(chips, original: page, replacing: heading, with: "<p>A new paragraph of ordinary prose, written above the heading.</p>\n<p>And another one.</p>\n" + heading)
        let moved = p.run(["--strict", "--baseline", "base.json", "--report", "json"])
        #expect(try Self.diagnostics(moved.out).map { $0["rule"] as? String } == [], "\(moved.out)")
        #expect(moved.code == 0)

        // Rewording the heading brings its finding back (and the old entry is stale, at its line in the file).
        try p.edit(chips, original: page, replacing: heading, with: "<h3>The subsidy puzzle</h3>")
        let reworded = try p.binary(["--strict", "--baseline", "base.json"])
        #expect(reworded.code == 1)
        #expect(reworded.out.contains("“The Subsidy Puzzle”"), "\(reworded.out)")
        let stale = reworded.out.split(separator: "\n").filter { $0.hasSuffix("[baseline.stale-entry]") }
        #expect(stale.count == 1, "\(reworded.out)")
        let baselineText = try p.read("base.json")
        let staleLine = try #require(stale.first)
        let lineNumber = try #require(Int(staleLine.dropFirst("base.json:".count).prefix { $0.isNumber }))
        let lines = baselineText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[lineNumber - 1].contains("\"fingerprint\""), "\(staleLine)")
        #expect(staleLine.contains("remove it from base.json or run --write-baseline base.json"))
    }

    @Test func aBrokenBaselineStopsTheRunWithItsLocation() throws {
        let p = try Project()
        defer { p.remove() }
        let missing = try p.binary(["--baseline", "nope.json"])
        #expect(missing.code == 2)
        #expect(missing.err.hasPrefix("nope.json:1: error: cannot read the baseline file"), "\(missing.err)")
        try p.write("bad.json", "{\n  \"version\": 1,\n  \"entries\": [,]\n}\n")
        let bad = p.run(["--baseline", "bad.json"])
        #expect(bad.code == 2)
        #expect(bad.err.hasPrefix("bad.json:") && bad.err.contains("error: the baseline file is not valid JSON"), "\(bad.err)")
        try p.write("v9.json", "{\n  \"entries\": [],\n  \"version\": 9\n}\n")
        let v9 = p.run(["--baseline", "v9.json"])
        #expect(v9.code == 2)
        #expect(v9.err.hasPrefix("v9.json:3: error: baseline version 9 is not supported"), "\(v9.err)")
        #expect(!FileManager.default.fileExists(atPath: p.root.appendingPathComponent("out/gates").path), "nothing ran")
    }

    // MARK: --shard and --changed-since

    @Test func shardsSplitTheArticlesAndSkipPublishing() throws {
        let p = try Project()
        defer { p.remove() }
        var seen: [String] = []
        for k in 1...2 {
            let r = p.run(["--shard", "\(k)/2", "--report", "json"])
            let o = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
            let ids = try #require(o["articles"] as? [[String: Any]]).compactMap { $0["id"] as? String }
            seen += ids
            #expect(ids == ids.filter { ShardSpec(argument: "\(k)/2")!.contains($0) })
            let partial = try Self.diagnostics(r.out).filter { $0["rule"] as? String == "pipeline.partial-issue" }
            if ids.count < 3 {
                #expect(partial.count == 1)
                #expect((partial.first?["message"] as? String)?.contains("emit.issue") == true)
                #expect(try #require(o["issue_artifacts"] as? [Any]).isEmpty, "emit.issue did not run")
            }
        }
        #expect(seen.sorted() == Self.articles.sorted(), "two shards cover every article once")
        let bad = p.run(["--shard", "3/2"])
        #expect(bad.code == 2 && bad.err.contains("--shard"), "\(bad.err)")
    }

    @Test func shardAssignmentDependsOnlyOnTheId() {
        let ids = (0..<400).map { "article-\($0)" }
        let sizes = (1...4).map { k in ids.filter { ShardSpec(argument: "\(k)/4")!.contains($0) }.count }
        #expect(sizes.reduce(0, +) == 400)
        #expect(sizes.allSatisfy { $0 > 70 && $0 < 130 }, "\(sizes)")
        #expect(ShardSpec(argument: "0/4") == nil && ShardSpec(argument: "5/4") == nil && ShardSpec(argument: "x") == nil)
    }

    @Test func changedSinceRunsOnlyChangedPagesThroughTheBinary() throws {
        let p = try Project()
        defer { p.remove() }
        let outside = try p.binary(["--changed-since", "HEAD"])
        #expect(outside.code == 2 && outside.err.contains("--changed-since HEAD"), "not a repository: \(outside.err)")
        try p.git("init", "-q")
        try p.git("add", "-A")
        try p.git("commit", "-q", "-m", "issue")
        let unknown = try p.binary(["--changed-since", "no-such-rev"])
        #expect(unknown.code == 2 && unknown.err.contains("unknown revision"), "\(unknown.err)")
        let none = try p.binary(["--changed-since", "HEAD", "--report", "json"])
        #expect(none.code == 0)
        #expect(try #require(JSONSerialization.jsonObject(with: Data(none.out.utf8)) as? [String: Any])["articles"] as? [Any] != nil)
        let chips = p.page("chips-trust-and-trade")
        try (p.bytes(chips) + Data("\n".utf8)).write(to: p.root.appendingPathComponent(chips))
        let one = try p.binary(["--changed-since", "HEAD", "--report", "json"])
        let ids = try #require(try JSONSerialization.jsonObject(with: Data(one.out.utf8)) as? [String: Any])["articles"] as? [[String: Any]]
        #expect(ids?.compactMap { $0["id"] as? String } == ["chips-trust-and-trade"], "\(one.out)")
        #expect(try Self.diagnostics(one.out).contains { ($0["message"] as? String)?.contains("left 2 of 3 article(s)") == true })
        // A style change concerns every article.
        try p.write("Workflows/styles/kei.yml", try p.read("Workflows/styles/kei.yml") + "\n")
        let all = try p.binary(["--changed-since", "HEAD", "--report", "json"])
        let allIds = try #require(try JSONSerialization.jsonObject(with: Data(all.out.utf8)) as? [String: Any])["articles"] as? [[String: Any]]
        #expect(allIds?.count == 3)
        #expect(try !Self.diagnostics(all.out).contains { $0["rule"] as? String == "pipeline.partial-issue" })
    }

    // MARK: the example CI workflows

    /// Every `kei-pipeline` command line in Samples/ci (after the CI's variables are filled in with each
    /// matrix value, with and without the baseline file, on a pull request and on a push) is accepted by
    /// the CLI's parser; the baseline is passed only when the file exists, `--changed-since` only on a
    /// pull/merge request, and each shard uploads SARIF under its own category.
    @Test(arguments: ["github-actions.yml", "gitlab-ci.yml"])
    func exampleCIWorkflowsParseAndTheirCommandsAreAccepted(_ file: String) throws {
        let text = try String(contentsOf: TestPaths.samples.appendingPathComponent("ci/\(file)"), encoding: .utf8)
        let yaml = try #require(try Yams.load(yaml: text), "\(file) is YAML")
        var lines: [String] = []
        func walk(_ v: Any) {
            if let s = v as? String { lines += s.split(separator: "\n").map(String.init).filter { $0.contains("kei-pipeline run") || $0.contains("kei-pipeline check") } }
            if let a = v as? [Any] { a.forEach(walk) }
            if let d = v as? [AnyHashable: Any] { d.values.forEach(walk) }
        }
        walk(yaml)
        #expect(!lines.isEmpty, "\(file) runs kei-pipeline")
        #expect(text.contains("if [ -f .kei-baseline.json ]; then BASELINE=\"--baseline .kei-baseline.json\""), "the baseline only when it exists")
        #expect(text.contains("CHANGED=\"--changed-since origin/"), "--changed-since on pull requests")
        if file == "github-actions.yml" { #expect(text.contains("category: kei-shard-${{ matrix.shard }}")) }
        for line in lines {
            #expect(line.contains("$BASELINE") && line.contains("$CHANGED"), "\(line)")
            let variants = (1...4).flatMap { shard in ["", "--baseline .kei-baseline.json"].flatMap { baseline in
                ["", "--changed-since origin/main"].map { (shard, baseline, $0) } } }
            for (shard, baseline, changed) in variants {
                let filled = line.replacingOccurrences(of: "${{ matrix.shard }}", with: "\(shard)")
                    .replacingOccurrences(of: "$CI_NODE_INDEX", with: "\(shard)").replacingOccurrences(of: "$CI_NODE_TOTAL", with: "4")
                    .replacingOccurrences(of: "$BASELINE", with: baseline).replacingOccurrences(of: "$CHANGED", with: changed)
                var words = Self.shellWords(filled)
                let start = try #require(words.firstIndex { $0.hasSuffix("kei-pipeline") })
                words = Array(words[(start + 1)...])
                #expect(words.contains("--shard") && words.contains("--baseline") == !baseline.isEmpty && words.contains("--changed-since") == !changed.isEmpty)
                // Every report format is registered now: the whole line parses (and validates: one report to stdout).
                #expect(throws: Never.self, "\(file): \(filled)") { _ = try KeiPipelineCommand.parseAsRoot(words) }
            }
        }
    }

    /// Splits a shell command line into words (double and single quotes, no expansion).
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = [], word = "", quote: Character? = nil, inWord = false
        for ch in line {
            if let q = quote {
                if ch == q { quote = nil } else { word.append(ch) }
            } else if ch == "\"" || ch == "'" {
                quote = ch
                inWord = true
            } else if ch == " " {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(ch)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }
}
