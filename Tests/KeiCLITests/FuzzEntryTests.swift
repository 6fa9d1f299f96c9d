import Foundation
import Testing
@testable import KeiCLI
import KeiTestSupport

/// The readers behind the libFuzzer targets (`make fuzz`, ``FuzzEntry``): each is wired to its real reader
/// (a shipped file is accepted, a broken one refused with a message naming the file), and every input a
/// fuzz run found is replayed here through the same entry.
@Suite struct FuzzEntryTests {
    static func file(_ path: String) throws -> Data {
        try Data(contentsOf: TestPaths.root.appendingPathComponent(path))
    }

    static let baseline = Data("""
        {"version": 1, "tool": "kei-pipeline 0.1.0", "fingerprint_scheme": "keiFingerprint/v1", "entries": [
          {"fingerprint": "0123456789abcdef", "rule": "style.spelling", "severity": "warning", "article": "a",
           "file": "Samples/a.html", "line": 3, "excerpt": "teh", "message": "Spelling"}]}
        """.utf8)

    @Test func everyReaderAcceptsAShippedFile() throws {
        let sandbox = try FuzzSandbox(copying: TestPaths.root); defer { sandbox.remove() }
        let inputs: [FuzzEntry: Data] = [
            .html: try Self.file("Samples/issue-3-2/chips-trust-and-trade.html"),
            .text: Data("A Title\nPublished May 1, 2024\n\nEnough text to be the body of an article here.\n".utf8),
            .workflow: try Self.file("Workflows/issue-3-2.yml"),
            .journal: try Self.file("Workflows/journals/korea-policy.yml"),
            .style: try Self.file("Workflows/styles/kei.yml"),
            .timeline: try Self.file("Workflows/timeline.yml"),
            .manifest: try Self.file("Samples/back-issues/vol-1/issue-1/issue.yml"),
            .baseline: Self.baseline,
            .reference: Data("Solon, G. (1999). Intergenerational mobility in the labor market. London: Elsevier.".utf8),
        ]
        #expect(Set(inputs.keys) == Set(FuzzEntry.allCases))
        for (entry, data) in inputs {
            #expect(entry.run(data, in: sandbox) == .accepted, "\(entry)")
        }
    }

    /// A broken file is refused with the CLI's message naming the file: the entry really reaches the reader.
    @Test func everyFileReaderRefusesABrokenFileNamingIt() throws {
        let sandbox = try FuzzSandbox(copying: TestPaths.root); defer { sandbox.remove() }
        let broken = Data("title: [unclosed\n  - : :\n".utf8)
        let expected: [FuzzEntry: String] = [
            .workflow: "Workflows/fuzz.yml", .journal: "journals/fuzz.yml", .style: "styles/fuzz.yml",
            .timeline: "Workflows/timeline.yml", .manifest: "issue.yml", .baseline: "baseline.json",
        ]
        for (entry, name) in expected {
            guard case .refused(let message) = entry.run(broken, in: sandbox) else {
                Issue.record("\(entry): not refused"); continue
            }
            #expect(message.contains(name), "\(entry): \(message)")
        }
    }

    /// Pages and notes are never refused: garbage is read with diagnostics.
    @Test func pagesAndNotesAcceptGarbage() throws {
        let sandbox = try FuzzSandbox(copying: TestPaths.root); defer { sandbox.remove() }
        let garbage = Data([0xFF, 0xFE, 0x00, 0x3C, 0x21, 0x2D, 0x2D, 0xC3, 0x28, 0x0A, 0x3C, 0x70, 0x3E])
        for entry in [FuzzEntry.html, .text, .reference] {
            #expect(entry.run(garbage, in: sandbox) == .accepted, "\(entry)")
        }
    }

    /// Fuzz finding (`make fuzz`, html, 2026-12-01, LeakSanitizer at exit; crash file: the empty input): an
    /// empty file leaks 4,096 bytes per read inside swift-foundation's `Data(contentsOf:)` (Swift 6.3.1;
    /// suppressed in Fuzz/lsan-suppressions.txt). Every reader must still give its documented outcome on it.
    @Test func theEmptyInputIsReadOrRefusedByEveryReader() throws {
        let sandbox = try FuzzSandbox(copying: TestPaths.root); defer { sandbox.remove() }
        for entry in FuzzEntry.allCases {
            let outcome = entry.run(Data(), in: sandbox)
            switch entry {
            case .html, .text, .reference, .manifest:   // an empty issue.yml sets nothing: every key is optional
                #expect(outcome == .accepted, "\(entry): \(outcome)")
            case .workflow, .journal, .style, .timeline, .baseline:
                guard case .refused(let message) = outcome else { Issue.record("\(entry): \(outcome)"); continue }
                #expect(message.contains("empty") || message.contains("JSON"), "\(entry): \(message)")
            }
        }
    }
}
