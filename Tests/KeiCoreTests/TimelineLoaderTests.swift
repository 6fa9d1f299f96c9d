import Foundation
import Testing
import KeiCore
import KeiDates
import KeiDocument
import KeiTestSupport

/// The timeline loader: the schema of `Workflows/timeline.yml`, every error with file:line:column, the
/// `timeline:` keys of the journal and the workflow (the workflow's wins), and the shipped file.
@Suite struct TimelineLoaderTests {
    static let good = """
    events:
      - id: singapore-summit-2018
        name: Singapore summit
        kind: summit
        date: 2018-06-12
        aliases: [Sentosa summit]
        source: "Joint Statement"
      - id: ukraine-war
        name: Ukraine War
        kind: war
        start: 2022-02-24
        ongoing: true
        source: "UNGA ES-11/1"
        verified: false
    offices:
      - id: president-south-korea
        office: President of South Korea
        titles: [President]
        qualifiers: [South Korean]
        holders:
          - name: Yoon Suk Yeol
            aliases: [Yoon]
            start: 2022-05-10
            end: 2025-04-04
            source: "Constitutional Court"
          - name: Han Duck-soo
            start: 2025-04-04
            end: 2025-05-01
            acting: true
            source: "Office of the Prime Minister"
    """

    static func load(_ text: String) throws -> Timeline {
        try TimelineLoader().load(text: text, displayPath: "t.yml")
    }

    /// The problems loading `text` reports, as `file:line:col: error: message` lines.
    static func problems(_ text: String) -> [String] {
        do {
            _ = try load(text)
            return []
        } catch let e as WorkflowError {
            return e.problems.map { "\($0.location): error: \($0.message)" }
        } catch {
            return ["\(error)"]
        }
    }

    @Test func readsEventsAndOfficesWithTheirLines() throws {
        let t = try Self.load(Self.good)
        #expect(t.events.map(\.id) == ["singapore-summit-2018", "ukraine-war"])
        let summit = t.events[0], war = t.events[1]
        #expect(summit.start.iso == "2018-06-12" && summit.end == nil && summit.kind == .summit && summit.aliases == ["Sentosa summit"])
        #expect(summit.location.line == 2 && summit.location.file == "t.yml")
        #expect(war.ongoing && !war.verified && war.kind == .war)
        #expect(t.offices.count == 1 && t.offices[0].holders.map(\.person) == ["Yoon Suk Yeol", "Han Duck-soo"])
        #expect(t.offices[0].holders[1].acting && t.offices[0].holders[0].end?.iso == "2025-04-04")
        #expect(t.entryCount == 4)
        #expect(summit.quoted == "t.yml:2: Singapore summit, 2018-06-12 (source: Joint Statement)")
        #expect(t.offices[0].holders[0].quoted(office: t.offices[0]).hasPrefix("t.yml:21: Yoon Suk Yeol, President of South Korea, 2022-05-10 to 2025-04-04"))
    }

    @Test func everyProblemIsLocated() {
        let text = """
        events:
          - id: a
            name: A
            kind: sumit
            date: 2018-02-30
            source: s
          - id: a
            name: B
            kind: war
            start: 2020-05-01
            end: 2019-01-01
            source: s
            colour: red
          - id: c
            kind: summit
            date: 12/06/2018
            aliases: [C, ""]
          - id: d
            name: D
            kind: summit
            source: s
        offices:
          - id: o
            office: O
            titles: [President]
            holders:
              - name: Second
                start: 2020-01-01
                source: s
              - name: First
                start: 2010-01-01
                source: s
        """
        let p = Self.problems(text)
        let expected = [
            "t.yml:4:11: error: unknown event kind 'sumit' (did you mean 'summit'?)",
            "t.yml:5:11: error: date '2018-02-30' is not a calendar date",
            "t.yml:7:9: error: duplicate id 'a' (first used at line 2)",
            "t.yml:11:10: error: B ends (2019-01-01) before it starts (2020-05-01)",
            "t.yml:13:5: error: unknown key 'colour' in an event",
            "t.yml:14:5: error: event 'c' has no 'name'",
            "t.yml:14:5: error: event 'c' has no 'source'",
            "t.yml:16:11: error: date '12/06/2018' is not an ISO 8601 date",
            "t.yml:17:18: error: aliases has an empty entry (2)",
            "t.yml:18:5: error: event 'd' has no 'date'",
            "t.yml:30:9: error: First's term (from 2010-01-01) starts before the previous holder's",
        ]
        for e in expected {
            #expect(p.contains { $0.hasPrefix(e) || $0.hasPrefix(e.replacingOccurrences(of: "B ends", with: "event 'a' ends")) }, "missing: \(e)\nin: \(p.joined(separator: "\n"))")
        }
        #expect(p.count == expected.count, "\(p.joined(separator: "\n"))")
    }

    @Test func syntaxErrorsAndWrongShapesAreLocated() {
        #expect(Self.problems("events:\n  - id: a\n    name: [unclosed\n").first?.hasPrefix("t.yml:4:1: error: YAML syntax error") == true
                || Self.problems("events:\n  - id: a\n    name: [unclosed\n").first?.contains("YAML syntax error") == true)
        #expect(Self.problems("events: 3\n") == ["t.yml:1:9: error: events must be a list of entries"])
        #expect(Self.problems("people: []\n").first?.hasPrefix("t.yml:1:1: error: unknown key 'people' in the timeline file") == true)
        #expect(Self.problems("") == ["t.yml:1: error: the timeline file is empty"])
    }

    @Test func theWorkflowsTimelineOverridesTheJournals() throws {
        let p = try ProjectFixture()
        defer { p.remove() }
        try p.write("Workflows/journals/j.yml", "title: Korea Policy\npublisher: KEI\ntimeline: ../timeline.yml\n")
        try p.write("Workflows/timeline.yml", Self.good)
        try p.write("Workflows/other.yml", "events:\n  - {id: x, name: X, kind: other, date: 2001-01-01, source: s}\n")
        let base = "journal: journals/j.yml\narticles:\n  - {id: a, source: Samples/a.html, status: received}\nstages: [ingest.html, check.dates]\n"
        let journal = try p.load(base)
        #expect(journal.stages.allSatisfy { $0.options.timeline?.events.count == 2 })
        #expect(journal.stages.first?.options.timeline?.file == "Workflows/timeline.yml" || journal.stages.first?.options.timeline?.file.hasSuffix("Workflows/timeline.yml") == true)
        let own = try p.load(base + "timeline: other.yml\n")
        #expect(own.stages.allSatisfy { $0.options.timeline?.events.map(\.id) == ["x"] })
        // A broken timeline stops the load with its own file:line:column.
        try p.write("Workflows/other.yml", "events:\n  - {id: x, name: X, kind: other, date: 2001-13-01, source: s}\n")
        let problems = p.problems(base + "timeline: other.yml\n")
        #expect(problems.count == 1 && problems[0].contains("other.yml:2:") && problems[0].contains("not a calendar date"), "\(problems)")
        #expect(p.problems(base + "timeline: missing.yml\n").first?.contains("timeline file 'missing.yml' not found") == true)
        #expect(p.problems(base + "timeline: ../../outside.yml\n").first?.contains("escapes the project folder") == true)
        // No timeline: the stages get none.
        try p.write("Workflows/journals/j.yml", "title: Korea Policy\npublisher: KEI\n")
        #expect(try p.load(base).stages.allSatisfy { $0.options.timeline == nil })
    }

    /// The shipped knowledge base loads and has the entries issue 9 asks for (at least 200). Needs the
    /// timeline data of the `dates-timeline-data` branch.
    @Test func theShippedTimelineLoads() throws {
        let t = try TimelineLoader().load(TestPaths.root.appendingPathComponent("Workflows/timeline.yml"))
        #expect(t.entryCount >= 200, "\(t.entryCount) entries")
        #expect(t.events.allSatisfy { !$0.source.isEmpty } && t.offices.allSatisfy { $0.holders.allSatisfy { !$0.source.isEmpty } })
    }
}
