import Foundation
import Testing
import KeiTestSupport

/// `kei-pipeline cite parse`: one CSL-JSON object per input line, in process and through the binary.
@Suite struct CiteParseEndToEndTests {
    static let notes = [
        "Elena Marsh, Two Audiences: Allies, Adversaries, and the Logic of Extended Deterrence (Ithaca, NY: Northgate University Press, 2021), 34–38.",
        "",
        "Daniel R. Okafor, “Visible Assurance: Port Calls and the Politics of Extended Deterrence,” Journal of Alliance Studies 12, no. 3 (2024): 211–29.",
    ]

    static func objects(_ out: String) throws -> [[String: Any]] {
        try out.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func oneObjectPerLineWithSortedCSLKeys() throws {
        let dir = TestPaths.temporaryDirectory(); defer { try? FileManager.default.removeItem(at: dir) }
        try Data((Self.notes.joined(separator: "\r\n") + "\n").utf8).write(to: dir.appendingPathComponent("notes.txt"))
        let r = CLIHarness.run(["cite", "parse", "notes.txt"], in: dir)
        #expect(r.code == 0 && r.err.isEmpty, "\(r.err)")
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 3)
        #expect(lines[1] == "{}", "a blank line keeps its place")
        let objects = try Self.objects(r.out)
        #expect(objects[0]["type"] as? String == "book")
        #expect(objects[0]["publisher-place"] as? String == "Ithaca, NY")
        #expect((objects[0]["issued"] as? [String: Any])?["date-parts"] as? [[Int]] == [[2021]])
        #expect((objects[0]["author"] as? [[String: String]])?.first == ["family": "Marsh", "given": "Elena"])
        #expect(objects[2]["container-title"] as? String == "Journal of Alliance Studies")
        #expect(objects[2]["volume"] as? String == "12" && objects[2]["issue"] as? String == "3")
        // Keys sorted, as written.
        let first = String(lines[0])
        let keys = try #require(objects.first?.keys).sorted()
        var last = first.startIndex
        for key in keys {
            let at = try #require(first.range(of: "\"\(key)\":"))
            #expect(at.lowerBound >= last); last = at.lowerBound
        }
        // Same input, same bytes.
        #expect(CLIHarness.run(["cite", "parse", "notes.txt"], in: dir).out == r.out)
    }

    @Test func inputErrorsNameTheFileAndExit2() throws {
        let dir = TestPaths.temporaryDirectory(); defer { try? FileManager.default.removeItem(at: dir) }
        let missing = CLIHarness.run(["cite", "parse", "nope.txt"], in: dir)
        #expect(missing.code == 2 && missing.err == "nope.txt: error: file not found\n" && missing.out.isEmpty)
        let folder = CLIHarness.run(["cite", "parse", "."], in: dir)
        #expect(folder.code == 2 && folder.err.hasPrefix(".: error: is a directory"))
        try Data([0x4B, 0x69, 0x6D, 0xFF, 0xFE, 0x0A]).write(to: dir.appendingPathComponent("bad.txt"))
        let bad = CLIHarness.run(["cite", "parse", "bad.txt"], in: dir)
        #expect(bad.code == 2 && bad.err.hasPrefix("bad.txt: error: is not valid UTF-8"))
    }

    @Test func binaryReadsStandardInputAndHugeLines() throws {
        let input = Self.notes.joined(separator: "\n") + "\n" + String(repeating: "Seoul, ", count: 200_000) + "\n"
        let r = try CLIHarness.runBinary(["cite", "parse"], input: Data(input.utf8))
        #expect(r.code == 0, "\(r.err)")
        let objects = try Self.objects(r.out)
        #expect(objects.count == 4)
        #expect(objects[2]["type"] as? String == "article-journal")
        let dash = try CLIHarness.runBinary(["cite", "parse", "-"], input: Data((Self.notes[0] + "\n").utf8))
        let dashObjects = try Self.objects(dash.out)
        #expect(dash.code == 0 && dashObjects.first?["publisher"] as? String == "Northgate University Press")
        let missing = try CLIHarness.runBinary(["cite", "parse", "no-such-file.txt"])
        #expect(missing.code == 2 && missing.err.contains("no-such-file.txt: error: file not found"))
    }

    /// Text the parser cannot place is kept (as `note`), and "Ibid." invents no names (CR LF input).
    @Test func binaryKeepsUnplacedTextAndIbid() throws {
        let r = try CLIHarness.runBinary(["cite", "parse"], input: Data("a\r\nb\r\nIbid., 47–49.\r\n".utf8))
        #expect(r.code == 0, "\(r.err)")
        let objects = try Self.objects(r.out)
        #expect(objects.count == 3)
        #expect(objects[1].count > 1 && r.out.split(separator: "\n")[1].contains("\"b\""), "\(r.out)")
        #expect(objects[2]["note"] as? String == "Ibid., 47–49." && objects[2]["page"] as? String == "47–49")
        #expect(objects[2]["editor"] == nil && objects[2]["author"] == nil)
    }
}
