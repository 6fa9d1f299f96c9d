import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport

/// The sentence-length kind: KEI's 50-word limit, what counts as a word, and the span of a finding.
@Suite struct SentenceLengthCheckerTests {
    static let rule = "style.sentence-length"

    static func words(_ n: Int, from first: Int = 0) -> String {
        (first..<(first + n)).map { "w\($0)" }.joined(separator: " ")
    }

    @Test func aSentenceOverTheLimitIsReportedAtTheSentence() throws {
        let long = "The " + Self.words(50) + "."      // 51 words
        let found = try ProseStyleCheck.findings("Short one. \(long) Short again.", rules: [Self.rule])
        #expect(found.map(\.match) == [long], "\(found)")
        let d = try #require(try ProseStyleCheck.run("Short one. \(long)", rules: [Self.rule]).first)
        #expect(d.severity == .info && d.message.contains("51 words") && d.message.contains("more than 50") && d.edits.isEmpty)
        #expect(try ProseStyleCheck.findings(Self.words(49) + " end.", rules: [Self.rule]).isEmpty, "50 words: not over")
    }

    @Test func numbersCountURLsPunctuationAndQuotedWordsDoNot() throws {
        // 45 words, 3 numbers, a URL and a 10-word quotation: 48 counted words.
        let s = "The " + Self.words(44) + " 2024 3.5% 12 https://kei.org/x <q>" + Self.words(10, from: 100) + "</q>."
        #expect(try ProseStyleCheck.findings(s, rules: [Self.rule]).isEmpty)
        let longer = "The " + Self.words(47) + " 2024 3.5% 12 <q>" + Self.words(10, from: 100) + "</q>."
        #expect(try ProseStyleCheck.run(longer, rules: [Self.rule]).first?.message.contains("51 words") == true)
    }

    @Test func sentencesJoinedByANoBreakSpaceAreCountedApart() throws {
        let two = "The " + Self.words(30) + ".&nbsp;The " + Self.words(30) + "."
        #expect(try ProseStyleCheck.findings(two, rules: [Self.rule]).isEmpty)
    }
}
