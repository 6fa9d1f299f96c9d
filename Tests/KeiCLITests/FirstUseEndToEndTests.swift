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
            "style.manuscript-length 2 Consultation in Review",
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

    /// The breaker's acronym page (issue 7), reduced: two meanings, a double definition, a quoted
    /// definition, a field acronym outside the old vocabulary, and a first use in a note.
    @Test func acronymFindingsSayWhatIsWrongAndWhere() throws {
        let page = """
        <html lang="en"><head><meta charset="utf-8"><title>Institutions of the Alliance</title></head>
        <body><article><h1>Institutions of the Alliance</h1>
        <h2>Introduction</h2>
        <p>The Ministry of Unification (MOU) signed a memorandum of understanding (MOU), and the MOU took effect.</p>
        <p>North Korea (DPRK) fired a missile. The Democratic People’s Republic of Korea (DPRK) insists on its status.</p>
        <p>He said “the Nuclear Consultative Group (NCG) is vital” and the NCG met. KAMD needs funds, and KAMD will grow.<sup><a href="#fn1" id="fnref1" class="footnote-ref" role="doc-noteref">1</a></sup></p>
        <section class="footnotes" role="doc-endnotes"><h2>Notes</h2><ol>
        <li id="fn1"><p>KCNA reported it. <a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
        </ol></section>
        </article></body></html>
        """
        let dir = TestPaths.temporaryDirectory("kei-first-use-breaker")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("acronyms.html")
        try Data(page.utf8).write(to: file)
        let check = try PageCheck.run(file)
        let found = Self.findings(check).filter { !$0.hasPrefix("style.manuscript") }
        #expect(found == [
            "style.acronym-two-meanings 4 memorandum of understanding (MOU)",
            "style.acronym-defined-twice 5 Democratic People’s Republic of Korea (DPRK)",
            "style.acronym-defined 6 KAMD",
            "style.acronym-defined 8 KCNA",
        ], "\(found) \(check.stderr)")
        let messages = check.rules(prefix: "style.acronym").compactMap { $0["message"] as? String }
        #expect(messages.contains { $0.contains("KCNA is used in the notes") }, "\(messages)")
        #expect(messages.contains { $0.contains("DPRK is already spelled out (earlier in this paragraph)") }, "\(messages)")
    }
}
