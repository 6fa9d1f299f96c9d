import Foundation
import Testing
import KeiTestSupport
@testable import KeiStages

/// Golden-file test: the rich fixture article must serialise byte for byte as the reviewed baseline
/// `Snapshots/rich-article.jats.xml`. Set `RECORD_SNAPSHOTS` to re-record; the test then fails so
/// that the new baseline is reviewed (and committed) before it is trusted.
@Suite struct JATSSnapshotTests {
    static var snapshot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Snapshots/rich-article.jats.xml")
    }

    @Test func richArticleMatchesTheSnapshot() throws {
        let xml = JATSWriter.write(JATSFixtures.richArticle(), issue: JATSFixtures.issue)
        if let problem = Snapshot.mismatch(xml, snapshot: Self.snapshot) {
            Issue.record("\(problem)")
        }
    }

    @Test(.enabled(if: XMLLint.dtdsAvailable, "needs ../shared/jats"))
    func theSnapshotIsValidAgainstTheDTD() throws {
        guard FileManager.default.fileExists(atPath: Self.snapshot.path) else {
            Issue.record("No snapshot at \(Self.snapshot.path)")
            return
        }
        let result = try XMLLint.validate(file: Self.snapshot)
        #expect(result.passed, "exit \(result.status): \(result.stderr)")
    }
}
