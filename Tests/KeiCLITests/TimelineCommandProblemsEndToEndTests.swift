import Foundation
import Testing
import KeiTestSupport

/// The `timeline` command on broken timelines through the real binary: overlapping terms, an invalid
/// byte, a directory named as the timeline, an oversized file and a journal with a duplicate key each
/// exit 2 with the one problem at its file:line:column.
@Suite struct TimelineCommandProblemsEndToEndTests {
    /// Runs `timeline --workflow w.yml` in a fresh project whose journal names `Workflows/timeline.yml`,
    /// after `setUp` has written the files it needs.
    static func run(journalExtra: String = "", _ setUp: (URL) throws -> Void) throws -> (code: Int32, out: String, err: String) {
        let dir = TestPaths.temporaryDirectory("kei-tl-problems")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("Workflows/journals"), withIntermediateDirectories: true)
        try Data("title: Korea Policy\npublisher: KEI\ntimeline: ../timeline.yml\n\(journalExtra)".utf8)
            .write(to: dir.appendingPathComponent("Workflows/journals/j.yml"))
        try Data("journal: journals/j.yml\nstages: [ingest.html, check.dates]\n".utf8).write(to: dir.appendingPathComponent("Workflows/w.yml"))
        try setUp(dir.appendingPathComponent("Workflows/timeline.yml"))
        let r = try CLIHarness.runBinary(["timeline", "--workflow", "w"], in: dir)
        return (r.code, r.out, r.err)
    }

    static let overlapping = """
    events: []
    offices:
      - id: o
        office: President of X
        titles: [President]
        holders:
          - {name: Alpha One, start: 2010-01-01, end: 2015-01-01, source: x}
          - {name: Beta Two, start: 2012-01-01, end: 2020-01-01, source: x}
          - {name: Gamma Three, start: 2020-01-01, source: x}

    """

    @Test func overlappingTermsExitTwoAtTheLaterStart() throws {
        let r = try Self.run { try Data(Self.overlapping.utf8).write(to: $0) }
        #expect(r.code == 2)
        #expect(r.err == "Workflows/timeline.yml:8:33: error: Beta Two's term of 'o' starts (2012-01-01) before Alpha One's (line 7) ends (2015-01-01): two holders at once; correct the dates, or mark one of them 'acting: true'\n", "\(r.err)")
    }

    @Test func anInvalidByteIsLocated() throws {
        let r = try Self.run { try Data(Array("events:\n  - id: a\n    name: \"A".utf8) + [0xFF, 0x22, 0x0A]).write(to: $0) }
        #expect(r.code == 2)
        #expect(r.err.hasPrefix("Workflows/timeline.yml:3:13: error: the timeline file is not valid UTF-8: byte 0xFF"), "\(r.err)")
    }

    @Test func aDirectoryIsReportedWhereTheJournalNamesIt() throws {
        let r = try Self.run { try FileManager.default.createDirectory(at: $0, withIntermediateDirectories: true) }
        #expect(r.code == 2)
        #expect(r.err == "Workflows/journals/j.yml:3:11: error: timeline file '../timeline.yml' is a directory (Workflows/timeline.yml): name a file\n", "\(r.err)")
    }

    @Test func anOversizedTimelineNamesItsOwnCap() throws {
        let r = try Self.run { try Data(repeating: 0x20, count: 4 * 1024 * 1024 + 10).write(to: $0) }
        #expect(r.code == 2)
        #expect(r.err.hasPrefix("Workflows/timeline.yml:1: error: timeline file cannot be read: file is 4194314 bytes, over the limit of 4194304 bytes (the timeline file's own cap, 4 MiB"), "\(r.err)")
        #expect(!r.err.contains("max-source-bytes"))
    }

    @Test func aDuplicateJournalKeyIsTheOnlyProblem() throws {
        let r = try Self.run(journalExtra: "timeline: ../timeline.yml\n") { try Data("events: []\noffices: []\n".utf8).write(to: $0) }
        #expect(r.code == 2)
        #expect(r.err.split(separator: "\n").count == 1 && r.err.contains("duplicate key 'timeline' in a mapping (first at line 3)"), "\(r.err)")
    }
}
