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

    /// `body` run on `html` written to a page in a temporary folder (removed afterwards).
    static func withPage<T>(_ html: String, _ body: (URL) throws -> T) throws -> T {
        let dir = TestPaths.temporaryDirectory("kei-style-terms")
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("page.html")
        try Data(html.utf8).write(to: page)
        return try body(page)
    }

    @Test func checkReportsAndFixesTheTermRules() throws {
        try Self.withPage(Self.html) { page in
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

    /// The cases a copy editor found wrongly fixed (breaker report, issue 7): names keep their spelling,
    /// a citation's press and place stay as printed, an all-caps heading's "US" is the pronoun, ordinary
    /// phrases are not capitalized, and a capitalized British spelling at a sentence start is fixed.
    static let editorsPage = """
        <html><head><title>Allies</title></head><body><article><h1>Allies</h1>
        <p>The article opens with a paragraph of its own.</p>
        <h2>WHAT IT MEANS FOR US AND FOR PYONGYANG</h2>
        <p>The Australian Department of Defence and the Royal United Services Institute for Defence and Security Studies agreed. Labour shortages grew.</p>
        <p>The defector lived in a small blue house near the border. Some fear a second Korean war. The ministers met in Pusan.<sup><a href="#fn1" id="r1">1</a></sup></p>
        <ol><li id="fn1"><p>Pusan University Press, <em>Pusan in Wartime</em> (Pusan: PUP, 1987). <a href="#r1">↩</a></p></li></ol>
        </article></body></html>
        """

    @Test func fixLeavesNamesCitationsAndOrdinaryPhrasesAlone() throws {
        let fixed = try Self.withPage(Self.editorsPage) { try PageCheck.run($0, arguments: ["--fix"]) }
        #expect(fixed.jatsProblems.isEmpty, "\(fixed.jatsProblems)")
        #expect(fixed.body.contains("WHAT IT MEANS FOR US AND FOR PYONGYANG"))
        #expect(fixed.body.contains("The Australian Department of Defence and the Royal United Services Institute for Defence and Security Studies agreed. Labor shortages grew."))
        #expect(fixed.body.contains("a small blue house near the border. Some fear a second Korean war. The ministers met in Busan."))
        #expect(fixed.jats.contains("Pusan University Press"))
        #expect(fixed.jats.contains("(Pusan: PUP, 1987)"))
        // The note's press and place are reported with the fix only suggested.
        let busan = fixed.rules(prefix: "style.place-busan")
        #expect(busan.count == 2 && busan.allSatisfy { ($0["edits"] as? [[String: Any]] ?? []).allSatisfy { ($0["safe"] as? Bool ?? $0["isSafe"] as? Bool) == false } })
    }
}
