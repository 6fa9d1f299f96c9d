import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport

/// The numbers kind: KEI's one-to-nine spell-out rule and the thousands separator, with the figures
/// both leave alone (units, labels, dates, neighbours, enumerators, tables and notes).
@Suite struct NumbersCheckerTests {
    typealias F = ProseStyleCheck.Finding
    static let spell = "style.number-spell-out"
    static let commas = "style.thousands-separator"

    static func find(_ fragment: String, _ rule: String) throws -> [F] {
        try ProseStyleCheck.findings(fragment, rules: [rule])
    }

    @Test func figuresOneToNineAreSpelledOutWithAnUnsafeFix() throws {
        let found = try Self.find("The ministry sent 3 officials, and Seoul sent 2. Tokyo sent none.", Self.spell)
        #expect(found.map(\.match) == ["3", "2"] && found.map(\.replacement) == ["three", "two"], "\(found)")
        #expect(found.allSatisfy { $0.safe == false }, "the editor confirms: fix: unsafe")
        #expect(try Self.find("Seoul agreed. 5 ministers met in May.", Self.spell).map(\.replacement) == ["Five"], "sentence start")
    }

    @Test(arguments: [
        "Growth slowed to 2 percent and the won fell 3%.", "The plant made 4 million tons.", "It flew 5 km.",
        "Article 5 of the treaty binds them.", "See p. 7 and no. 3 of the series.", "Phase 2 began on June 5.",
        "The summit on 5 June ended the 2+2 talks at 5:30.", "Between 5 and 12 ships took part.", "It cost $5 then.",
        "The ratio was 1/2 of the total.", "The 3–4 split held.", "It averaged 5.5 per day.", "The Hwasong 5 flew.",
        "The votes were 5 7 in committee.", "It was the 5th time.", "The 5-year plan ended.", "It was in (3) above.",
        "<q>We sent 3 ships,</q> he said.", "See <cite>3 Kingdoms</cite> for that.", "It ended with 0 votes.",
        "In 2024, 3 officials of the 15 left.", "The ratio was 3 : 1.", "The vote was 5 - 4.", "It was 5 – 4.",
    ])
    func figuresThatStayFigures(_ text: String) throws {
        #expect(try Self.find(text, Self.spell).isEmpty, "\(text)")
    }

    @Test func enumeratorsAtALineStartAreNoCounts() throws {
        #expect(try Self.find("The ranking:<br>1. Finland<br>2. Norway<br>3. Canada", Self.spell).isEmpty)
        #expect(try ProseStyleCheck.findings("1. Introduction of the subject", rules: [Self.spell],
                                             wrap: { RenderFidelityTests.shortPage("<ul><li>\($0)</li></ul>") }).isEmpty)
    }

    @Test func tablesCaptionsAndNotesKeepFigures() throws {
        let table = try ProseStyleCheck.findings("It had 3 parts", rules: [Self.spell, Self.commas],
                                                 wrap: { RenderFidelityTests.shortPage("<table><tr><td>\($0)</td><td>28500</td></tr></table>") })
        #expect(table.isEmpty, "\(table)")
        let note = try ProseStyleCheck.findings(##"It had 3 parts<sup><a href="#fn1" id="r1">1</a></sup>."##, rules: [Self.spell, Self.commas],
                                                wrap: { RenderFidelityTests.shortPage("<p>\($0)</p>" + Self.notes) })
        #expect(note.map(\.match) == ["3"], "only the paragraph's figure: \(note)")
    }

    static let notes = ##"<h2>Notes</h2><ol><li id="fn1">Report 3 of 12345 pages, vol. 2. <a href="#r1">↩</a></li></ol>"##

    @Test func largeNumbersGetThousandsSeparators() throws {
        let found = try Self.find("About 28500 troops and 1250000.50 dollars, and 1000 officials in 2024.", Self.commas)
        #expect(found.map(\.match) == ["28500", "1250000.50"], "\(found)")
        #expect(found.map(\.replacement) == ["28,500", "1,250,000.50"] && found.allSatisfy { $0.safe == true })
    }

    @Test(arguments: [
        "Executive Order 14024 applies.", "See report no. 12345 on it.", "Call 02-12345-6789 now.", "It is in DC 20006 now.",
        "About 28,500 troops.", "Section 3.2.14159 says so.", "See https://kei.org/12345 for it.", "<q>Some 28500 came</q>, he said.",
    ])
    func numbersThatKeepTheirDigits(_ text: String) throws {
        #expect(try Self.find(text, Self.commas).isEmpty, "\(text)")
    }

    /// Breaker report §5: a currency code before the figure is no label; commas still apply.
    @Test func aCurrencyCodeDoesNotMakeALabel() throws {
        let found = try Self.find("It cost US$7 billion, or KRW 9000000000000, and Model 12345 did not.", Self.commas)
        #expect(found.map(\.match) == ["9000000000000"] && found.first?.replacement == "9,000,000,000,000", "\(found)")
        #expect(try Self.find("It cost KRW 5 trillion, and USD 3 more.", Self.spell).isEmpty, "amounts keep figures")
    }

    /// Breaker report §5: digits grouped wrongly ("9,4 million") are reported with an unsafe fix.
    @Test func wrongDigitGroupingIsReported() throws {
        let r = "style.digit-grouping"
        let found = try Self.find("Seoul has 9,4 million people, 1,23,456 homes, 12,345 cars and 1,250,000.50 won.", r)
        #expect(found.map(\.match) == ["9,4", "1,23,456"] && found.map(\.replacement) == ["9.4", "123,456"], "\(found)")
        #expect(found.allSatisfy { $0.safe == false })
        #expect(try Self.find("See pages 3,4 and No. 1,2 of the report.", r).isEmpty, "labels")
    }
}
