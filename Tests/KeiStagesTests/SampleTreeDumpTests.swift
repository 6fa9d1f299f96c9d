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
        if let problem = Snapshot.mismatch(dump, snapshot: snapshot) {
            Issue.record("\(problem)")
        }
    }

    static func ingest(_ name: String) throws -> Article {
        let file = TestPaths.root.appendingPathComponent(sampleFolder).appendingPathComponent(name)
        return try StageHarness.ingest(file: file, display: "\(sampleFolder)/\(name)").0
    }

    static func allBlocks(_ a: Article) -> [Block] {
        func walk(_ s: Section) -> [Block] { s.blocks + s.subsections.flatMap(walk) }
        return a.abstract + a.sections.flatMap(walk)
    }

    /// The seed page keeps the seed's text verbatim (no-break spaces inside text included) and its
    /// recommendations as a nested list.
    @Test(.enabled(if: TestPaths.sharedExists))
    func seedSampleKeepsTheSeedText() throws {
        let seed = try String(contentsOf: TestPaths.shared.appendingPathComponent("seed/000_585abf9ef188c73f.txt"), encoding: .utf8)
        let lines = seed.components(separatedBy: "\n")
        func trimmed(_ s: String) -> String {
            var t = Substring(s)
            while let f = t.first, f == " " || f == "\u{A0}" || f == "\u{2022}" { t = t.dropFirst() }
            while let l = t.last, l == " " || l == "\u{A0}" { t = t.dropLast() }
            return String(t)
        }
        let article = try Self.ingest("allying-against-adversaries.html")
        let summaryIndex = try #require(lines.firstIndex { $0.hasPrefix("Executive Summary") })
        #expect(article.abstract.count == 1)
        if case .paragraph(let p)? = article.abstract.first {
            #expect(p.inlines == [.text(TextRun(trimmed(lines[summaryIndex + 2])))])
        }
        let titles = article.sections.map { $0.title.plainText }
        for heading in ["Background", "Policy Recommendations", "Conclusion"] { #expect(titles.contains(heading)) }
        #expect(!titles.contains { $0.hasPrefix("Allying Against Adversaries") })

        let recommendations = try #require(article.sections.first { $0.title.plainText == "Policy Recommendations" })
        guard case .list(let list)? = recommendations.blocks.first else { Issue.record("no list"); return }
        #expect(list.items.count == 3)
        let explanations = list.items.map { item -> Int in
            if case .list(let nested)? = item.blocks.last { return nested.items.count }
            return 0
        }
        #expect(explanations == [1, 2, 1])
        // Every bullet of the seed is an item, word for word.
        var itemTexts: [String] = []
        func collect(_ l: ListBlock) {
            for item in l.items {
                for b in item.blocks {
                    if case .paragraph(let p) = b { itemTexts.append(p.inlines.plainText) }
                    if case .list(let n) = b { collect(n) }
                }
            }
        }
        collect(list)
        let bullets = lines.filter { $0.hasPrefix("  \u{2022} ") }.map(trimmed)
        #expect(itemTexts == bullets)
    }

    /// The invented pages: notes linked, tooltips out of the text, authors' byline dropped, the cp1252 page decoded.
    @Test func inventedSamplesHaveLinkedNotes() throws {
        for (name, count) in [("consultation-before-crisis.html", 7), ("chips-trust-and-trade.html", 6)] {
            let article = try Self.ingest(name)
            #expect(article.notes.map(\.id) == (1...count).map { "fn\($0)" }, "\(name)")
            let running = BodyFixture.text(Self.allBlocks(article))
            for note in article.notes {
                let text = BodyFixture.text(note.blocks)
                #expect(!text.isEmpty)
                #expect(!running.contains(text), "\(name): note \(note.label) is also in the running text")
            }
            #expect(!running.contains("By "), "\(name): byline kept")
        }
        let chips = try Self.ingest("chips-trust-and-trade.html")
        let running = BodyFixture.text(Self.allBlocks(chips))
        #expect(running.contains("(\u{BC18}\u{B3C4}\u{CCB4})"))
        #expect(running.contains("country\u{2019}s") || running.contains("allies\u{2019}"))
    }
}
