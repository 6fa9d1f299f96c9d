import Foundation
import Testing
import KeiCore
import KeiDocument
@testable import KeiStages
import KeiTestSupport

/// The term kinds' case handling, overlaps, scopes and headline style, on rules built in code.
@Suite struct StyleTermCheckersTests {
    static func findings(_ body: String, _ rules: [StyleRule], fix: Bool = false) throws -> ArticleOutcome {
        let html = "<html><head><title>T</title></head><body><article><h1>T</h1><p>The article opens here.</p>\(body)</article></body></html>"
        return try RunnerHarness.run(html: html, stages: [LintStyleStage.self], style: StyleSheet(rules: rules), fix: fix)
    }

    static func excerpts(_ outcome: ArticleOutcome, _ rule: String) -> [String] {
        outcome.diagnostics.filter { $0.rule == rule }.map { $0.excerpt ?? "-" }
    }

    static let defence = StyleRule(id: "style.d", kind: .substitution, severity: .warning, message: "{replacement}", fix: .safe,
                                   parameters: ["terms": .map([StylePair("defence", "defense"), StylePair("Korean peninsula", "Korean Peninsula")])])
    static let us = StyleRule(id: "style.us", kind: .substitution, severity: .warning, message: "{replacement}", fix: .safe,
                              parameters: ["terms": .map([StylePair("US", "U.S.")]), "case-sensitive": .bool(true)])

    @Test func substitutionIsCaseAware() throws {
        let o = try Self.findings("<p>Defence rose. Its defence too. The Korean Peninsula and the KOREAN PENINSULA.</p><h2>DEFENCE POLICY</h2><p>x</p>", [Self.defence])
        #expect(o.diagnostics.filter { $0.rule == "style.d" }.map(\.message) == ["Defense", "defense", "Korean Peninsula", "DEFENSE"])
        let fixed = try Self.findings("<p>Defence rose. Its defence too.</p>", [Self.defence], fix: true)
        #expect(ArticleAnalysis(try #require(fixed.article)).units.last?.text.string == "Defense rose. Its defense too.")
    }

    @Test func caseSensitiveTermsMatchOnlyAsWritten() throws {
        let o = try Self.findings("<p>Let us see: the US, US$ 5, USFK, <q>the US</q>, <code>US</code> and https://example.com/US.</p>", [Self.us])
        #expect(Self.excerpts(o, "style.us") == ["US"])
    }

    @Test func aLineBreakEndsAPhrase() throws {
        let o = try Self.findings("<p>the Korean<br>peninsula and the Korean peninsula</p>", [Self.defence])
        #expect(Self.excerpts(o, "style.d") == ["Korean peninsula"])
    }

    @Test func existenceSuggestsAndKeepsTheCapital() throws {
        let rule = StyleRule(id: "style.e", kind: .existence, severity: .info, message: "{suggestion}", fix: .safe,
                             parameters: ["terms": .list(["in order to"]), "suggestion": .string("to")])
        let fixed = try Self.findings("<p>In order to win, act in order to deter.</p>", [rule], fix: true)
        #expect(ArticleAnalysis(try #require(fixed.article)).units.last?.text.string == "To win, act to deter.")
    }

    @Test func consistencyReportsTheMinorityWithCountsAndBreaksTiesByListOrder() throws {
        let rule = StyleRule(id: "style.c", kind: .consistency, severity: .warning,
                             message: "{majority} {majorityCount} / {match} {count} / {forms}", fix: .safe,
                             parameters: ["groups": .groups([["Lee Jae Myung", "Lee Jae-myung"], ["percent", "%"]])])
        let o = try Self.findings("<p>Lee Jae-myung met Lee Jae Myung; Lee Jae-myung left. It rose 3% and 4 percent, a fraction of a percent.</p>", [rule])
        let d = o.diagnostics.filter { $0.rule == "style.c" }
        #expect(d.map(\.excerpt) == ["Lee Jae Myung", "%"])
        #expect(d.first?.message == "Lee Jae-myung 2 / Lee Jae Myung 1 / “Lee Jae Myung” (1), “Lee Jae-myung” (2)")
        // The tie (one "%", one "5 percent" after a figure) goes to the form listed first: "percent".
        #expect(d.last?.edits.first?.replacement == " percent")
        let fixed = try Self.findings("<p>It rose 3 percent, then 4 percent and 5%.</p>", [rule], fix: true)
        #expect(ArticleAnalysis(try #require(fixed.article)).units.last?.text.string == "It rose 3 percent, then 4 percent and 5 percent.")
        let back = try Self.findings("<p>It rose 3%, then 4% and 5 percent.</p>", [rule], fix: true)
        #expect(ArticleAnalysis(try #require(back.article)).units.last?.text.string == "It rose 3%, then 4% and 5%.")
    }

    @Test func properNounsDifferingInCaseAreFixed() throws {
        let rule = StyleRule(id: "style.p", kind: .capitalization, severity: .warning, message: "{replacement}", fix: .safe,
                             parameters: ["check": .string("proper-nouns"), "terms": .list(["National Assembly", "Six-Party Talks"])])
        let fixed = try Self.findings("<p>The national assembly and the six-party talks; the National Assembly.</p>", [rule], fix: true)
        #expect(ArticleAnalysis(try #require(fixed.article)).units.last?.text.string == "The National Assembly and the Six-Party Talks; the National Assembly.")
    }

    func headline(_ heading: String, exceptions: [String] = []) -> String {
        let unit = TextUnit(scope: .heading, location: SourceLocation(file: "x"), text: TextRun(heading))
        let changes = HeadlineCase(exceptions: exceptions).changes(unit)
        let words = HeadlineCase.words(unit)
        guard let first = words.first, let last = words.last else { return heading }
        return HeadlineCase.applying(changes, to: unit, range: first.range.lowerBound..<last.range.upperBound)
    }

    @Test func headlineStyle() {
        #expect(headline("the rise of china and the end of an era") == "The Rise of China and the End of an Era")
        #expect(headline("Deterrence: a new approach to the north") == "Deterrence: A New Approach to the North")
        #expect(headline("What They Are Looking for") == "What They Are Looking For")
        #expect(headline("Allying Against Adversaries amid Tension") == "Allying Against Adversaries amid Tension")
        #expect(headline("The Alliance And The iPhone Of USFK") == "The Alliance and the iPhone of USFK")
        #expect(headline("Post-Cold War self-reliance") == "Post-Cold War Self-Reliance")
        #expect(headline("History [edit]") == "History")
        #expect(headline("THE ALLIANCE AT SEVENTY") == "THE ALLIANCE AT SEVENTY")
        #expect(headline("Seoul vs. Tokyo", exceptions: ["vs."]) == "Seoul vs. Tokyo")
        let sentence = "the once-ubiquitous form of lighting was novel when it first emerged in the early 1900s, though it has since come to represent decline"
        #expect(headline(sentence) == sentence)
    }
}
