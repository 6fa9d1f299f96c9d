import Foundation
import Testing
import KeiTestSupport

/// A hostile workflow file through the CLI (in process): refused before its tree is built, with
/// `file:line:column` on stderr and exit 2, nothing processed. The limits themselves are tested per
/// reader in KeiCoreTests' `YAMLLimitsTests`.
@Suite struct YAMLLimitsCLITests {
    /// Nine levels of nine aliases: 9⁹ scalars if expanded (the 486-byte "billion laughs").
    static let laughs: String = {
        var s = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for k in 1..<9 { s += "l\(k): &l\(k) [" + Array(repeating: "*l\(k - 1)", count: 9).joined(separator: ", ") + "]\n" }
        return s
    }()

    static func run(_ workflow: String, command: [String]) throws -> CLIHarness.Result {
        let dir = TestPaths.temporaryDirectory("kei-yaml-limits")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Workflows"), withIntermediateDirectories: true)
        try Data(workflow.utf8).write(to: dir.appendingPathComponent("Workflows/w.yml"))
        return CLIHarness.run(command, in: dir)
    }

    @Test func billionLaughsExitsTwoNamingFileAndLine() throws {
        let r = try Self.run(Self.laughs, command: ["run", "w"])
        #expect(r.code == 2)
        #expect(r.err.hasPrefix("Workflows/w.yml:7:10: error: the alias *l5 repeats 597871 nodes and the YAML describes more than 1000000 nodes (the node budget"), "\(r.err)")
        #expect(r.out.isEmpty)
    }

    @Test func anAliasKeyAndDuplicatesExitTwoForRules() throws {
        let alias = try Self.run("base: &k name\n*k : x\n", command: ["rules", "w"])
        #expect(alias.code == 2)
        #expect(alias.err.hasPrefix("Workflows/w.yml:2:1: error: the alias *k is used as a mapping key"), "\(alias.err)")
        let dups = try Self.run("stages: [ingest.html]\nname: a\nname: b\nstages: []\n", command: ["run", "w"])
        #expect(dups.code == 2)
        #expect(dups.err.contains("Workflows/w.yml:3:1: error: duplicate key 'name' in a mapping (first at line 2)"), "\(dups.err)")
        #expect(dups.err.contains("Workflows/w.yml:4:1: error: duplicate key 'stages' in a mapping (first at line 1)"), "\(dups.err)")
    }
}
