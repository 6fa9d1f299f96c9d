import Foundation
import Testing
import KeiCore
import KeiDocument
@testable import KeiStages
import KeiXML

/// Issue 6 follow-up: text in a table is never lost silently (a short table, one nested in a cell at
/// any depth, text between a table's rows), and back matter rescued as notes or acknowledgements is
/// never reported as removed with the section around it.
@Suite struct TableTextFidelityTests {
    typealias R = RenderedReadingTests
    typealias F = RenderFidelityTests

    /// `depth` tables, each in the cell of the one around it, the innermost holding `text`.
    static func nested(_ text: String, depth: Int) -> String {
        String(repeating: "<table><tr><td>", count: depth) + text + String(repeating: "</td></tr></table>", count: depth)
    }

    @Test(arguments: [
        // The tester's pages: a table nested in a cell, and a single table, holding a short sentence.
        "<table><tr><td><table><tr><td>Cell DEEPTEXT.</td></tr></table></td></tr></table><p>Closing paragraph.</p>",
        "<table><tr><td>Cell DEEPTEXT.</td></tr></table><p>Closing paragraph.</p>",
        // The table last in the article, in a wrapper, in upper case, as numbers, with header cells.
        "<table><tr><td>Cell DEEPTEXT.</td></tr></table>",
        "<div><table><tr><td>Cell DEEPTEXT.</td></tr></table></div><p>Closing paragraph.</p>",
        "<TABLE BORDER=1><TBODY><TR><TD>Cell DEEPTEXT.</TD></TR></TBODY></TABLE><p>Closing paragraph.</p>",
        "<table><tr><td>12</td><td>DEEPTEXT</td></tr></table><p>Closing paragraph.</p>",
        "<table><tr><th>DEEPTEXT</th></tr></table><p>Closing paragraph.</p>",
        // Two short tables, one in each cell of a layout table.
        "<table><tr><td><table><tr><td>DEEPTEXT</td></tr></table></td><td><table><tr><td>Other 7</td></tr></table></td></tr></table>",
        // Text the markup put between a table's rows (read before the table, as a browser does).
        "<table><tr><td></td></tr>DEEPTEXT<tr><td></td></tr></table><p>Closing paragraph.</p>",
    ])
    func shortTableTextIsKept(_ markup: String) throws {
        for html in [F.shortPage(markup), R.page(markup)] {
            let (_, diagnostics, jats) = try R.ingest(html)
            #expect(F.body(jats).contains("DEEPTEXT"), "\(markup):\n\(F.body(jats))")
            #expect(R.rules(diagnostics, "ingest.chrome-removed").isEmpty)
            if markup.contains("Closing") { #expect(F.body(jats).contains("Closing paragraph.")) }
            if markup.contains("Other 7") { #expect(F.body(jats).contains("Other 7")) }
        }
    }

    /// Nested beyond ``MarkupParser/maximumDepth`` (three elements a level), the innermost text is
    /// kept as text of the deepest element copied: a table row, table or cell.
    @Test(arguments: [1, 2, 3, 50, 169, 170, 171, 172, 200, 400])
    func textInDeeplyNestedTablesIsKept(_ depth: Int) throws {
        let (_, diagnostics, jats) = try R.ingest(F.shortPage(Self.nested("Cell DEEPTEXT.", depth: depth) + "<p>Closing paragraph.</p>"))
        #expect(F.body(jats).contains("Cell DEEPTEXT."), "depth \(depth)")
        #expect(F.body(jats).contains("Closing paragraph."))
        #expect(R.rules(diagnostics, "ingest.chrome-removed").isEmpty)
    }

    @Test(arguments: [
        // A table whose class says chrome, and one that is all links: removed, but reported.
        ("<table class=\"sidebar\"><tr><td>Cell DEEPTEXT.</td></tr></table>", RemovedBlock.Reason.chromeHint),
        ("<table><tr><td><a href=\"https://x.example/\">Cell DEEPTEXT</a></td></tr></table>", .density),
        ("<div class=\"share-tools\"><table><tr><td><table><tr><td>DEEPTEXT</td></tr></table></td></tr></table></div>", .chromeHint),
        ("<table hidden><tr><td>1</td><td>DEEPTEXT</td></tr></table>", .hidden),
    ])
    func aRemovedTableIsReportedHoweverShort(_ markup: String, _ reason: RemovedBlock.Reason) throws {
        let html = F.shortPage(markup + "<p>Closing paragraph.</p>")
        let (_, diagnostics, jats) = try R.ingest(html)
        let infos = R.rules(diagnostics, "ingest.chrome-removed")
        if F.body(jats).contains("DEEPTEXT") {
            #expect(infos.isEmpty)
        } else {
            let info = try #require(infos.first { ($0.excerpt ?? "").contains("DEEPTEXT") }, "\(infos.map(\.message))")
            #expect(info.severity == .info && info.span != nil && info.message.contains(reason.explanation), "\(info.message)")
        }
        let extraction = ContentExtractor.extractDetailed(from: MarkupParser.parseHTML(Data(html.utf8)))
        #expect(extraction.removedBlocks.contains { $0.excerpt.contains("DEEPTEXT") && $0.reason == reason })
    }

    @Test func aLayoutTableOfLinksIsStillRemoved() throws {
        // Link lists laid out in a table are chrome as before; the removal is reported.
        let (_, diagnostics, jats) = try R.ingest(R.page("<table><tr><td><a href=\"https://x.example/a\">Home</a></td><td><a href=\"https://x.example/b\">Events</a></td></tr></table>"))
        #expect(!F.body(jats).contains("Events"))
        #expect(R.rules(diagnostics, "ingest.chrome-removed").contains { ($0.excerpt ?? "").contains("Events") })
    }

    // MARK: rescued back matter

    static let notes = """
        <h2>Footnotes</h2><div><ol><li id="footnote-0">Ines Madeup, “Dark Transits,” <em>Review</em> 8 (2023): 14.</li>\
        <li id="footnote-1">Secretariat, <em>Annual Report 2024</em>, 41.</li></ol></div>
        """
    /// An article whose text is in a content `div`, followed by `backMatter` (as the shared tooltip page).
    static func backMatterPage(_ backMatter: String) -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title></head><body><main><article><h1>T</h1>\
        <div class="byline">By Jane Doe</div><div class="article-content">\
        <p>Vessel tracking data show that ships which switch off their transponders near the strait tend to reappear days later at ports with lax inspection regimes.<sup><a href="#footnote-0">1</a></sup></p>\
        <p>Port state control records, where they are published at all, rarely note the previous port of call.<sup><a href="#footnote-1">2</a></sup></p>\
        </div>\(backMatter)</article></main></body></html>
        """
    }
    static let thanks = "The author thanks two anonymous reviewers. The center does not accept funding that would compromise its independence."

    @Test(arguments: [
        // The shared tooltip page's markup: an accordion section around the acknowledgements and the notes.
        "<section class=\"accordion\"><h2><button aria-controls=\"acc-1\" aria-expanded=\"false\">Acknowledgements and disclosures</button></h2><div class=\"accordion-content\" id=\"acc-1\" role=\"region\"><p>\(thanks)</p></div>\(notes)</section>",
        // Without the button; a div; two wrappers deep.
        "<div class=\"back\"><h3>Acknowledgments</h3><p>\(thanks)</p>\(notes)</div>",
        "<section><div><h2>Acknowledgements</h2><p>\(thanks)</p></div><div>\(notes)</div></section>",
        // Marked by class.
        "<section><div class=\"acknowledgements\"><p>\(thanks)</p></div>\(notes)</section>",
    ])
    func rescuedBackMatterIsNotReportedRemoved(_ markup: String) throws {
        let (_, diagnostics, jats) = try R.ingest(Self.backMatterPage(markup))
        #expect(jats.contains("<ack>") && jats.contains(Self.thanks), "\(jats)")
        #expect(F.body(jats).contains("Vessel tracking data") && F.body(jats).contains("Port state control records"))
        #expect(jats.contains("Dark Transits") && jats.contains("Annual Report 2024"), "the notes are kept")
        let infos = R.rules(diagnostics, "ingest.chrome-removed")
        #expect(!infos.contains { ($0.excerpt ?? "").contains("thanks") || ($0.excerpt ?? "").contains("Dark Transits") }, "\(infos.map(\.message))")
    }

    @Test func whatTheSectionAroundRescuedBackMatterLosesIsStillReported() throws {
        let promo = "Our center publishes many more reports on maritime security, trade, sanctions and energy, and you can subscribe to receive all of them by email every single week."
        let markup = "<section class=\"accordion\"><h2>Acknowledgements</h2><p>\(Self.thanks)</p>\(Self.notes)<div class=\"promo\"><p>\(promo)</p></div></section>"
        let (_, diagnostics, jats) = try R.ingest(Self.backMatterPage(markup))
        #expect(jats.contains("<ack>") && jats.contains(Self.thanks))
        if !jats.contains("Our center publishes") {
            let infos = R.rules(diagnostics, "ingest.chrome-removed")
            #expect(infos.contains { ($0.excerpt ?? "").hasPrefix("Our center publishes") }, "\(infos.map(\.message))")
            #expect(!infos.contains { ($0.excerpt ?? "").contains("thanks") })
        }
    }
}
