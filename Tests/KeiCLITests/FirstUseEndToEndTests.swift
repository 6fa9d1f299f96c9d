import Foundation
import Testing
import KeiCore
import KeiStages
import KeiTestSupport

/// First use and manuscript rules of the shipped KEI style through the real binary (`kei-pipeline check`
/// from the project root, so Workflows/default.yml runs `lint.style` with the Korea Policy journal).
@Suite(.serialized) struct FirstUseEndToEndTests {
    static let page = """
    <html lang="en"><head><meta charset="utf-8"><title>Consultation in Review</title></head>
    <body><article><h1>Consultation in Review</h1>
    <h2>Abstract</h2>
    <p>The Nuclear Consultative Group (NCG) has given the alliance a forum, and the NCG should meet more often.</p>
    <h2>Introduction</h2>
    <p>The NCG met in June. Lee spoke first, and President Lee Jae Myung then met Donald Trump.</p>
    <p>Seoul still seeks wartime operational control (OPCON) before 2028, and the NCG will meet again.</p>
    <p>An official said <q>the USFK is ready</q>, and U.S. forces agreed.</p>
    </article></body></html>
    """

    static func findings(_ check: PageCheck) -> [String] {
        check.rules(prefix: "style.").map { "\($0["rule"] ?? "-") \($0["line"] ?? "-") \($0["excerpt"] as? String ?? "-")" }
    }

    @Test func findingsStandAtTheirWordsWithSuggestedFixes() throws {
        let dir = TestPaths.temporaryDirectory("kei-first-use")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("review.html")
        try Data(Self.page.utf8).write(to: file)
        let check = try PageCheck.run(file)
        #expect(Self.findings(check) == [
            "style.manuscript-length 1 -",
            "style.acronym-defined 6 NCG",
            "style.full-name-first 6 Lee",
            "style.acronym-unused 7 (OPCON)",
        ], "\(Self.findings(check)) \(check.stderr)")
        let defined = try #require(check.rules("style.acronym-defined").first)
        let edits = defined["edits"] as? [[String: Any]] ?? []
        #expect(edits.count == 1)
        #expect(edits.first?["replacement"] as? String == "Nuclear Consultative Group (NCG)")
        #expect(edits.first?["safe"] as? Bool == false)
        #expect(check.jatsProblems.isEmpty, "\(check.jatsProblems)")

        // --fix applies only safe edits: these are suggestions, the text stays as written.
        let fixed = try PageCheck.run(file, arguments: ["--fix"])
        #expect(fixed.body.contains("The NCG met in June."))
        #expect(fixed.body.contains("operational control (OPCON)"))
        #expect(Self.findings(fixed) == Self.findings(check))
        #expect(fixed.jatsProblems.isEmpty, "\(fixed.jatsProblems)")
    }
}
