import Foundation
import KeiDocument
import KeiTestSupport
import Testing

/// `kei-pipeline check SEED.txt --report json` from the project: the text back issue is read by
/// `ingest.text` (through `ingest.html`'s `.txt` dispatch) and findings point at its lines and columns.
@Suite struct TextIngestEndToEndTests {
    @Test(.enabled(if: TestPaths.sharedExists))
    func seedTextFindingsPointAtTheTextFile() throws {
        let seed = TestPaths.shared.appendingPathComponent("seed/000_585abf9ef188c73f.txt")
        let out = TestPaths.temporaryDirectory("kei-text-e2e")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try CLIHarness.runBinary(["check", seed.path, "--output", out.path, "--report", "json:-"])
        #expect(r.code == 0 || r.code == 1, "\(r.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        let text = try String(contentsOf: seed, encoding: .utf8)
        let index = SourceLineIndex(text)
        // The event-age finding on "its third year" is on that phrase's line and column in the .txt.
        let range = try #require(text.range(of: "its third year"))
        let want = index.position(of: text.utf8.distance(from: text.startIndex, to: range.lowerBound))
        let age = try #require(diagnostics.first { ($0["rule"] as? String) == "check.dates.event-age" })
        #expect(age["line"] as? Int == want.line)
        #expect(age["column"] as? Int == want.column)
        #expect(diagnostics.allSatisfy { ($0["rule"] as? String)?.hasPrefix("ingest.") != true || ($0["severity"] as? String) == "info" })
    }
}
