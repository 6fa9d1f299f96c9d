import Foundation
import KeiDocument
import KeiTestSupport
import Testing

/// Snapshot tests: every `Samples/issue-3-2/*.html` page is ingested and dumped with ``TreeDumper``;
/// the dump must equal `Tests/KeiStagesTests/Snapshots/NAME.tree.txt`.
///
/// Record (or re-record) baselines with `RECORD_SNAPSHOTS=1 swift test --filter SampleTreeDump`:
/// the snapshots are written and the test fails, so every new baseline is read before it is committed.
@Suite struct SampleTreeDumpTests {
    static let sampleFolder = "Samples/issue-3-2"
    static var snapshots: URL {
        TestPaths.root.appendingPathComponent("Tests/KeiStagesTests/Snapshots")
    }

    static func sampleNames() -> [String] {
        let folder = TestPaths.root.appendingPathComponent(sampleFolder)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".html") }.sorted()
    }

    @Test func samplesExist() {
        #expect(Self.sampleNames().count >= 3, "expected at least three sample pages in \(Self.sampleFolder)")
    }

    @Test(arguments: sampleNames())
    func treeDumpMatchesSnapshot(_ name: String) throws {
        let file = TestPaths.root.appendingPathComponent(Self.sampleFolder).appendingPathComponent(name)
        let display = "\(Self.sampleFolder)/\(name)"
        let (article, diagnostics) = try StageHarness.ingest(file: file, display: display,
                                                            id: String(name.dropLast(".html".count)))
        var dump = TreeDumper.dump(article)
        let bodyRules = diagnostics.filter { $0.rule.hasPrefix("ingest.note") }
        if !bodyRules.isEmpty {
            dump += "Diagnostics\n"
            for d in bodyRules { dump += "  \(d.rule) \(d.severity.rawValue) @\(d.location.line) \(d.message)\n" }
        }
        let snapshotName = String(name.dropLast(".html".count)) + ".tree.txt"
        let snapshot = Self.snapshots.appendingPathComponent(snapshotName)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
            try Data(dump.utf8).write(to: snapshot)
            Issue.record("Recorded \(snapshotName); review it, then run again without RECORD_SNAPSHOTS.")
            return
        }
        guard let expected = try? String(contentsOf: snapshot, encoding: .utf8) else {
            Issue.record("No snapshot \(snapshot.path). Record it with: RECORD_SNAPSHOTS=1 swift test --filter SampleTreeDump, then review the file.")
            return
        }
        if dump != expected {
            let a = dump.split(separator: "\n", omittingEmptySubsequences: false)
            let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            let got = first < a.count ? String(a[first]) : "<end>"
            let want = first < b.count ? String(b[first]) : "<end>"
            Issue.record("\(snapshotName) differs at line \(first + 1):\n  got:      \(got)\n  expected: \(want)\nRe-record with RECORD_SNAPSHOTS=1 if the change is intended.")
        }
    }
}
