import Foundation
import Testing
import KeiCore
import KeiTestSupport

/// `kei-pipeline rules` and `kei-pipeline explain`, in process and through the binary: the effective rules
/// of a workflow with the layer each came from, and one rule in full.
@Suite(.serialized) struct StyleCommandsTests {
    /// A project whose journal layer changes and switches off rules of a base layer, and whose workflow
    /// `w` adds an issue layer on top; `default` is the journal chain alone.
    static func project() throws -> ProjectFixture {
        let p = try ProjectFixture()
        try p.write("Workflows/styles/base.yml", StyleFixture.base + """
          style.banned:
            kind: existence
            severity: warning
            message: "Avoid “{match}”."
            description: Words the house avoids.
            source: House note 3.
            terms: [very unique, irregardless]
        """)
        try p.write("Workflows/styles/s.yml", """
        name: Journal
        extends: base.yml
        rules:
          style.defense-spelling: {severity: error}
          style.banned: off
        """)
        try p.write("Workflows/styles/issue.yml", "name: Issue\nrules:\n  style.banned: on\n")
        let stages = "articles:\n  - {id: a, source: Samples/a.html, status: received}\nstages: [ingest.html, lint.style]\n"
        try p.write("Workflows/w.yml", "journal: journals/j.yml\nstyle: styles/issue.yml\n" + stages)
        try p.write("Workflows/default.yml", "name: check\njournal: journals/j.yml\nstages: [ingest.html, lint.style]\n")
        return p
    }

    @Test func rulesListsTheEffectiveRulesWithTheirLayers() throws {
        let p = try Self.project()
        defer { p.remove() }
        let r = CLIHarness.run(["rules", "w"], in: p.root)
        #expect(r.code == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.prefix(5) == ["House style of w (Workflows/w.yml), layers lowest first:",
                                    "  1. Workflows/styles/base.yml — Base style", "  2. Workflows/styles/s.yml — Journal",
                                    "  3. Workflows/styles/issue.yml — Issue", "3 rules, 3 enabled"], "\(r.out)")
        let rows = lines.filter { $0.hasPrefix("style.") }.map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(rows == [
            "style.banned existence warning none default base.yml s.yml, issue.yml on",
            "style.defense-spelling substitution error safe default base.yml s.yml on",
            "style.long-sentence sentence-length info none paragraph,quotation base.yml - on",
        ], "\(r.out)")
    }

    @Test func rulesWithoutAWorkflowReadsTheDefaultAndShowsWhatIsOff() throws {
        let p = try Self.project()
        defer { p.remove() }
        let r = CLIHarness.run(["rules"], in: p.root)
        #expect(r.code == 0 && r.out.hasPrefix("House style of check (Workflows/default.yml)"), "\(r.out) \(r.err)")
        #expect(r.out.contains("3 rules, 2 enabled, 1 off"))
        #expect(r.out.split(separator: "\n").contains { $0.hasPrefix("style.banned ") && $0.hasSuffix(" off") }, "\(r.out)")
    }

    @Test func rulesAsJSON() throws {
        let p = try Self.project()
        defer { p.remove() }
        let r = CLIHarness.run(["rules", "w", "--format", "json"], in: p.root)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "\(r.out) \(r.err)")
        #expect((json["layers"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Base style", "Journal", "Issue"])
        let rules = json["rules"] as? [[String: Any]] ?? []
        let banned = try #require(rules.first { $0["id"] as? String == "style.banned" })
        #expect(banned["enabled"] as? Bool == true && banned["defined_in"] as? String == "Workflows/styles/base.yml")
        #expect(banned["changed_in"] as? [String] == ["Workflows/styles/s.yml", "Workflows/styles/issue.yml"])
        let long = try #require(rules.first { $0["id"] as? String == "style.long-sentence" })
        #expect(long["scopes"] as? [String] == ["paragraph", "quotation"] && long["kind"] as? String == "sentence-length")
    }

    @Test func rulesOfAWorkflowWithoutAStyleIsAnError() throws {
        let p = try Self.project()
        defer { p.remove() }
        try p.write("Workflows/plain.yml", "stages: [ingest.html]\n")
        let r = CLIHarness.run(["rules", "plain"], in: p.root)
        #expect(r.code == 2 && r.err.contains("workflow Workflows/plain.yml has no house style"), "\(r.err)")
        let unknown = CLIHarness.run(["rules", "nope"], in: p.root)
        #expect(unknown.code == 2 && unknown.err.contains("no workflow 'nope'"), "\(unknown.err)")
    }

    @Test func explainPrintsTheRuleInFull() throws {
        let p = try Self.project()
        defer { p.remove() }
        let r = CLIHarness.run(["explain", "style.defense-spelling", "--workflow", "w"], in: p.root)
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out == """
        style.defense-spelling
          kind: substitution   severity: error   fix: safe (applied by --fix)
          defined in Workflows/styles/base.yml:3:3; changed by Workflows/styles/s.yml

        Description:
          U.S. spelling for British forms.
        Source:
          CMOS 7.1
        Message:
          Write “{replacement}”, not “{match}”.
        Scopes: title, subtitle, abstract, heading, paragraph, list-item, table-cell, caption, note
          never inside: quotation, cited-title, url, code
        Parameters:
          terms: 2 terms: defence → defense, offence → offense
        Examples (⟦ ⟧ marks the words reported):
          flag: The ⟦defence⟧ budget.
          pass: The defense budget.
          fix:  Defence rose.
            →   Defense rose.

        """, "\(r.out)")
        let off = CLIHarness.run(["explain", "style.banned"], in: p.root)
        #expect(off.out.hasPrefix("style.banned (off)\n") && off.out.contains("switched off by a later layer")
                && off.out.contains("terms: 2 items: very unique, irregardless"), "\(off.out)")
    }

    @Test func explainAnUnknownRuleExitsTwoWithADidYouMean() throws {
        let p = try Self.project()
        defer { p.remove() }
        let typo = CLIHarness.run(["explain", "style.defense-speling", "--workflow", "w"], in: p.root)
        #expect(typo.code == 2 && typo.out.isEmpty)
        #expect(typo.err == "error: unknown rule id 'style.defense-speling' in the house style of Workflows/w.yml (did you mean 'style.defense-spelling'?); `kei-pipeline rules w` lists them\n",
                "\(typo.err)")
        let bare = CLIHarness.run(["explain", "long-sentence"], in: p.root)
        #expect(bare.code == 2 && bare.err.contains("(did you mean 'style.long-sentence'?)"), "\(bare.err)")
    }

    /// The real binary on the shipped style: every listed rule is explained, and a rule's layer is named.
    @Test func theBinaryListsAndExplainsTheShippedStyle() throws {
        let sheet = try ShippedStyle.sheet()
        let list = try CLIHarness.runBinary(["rules", "issue-3-2"])
        #expect(list.code == 0, "\(list.err)")
        #expect(list.out.contains("1. Workflows/styles/kei.yml — KEI house style") && list.out.contains("2. Workflows/styles/korea-policy.yml — Korea Policy"))
        let listed = list.out.split(separator: "\n").filter { $0.hasPrefix("style.") }.map { String($0.split(separator: " ")[0]) }
        #expect(listed == sheet.rules.map(\.id))
        let json = try CLIHarness.runBinary(["rules", "issue-3-2", "--format", "json"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect((parsed["rules"] as? [[String: Any]])?.count == sheet.rules.count)
        let rule = try #require(sheet.rules.first)
        let explained = try CLIHarness.runBinary(["explain", rule.id, "--workflow", "issue-3-2"])
        #expect(explained.code == 0 && explained.out.hasPrefix(rule.id) && explained.out.contains(rule.source), "\(explained.err)")
        if let firstUse = sheet.rules.first(where: { $0.kind == .firstUse }) {
            let e = try CLIHarness.runBinary(["explain", firstUse.id])
            #expect(e.code == 0 && e.out.contains("Vocabulary (the style's `vocabulary` section")
                    && e.out.contains("acronyms: \(sheet.vocabulary.acronyms.count) term"), "\(e.out)")
        }
        let unknown = try CLIHarness.runBinary(["explain", "style.no-such-rule"])
        #expect(unknown.code == 2 && unknown.err.hasPrefix("error: unknown rule id 'style.no-such-rule'"))
    }
}
