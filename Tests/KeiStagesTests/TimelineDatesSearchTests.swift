import Foundation
import Testing
import KeiCore
import KeiDates
import KeiDocument
@testable import KeiStages

/// The paragraph-date and sentence-date look-ups search the paragraph's mentions by binary search
/// (breaker3: "President X spoke in YYYY." 20,000 times in one paragraph took 86 s, quadratic); they must
/// answer exactly what a scan of every mention answers.
@Suite struct TimelineDatesSearchTests {
    @Test func binarySearchAgreesWithAFullScan() throws {
        var sentences: [String] = []
        for n in 0..<300 {
            switch n % 5 {
            case 0: sentences.append("President Moon Jae-in spoke in \(1990 + n % 35).")
            case 1: sentences.append("Nothing happened.")
            case 2: sentences.append("Last week, on June \(1 + n % 28), 2019, they met and in 2020 again.")
            case 3: sentences.append("The June 3 election mattered.")
            default: sentences.append("Yesterday it rained.")
            }
        }
        let loc = SourceLocation(file: "t", line: 1)
        let unit = TextUnit(scope: .paragraph, location: loc, inlines: [.text(TextRun(sentences.joined(separator: " ")))])
        let mentions = DateExtractor(referenceDate: PublicationDate(year: 2025, month: 12, day: 15)).mentions(in: unit.text.string, tokens: unit.tokens)
        #expect(mentions.count > 300)
        for (si, sentence) in unit.sentences.enumerated() {
            let range = sentence.lowerBound..<min(sentence.upperBound, sentence.lowerBound + 1)
            let scanned = mentions.filter { TimelineDates.dates($0) && sentence.contains($0.range.lowerBound) }.map(\.range)
            #expect(TimelineDates.sentenceMentions(mentions, of: range, in: unit).map(\.range) == scanned, "sentence \(si)")
            let before = mentions.last { TimelineDates.dates($0) && $0.range.upperBound <= sentence.lowerBound }
            #expect(TimelineDates.paragraphDate(mentions, before: range, in: unit)?.range == before?.range, "sentence \(si)")
            let relative = mentions.contains { $0.kind == .relative && sentence.contains($0.range.lowerBound) }
            #expect(!relative || TimelineDates.speaksOfThePresent(mentions, at: range, in: unit), "sentence \(si)")
        }
    }
}
