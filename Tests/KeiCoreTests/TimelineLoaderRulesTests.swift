import Foundation
import Testing
import KeiCore
import KeiDates
import KeiDocument
import KeiTestSupport

/// The timeline loader's rules found missing by testing: overlapping terms, holders, `ongoing` with
/// `date`, strict booleans, located encoding errors, each file's own size cap, directories named as
/// timelines, a capped error listing, and a broken journal reporting only its own problem.
@Suite struct TimelineLoaderRulesTests {
    static func office(_ holders: String) -> String {
        "events: []\noffices:\n  - id: o\n    office: President of X\n    titles: [President]\n    holders:\n" + holders
    }

    static func term(_ name: String, _ start: String, _ end: String?, acting: Bool = false) -> String {
        var s = "      - name: \(name)\n        start: \(start)\n"
        if let end { s += "        end: \(end)\n" }
        if acting { s += "        acting: true\n" }
        return s + "        source: s\n"
    }

    @Test func overlappingFullTermsAreReportedAtTheLaterStart() {
        let overlap = Self.office(Self.term("Alpha", "2010-01-01", "2015-01-01") + Self.term("Beta", "2012-01-01", "2020-01-01"))
        let p = TimelineLoaderTests.problems(overlap)
        #expect(p.count == 1 && p[0].hasPrefix("t.yml:12:16: error: Beta's term of 'o' starts (2012-01-01) before Alpha's (line 7) ends (2015-01-01)"), "\(p)")
        let twoOpen = Self.office(Self.term("Alpha", "2010-01-01", nil) + Self.term("Beta", "2012-01-01", nil))
        let q = TimelineLoaderTests.problems(twoOpen)
        #expect(q.count == 1 && q[0].hasPrefix("t.yml:11:16: error: Beta's term of 'o' starts (2012-01-01) while Alpha's (from 2010-01-01, line 7) has no 'end'"), "\(q)")
        // A third full holder overlapping the first (which ends last) is reported too, not only the neighbour.
        let third = Self.office(Self.term("Alpha", "2010-01-01", "2020-01-01") + Self.term("Beta", "2011-01-01", "2012-01-01", acting: true)
                                + Self.term("Gamma", "2019-01-01", nil))
        #expect(TimelineLoaderTests.problems(third).contains { $0.contains("Gamma's term of 'o' starts (2019-01-01) before Alpha's") })
    }

    @Test func handoverDaysAndActingHoldersMayOverlap() throws {
        let handover = Self.office(Self.term("Alpha", "2010-01-01", "2015-01-01") + Self.term("Beta", "2015-01-01", nil))
        #expect(TimelineLoaderTests.problems(handover).isEmpty)
        // An acting holder inside a full term (powers suspended), and acting holders handing over on one day.
        let acting = Self.office(Self.term("Alpha", "2010-01-01", "2015-01-01") + Self.term("Acting", "2012-01-01", "2012-06-01", acting: true)
                                 + Self.term("Acting Two", "2012-06-01", "2012-07-01", acting: true) + Self.term("Beta", "2015-01-01", nil))
        #expect(TimelineLoaderTests.problems(acting).isEmpty)
        // The shipped file (Han Duck-soo / Choi Sang-mok acting, terms ending on the successor's first day) loads.
        _ = try TimelineLoader().load(TestPaths.root.appendingPathComponent("Workflows/timeline.yml"))
    }

    @Test func anOfficeNeedsHolders() {
        let empty = "events: []\noffices:\n  - id: o\n    office: O\n    titles: [President]\n    holders: []\n"
        #expect(TimelineLoaderTests.problems(empty) == ["t.yml:6:14: error: office 'o' has no holders: list at least one, or remove the office"])
        let none = "events: []\noffices:\n  - id: o\n    office: O\n    titles: [President]\n"
        #expect(TimelineLoaderTests.problems(none) == ["t.yml:3:5: error: office 'o' has no 'holders': list at least one, or remove the office"])
    }

    @Test func anOngoingEventHasNoOneDayDate() {
        let text = "events:\n  - id: a\n    name: A\n    kind: summit\n    date: 2018-06-12\n    ongoing: true\n    source: s\n"
        let p = TimelineLoaderTests.problems(text)
        #expect(p.count == 1 && p[0].hasPrefix("t.yml:2:5: error: event 'a' is 'ongoing' but has a one-day 'date'"), "\(p)")
    }

    @Test func booleansAreTrueOrFalseOnly() {
        func verified(_ v: String) -> [String] {
            TimelineLoaderTests.problems("events:\n  - id: a\n    name: A\n    kind: summit\n    date: 2018-06-12\n    source: s\n    verified: \(v)\n")
        }
        #expect(verified("on") == ["t.yml:7:15: error: verified must be true or false, got 'on'"])
        #expect(verified("yes") == ["t.yml:7:15: error: verified must be true or false, got 'yes'"])
        #expect(verified("!!str true").first?.contains("got the string 'true'") == true, "\(verified("!!str true"))")
        #expect(verified("\"false\"").first?.contains("got the string 'false'") == true)
        #expect(verified("true").isEmpty && verified("false").isEmpty && verified("True").isEmpty)
    }

    /// Yams resolves an alias (`*e`) to the anchored node itself, so the entry it repeats carries the
    /// anchor's mark: the duplicate is reported there (Yams gives no mark for the alias use).
    @Test func anAliasRepeatingAnEntryIsADuplicate() {
        let text = "events:\n  - &e\n    id: a\n    name: A\n    kind: summit\n    date: 2018-06-12\n    source: s\n  - *e\noffices: []\n"
        let p = TimelineLoaderTests.problems(text)
        #expect(p == ["t.yml:3:9: error: duplicate id 'a': a YAML alias (*…) repeats the entry anchored here; write each entry out once"], "\(p)")
    }

    func loadFile(_ bytes: [UInt8]) throws -> [String] {
        let dir = TestPaths.temporaryDirectory("kei-tl-bytes")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("t.yml")
        try Data(bytes).write(to: url)
        do {
            _ = try TimelineLoader(display: { $0.lastPathComponent }).load(url)
            return []
        } catch let e as WorkflowError {
            return e.problems.map { "\($0.location): error: \($0.message)" }
        }
    }

    @Test func encodingErrorsAreLocated() throws {
        let head = Array("events:\n  - id: a\n    name: \"".utf8)
        let bad = try loadFile(head + [0x41, 0xFF, 0x22, 0x0A])
        #expect(bad.count == 1 && bad[0].hasPrefix("t.yml:3:13: error: the timeline file is not valid UTF-8: byte 0xFF"), "\(bad)")
        let latin1 = try loadFile(head + [0x43, 0x61, 0x66, 0xE9, 0x22, 0x0A])
        #expect(latin1.first?.hasPrefix("t.yml:3:15: error: the timeline file is not valid UTF-8: byte 0xE9") == true, "\(latin1)")
        // A character before the bad byte counts as one column, whatever its UTF-8 length.
        let wide = try loadFile(head + Array("é".utf8) + [0xC0, 0x22, 0x0A])
        #expect(wide.first?.hasPrefix("t.yml:3:13: error: the timeline file is not valid UTF-8: byte 0xC0") == true, "\(wide)")
        let utf16 = try loadFile([0xFF, 0xFE] + Array("events: []\n".utf8).flatMap { [$0, 0] })
        #expect(utf16.first?.hasPrefix("t.yml:1:1: error:") == true && utf16.first?.contains("UTF-16") == true, "\(utf16)")
        let nul = try loadFile(Array("events:\n  - id: a\n    name: A\n".utf8) + [0, 0] + Array("offices: []\n".utf8))
        #expect(nul.count == 1 && nul[0].hasPrefix("t.yml:4:1: error: cannot read YAML: control characters are not allowed (U+0000)"), "\(nul)")
        #expect(try loadFile(Array("events: []\noffices: []\n".utf8)).isEmpty)
    }

    @Test func theSizeMessageNamesTheTimelinesOwnCap() throws {
        let p = try loadFile([UInt8](repeating: 0x20, count: TimelineLoader.maximumFileBytes + 1))
        #expect(p.count == 1, "\(p)")
        #expect(p[0].hasPrefix("t.yml:1: error: timeline file cannot be read: file is 4194305 bytes, over the limit of 4194304 bytes (the timeline file's own cap, 4 MiB"), "\(p)")
        #expect(!p[0].contains("max-source-bytes") && !p[0].contains("t.yml: error"), "\(p)")
    }

    @Test func aStyleFileOverItsCapNamesItsOwnCap() throws {
        let p = try ProjectFixture()
        defer { p.remove() }
        try p.write("Workflows/styles/s.yml", "name: s\n" + String(repeating: "#", count: 1024 * 1024))
        let problems = p.problems("journal: journals/j.yml\nstages: [ingest.html]\n")
        #expect(problems.contains { $0.contains("over the limit of 1048576 bytes (a style file's cap, 1 MiB") }, "\(problems)")
        #expect(!problems.contains { $0.contains("max-source-bytes") || $0.contains("s.yml: error") }, "\(problems)")
    }

    @Test func aDirectoryAsTimelineIsReportedWhereItIsNamed() throws {
        let p = try ProjectFixture()
        defer { p.remove() }
        try p.write("Workflows/journals/j.yml", "title: Korea Policy\npublisher: KEI\ntimeline: ../\n")
        let base = "journal: journals/j.yml\nstages: [ingest.html, check.dates]\n"
        #expect(p.problems(base) == ["Workflows/journals/j.yml:3:11: error: timeline file '../' is a directory (Workflows): name a file"])
        try p.write("Workflows/journals/j.yml", "title: Korea Policy\npublisher: KEI\n")
        try FileManager.default.createDirectory(at: p.root.appendingPathComponent("Workflows/dir.yml"), withIntermediateDirectories: true)
        #expect(p.problems(base + "timeline: dir.yml\n") == ["Workflows/w.yml:3:11: error: timeline file 'dir.yml' is a directory (Workflows/dir.yml): name a file"])
    }

    @Test func anEscapingPathNamesTheProjectFolderByItsPath() throws {
        let p = try ProjectFixture()
        defer { p.remove() }
        let problems = p.problems("journal: journals/j.yml\nstages: [ingest.html]\ntimeline: ../../outside.yml\n")
        #expect(problems.first?.contains("escapes the project folder \(p.root.standardizedFileURL.path);") == true, "\(problems)")
    }

    @Test func aDuplicateKeyInTheJournalIsTheOnlyProblem() throws {
        let p = try ProjectFixture()
        defer { p.remove() }
        try p.write("Workflows/timeline.yml", "events: []\noffices: []\n")
        try p.write("Workflows/journals/j.yml", "title: Korea Policy\npublisher: KEI\nstyle: ../styles/s.yml\ntimeline: ../timeline.yml\ntimeline: ../timeline.yml\n")
        let problems = p.problems("journal: journals/j.yml\nstages: [ingest.html, lint.style, check.dates]\n")
        #expect(problems == ["Workflows/journals/j.yml:5:1: error: duplicate key 'timeline' in a mapping (first at line 4): a key may appear once; remove or merge one"], "\(problems)")
    }

    @Test func aLongListingOfProblemsIsCapped() {
        var text = "events:\n"
        for _ in 0..<150 { text += "  - {id: a, name: A, kind: bogus, date: 2018-06-12, source: s}\n" }
        do {
            _ = try TimelineLoader().load(text: text, displayPath: "t.yml")
            Issue.record("loaded")
        } catch let e as WorkflowError {
            #expect(e.problems.count == 150 + 149)
            let lines = e.description.split(separator: "\n")
            #expect(lines.count == WorkflowError.listedProblems + 1)
            #expect(lines.last == "… and 199 more problems (299 in all): fix the ones above and run again")
        } catch {
            Issue.record("\(error)")
        }
    }
}
