import Foundation
import Testing
import KeiCore
import KeiDocument
@testable import KeiStages
import KeiTestSupport

/// Suppressions written in the page: what each directive covers, as source text.
@Suite struct SuppressionReaderTests {
    static func read(_ body: String) throws -> (suppressions: [Suppression], diagnostics: [Diagnostic], source: SourceLineIndex) {
        let html = "<html><head><title>T</title></head><body><article><h1>T</h1>\n" + body + "\n</article></body></html>"
        let ctx = try StageHarness.run(html: html)
        let article = try #require(ctx.article)
        let index = try #require(ctx.sourceIndex)
        return (article.suppressions, ctx.diagnostics, index)
    }

    /// The pre-check that lets pages without directives skip the tree walk finds `kei-` in any case,
    /// after partial matches, and nothing else.
    @Test func directivePreCheck() throws {
        for yes in ["<!-- kei-disable a -->", "<!--KEI-DISABLE a-->", "<p data-Kei-Ignore>", "kkei-", "kekei-x", "é kei-"] {
            #expect(SuppressionReader.mentionsDirectives(yes), "\(yes)")
        }
        for no in ["", "kei", "ke-i", "kei_disable", "k ei-", "keï-", "<!-- disable -->"] {
            #expect(!SuppressionReader.mentionsDirectives(no), "\(no)")
        }
        let (s, _, _) = try Self.read("<p><!-- KEI-Disable-Next text.x --></p><p>Covered words.</p>")
        #expect(s.count == 1)
    }

    @Test func disableAndEnableCoverTheTextBetween() throws {
        let (s, _, index) = try Self.read("<p>Before. <!-- kei-disable style.a, text.b -->Inside words.<!-- kei-enable --> After.</p>")
        let one = try #require(s.first)
        #expect(s.count == 1 && one.kind == .disable && one.rules == ["style.a", "text.b"])
        #expect(index.text(of: one.covered) == "Inside words.")
        #expect(one.covers(rule: "text.b") && !one.covers(rule: "text.c"))
        #expect(one.line == 2)
    }

    @Test func enableClosesOnlyTheRulesItNames() throws {
        let (s, _, index) = try Self.read("<p><!-- kei-disable a.x -->one <!-- kei-disable b.y -->two <!-- kei-enable a.x -->three</p>")
        let a = try #require(s.first { $0.rules == ["a.x"] })
        let b = try #require(s.first { $0.rules == ["b.y"] })
        #expect(index.text(of: a.covered) == "one <!-- kei-disable b.y -->two ")
        #expect(index.text(of: b.covered).hasPrefix("two <!-- kei-enable a.x -->three"), "left open: runs to the end")
    }

    @Test func prefixesCoverTheirRules() {
        let s = Suppression(kind: .disable, rules: ["style."], directive: nil, line: 1, covered: SourceSpan(start: 0, end: 1))
        #expect(s.covers(rule: "style.nbsp") && !s.covers(rule: "styles.x") && !s.covers(rule: "text.other"))
        #expect(Suppression(kind: .ignoreAttribute, rules: [], directive: nil, line: 1, covered: SourceSpan(start: 0, end: 1)).covers(rule: "any.rule"))
    }

    @Test func disableNextCoversTheNextBlockOnly() throws {
        let (s, _, index) = try Self.read("<!-- kei-disable-next style.repeated-word -->\n<p>First block.</p>\n<p>Second block.</p>")
        let one = try #require(s.first)
        #expect(s.count == 1 && one.kind == .disableNext)
        #expect(index.text(of: one.covered) == "First block.")
    }

    @Test func dataKeiIgnoreCoversTheElement() throws {
        let (s, _, index) = try Self.read("<p>Kept.</p><div data-kei-ignore=\"\"><p>All <b>rules</b> off.</p></div><p data-kei-ignore=\"a.b c.d\">Two off.</p>")
        let all = try #require(s.first { $0.rules.isEmpty })
        #expect(all.kind == .ignoreAttribute && index.text(of: all.covered) == "All <b>rules</b> off.")
        let two = try #require(s.first { !$0.rules.isEmpty })
        #expect(two.rules == ["a.b", "c.d"] && index.text(of: two.covered) == "Two off.")
    }

    @Test func strayDirectivesAreReported() throws {
        let (_, d, _) = try Self.read("<p>Text of the article. <!-- kei-enable x.y --></p><!-- kei-disable-next x.y -->")
        let unmatched = d.filter { $0.rule == "ingest.suppression-unmatched" }
        #expect(unmatched.count == 2)
        #expect(unmatched.allSatisfy { $0.span != nil })
    }

    @Test func ordinaryCommentsAreNotDirectives() {
        #expect(SuppressionReader.directive(" a comment ") == nil)
        #expect(SuppressionReader.directive("kei-disablement") == nil)
        #expect(SuppressionReader.directive(" kei-disable ")?.rules == [])
    }

    @Test func disableNextInsideAParagraphWaitsForTheNextBlock() throws {
        let (s, _, index) = try Self.read("<p>c ok <!-- kei-disable-next style.repeated-word --> still in para is is</p>\n<p>d the the</p>")
        let one = try #require(s.first)
        #expect(s.count == 1 && index.text(of: one.covered) == "d the the")
    }

    @Test func directivesIgnoreCaseAndAnEnableEndsOnlyTheRulesItNames() throws {
        let (s, d, index) = try Self.read("<p><!-- KEI-DISABLE a.x, b.y -->one <!-- kei-enable a.x -->two <!-- Kei-Enable -->three</p>")
        #expect(d.filter { $0.rule == "ingest.suppression-unmatched" }.isEmpty, "the bare enable closes b.y's region")
        let a = try #require(s.first { $0.rules == ["a.x", "b.y"] })
        #expect(index.text(of: a.covered) == "one ")
        let b = try #require(s.first { $0.rules == ["b.y"] })
        #expect(index.text(of: b.covered) == "two ")
    }
}
