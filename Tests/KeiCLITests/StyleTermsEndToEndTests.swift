import Foundation
import Testing
import KeiTestSupport

/// The KEI style's term rules through the real binary: `kei-pipeline check PAGE` reports them at the words,
/// and `--fix` applies the safe fixes, lists them, and the JATS stays DTD-valid.
@Suite struct StyleTermsEndToEndTests {
    static let html = """
        <html><head><title>Allies</title></head><body><article><h1>Allies</h1>
        <p>The article opens with a paragraph of its own.</p>
        <h2>The alliance and the north</h2>
        <p>The US met Kim Jong-un’s envoy in Pusan. Defence spending on the Korean peninsula rose. The fund holds US$ 2 billion.</p>
        <p>Let us recall <q>the US position</q> and the denuclearisation programme.</p>
        </article></body></html>
        """

    @Test func checkReportsAndFixesTheTermRules() throws {
        let dir = TestPaths.temporaryDirectory("kei-style-terms")
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("allies.html")
        try Data(Self.html.utf8).write(to: page)
        // From the project root, `check` runs Workflows/default.yml (lint.style with the KEI style).
        let check = try PageCheck.run(page)
        // The manuscript rules (length, abstract) rightly report this short page; they are not term rules.
        let found = check.rules(prefix: "style.").filter { !(($0["rule"] as? String)?.hasPrefix("style.manuscript-") ?? false) }.map { "\($0["rule"] as? String ?? ""):\($0["excerpt"] as? String ?? "")" }
        #expect(found == ["style.heading-case:The alliance and the north", "style.us-abbreviation:US", "style.name-kim-jong-un:Kim Jong-un",
                          "style.place-busan:Pusan", "style.defense-spelling:Defence", "style.proper-korean-peninsula:Korean peninsula",
                          "style.us-spelling-ize:denuclearisation", "style.us-spelling-misc:programme"])

        let fixed = try PageCheck.run(page, arguments: ["--fix"])
        #expect(fixed.jatsProblems.isEmpty, "\(fixed.jatsProblems)")
        #expect(fixed.body.contains("The U.S. met Kim Jong Un’s envoy in Busan. Defense spending on the Korean Peninsula rose. The fund holds US$ 2 billion."))
        #expect(fixed.body.contains("Let us recall"))
        #expect(fixed.body.contains("the US position"))
        #expect(fixed.body.contains("denuclearization program."))
        // The heading's fix is unsafe: suggested, not applied.
        #expect(fixed.body.contains("The alliance and the north"))
        let changes = fixed.report["changes"] as? [[String: Any]] ?? []
        #expect(changes.count == 7)
    }
}
