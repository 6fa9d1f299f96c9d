import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiTestSupport
@testable import KeiCitations
@testable import KeiStages

/// Citations at arbitrary places of arbitrary notes (seeded random articles and random ranges, cutting
/// through formatting, links, quotations, markers and multi-byte characters) must give DTD-valid JATS
/// in which the notes' text is unchanged and every citation of a written source links to its `ref`.
@Suite struct JATSCitationRobustnessTests {
    static let seeds: [UInt64] = Array(1...40)

    /// A random citation index over the article's note units: 1–3 citations per unit with random
    /// (possibly overlapping, empty or out-of-range) UTF-8 ranges, citing a random one of the sources.
    static func randomIndex(_ article: Article, _ g: inout JATSRandomArticles) -> CitationIndex {
        var sources: [CitationIndex.Source] = []
        var notes: [String: [NoteCitation]] = [:]
        for (noteID, units) in JATSRenderer.noteUnits(article).sorted(by: { $0.key < $1.key }) {
            for (u, inlines) in units.enumerated() {
                let length = InlineExtent.length(of: inlines)
                for _ in 0..<(1 + g.int(3)) {
                    let a = g.int(length + 2), b = a + g.int(length + 2 - a)
                    let range = a..<b
                    if sources.isEmpty || g.chance(40) {
                        var item = CSLItem(type: g.pick(ReferenceType.allCases))
                        item.title = g.text()
                        item.author = [CSLName(family: g.text(), given: g.text()), CSLName(literal: g.text())]
                        item.page = g.pick(["211–29", "e12", "3, 5", g.text()])
                        item.url = g.pick(["https://example.org/?a=1&b=2", "javascript:alert(1)", g.text()])
                        item.issued = CSLDate(year: 1990 + g.int(40), month: g.int(14), day: g.int(33))
                        let id = "ref\(sources.count + 1)"
                        sources.append(CitationIndex.Source(id: id, reference: ParsedReference(text: g.text(), item: item, fields: []),
                                                            noteID: noteID, unitIndex: u, range: range))
                    }
                    let source = g.chance(10) ? "missing" : g.pick(sources).id
                    notes[noteID, default: []].append(NoteCitation(kind: g.pick([.full, .shortForm, .ibid]), noteID: noteID, unitIndex: u,
                                                                   range: range, text: "", sourceID: source))
                }
            }
        }
        return CitationIndex(sources: sources, notes: notes)
    }

    static func notesText(_ xml: String) -> String { JATSCitationTests.notesText(xml) }

    @Test func randomCitationsKeepTheNotesTextAndStayValid() throws {
        for seed in Self.seeds {
            var g = JATSRandomArticles(seed: seed)
            let article = g.article()
            let issue = g.issue()
            let index = Self.randomIndex(article, &g)
            let xml = JATSWriter.write(article, issue: issue, citations: index)
            #expect(xml == JATSWriter.write(article, issue: issue, citations: index), "seed \(seed) not deterministic")
            let plain = JATSWriter.write(article, issue: issue, citations: CitationIndex())
            #expect(Self.notesText(xml) == Self.notesText(plain), "seed \(seed): the notes' text changed")
            #expect(JATSStructureValidator.validate(xml).isEmpty, "seed \(seed): \(JATSStructureValidator.validate(xml))")
            if XMLLint.dtdsAvailable {
                let lint = try XMLLint.validate(xml: xml, name: "cite-seed-\(seed).xml")
                #expect(lint.passed, "seed \(seed): \(lint.stderr.prefix(1500))")
            }
        }
    }

    /// The writer numbers a note's text units as the shared analysis does (the index's unitIndex).
    @Test func noteUnitsAreTheAnalysisUnits() {
        for seed in Self.seeds {
            var g = JATSRandomArticles(seed: seed)
            let article = g.article()
            let analysis = ArticleAnalysis(article)
            var expected: [String: [String]] = [:]
            for unit in analysis.units where unit.scope == .note {
                expected[unit.noteID!, default: []].append(unit.text.string)
            }
            let units = JATSRenderer.noteUnits(article).mapValues { $0.map { TextUnit(scope: .note, location: g.loc, inlines: $0).text.string } }
                .filter { !$0.value.isEmpty }
            #expect(units == expected, "seed \(seed)")
            // InlineExtent measures the projection exactly.
            for list in JATSRenderer.noteUnits(article).values.flatMap({ $0 }) {
                #expect(InlineExtent.length(of: list) == TextUnit(scope: .note, location: g.loc, inlines: list).text.utf8Count)
            }
        }
    }

    /// Every citation whose source is written links to it from its own note: its `fn` holds an `xref`
    /// with the source's `ref` id; and every `bibr` xref resolves to a `ref`.
    @Test func everyCitationOfAWrittenSourceLinks() {
        var checked = 0
        for seed in UInt64(1)...200 {
            var g = JATSRandomArticles(seed: seed)
            let article = g.article()
            let index = Self.randomIndex(article, &g)
            let xml = JATSWriter.write(article, issue: g.issue(), citations: index)
            var renderer = JATSRenderer(article: article, issue: IssueInfo(), articleType: "research-article", citations: index)
            renderer.allocateIDs()
            let refIDs = Set(xml.components(separatedBy: "<ref id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
            let linked = Set(xml.components(separatedBy: "ref-type=\"bibr\" rid=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
            #expect(linked.isSubset(of: refIDs), "seed \(seed): every bibr xref resolves")
            let units = JATSRenderer.noteUnits(article)
            let ids = article.notes.map(\.id)
            for (n, note) in article.notes.enumerated() where ids.filter({ $0 == note.id }).count == 1 {
                let fn = JATSCitationTests.fn(renderer.noteElementIDs[n], in: xml)
                for c in index.notes[note.id] ?? [] {
                    guard let source = c.sourceID, let rid = renderer.sourceElementIDs[source],
                          c.unitIndex < (units[note.id]?.count ?? 0) else { continue }
                    #expect(fn.contains("rid=\"\(rid)\""), "seed \(seed): note \(note.id) links to \(rid)\n\(fn)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100, "the random indexes really link citations (\(checked))")
    }
}

extension JATSCitationRobustnessTests {
    /// Thousands of notes, and one huge note with thousands of citations, are all written (its speed is `make bench`'s business; a hang is caught by the test runner).
    @Test func manyNotesAndCitationsAreAllWritten() throws {
        typealias F = JATSCitationFixtures
        var notes: [Note] = []
        var citations: [NoteCitation] = []
        for n in 1...3000 {
            let note = F.note("fn\(n)", [.text(TextRun("Author \(n), ")), .emphasis([.text(TextRun("Title \(n)"))]), .text(TextRun(" (Place: Press, 2020), \(n); see also Other \(n), 12."))])
            notes.append(note)
            citations.append(F.citation(.full, note, "Author \(n), Title \(n) (Place: Press, 2020), \(n)", source: "ref\(n)", item: F.bookWithEditors))
            citations.append(F.citation(.shortForm, note, "Other \(n), 12.", source: "ref\(max(1, n - 1))"))
        }
        var big: [Inline] = []
        for i in 0..<20_000 { big += [.text(TextRun("Source \(i), ")), .emphasis([.text(TextRun("T\(i)"))]), .text(TextRun(", 1; "))] }
        let huge = F.note("fn9999", big)
        notes.append(huge)
        let text = TextUnit(scope: .note, location: F.loc, inlines: big).text.string
        var offset = 0
        for (i, piece) in text.components(separatedBy: "; ").enumerated() where !piece.isEmpty {
            let length = piece.utf8.count
            citations.append(NoteCitation(kind: .shortForm, noteID: huge.id, unitIndex: 0, range: offset..<(offset + length), text: piece,
                                          sourceID: "ref\(1 + i % 3000)"))
            offset += length + 2
        }
        let article = F.article(notes)
        let index = F.index(citations)
        let xml = JATSWriter.write(article, issue: IssueInfo(), citations: index)
        #expect(JATSCitationTests.count("<ref id=", in: xml) == 3000)
        #expect(JATSCitationTests.count("ref-type=\"bibr\"", in: xml) == 6000 + 20_000)
    }
}
