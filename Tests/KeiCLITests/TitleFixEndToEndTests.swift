import Foundation
import Testing
import KeiTestSupport

/// The breaker's page through the binary: a title `<h1>` “Defence, Labour and the Korean peninsula”
/// gets located findings (line, column, excerpt, a safe edit), `check --fix` corrects the JATS
/// `<article-title>`, which stays valid; and names “Korean Workers' Party” fixed leave no stale
/// straight-quote warning, with change records quoting the page's words.
@Suite(.serialized) struct TitleFixEndToEndTests {
    static let page = """
    <!DOCTYPE html>
    <html lang="en"><head><meta charset="utf-8">
    <title>Defence, Labour and the Korean peninsula: A British View | Korea Economic Institute of America</title>
    <meta name="citation_title" content="Defence, Labour and the Korean peninsula: A British View">
    <meta name="citation_author" content="Oliver Grant"><meta name="citation_publication_date" content="2025-12-15">
    </head><body><article>
    <h1 class="entry-title">Defence, Labour and the Korean peninsula: A British View</h1>
    <p>A US-based think tank, the Korean Workers' Party and others all responded to the plan in the spring.</p>
    </article></body></html>
    """

    static let workflow = ["--workflow", TestPaths.workflows.appendingPathComponent("default.yml").path]

    @Test func titleFindingsAreLocatedAndFixedInTheArticleTitle() throws {
        let dir = TestPaths.temporaryDirectory("kei-title")
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = try PageCheck.run(html: Self.page, name: "title", in: dir, arguments: Self.workflow)
        let title = (plain.rules("style.defense-spelling") + plain.rules("style.proper-korean-peninsula")).filter { $0["line"] as? Int == 7 }
        let shown = title.map { "\($0["rule"] ?? "") 7:\($0["column"] ?? "-") \($0["excerpt"] ?? "-") \(($0["edits"] as? [[String: Any]])?.first?["safe"] ?? "-")" }
        // A title is set in headline capitals, so a capitalized "Defence" there may be an official name
        // ("Ministry of Defence"): the spelling rule only suggests its fix in titles (in-names: skip).
        #expect(shown == ["style.defense-spelling 7:25 Defence 0", "style.proper-korean-peninsula 7:49 Korean peninsula 1"], "\(shown)")
        #expect(plain.diagnostics.allSatisfy { !($0["rule"] as? String ?? "").hasPrefix("style.") || $0["line"] is Int },
                "no style finding without a line")

        let fixed = try PageCheck.run(html: Self.page, name: "title", in: dir, arguments: Self.workflow + ["--fix"])
        #expect(fixed.jats.contains("<article-title>Defence, Labour and the Korean Peninsula: A British View</article-title>"), "\(fixed.jats)")
        #expect(fixed.jatsProblems.isEmpty, "\(fixed.jatsProblems)")
        #expect(fixed.rules("style.defense-spelling").count == 1 && fixed.rules("style.proper-korean-peninsula").isEmpty)

        // The name fix took the straight apostrophe with it: no stale straight-quotes warning.
        #expect(plain.rules("style.straight-quotes").count == 1)
        #expect(fixed.rules("style.straight-quotes").isEmpty, "\(fixed.rules("style.straight-quotes"))")
        #expect((fixed.report["summary"] as? [String: Any])?["superseded"] as? Int == 1)
        // Each change quotes the page: the name's record does not show the U.S. fix beside it.
        let changes = fixed.report["changes"] as? [[String: Any]] ?? []
        let name = try #require(changes.first { $0["rule"] as? String == "style.institution-names" })
        #expect((name["before"] as? String)?.contains("A US-based think tank, the Korean Workers' Party") == true, "\(name)")
        #expect((name["after"] as? String)?.contains("A US-based think tank, the Workers’ Party of Korea") == true, "\(name)")
    }
}
