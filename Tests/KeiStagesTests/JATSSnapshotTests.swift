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
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try FileManager.default.createDirectory(at: Self.snapshot.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(xml.utf8).write(to: Self.snapshot)
            Issue.record("Recorded a new baseline at \(Self.snapshot.path); review it, then run again without RECORD_SNAPSHOTS.")
            return
        }
        guard let data = FileManager.default.contents(atPath: Self.snapshot.path) else {
            Issue.record("No snapshot at \(Self.snapshot.path); run with RECORD_SNAPSHOTS=1 to record one.")
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if xml != expected {
            let a = xml.split(separator: "\n", omittingEmptySubsequences: false)
            let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            Issue.record("""
                Output differs from \(Self.snapshot.lastPathComponent) at line \(line + 1):
                  got:      \(line < a.count ? String(a[line]) : "<end of output>")
                  expected: \(line < b.count ? String(b[line]) : "<end of snapshot>")
                Re-record with RECORD_SNAPSHOTS=1 if the change is intended.
                """)
        }
    }

    @Test(.enabled(if: JATSXMLLint.dtdsAvailable, "needs ../shared/jats"))
    func theSnapshotIsValidAgainstTheDTD() throws {
        guard FileManager.default.fileExists(atPath: Self.snapshot.path) else {
            Issue.record("No snapshot at \(Self.snapshot.path)")
            return
        }
        let result = try JATSXMLLint.validate(file: Self.snapshot)
        #expect(result.passed, "exit \(result.status): \(result.stderr)")
    }
}
