import Foundation
import Testing
@testable import KeiCitations

/// The trained parser on Chicago notes of the kind Korea Policy prints (none of them in the training
/// data), and the normaliser's pieces on their own.
@Suite struct ReferenceParserTests {
    let parser = ReferenceParser.shared

    @Test func bookNoteWithPlacePublisherAndPages() {
        let item = parser.parse("Elena Marsh, Two Audiences: Allies, Adversaries, and the Logic of Extended Deterrence (Ithaca, NY: Northgate University Press, 2021), 34–38.").item
        #expect(item.type == .book)
        #expect(item.author == [CSLName(family: "Marsh", given: "Elena")])
        #expect(item.title == "Two Audiences: Allies, Adversaries, and the Logic of Extended Deterrence")
        #expect(item.publisherPlace == "Ithaca, NY")
        #expect(item.publisher == "Northgate University Press")
        #expect(item.issued?.year == 2021)
        #expect(item.page == "34–38")
    }

    @Test func governmentStatementWithFullDateAndURL() {
        let item = parser.parse("The White House, “Washington Declaration,” April 26, 2023, https://www.whitehouse.gov/briefing-room/statements-releases/2023/04/26/washington-declaration-2/.").item
        #expect(item.author == [CSLName(literal: "The White House")])
        #expect(item.title == "Washington Declaration")
        #expect(item.issued?.iso8601 == "2023-04-26")
        #expect(item.url == "https://www.whitehouse.gov/briefing-room/statements-releases/2023/04/26/washington-declaration-2/")
        #expect(item.type == .governmentDocument)
    }

    @Test func journalArticleWithVolumeIssueAndPages() {
        let item = parser.parse("Daniel R. Okafor, “Visible Assurance: Port Calls and the Politics of Extended Deterrence,” Journal of Alliance Studies 12, no. 3 (2024): 211–29.").item
        #expect(item.type == .journalArticle)
        #expect(item.author == [CSLName(family: "Okafor", given: "Daniel R.")])
        #expect(item.containerTitle == "Journal of Alliance Studies")
        #expect(item.volume == "12" && item.issue == "3" && item.page == "211–29")
        #expect(item.issued?.year == 2024)
    }

    @Test func newsArticleWithAccessedDateAndKoreanName() {
        let item = parser.parse("Jeong Hye-won, “Seoul’s Hedging Debate,” Korea Herald, March 3, 2024, accessed March 10, 2024, https://www.koreaherald.com/view.php?ud=20240303000123.").item
        #expect(item.type == .newsArticle)
        #expect(item.author == [CSLName(family: "Jeong", given: "Hye-won")])
        #expect(item.containerTitle == "Korea Herald")
        #expect(item.issued?.iso8601 == "2024-03-03")
        #expect(item.accessed?.iso8601 == "2024-03-10")
    }

    @Test func editedBookPutsNamesUnderEditor() {
        let item = parser.parse("Kim Min-ji and Robert Hale, eds., Alliance Futures (Seoul: Asan Press, 2019).").item
        #expect(item.author == nil)
        #expect(item.editor == [CSLName(family: "Kim", given: "Min-ji"), CSLName(family: "Hale", given: "Robert")])
        #expect(item.type == .book)
    }

    @Test func fieldsKeepTheirUTF8Ranges() {
        let text = "Daniel R. Okafor, “Visible Assurance,” Journal of Alliance Studies 12, no. 3 (2024): 211–29."
        let parsed = parser.parse(text)
        let bytes = Array(text.utf8)
        #expect(!parsed.fields.isEmpty)
        for field in parsed.fields {
            #expect(String(decoding: bytes[field.range], as: UTF8.self) == field.text)
        }
        // In order and not overlapping.
        for (a, b) in zip(parsed.fields, parsed.fields.dropFirst()) { #expect(a.range.upperBound < b.range.lowerBound) }
    }

    @Test func blankAndRunawayInputs() {
        let empty = parser.parse("   ")
        #expect(empty.fields.isEmpty && empty.item.type == .other)
        // 100,000 tokens: the model labels the first maxLabelledTokens, the rest is a note (speed: make bench).
        let huge = String(repeating: "word, ", count: 100_000)
        let parsed = parser.parse(huge)
        #expect(parsed.fields.last?.label == "note")
        #expect(parsed.fields.last?.range.upperBound == huge.utf8.count - 1)
    }

    @Test func namesSplitIntoFamilyAndGiven() {
        #expect(NameListParser.parse("Schaal, S., & Atkeson, C.").names == [CSLName(family: "Schaal", given: "S."), CSLName(family: "Atkeson", given: "C.")])
        #expect(NameListParser.parse("M. Kitsuregawa, H. Tanaka, and T. Moto-oka.").names.map(\.family) == ["Kitsuregawa", "Tanaka", "Moto-oka"])
        let eds = NameListParser.parse("In O. C. A. and D. Card (Ed.),")
        #expect(eds.editors && eds.names.last == CSLName(family: "Card", given: "D."))
        let trans = NameListParser.parse("translated by Daniel W. Smith,")
        #expect(trans.translators && trans.names == [CSLName(family: "Smith", given: "Daniel W.")])
        let etAl = NameListParser.parse("Mark E. Manyin et al.,")
        #expect(etAl.etAl && etAl.names == [CSLName(family: "Manyin", given: "Mark E.")])
        #expect(NameListParser.parse("Ministry of Unification,").names == [CSLName(literal: "Ministry of Unification")])
        #expect(NameListParser.parse("Ludwig van Beethoven").names == [CSLName(family: "van Beethoven", given: "Ludwig")])
        #expect(NameListParser.parse("Moon Chung-in,").names == [CSLName(family: "Moon", given: "Chung-in")])
        #expect(NameListParser.parse("Sung-Yoon Lee").names == [CSLName(family: "Lee", given: "Sung-Yoon")])
    }

    @Test func datesReadAsCSLDates() {
        #expect(ReferenceDateParser.parse("April 26, 2023,")?.iso8601 == "2023-04-26")
        #expect(ReferenceDateParser.parse("(26 April 2023).")?.iso8601 == "2023-04-26")
        let fall = ReferenceDateParser.parse("(Fall 2011):")
        #expect(fall?.year == 2011 && fall?.season == 3 && fall?.month == nil)
        #expect(ReferenceDateParser.parse("[Accessed: 19-Oct-2017]")?.iso8601 == "2017-10-19")
        #expect(ReferenceDateParser.parse("2023-04-26")?.iso8601 == "2023-04-26")
        #expect(ReferenceDateParser.parse("n.d.")?.literal == "n.d")
        var item = CSLItem()
        ReferenceNormalizer.readDate("2009;108(2):211-9.", into: &item)
        #expect(item.issued?.year == 2009 && item.volume == "108" && item.issue == "2" && item.page == "211–9")
    }

    @Test func volumeIssuePagesAndIdentifiers() {
        var item = CSLItem()
        ReferenceNormalizer.readVolume("Vol. 50, No. 3", into: &item)
        #expect(item.volume == "50" && item.issue == "3")
        item = CSLItem()
        ReferenceNormalizer.readVolume("1(1),", into: &item)
        #expect(item.volume == "1" && item.issue == "1")
        // A URL keeps its own balanced parentheses and loses an unbalanced closing one.
        item = CSLItem()
        ReferenceNormalizer.readURL("https://en.wikipedia.org/wiki/Sunshine_Policy_(South_Korea),", into: &item)
        #expect(item.url == "https://en.wikipedia.org/wiki/Sunshine_Policy_(South_Korea)")
        item = CSLItem()
        ReferenceNormalizer.readURL("(https://www.kinu.or.kr/survey).", into: &item)
        #expect(item.url == "https://www.kinu.or.kr/survey")
        #expect(ReferenceNormalizer.cleanPages("pp. 1761-1800).") == "1761–1800")
        #expect(ReferenceNormalizer.cleanPages("427, 426.") == "427, 426")
        #expect(ReferenceNormalizer.bareDOI("doi:10.1016/j.cub.2016.05.047.") == "10.1016/j.cub.2016.05.047")
        #expect(ReferenceNormalizer.bareDOI("https://doi.org/10.5509/2022953455") == "10.5509/2022953455")
        #expect(ReferenceNormalizer.bareDOI("10.12") == nil)
    }

    @Test func urlBrokenAcrossLinesIsJoined() {
        // Gold-style labels given directly, so this tests the normaliser, not the model.
        let text = "Smith, J. Water. Accessed 2014. http://dx.doi.org/10.1016/j. watres.2005.06.038 and more"
        let labels = ["author", "author", "title", "note", "note", "url", "url", "note", "note"]
        let item = ReferenceParser.parse(text, labels: labels).item
        #expect(item.url == "http://dx.doi.org/10.1016/j.watres.2005.06.038")
        #expect(item.doi == "10.1016/j.watres.2005.06.038")
        // A word after a complete URL that neither follows "/", "-", "." nor holds a path is not joined.
        let plain = ReferenceParser.parse("See http://example.org/a/b.html online", labels: ["note", "url", "url"]).item
        #expect(plain.url == "http://example.org/a/b.html")
    }

    @Test func scoringDropsPagePrefixesAndURLWhiteSpace() {
        var table = ReferenceScoring.Table()
        var item = CSLItem()
        item.page = "1–24"
        item.url = "http://dx.doi.org/10.1016/j.watres.2005.06.038"
        ReferenceScoring.score(gold: ["pages": ["pages 1-24."], "url": ["url: http://dx.doi.org/10.1016/j. watres.2005.06.038"]], item: item, into: &table)
        #expect(table.micro.truePositives == 2)
        #expect(table.micro.falsePositives == 0)
    }

    @Test func tokenizerKeepsUTF8Offsets() {
        let tokens = ReferenceTokenizer.tokenize("  “Kim,”\u{00A0}Seoul\t2023 ")
        #expect(tokens.map(\.text) == ["“Kim,”", "Seoul", "2023"])
        #expect(tokens.map(\.range) == [2..<12, 14..<19, 20..<24])
        // A variation selector left from a back-link (↩︎) is no token.
        #expect(ReferenceTokenizer.tokenize("2023. \u{FE0E}").map(\.text) == ["2023."])
    }
}
