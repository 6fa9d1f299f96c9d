import Foundation
import Testing
import KeiCore
@testable import KeiStages
import KeiTestSupport

/// `check.notes.order` reports the notes out of place, not every note cited after one that came early.
@Suite struct NoteOrderCheckerTests {
    @Test func oneNoteCitedEarlyIsTheOnlyFinding() throws {
        let order = [1, 5, 2, 3, 4]
        let text = order.map { "Claim \($0) of the argument.<sup><a href=\"#fn\($0)\">\($0)</a></sup>" }.joined(separator: " ")
        let notes = (1...5).map { "<li id=\"fn\($0)\">Source \($0), 2024.</li>" }.joined()
        let context = try StageHarness.run(html: StageExample.articlePage("<p>\(text)</p><h2>Notes</h2><ol>\(notes)</ol>"),
                                           stages: [CheckCitationsStage.self])
        let findings = context.diagnostics.filter { $0.rule == "check.notes.order" }
        #expect(findings.map(\.excerpt) == ["5"], "\(findings.map(\.message))")
        #expect(findings.first?.message.contains("after note 1 and before note 2") == true, "\(findings.map(\.message))")
    }

    @Test func longestIncreasingKeepsTheEarlierOfEqualRuns() {
        #expect(NoteOrderChecker.longestIncreasing([1, 0]) == [0])
        #expect(NoteOrderChecker.longestIncreasing([0, 4, 1, 2, 3]) == [0, 2, 3, 4])
        #expect(NoteOrderChecker.longestIncreasing([0, 1, 2]) == [0, 1, 2])
        #expect(NoteOrderChecker.longestIncreasing([]) == [])
        #expect(NoteOrderChecker.longestIncreasing([2, 1, 0]).count == 1)
        let big = Array(0..<50_000).map { $0 % 2 == 0 ? $0 : 100_000 - $0 }
        #expect(NoteOrderChecker.longestIncreasing(big).count == 25_001)
    }
}
