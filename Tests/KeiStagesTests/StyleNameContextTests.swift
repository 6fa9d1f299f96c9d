import Foundation
import Testing
import KeiCore
import KeiDocument
@testable import KeiStages
import KeiTestSupport

/// Names keep their own spelling (``NameContext``), capitals in notes and in lines set in capitals,
/// proper nouns that are also ordinary phrases, and the shipped term rules on the cases a copy editor
/// found wrong (breaker report, issue 7).
@Suite struct StyleNameContextTests {
    static func unit(_ text: String, _ scope: TextScope = .paragraph) -> TextUnit {
        TextUnit(scope: scope, location: SourceLocation(file: "t"), text: TextRun(text))
    }

    /// The UTF-8 range of the `n`th occurrence (0-based) of `word` in `text`.
    static func range(of word: String, in text: String, _ n: Int = 0) -> Range<Int> {
        var from = text.startIndex
        var found: Range<String.Index>?
        for _ in 0...n {
            found = text.range(of: word, range: from..<text.endIndex)
            from = found!.upperBound
        }
        let r = found!
        return text.utf8.distance(from: text.startIndex, to: r.lowerBound)..<text.utf8.distance(from: text.startIndex, to: r.upperBound)
    }

    static func inside(_ text: String, _ word: String, _ n: Int = 0, lowercaseTerm: Bool = false) -> Bool {
        NameContext.isInsideName(unit(text), range(of: word, in: text, n), lowercaseTerm: lowercaseTerm)
    }

    @Test func aCapitalizedWordNextToTheMatchMakesALongerName() {
        let text = "The Australian Department of Defence and the Royal United Services Institute for Defence and Security Studies met."
        #expect(Self.inside(text, "Defence", 0))
        #expect(Self.inside(text, "Defence", 1))
        #expect(Self.inside("Pusan University Press printed it in Pusan.", "Pusan", 0))
        #expect(!Self.inside("Pusan University Press printed it in Pusan.", "Pusan", 1))
        #expect(Self.inside("The Treaty on the Non-Proliferation of Nuclear Weapons binds them.", "Non-Proliferation"))
        #expect(Self.inside("The ROK-U.S. Combined Forces Command leads.", "ROK-U.S."))
        // Sentence-initial capitals and "and" do not make a name; a comma ends one.
        #expect(!Self.inside("Defence spending rose.", "Defence"))
        #expect(!Self.inside("The US and South Korea signed.", "US"))
        #expect(!Self.inside("Seoul, Pusan and Daegu voted.", "Pusan"))
        // A common word capitalized mid-sentence is a name ("Labour won"), at a sentence start it is not.
        #expect(Self.inside("Britain’s Labour won.", "Labour", lowercaseTerm: true))
        #expect(!Self.inside("Wages rose. Labour shortages grew.", "Labour", lowercaseTerm: true))
        // In a heading every word may be capitalized: no signal.
        #expect(!NameContext.isInsideName(Self.unit("Defence Spending Rose", .heading), 0..<7))
    }

    static let defence = StyleRule(id: "style.d", kind: .substitution, severity: .warning, message: "{replacement}", fix: .safe,
                                   parameters: ["terms": .map([StylePair("defence", "defense")]), "in-names": .string("skip")])
    static let place = StyleRule(id: "style.p", kind: .substitution, severity: .warning, message: "{replacement}", fix: .safe,
                                 parameters: ["terms": .map([StylePair("Pusan", "Busan")]), "in-names": .string("suggest")])
    static let us = StyleRule(id: "style.us", kind: .substitution, severity: .warning, message: "{replacement}", fix: .safe,
                              parameters: ["terms": .map([StylePair("US", "U.S.")]), "case-sensitive": .bool(true)])

    @Test func theInNamesPolicyAndWhereTheMatchStandsDecideTheFix() {
        let text = "The Australian Department of Defence spoke."
        let r = Self.range(of: "Defence", in: text)
        #expect(NameContext.treatment(Self.defence, caseSensitive: false, Self.unit(text), r, lowercaseTerm: true) == .skip)
        #expect(NameContext.treatment(Self.place, caseSensitive: false, Self.unit("Pusan University Press"), 0..<5, lowercaseTerm: false) == .suggest)
        #expect(NameContext.treatment(Self.place, caseSensitive: false, Self.unit("It sailed to Pusan."), 13..<18, lowercaseTerm: false) == .fix)
        // A capitalized place in a note (a citation's place of publication) is only suggested; a heading
        // weakens a rule that protects names.
        #expect(NameContext.treatment(Self.place, caseSensitive: false, Self.unit("(Pusan: PUP, 1987)", .note), 1..<6, lowercaseTerm: false) == .suggest)
        #expect(NameContext.treatment(Self.defence, caseSensitive: false, Self.unit("Defence Spending Rose", .heading), 0..<7, lowercaseTerm: true) == .suggest)
        // Without a policy the rule fixes as before, except in a line set in capitals when case-sensitive.
        #expect(NameContext.treatment(Self.us, caseSensitive: true, Self.unit("The US Army"), 4..<6, lowercaseTerm: false) == .fix)
        #expect(NameContext.treatment(Self.us, caseSensitive: true, Self.unit("WHAT IT MEANS FOR US", .heading), 18..<20, lowercaseTerm: false) == .skip)
    }

    @Test func fixRunOnAPageLeavesNamesAndCitationsAlone() throws {
        let body = """
            <h2>WHAT IT MEANS FOR US AND FOR PYONGYANG</h2>
            <p>The Australian Department of Defence and the Royal United Services Institute for Defence and Security Studies met. Defence spending rose in the US.</p>
            <p>Pusan University Press printed it in Pusan.<sup><a href="#fn1" id="r1">1</a></sup></p>
            <ol><li id="fn1"><p>Pusan University Press, <em>Pusan in Wartime</em> (Pusan: PUP, 1987). <a href="#r1">↩</a></p></li></ol>
            """
        let o = try StyleTermCheckersTests.findings(body, [Self.defence, Self.place, Self.us], fix: true)
        let units = ArticleAnalysis(try #require(o.article)).units
        #expect(units.contains { $0.text.string == "WHAT IT MEANS FOR US AND FOR PYONGYANG" })
        #expect(units.contains { $0.text.string.hasPrefix("The Australian Department of Defence and the Royal United Services Institute for Defence and Security Studies met. Defense spending rose in the U.S.") })
        #expect(units.contains { $0.text.string.hasPrefix("Pusan University Press printed it in Busan.") })
        #expect(units.contains { $0.scope == .note && $0.text.string.hasPrefix("Pusan University Press, Pusan in Wartime (Pusan: PUP, 1987).") })
        // Reported but only suggested: the press's name in the text, the press and the place in the note.
        let suggested = o.diagnostics.filter { $0.rule == "style.p" && $0.edits.allSatisfy { !$0.isSafe } }
        #expect(suggested.count == 3)
    }

    static let nouns = StyleRule(id: "style.n", kind: .capitalization, severity: .warning, message: "{replacement}", fix: .safe,
                                 parameters: ["check": .string("proper-nouns"), "terms": .list(["Blue House", "Korean War", "National Assembly"]),
                                              "common-phrases": .list(["Blue House", "Korean War"])])

    @Test func properNounsThatAreAlsoOrdinaryPhrases() throws {
        let o = try StyleTermCheckersTests.findings(
            "<p>The defector lived in a small blue house near the border. Some fear a second Korean war. The Korean war ended. The national assembly met.</p>",
            [Self.nouns], fix: true)
        let d = o.diagnostics.filter { $0.rule == "style.n" }
        // "national assembly" was fixed (safe) and is gone from the findings; "Korean war" stays, only suggested.
        #expect(d.map(\.excerpt) == ["Korean war"])
        #expect(d.map { $0.edits.first?.isSafe } == [false])
        #expect(ArticleAnalysis(try #require(o.article)).units.last?.text.string
                == "The defector lived in a small blue house near the border. Some fear a second Korean war. The Korean war ended. The National Assembly met.")
    }

    @Test func consistencyLeavesOfficialNamesOutAndCountsInWords() throws {
        let rule = StyleRule(id: "style.c", kind: .consistency, severity: .warning,
                             message: "“{majority}” ({majorityUses}), not “{match}” ({uses})", fix: .unsafe,
                             parameters: ["groups": .groups([["cooperation", "co-operation"], ["U.S.-ROK", "ROK-U.S."]]),
                                          "case-sensitive": .bool(false), "in-names": .string("skip")])
        let o = try StyleTermCheckersTests.findings(
            "<p>Cooperation grew and cooperation deepened; the Organisation for Economic Co-operation and Development agreed. The ROK-U.S. Combined Forces Command and U.S.-ROK talks went on; co-operation stalled.</p>", [rule])
        let d = o.diagnostics.filter { $0.rule == "style.c" }
        #expect(d.map(\.excerpt) == ["co-operation"])
        #expect(d.first?.message == "“cooperation” (2 times), not “co-operation” (once)")
    }

    @Test func shippedRulesOnTheEditorsCases() throws {
        let sheet = try ShippedStyle.sheet()
        let ids: Set<String> = ["style.us-spelling-our", "style.us-spelling-re", "style.us-spelling-misc", "style.defense-spelling", "style.usa",
                                "style.us-abbreviation", "style.spelling-variants"]
        let rules = sheet.enabledRules.filter { ids.contains($0.id) }
        let o = try StyleTermCheckersTests.findings("""
            <p>Labour shortages grew. Colour revolutions spread. Programme funding fell. Centre-right parties gained. Behaviour changed. \
            The Labour Party and the World Food Programme met at the Centre for Strategic Studies. Seoul looked to the USA.</p>
            <p>Decision making was slow; the decision-making process stalled.</p>
            """, rules, fix: true)
        let texts = ArticleAnalysis(try #require(o.article)).units.map(\.text.string)
        #expect(texts.contains("Labor shortages grew. Color revolutions spread. Program funding fell. Center-right parties gained. Behavior changed. The Labour Party and the World Food Programme met at the Centre for Strategic Studies. Seoul looked to the USA."))
        let usa = o.diagnostics.filter { $0.rule == "style.usa" }
        #expect(usa.map(\.excerpt) == ["USA"] && usa.first?.edits.first?.replacement == "United States")
        #expect(o.diagnostics.filter { $0.rule == "style.spelling-variants" }.isEmpty)
    }
}
