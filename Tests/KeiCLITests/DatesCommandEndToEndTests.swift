import Foundation
import Testing
import KeiTestSupport

/// `kei-pipeline dates` through the real binary: JSON lines with byte offsets and lines into the file
/// as read, for plain text and HTML pages, standard input, several files and bad input.
@Suite struct DatesCommandEndToEndTests {
    static func objects(_ out: String) throws -> [[String: Any]] {
        try out.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    static let text = """
        Überblick: The leaders met on Tuesday, June 12, 2018, in Singapore.
        Resolution 2397 was adopted; call 202-464-1982.
        The memo of 05/06/2025 says the talks resume next month, and cites February 30, 2018.

        """

    @Test func plainTextGivesByteOffsetsLinesAndValues() throws {
        let dir = TestPaths.temporaryDirectory(); defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.txt")
        try Data(Self.text.utf8).write(to: file)
        let r = try CLIHarness.runBinary(["dates", "--reference-date", "2025-12-10", "a.txt"], in: dir)
        #expect(r.code == 0 && r.err.isEmpty, "\(r.err)")
        let o = try Self.objects(r.out)
        #expect(o.map { $0["text"] as? String } == ["Tuesday, June 12, 2018", "05/06/2025", "next month", "February 30, 2018"])
        let bytes = Array(Self.text.utf8)
        for m in o {
            let s = try #require(m["start"] as? Int), e = try #require(m["end"] as? Int)
            #expect(String(decoding: bytes[s..<e], as: UTF8.self) == m["text"] as? String, "UTF-8 byte offsets, half-open")
        }
        #expect(o.map { $0["line"] as? Int } == [1, 3, 3, 3])
        #expect(o[0]["value"] as? String == "2018-06-12" && o[0]["kind"] as? String == "date" && o[0]["form"] as? String == "month-day-year")
        #expect(o[1]["ambiguous"] as? Bool == true && o[1]["form"] as? String == "numeric-ambiguous")
        #expect(o[0]["ambiguous"] == nil && o[0]["file"] == nil, "ambiguous only when true, file only for several files")
        #expect(o[2]["value"] as? String == "2026-01" && o[2]["kind"] as? String == "relative")
        #expect(o[3]["value"] is NSNull, "an impossible date has value null")
        // Keys sorted; same bytes on a second run.
        let first = String(r.out.split(separator: "\n")[0])
        #expect(first.hasPrefix("{\"end\":") && first.range(of: "\"text\"")!.lowerBound > first.range(of: "\"line\"")!.lowerBound)
        #expect(try CLIHarness.runBinary(["dates", "--reference-date", "2025-12-10", "a.txt"], in: dir).out == r.out)
        // Without a reference date the relative phrase has no value.
        let noRef = try Self.objects(try CLIHarness.runBinary(["dates", "a.txt"], in: dir).out)
        #expect(noRef[2]["value"] is NSNull)
    }

    @Test func htmlIsReadThroughTheIngestWithSourceOffsets() throws {
        let dir = TestPaths.temporaryDirectory(); defer { try? FileManager.default.removeItem(at: dir) }
        let html = """
            <!DOCTYPE html><html lang="en"><head><title>A Title</title>
            <meta name="citation_publication_date" content="2025-12-15"></head>
            <body><nav>Menu · Archive 2019 · December 1, 2025</nav><main><article><h1>A Title</h1>
            <p>The summit on <em>June</em> 12, 2018 was followed by talks in 2019.</p>
            <p>Officials met last week in Seoul, and again on Dec. 3.</p>
            </article></main></body></html>

            """
        try Data(html.utf8).write(to: dir.appendingPathComponent("page.html"))
        let r = try CLIHarness.runBinary(["dates", "page.html"], in: dir)
        #expect(r.code == 0, "\(r.err)")
        let o = try Self.objects(r.out)
        #expect(o.map { $0["text"] as? String } == ["June 12, 2018", "2019", "last week", "Dec. 3"], "chrome (the nav) is not read")
        #expect(o[2]["value"] as? String == "2025-12-08/2025-12-14", "relative to the page's publication date")
        #expect(o[3]["value"] as? String == "2025-12-03", "each paragraph is a text of its own: no year in it, the reference year")
        let bytes = Array(html.utf8)
        let s = try #require(o[1]["start"] as? Int), e = try #require(o[1]["end"] as? Int)
        #expect(String(decoding: bytes[s..<e], as: UTF8.self) == "2019")
        let s0 = try #require(o[0]["start"] as? Int), e0 = try #require(o[0]["end"] as? Int)
        #expect(String(decoding: bytes[s0..<e0], as: UTF8.self) == "June</em> 12, 2018", "a span across markup covers the source")
        #expect(o.map { $0["line"] as? Int } == [4, 4, 5, 5])
    }

    @Test func standardInputAndSeveralFiles() throws {
        let dir = TestPaths.temporaryDirectory(); defer { try? FileManager.default.removeItem(at: dir) }
        try Data("In 2018 they met.\n".utf8).write(to: dir.appendingPathComponent("one.txt"))
        try Data("No date here. Resolution 2397.\n".utf8).write(to: dir.appendingPathComponent("two.txt"))
        let stdin = try CLIHarness.runBinary(["dates"], in: dir, input: Data("Signed 2025-12-15.\n".utf8))
        #expect(stdin.code == 0 && stdin.out == "{\"end\":17,\"form\":\"iso\",\"kind\":\"date\",\"line\":1,\"start\":7,\"text\":\"2025-12-15\",\"value\":\"2025-12-15\"}\n")
        let dash = try CLIHarness.runBinary(["dates", "-"], in: dir, input: Data("Signed 2025-12-15.\n".utf8))
        #expect(dash.out == stdin.out)
        let two = try Self.objects(try CLIHarness.runBinary(["dates", "one.txt", "two.txt"], in: dir).out)
        #expect(two.count == 1 && two[0]["file"] as? String == "one.txt" && two[0]["text"] as? String == "2018")
    }

    @Test func badInputExits2NamingTheFile() throws {
        let dir = TestPaths.temporaryDirectory(); defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try CLIHarness.runBinary(["dates", "nope.txt"], in: dir)
        #expect(missing.code == 2 && missing.err.contains("nope.txt: error: file not found") && missing.out.isEmpty)
        let folder = try CLIHarness.runBinary(["dates", "."], in: dir)
        #expect(folder.code == 2 && folder.err.contains(".: error: is a directory"))
        try Data([0x49, 0x6E, 0x20, 0x32, 0x30, 0x31, 0x38, 0xFF, 0x0A]).write(to: dir.appendingPathComponent("bad.txt"))
        try Data("In 2018.\n".utf8).write(to: dir.appendingPathComponent("good.txt"))
        let bad = try CLIHarness.runBinary(["dates", "good.txt", "bad.txt"], in: dir)
        #expect(bad.code == 2 && bad.err.contains("bad.txt: error: is not valid UTF-8") && bad.out.isEmpty)
        let date = try CLIHarness.runBinary(["dates", "--reference-date", "2025-13-01", "good.txt"], in: dir)
        #expect(date.code == 2 && date.err.contains("--reference-date"), "a usage error exits 2, as README's exit codes say")
        let help = try CLIHarness.runBinary(["dates", "--help"], in: dir)
        #expect(help.out.contains("2 a") && help.out.contains("malformed --reference-date") && !help.out.contains("64"),
                "the help says what the command does")
    }

    /// Breaker reports: a month-day after a sentence of plans has no value; one with a year inferred says so
    /// (`yearInferred`); a name ("the June 3 election") has none; Korean, dotted and numeric-range forms.
    @Test func inferredYearsNamesAndNewForms() throws {
        let dir = TestPaths.temporaryDirectory(); defer { try? FileManager.default.removeItem(at: dir) }
        let text = """
            Talks are planned for March 2026. On December 3, President Yoon said they would go ahead.
            In 2019 the talks began on June 3, before the June 3 election.
            The grant covers 1/1/2026-12/31/2026; the decree of 2025. 12. 3. and the order of 03.12.2024 stand.

            """
        try Data(text.utf8).write(to: dir.appendingPathComponent("a.txt"))
        let r = try CLIHarness.runBinary(["dates", "--reference-date", "2025-12-15", "a.txt"], in: dir)
        #expect(r.code == 0, "\(r.err)")
        let o = try Self.objects(r.out)
        let byText = { (t: String) in o.filter { $0["text"] as? String == t } }
        #expect(byText("December 3").first?["value"] is NSNull, "a plan's year does not date a later month-day")
        let june = byText("June 3")
        #expect(june.count == 2)
        #expect(june.first?["value"] as? String == "2019-06-03" && june.first?["yearInferred"] as? Bool == true)
        #expect(june.last?["value"] is NSNull && june.last?["yearInferred"] == nil, "the June 3 election is a name")
        #expect(byText("2019").first?["yearInferred"] == nil)
        #expect(byText("1/1/2026-12/31/2026").first?["value"] as? String == "2026-01-01/2026-12-31")
        #expect(byText("2025. 12. 3.").first?["value"] as? String == "2025-12-03")
        #expect(byText("03.12.2024").first?["value"] as? String == "2024-12-03", "dotted dates are day first, as the ingest reads them")
    }
}
