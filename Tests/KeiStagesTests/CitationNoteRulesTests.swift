import Foundation
import Testing
@testable import KeiStages
import KeiCore
import KeiDocument
import KeiTestSupport

/// The note rules of `check.citations` on pages that once gave false findings or none: table notes and
/// text notes as separate series, "Ibid" inside a cited title, ambiguous short forms, empty notes.
@Suite struct CitationNoteRulesTests {
    static func findings(_ html: String, rule: String) throws -> [Diagnostic] {
        try StageHarness.run(html: html, stages: [CheckCitationsStage.self]).diagnostics.filter { $0.rule == rule }
    }

    /// A page whose numbered notes are `notes` (inner HTML), each cited once, and `extra` HTML after the text.
    static func page(notes: [String], extra: String = "") -> String {
        let markers = notes.indices.map { "Claim \($0 + 1).<sup><a href=\"#fn\($0 + 1)\" id=\"r\($0 + 1)\">\($0 + 1)</a></sup>" }
        let list = notes.enumerated().map { "<li id=\"fn\($0.offset + 1)\">\($0.element)</li>" }
        return StageExample.articlePage("<p>" + markers.joined(separator: " ") + "</p>\n" + extra
                                        + "\n<section class=\"footnotes\"><h2>Notes</h2><ol>" + list.joined() + "</ol></section>")
    }

    static let kita = "Korea International Trade Association, <em>Trade Statistics 2024</em> (Seoul: KITA, 2025), 3."

    @Test func aTableNoteAndATextNoteCitingTheSameSourceInFullAreNoRepeat() throws {
        let table = """
            <table><caption>Table 1. Exports<sup><a href="#tn-a" id="tnref-a">a</a></sup></caption><tr><th>Year</th><th>Value</th></tr><tr><td>2024</td><td>12</td></tr></table>
            <div class="table-notes"><p id="tn-a"><sup>a</sup> \(Self.kita)</p></div>
            """
        let rule = "check.citations.full-citation-repeated"
        #expect(try Self.findings(Self.page(notes: ["Intro.", Self.kita.replacingOccurrences(of: "3.", with: "9.")], extra: table), rule: rule).isEmpty)
        // Within the text's notes it still is one.
        let repeated = try Self.findings(Self.page(notes: [Self.kita, Self.kita.replacingOccurrences(of: "3.", with: "9.")]), rule: rule)
        #expect(repeated.count == 1, "\(repeated)")
    }

    @Test func aShortFormMatchingTwoFullCitationsIsAmbiguous() throws {
        let rule = "check.citations.short-form-ambiguous"
        let history = "Victor D. Cha, <em>The Korean War: A History</em> (New York: Ecco, 2020), 5."
        let legacy = "Victor D. Cha, <em>The Korean War and Its Legacy</em> (New York: Ecco, 2022), 9."
        let found = try Self.findings(Self.page(notes: [history, legacy, "Cha, <em>Korean War</em>, 12."]), rule: rule)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.message.contains("note 1") == true && found.first?.message.contains("note 2") == true, "\(found)")
        #expect(found.first?.severity == .warning)
        // A short title that only one of them starts with is not ambiguous.
        #expect(try Self.findings(Self.page(notes: [history, legacy, "Cha, <em>Korean War: A History</em>, 12."]), rule: rule).isEmpty)
        // Nor is the same work cited in full twice.
        #expect(try Self.findings(Self.page(notes: [history, history, "Cha, <em>Korean War</em>, 12."]), rule: rule).isEmpty)
    }

    @Test func anEmptyNoteIsReported() throws {
        let rule = "check.citations.note-empty"
        let found = try Self.findings(Self.page(notes: [
            "Victor D. Cha, <em>The Impossible State</em> (New York: Ecco, 2012), 45. <a href=\"#r1\">↩︎</a>",
            "<a href=\"#r2\">↩︎</a>",
            "Ibid.",
        ]), rule: rule)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.message.contains("Note 2") == true, "\(found)")
    }

    @Test func ibidAfterANarrativeMentionOfOneWorkIsNoError() throws {
        let rule = "check.citations.ibid-after-no-source"
        let cha = "Victor D. Cha, <em>The Impossible State</em> (New York: Ecco, 2012), 45."
        #expect(try Self.findings(Self.page(notes: [cha, "Cha argues in <em>The Impossible State</em> that the regime is brittle.", "Ibid., 50."]), rule: rule).isEmpty)
        #expect(try Self.findings(Self.page(notes: [cha, "Cha makes the same point in his memoir.", "Ibid., 50."]), rule: rule).count == 1)
    }

    @Test func aFullCitationRepeatedWithHttpsIsARepeat() throws {
        let rule = "check.citations.full-citation-repeated"
        let web = "Ellen Kim, “Alliance Notes,” <em>The Peninsula</em>, January 12, 2024, http://keia.org/the-peninsula/x/."
        let found = try Self.findings(Self.page(notes: [web, web.replacingOccurrences(of: "http://", with: "https://")]), rule: rule)
        #expect(found.count == 1, "\(found)")
    }
}
