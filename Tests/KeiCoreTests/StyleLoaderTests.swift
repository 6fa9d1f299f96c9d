import Foundation
import Testing
import KeiCore
import KeiTestSupport

/// The house-style loader through the workflow loader, on throwaway projects: layers (`extends`, the
/// journal's `style:`, the workflow's `style:`), the rule-by-rule merge, and every loading error with its
/// file, line and column.
@Suite struct StyleLoaderTests {
    /// The base layer every test's journal layer extends, as `Workflows/styles/base.yml`.
    static let base = StyleFixture.base

    static let workflow = """
    journal: journals/j.yml
    articles:
      - {id: a, source: Samples/a.html, status: received}
    stages: [ingest.html, lint.style]
    """

    /// The effective style of a fresh project whose journal layer (`styles/s.yml`) is `journalLayer` over
    /// `base`, with `files` (project paths to text) written too.
    static func sheet(journalLayer: String, files: [String: String] = [:], workflow: String = workflow) throws -> StyleSheet {
        let p = try ProjectFixture()
        defer { p.remove() }
        try p.write("Workflows/styles/base.yml", base)
        try p.write("Workflows/styles/s.yml", journalLayer)
        for (path, text) in files { try p.write(path, text) }
        let wf = try p.load(workflow)
        return try #require(wf.stages.lazy.compactMap(\.options.style).first, "the workflow's stages get the style")
    }

    /// The problems loading a fresh project reports whose journal layer is `journalLayer` over `base`,
    /// with `files` (project paths to text) written too.
    static func problems(journalLayer: String, files: [String: String] = [:]) throws -> [String] {
        let p = try ProjectFixture()
        defer { p.remove() }
        try p.write("Workflows/styles/base.yml", base)
        try p.write("Workflows/styles/s.yml", journalLayer)
        for (path, text) in files { try p.write(path, text) }
        return p.problems(workflow)
    }

    @Test func aLaterLayerChangesOnlyTheKeysItGives() throws {
        let sheet = try Self.sheet(journalLayer: "name: Journal\nextends: base.yml\nrules:\n  style.defense-spelling:\n    severity: error\n")
        let rule = try #require(sheet.rule(id: "style.defense-spelling"))
        #expect(rule.severity == .error)
        #expect(rule.message == "Write “{replacement}”, not “{match}”." && rule.fix == .safe && rule.kind == .substitution)
        #expect(rule.map("terms") == [StylePair("defence", "defense"), StylePair("offence", "offense")])
        #expect(rule.examples.flag == ["The ⟦defence⟧ budget."])
        #expect(rule.layers == ["Workflows/styles/base.yml", "Workflows/styles/s.yml"])
        #expect(sheet.layers == ["Workflows/styles/base.yml", "Workflows/styles/s.yml"] && sheet.layerNames == ["Base style", "Journal"])
        // The rule the layer does not name is untouched, from the base alone.
        #expect(sheet.rule(id: "style.long-sentence")?.layers == ["Workflows/styles/base.yml"])
        #expect(sheet.rule(id: "style.long-sentence")?.int("max-words") == 50)
    }

    @Test func offDisablesAndOnEnablesAgain() throws {
        let off = try Self.sheet(journalLayer: "extends: base.yml\nrules:\n  style.defense-spelling: off\n")
        #expect(off.rule(id: "style.defense-spelling")?.enabled == false)
        #expect(!off.enabledRules.contains { $0.id == "style.defense-spelling" } && off.enabledRules.count == 1)
        #expect(off.rules.count == 2, "a disabled rule stays in the sheet (rules lists it)")
        let on = try Self.sheet(journalLayer: "extends: base.yml\nrules:\n  style.defense-spelling: off\n",
                                files: ["Workflows/styles/issue.yml": "rules:\n  style.defense-spelling: on\n"], workflow: Self.workflow + "\nstyle: styles/issue.yml\n")
        let rule = try #require(on.rule(id: "style.defense-spelling"))
        #expect(rule.enabled && rule.layers == ["Workflows/styles/base.yml", "Workflows/styles/s.yml", "Workflows/styles/issue.yml"])
    }

    @Test func termsMergeTermByTermAndTildeRemovesOne() throws {
        let sheet = try Self.sheet(journalLayer: """
        extends: base.yml
        rules:
          style.defense-spelling:
            terms:
              offence: ~
              licence: license
        """)
        #expect(sheet.rule(id: "style.defense-spelling")?.map("terms") == [StylePair("defence", "defense"), StylePair("licence", "license")])
    }

    @Test func theWorkflowLayerAppliesOnTopOfTheJournalChain() throws {
        let issueLayer = """
        name: Issue 3.2
        rules:
          style.defense-spelling:
            severity: info
          style.issue-only:
            kind: existence
            severity: warning
            message: "Avoid “{match}”."
            description: An issue-level rule.
            source: The issue editor's note.
            terms: [very unique]
        """
        let sheet = try Self.sheet(journalLayer: "extends: base.yml\nrules:\n  style.defense-spelling:\n    severity: error\n",
                                   files: ["Workflows/styles/issue.yml": issueLayer], workflow: Self.workflow + "\nstyle: styles/issue.yml\n")
        #expect(sheet.layerNames == ["Base style", "s", "Issue 3.2"])
        #expect(sheet.rule(id: "style.defense-spelling")?.severity == .info, "the workflow's layer wins over the journal's")
        #expect(sheet.rule(id: "style.issue-only")?.layers == ["Workflows/styles/issue.yml"])
        #expect(sheet.rule(id: "style.issue-only")?.list("terms") == ["very unique"])
    }

    @Test func aLaterLayerCannotChangeTheKind() throws {
        let problems = try Self.problems(journalLayer: "extends: base.yml\nrules:\n  style.defense-spelling:\n    kind: existence\n")
        #expect(problems == ["Workflows/styles/s.yml:4:11: error: rule 'style.defense-spelling' is a substitution rule in Workflows/styles/base.yml; a later layer cannot change its kind (give the new rule a new id)"],
                "\(problems)")
    }

    @Test func aNewRuleNeedsItsKeys() throws {
        let problems = try Self.problems(journalLayer: """
        extends: base.yml
        rules:
          style.new-rule:
            kind: substitution
            severity: warning
          style.no-kind:
            severity: warning
        """)
        #expect(problems == [
            "Workflows/styles/s.yml:3:3: error: rule 'style.new-rule' is new in this layer and has no 'message'",
            "Workflows/styles/s.yml:3:3: error: rule 'style.new-rule' is new in this layer and has no 'description'",
            "Workflows/styles/s.yml:3:3: error: rule 'style.new-rule' is new in this layer and has no 'source'",
            "Workflows/styles/s.yml:3:3: error: rule 'style.new-rule' (substitution) needs 'terms': Each term (a word or phrase, matched at word boundaries) and its preferred form.",
            "Workflows/styles/s.yml:6:3: error: rule 'style.no-kind' is new in this layer and has no 'kind'",
        ], "\(problems)")
    }

    @Test func unknownKeysAndScopesGetADidYouMean() throws {
        let problems = try Self.problems(journalLayer: """
        extends: base.yml
        rules:
          style.defense-spelling:
            severty: error
            scopes: [paragraph, quotaton]
            examples:
              skip-mutations: {blockquote: quoted words are reproduced, note: ""}
        """)
        #expect(problems.count == 4, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("Workflows/styles/s.yml:4:5: error: unknown key 'severty' in rule 'style.defense-spelling' (did you mean 'severity'?)") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("Workflows/styles/s.yml:5:13: error: scopes of style.defense-spelling: unknown scope 'quotaton' (did you mean 'quotation'?)") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("Workflows/styles/s.yml:7:24: error: unknown key 'blockquote' in examples.skip-mutations of style.defense-spelling (did you mean 'block-quote'?)") }, "\(problems)")
        #expect(problems.contains { $0 == "Workflows/styles/s.yml:7:71: error: examples.skip-mutations of style.defense-spelling: give the reason for skipping note" }, "\(problems)")
    }

    @Test func skipMutationsAreReadWithTheirReasons() throws {
        let sheet = try Self.sheet(journalLayer: """
        extends: base.yml
        rules:
          style.defense-spelling:
            examples:
              flag: ["The ⟦defence⟧ budget."]
              pass: ["The defense budget."]
              skip-mutations: {multi-byte: the rule reads the paragraph's first word}
        """)
        #expect(sheet.rule(id: "style.defense-spelling")?.examples.skipping == [.multiByteBefore: "the rule reads the paragraph's first word"])
    }

    @Test func anExtendsCycleIsAnError() throws {
        let problems = try Self.problems(journalLayer: "extends: a.yml\n", files: ["Workflows/styles/a.yml": "extends: s.yml\n"])
        #expect(problems == ["Workflows/styles/a.yml:1:10: error: style files extend each other in a cycle (Workflows/styles/s.yml → Workflows/styles/a.yml → Workflows/styles/s.yml)"],
                "\(problems)")
    }

    @Test func aMissingExtendsTargetIsAnError() throws {
        let problems = try Self.problems(journalLayer: "name: J\nextends: nowhere.yml\n")
        #expect(problems.count == 1 && problems[0].hasPrefix("Workflows/styles/s.yml:2:10: error: style file Workflows/styles/nowhere.yml cannot be read"),
                "\(problems)")
    }

    @Test func aYAMLSyntaxErrorNamesItsPlace() throws {
        let problems = try Self.problems(journalLayer: "extends: base.yml\nrules:\n  style.x: [unclosed\n")
        #expect(problems == ["Workflows/styles/s.yml:4:1: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 3)"],
                "\(problems)")
    }

    /// `kei-pipeline run` with a broken style file: exit 2, the error at its file, line and column, nothing run.
    @Test func runWithABrokenStyleExitsTwo() throws {
        let p = try ProjectFixture()
        defer { p.remove() }
        try p.write("Workflows/styles/base.yml", Self.base)
        try p.write("Workflows/styles/s.yml", "extends: base.yml\nrules:\n  style.defense-spelling:\n    severty: error\n")
        try p.write("Workflows/w.yml", Self.workflow)
        let expected = "Workflows/styles/s.yml:4:5: error: unknown key 'severty' in rule 'style.defense-spelling' (did you mean 'severity'?)"
        let inProcess = CLIHarness.run(["run", "w"], in: p.root)
        #expect(inProcess.code == 2 && inProcess.err.contains(expected), "\(inProcess.code) \(inProcess.err)")
        #expect(!FileManager.default.fileExists(atPath: p.root.appendingPathComponent("out").path), "nothing ran")
        let binary = try CLIHarness.runBinary(["run", "w"], in: p.root)
        #expect(binary.code == 2 && binary.err.contains(expected), "\(binary.code) \(binary.err)")
    }

    @Test func extendsMayNotLeaveTheProject() throws {
        let outside = try Self.problems(journalLayer: "extends: ../../../outside.yml\nrules: {}\n")
        #expect(outside.count == 1 && outside[0].contains("Workflows/styles/s.yml:1:10: error: extends '../../../outside.yml' leaves the project folder"), "\(outside)")
        let absolute = try Self.problems(journalLayer: "extends: /etc/hostname\nrules: {}\n")
        #expect(absolute.count == 1 && absolute[0].contains("leaves the project folder"), "\(absolute)")
    }

    @Test func aLaterTermReplacesAnEarlierOneInPlaceOfTheSearch() throws {
        // 3,000 terms in the base and the journal layer replacing every other one: linear merge, same order.
        let terms = (0..<3000).map { "      t\($0): u\($0)" }.joined(separator: "\n")
        let base = Self.base.replacingOccurrences(of: "      offence: offense", with: "      offence: offense\n" + terms)
        let layer = "extends: base.yml\nrules:\n  style.defense-spelling:\n    terms:\n"
            + stride(from: 0, to: 3000, by: 2).map { "      t\($0): v\($0)" }.joined(separator: "\n") + "\n      t1: ~\n"
        let sheet = try Self.sheet(journalLayer: layer, files: ["Workflows/styles/base.yml": base])
        let pairs = try #require(sheet.rule(id: "style.defense-spelling")).map("terms")
        #expect(pairs.count == 2 + 3000 - 1)  // defence, offence, then t0…t2999 without t1
        #expect(!pairs.contains { $0.key == "t1" })
        #expect(pairs.first { $0.key == "t2" }?.value == "v2")
        #expect(pairs.first { $0.key == "t3" }?.value == "u3")
        #expect(pairs.last?.key == "t2998")
    }
}
