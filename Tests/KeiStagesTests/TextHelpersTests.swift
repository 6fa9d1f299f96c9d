import Foundation
import Testing
@testable import KeiStages

/// The shared text helpers: one path over Unicode scalars for every string, ASCII or not.
@Suite struct TextHelpersTests {
    @Test func searchMatchesWholeCharactersOnly() {
        #expect(TextSearch.contains("c-byline__name", "byline"))
        #expect(TextSearch.contains("한국 byline", "byline"))
        #expect(!TextSearch.contains("cafe\u{301}", "cafe"), "the e carries an accent")
        #expect(TextSearch.contains("cafe\u{301} x", "e\u{301} x"))
        #expect(!TextSearch.contains("anything", ""))
    }

    @Test func firstLastAndReplace() throws {
        let title = "Trade – Security | Korea Policy | KEI"
        let last = try #require(TextSearch.lastRange(of: " | ", in: title))
        #expect(title[last.upperBound...] == "KEI")
        let first = try #require(TextSearch.range(of: " | ", in: title))
        #expect(title[..<first.lowerBound] == "Trade – Security")
        #expect(TextSearch.range(of: " | ", in: title, from: first.upperBound) == last)
        #expect(TextSearch.replacing(" - ", with: "-", in: "a - - b - c") == "a-- b-c")
        #expect(TextSearch.replacing("x", with: "y", in: "none") == "none")
    }

    @Test func caseInsensitiveRangesPointIntoTheOriginalText() throws {
        let text = "İİ KOREA Policy Vol. 3"
        let r = try #require(TextSearch.caseInsensitiveRange(of: "vol. ", in: text))
        #expect(text[r] == "Vol. ")
        #expect(text[..<r.lowerBound] == "İİ KOREA Policy ")
        #expect(TextSearch.caseInsensitiveRange(of: "issue", in: text) == nil)
    }

    @Test func trimmingAgreesWithFoundation() {
        for s in ["", " ", "plain", "  two  ", "\u{A0}nbsp\u{2003}", "\n\tlines\r\n", " \u{301}x ", "\u{2028}x\u{85}", "\u{FEFF}x"] {
            #expect(TextTrimming.whitespaces(s) == s.trimmingCharacters(in: .whitespaces), "\(s.debugDescription)")
            #expect(TextTrimming.whitespacesAndNewlines(s) == s.trimmingCharacters(in: .whitespacesAndNewlines), "\(s.debugDescription)")
            #expect(TextTrimming.trim(s, .punctuationCharacters) == s.trimmingCharacters(in: .punctuationCharacters))
        }
    }

    @Test func normalisationAndKeys() {
        #expect(MetadataText.normalize("Already normal") == "Already normal")
        #expect(MetadataText.normalize("\u{93}Quoted\u{94}\u{A0}\u{A0}and\t\u{200B}spaced ") == "\u{201C}Quoted\u{201D} and spaced")
        #expect(MetadataText.normalize("\u{81}") == "", "C1 controls without a windows-1252 character are dropped")
        #expect(MetadataText.comparisonKey("\u{201C}Korea \u{2013} Japan\u{201D}.") == "korea-japan")
        #expect(MetadataText.spacedKey("Title \u{2014} Site!") == "title - site")
        #expect(MetadataText.sameTitle("Allying Against Adversaries", "Allying Against Adversaries | KEI"))
        #expect(!MetadataText.sameTitle("Korea", "Korea-Japan"))
    }
}
