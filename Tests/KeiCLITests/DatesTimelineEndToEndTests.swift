import Foundation
import Testing
import KeiTestSupport

/// `check.dates`'s timeline checks through the real binary: the fixture workflow
/// (`Fixtures/dates-timeline/workflow.yml`, cover date 2025-12-15) names its own timeline, and its page
/// has one planted problem of every kind, each found at the words it is about with the timeline entry
/// quoted; a broken timeline stops the run with exit 2 and file:line:column.
@Suite(.serialized) struct DatesTimelineEndToEndTests {
    static let folder = "Tests/KeiCLITests/Fixtures/dates-timeline"

    struct Expected {
        var rule: String
        var line: Int
        var words: String
        var message: String
    }

    static let expected: [Expected] = [
        Expected(rule: "check.dates.event-date", line: 2, words: "Singapore summit on June 21, 2018", message: "timeline.yml:3: Singapore summit, 2018-06-12"),
        Expected(rule: "check.dates.event-age", line: 4, words: "its third year", message: "not its 3rd"),
        Expected(rule: "check.dates.event-age", line: 5, words: "one year since the war in Ukraine", message: "3 whole years"),
        Expected(rule: "check.dates.office-holder", line: 6, words: "South Korean President Yoon Suk Yeol", message: "held then by"),
        Expected(rule: "check.dates.office-holder", line: 8, words: "President Lee Jae-myung", message: "the sentence is dated 2024-03"),
        Expected(rule: "check.dates.office-holder", line: 9, words: "Secretary of State Antony Blinken", message: "Marco Rubio"),
        Expected(rule: "check.dates.office-never-held", line: 10, words: "Secretary of State Moon Jae-in", message: "never lists Moon Jae-in"),
        Expected(rule: "check.dates.administration-term", line: 11, words: "The second Trump administration’s 2019", message: "2nd term"),
        Expected(rule: "check.dates.administration-term", line: 11, words: "Trump’s first term in 2025", message: "1st term"),
    ]

    @Test func everyPlantedProblemIsFoundAtItsWords() throws {
        let out = TestPaths.temporaryDirectory("kei-dates-tl")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try CLIHarness.runBinary(["run", "\(Self.folder)/workflow.yml", "--output", out.path, "--report", "json"])
        #expect(r.code == 0, "\(r.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
            .filter { ($0["rule"] as? String)?.hasPrefix("check.dates.") == true }
        let lines = try String(contentsOf: TestPaths.root.appendingPathComponent("\(Self.folder)/page.html"), encoding: .utf8)
            .components(separatedBy: "\n")
        var found: [String] = []
        for d in diagnostics {
            let words = CitationChecksEndToEndTests.spanned(d, in: lines) ?? "?"
            found.append("\(d["rule"] as? String ?? "?") \(d["line"] as? Int ?? 0) \(words)")
        }
        for e in Self.expected {
            let match = diagnostics.first { d in
                d["rule"] as? String == e.rule && d["line"] as? Int == e.line
                    && CitationChecksEndToEndTests.spanned(d, in: lines) == e.words
                    && (d["message"] as? String)?.contains(e.message) == true
            }
            #expect(match != nil, "missing \(e.rule) at line \(e.line) on “\(e.words)”; found: \(found)")
        }
        #expect(diagnostics.count == Self.expected.count, "\(found)")
    }

    @Test func theTimelineCommandPrintsTheCounts() throws {
        let r = try CLIHarness.runBinary(["timeline", "--workflow", "\(Self.folder)/workflow.yml"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("timeline.yml: 13 entries (3 events, 10 office terms in 5 offices)"), "\(r.out)")
        #expect(r.out.contains("  summit: 1\n  agreement: 1\n  war: 1\n"), "\(r.out)")
        #expect(r.out.contains("president-united-states (President of the United States): 3 terms, in office: Donald Trump"))
        #expect(r.out.contains("unverified entries: 1"))
        // A workflow without a timeline is a usage error.
        let dir = TestPaths.temporaryDirectory("kei-dates-tl-none")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("name: none\nstages: [ingest.html, check.dates]\n".utf8).write(to: dir.appendingPathComponent("w.yml"))
        let none = try CLIHarness.runBinary(["timeline", "--workflow", "w.yml"], in: dir)
        #expect(none.code == 2 && none.err.contains("has no timeline"), "\(none.err)")
    }

    @Test func aBrokenTimelineStopsTheRunWithItsLocation() throws {
        let dir = TestPaths.temporaryDirectory("kei-dates-tl-broken")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let fm = FileManager.default
        for f in ["workflow.yml", "page.html"] {
            try fm.copyItem(at: TestPaths.root.appendingPathComponent("\(Self.folder)/\(f)"), to: dir.appendingPathComponent(f))
        }
        try Data("events:\n  - id: x\n    name: X\n    kind: summit\n    date: 2018-06-31\n    source: s\n".utf8)
            .write(to: dir.appendingPathComponent("timeline.yml"))
        let r = try CLIHarness.runBinary(["run", "workflow.yml"], in: dir)
        #expect(r.code == 2)
        #expect(r.err.contains("timeline.yml:5:11: error: date '2018-06-31' is not a calendar date"), "\(r.err)")
    }
}
