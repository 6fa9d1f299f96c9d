import Foundation
import KeiDocument
import KeiStages
import KeiXML
import Testing

/// Notes linked without an `href`, notes written in place, acknowledgements, count mismatches,
/// MediaWiki back-link clusters and same-page links: each kind in several spellings.
@Suite struct BodyBuilderNoteRelationTests {
    /// Builds the body of the element with id `contentID` (as chrome removal would hand it over),
    /// the rest of the page staying in the parsed document.
    func build(page html: String, contentID: String) -> BodyResult {
        let page = "<html><head><meta charset=\"utf-8\"></head><body>\n" + html + "\n</body></html>"
        let document = MarkupParser.parseHTML(Data(page.utf8))
        var content: DOMElement?
        document.root?.walk { e in
            if content == nil, e.id == contentID { content = e }
            return content == nil
        }
        return BodyBuilder.build(content: content ?? DOMElement(name: "div"), document: document,
                                 metadata: ArticleMetadata(), file: "t.html")
    }

    func noteTexts(_ r: BodyResult) -> [String] { r.notes.map { BodyFixture.text($0.blocks) } }
    func refIDs(_ r: BodyResult) -> [String] { BodyFixture.noteRefs(r).map(\.noteID) }

    // MARK: relations

    @Test func ariaDescribedByTooltipsAndAZeroBasedListAreOneNoteEach() {
        let r = BodyFixture.build("""
            <p>One.<a aria-describedby="citation-tooltip-1" class="citation" id="citation-1"><sup>1</sup></a> Two.<a aria-describedby="citation-tooltip-2" class="citation" id="citation-2"><sup>2</sup></a></p>
            <div class="tooltip" id="citation-tooltip-1" role="tooltip"> Alpha, <em>Review</em> 8 (2023).</div>
            <div class="tooltip" id="citation-tooltip-2" role="tooltip">Beta report, 2025.</div>
            <h2><button aria-controls="acc-2">Footnotes</button></h2>
            <div id="acc-2"><ol><li id="footnote-0">Alpha, <em>Review</em> 8 (2023).</li><li id="footnote-1">Beta report, 2025.</li></ol></div>
            """)
        #expect(noteTexts(r) == ["Alpha, Review 8 (2023).", "Beta report, 2025."])
        #expect(refIDs(r) == ["fn1", "fn2"])
        #expect(r.notes.map(\.label) == ["1", "2"])
        #expect(!BodyFixture.text(BodyFixture.blocks(r)).contains("Beta"))
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.message))")
    }

    @Test func tooltipsThatChromeRemovalDroppedAreReadFromThePage() {
        // Only #content is the article; the tooltips sit outside it, the list inside.
        let r = build(page: """
            <div id="content"><p>One.<a aria-describedby="tip-a" class="citation"><sup>1</sup></a> Two.<a aria-describedby="tip-b"><sup>2</sup></a></p></div>
            <div id="tip-a" role="tooltip">Alpha source, 2020.</div><div id="tip-b" class="tooltip">Beta source, 2021.</div>
            """, contentID: "content")
        #expect(noteTexts(r) == ["Alpha source, 2020.", "Beta source, 2021."])
        #expect(refIDs(r) == ["fn1", "fn2"])
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.message))")
    }

    @Test func dataAttributesAndAriaControlsNameTheNote() {
        let r = BodyFixture.build("""
            <p>A<sup class="fn-marker" data-footnote-id="note-a">1</sup> b<a data-bs-target="#note-b" class="footnote-trigger">2</a> c<span popovertarget="note-c">3</span> d<a aria-controls="fn4" href="javascript:void(0)"><sup>4</sup></a>.</p>
            <div id="note-a" class="footnote-popover" hidden>Alpha.</div>
            <div id="note-b" class="footnote-body">Beta.</div>
            <div id="note-c" popover class="footnote-content">Gamma.</div>
            <ol><li id="fn4">Delta.</li></ol>
            """)
        #expect(noteTexts(r) == ["Alpha.", "Beta.", "Gamma.", "Delta."])
        #expect(refIDs(r) == ["fn1", "fn2", "fn3", "fn4"])
        #expect(BodyFixture.text(BodyFixture.blocks(r)) == "A 1  b 2  c 3  d 4 .")
    }

    @Test func controlsThatAreNotMarkersStayText() {
        // An accordion button, a carousel dot and a form hint are not note markers.
        let r = BodyFixture.build("""
            <p>Read <a aria-controls="panel-1">More details</a> here. Slide <span aria-controls="slide-1">1</span>.</p>
            <div id="panel-1"><p>Panel text stays in the body.</p></div><div id="slide-1"><p>Slide text.</p></div>
            """)
        #expect(r.notes.isEmpty)
        #expect(BodyFixture.text(BodyFixture.blocks(r)).contains("Panel text stays in the body."))
        #expect(BodyFixture.text(BodyFixture.blocks(r)).contains("Slide 1."))
    }

    @Test func unlinkedMarkersMatchAnAdjacentNumberedListByNumber() {
        // The relation names a tooltip the page no longer has; the numbered list links by number.
        let r = BodyFixture.build("""
            <p>One.<a class="citation" aria-describedby="gone-1"><sup>1</sup></a> Two.<a class="citation" aria-describedby="gone-2"><sup>2</sup></a></p>
            <h2>Notes</h2><ol><li>First note.</li><li>Second note.</li></ol>
            """)
        #expect(noteTexts(r) == ["First note.", "Second note."])
        #expect(refIDs(r) == ["fn1", "fn2"])
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.message))")
    }

    // MARK: counts

    @Test func aListWithOneNoteFewerThanTheMarkersIsReportedWithBothCounts() {
        let pandoc = BodyFixture.build("""
            <p>A<a href="#fn1" class="footnote-ref"><sup>1</sup></a> b<a href="#fn2" class="footnote-ref"><sup>2</sup></a> c<a href="#fn3" class="footnote-ref"><sup>3</sup></a>.</p>
            <section class="footnotes"><ol><li id="fn1">One.</li><li id="fn2">Two.</li></ol></section>
            """)
        let m = pandoc.diagnostics.first { $0.rule == "ingest.note-count-mismatch" }
        #expect(m?.severity == .warning)
        #expect(m?.message.contains("3 numbered note markers") == true && m?.message.contains("2 numbered notes") == true, "\(m?.message ?? "")")
        // Plain superscripts and a "Notes" list: four markers, three notes.
        let plain = BodyFixture.build("""
            <p>A<sup>1</sup> b<sup>2</sup> c<sup>3</sup> d<sup>4</sup>, and 10<sup>6</sup> tonnes.</p>
            <h2>Notes</h2><ol><li>One.</li><li>Two.</li><li>Three.</li></ol>
            """)
        let p = plain.diagnostics.first { $0.rule == "ingest.note-count-mismatch" }
        #expect(p?.message.contains("4 numbered note markers") == true && p?.message.contains("3 numbered notes") == true, "\(p?.message ?? "")")
        // More notes than markers (MediaWiki cites note 1 twice: it counts once).
        let extra = BodyFixture.build("""
            <p>A<sup><a href="#cite_note-1">[1]</a></sup> again<sup><a href="#cite_note-1">[1]</a></sup>.</p>
            <ol class="references"><li id="cite_note-1">One.</li><li id="cite_note-2">Two.</li></ol>
            """)
        let e = extra.diagnostics.first { $0.rule == "ingest.note-count-mismatch" }
        #expect(e?.message.contains("1 numbered note marker ") == true && e?.message.contains("2 numbered notes") == true, "\(e?.message ?? "")")
        // Equal counts: no warning.
        let fine = BodyFixture.build("""
            <p>A<sup><a href="#fn1">1</a></sup> b<sup><a href="#fn2">2</a></sup> again<sup><a href="#fn1">1</a></sup>.</p>
            <ol class="footnotes"><li id="fn1">One.</li><li id="fn2">Two.</li></ol>
            """)
        #expect(!BodyFixture.rules(fine).contains("ingest.note-count-mismatch"))
    }

    // MARK: inline notes

    @Test func notesWrittenInPlaceLeaveAMarkerWhereTheyStood() {
        let r = BodyFixture.build("""
            <p>Word for word.<span class="footnote">Compare the two statements.</span> What is new follows.</p>
            <p>Prince<span class="fn">Prince note.</span> and HTMLBook<span data-type="footnote">HTMLBook note.</span> and styled<span style="float: footnote">Styled note.</span> and Pressbooks<span class="pb-footnote">Print note.</span>.</p>
            <p>Tufte<label for="sn-1" class="margin-toggle sidenote-number"></label><input type="checkbox" id="sn-1" class="margin-toggle"><span class="sidenote">Side note.</span> continues.</p>
            <p>A paragraph before an aside.</p>
            <aside epub:type="footnote">Aside note.</aside>
            <aside role="doc-footnote">Role note.</aside>
            """)
        #expect(noteTexts(r) == ["Compare the two statements.", "Prince note.", "HTMLBook note.", "Styled note.", "Print note.",
                                 "Side note.", "Aside note.", "Role note."])
        #expect(r.notes.map(\.label) == ["1", "2", "3", "4", "5", "6", "7", "8"])
        #expect(refIDs(r) == (1...8).map { "fn\($0)" })
        let body = BodyFixture.text(BodyFixture.blocks(r))
        #expect(body == ["Word for word. 1  What is new follows.", "Prince 2  and HTMLBook 3  and styled 4  and Pressbooks 5 .",
                         "Tufte 6  continues.", "A paragraph before an aside. 7  8 "].joined(separator: "\n"), "\(body)")
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.message))")
        // The note text keeps its source: it slices back to the page.
        if case .paragraph(let p)? = r.notes.first?.blocks.first, case .text(let t)? = p.inlines.first {
            #expect(t.span != nil)
        }
    }

    @Test func markerWrappersClassedFootnoteAreNotInlineNotes() {
        // Pressbooks: <sup class="footnote"> is the marker, the note is in the list.
        let r = BodyFixture.build("""
            <p>Claim.<a class="footnote" title="The note." id="return-footnote-12-1" href="#footnote-12-1"><sup class="footnote">[1]</sup></a> done.</p>
            <div class="footnotes"><ol><li id="footnote-12-1">The note. [<a href="#return-footnote-12-1" class="return-footnote">Return to footnote 1</a>]</li></ol></div>
            """)
        #expect(noteTexts(r) == ["The note."])
        #expect(refIDs(r) == ["fn1"])
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.message))")
    }

    // MARK: acknowledgements

    @Test func acknowledgementsAreBackMatterInEveryMarkup() {
        let headed = BodyFixture.build("""
            <p>Body text.</p><h2>Acknowledgments</h2><p>We thank the reviewers.</p><h2>Next</h2><p>More body.</p>
            """)
        #expect(headed.acknowledgements.map { BodyFixture.text($0.blocks) } == "We thank the reviewers.")
        #expect(headed.acknowledgements.map { $0.title.plainText } == "Acknowledgments")
        #expect(!BodyFixture.text(BodyFixture.blocks(headed)).contains("reviewers"))
        #expect(BodyFixture.text(BodyFixture.blocks(headed)).contains("More body."))

        let accordion = BodyFixture.build("""
            <p>Body text.</p><h2><button aria-controls="acc-1">Acknowledgements and disclosures</button></h2>
            <div id="acc-1" role="region"><p>The author thanks two reviewers.</p></div>
            """)
        #expect(accordion.acknowledgements.map { BodyFixture.text($0.blocks) } == "The author thanks two reviewers.")
        #expect(accordion.notes.isEmpty)

        let details = BodyFixture.build("<p>Body.</p><details><summary>Acknowledgement</summary><p>Thanks to A.</p></details>")
        #expect(details.acknowledgements.map { BodyFixture.text($0.blocks) } == "Thanks to A.")

        let role = BodyFixture.build("<p>Body.</p><section role=\"doc-acknowledgments\"><h3>Thanks</h3><p>Thanks to B.</p></section>")
        #expect(role.acknowledgements.map { BodyFixture.text($0.blocks) } == "Thanks to B.")
        #expect(role.acknowledgements.map { $0.title.plainText } == "Thanks")

        let labelled = BodyFixture.build("""
            <p>Body.</p><div role="region" aria-labelledby="ack-label"><p>Thanks to C.</p></div><span id="ack-label">Acknowledgements</span>
            """)
        #expect(labelled.acknowledgements.map { BodyFixture.text($0.blocks) } == "Thanks to C.")

        // A heading that merely mentions acknowledgements in a long title stays a section.
        let long = BodyFixture.build("<h2>Acknowledging the limits of deterrence on the peninsula today and tomorrow</h2><p>Body.</p>")
        #expect(long.acknowledgements == nil)
    }

    // MARK: back-links

    @Test func mediaWikiBackLinkClustersLeaveTheNoteText() {
        let r = BodyFixture.build("""
            <p>Pact.<sup id="cite_ref-a_1-0" class="reference"><a href="#cite_note-a-1">[1]</a></sup> Renewed.<sup id="cite_ref-a_1-1" class="reference"><a href="#cite_note-a-1">[1]</a></sup> Objected.<sup id="cite_ref-3" class="reference"><a href="#cite_note-3">[2]</a></sup> Later.<sup id="cite_ref-4"><a href="#cite_note-4">[3]</a></sup></p>
            <ol class="references">
            <li id="cite_note-a-1"><span class="mw-cite-backlink">^ <a href="#cite_ref-a_1-0"><sup><i><b>a</b></i></sup></a> <a href="#cite_ref-a_1-1"><sup><i><b>b</b></i></sup></a></span> <span class="reference-text">Kim, <i>Pact</i>, 2019.</span></li>
            <li id="cite_note-3"><b><a href="#cite_ref-3">^</a></b> <span class="reference-text">Sato, 2020.</span></li>
            <li id="cite_note-4">↑ <a href="#cite_ref-4">a</a> <a href="#cite_ref-4">b</a> Lee, 2021.</li>
            </ol>
            """)
        #expect(noteTexts(r) == ["Kim, Pact, 2019.", "Sato, 2020.", "Lee, 2021."])
        #expect(refIDs(r) == ["fn1", "fn1", "fn2", "fn3"])
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.message))")
    }

    // MARK: fragments

    @Test func sameDocumentLinksBecomeCrossReferencesOrText() {
        let r = BodyFixture.build("""
            <p>See <a href="#part-two">part two</a>, <a href="#tbl-x">the table</a>, <a href="#fig-a">the figure</a>, <a href="#fn1">note 1</a>, <a href="#ghost">a ghost</a>, <a href="#top">top</a>, <a href="#p9">that paragraph</a>, <a href="#caf%C3%A9">café</a>.<sup><a href="#fn1">1</a></sup></p>
            <h2 id="part-two">Part two</h2><p id="p9">Body of part two.</p>
            <table id="tbl-x"><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>
            <figure id="fig-a"><img src="a.png" alt="A"><figcaption>Figure 1: A chart.</figcaption></figure>
            <section id="café"><h2>Third</h2><p>Third text.</p></section>
            <ol class="footnotes"><li id="fn1">The note.</li></ol>
            """)
        var links: [String] = []
        func collect(_ list: [Inline]) {
            for i in list {
                if case .link(let url, _) = i { links.append(url) }
                if let c = i.children { collect(c) }
            }
        }
        for b in BodyFixture.blocks(r) { if case .paragraph(let p) = b { collect(p.inlines) } }
        let sections = r.sections.map(\.id)
        #expect(links == ["#sec2", "#table1", "#fig1", "#fn1", "#sec2", "#sec3"], "\(links) sections \(sections)")
        let broken = r.diagnostics.filter { $0.rule == "ingest.broken-fragment" }
        #expect(broken.count == 1)
        #expect(broken.first?.message.contains("#ghost") == true)
        #expect(broken.first?.span != nil)
        #expect(BodyFixture.text(BodyFixture.blocks(r)).contains("a ghost, top, that paragraph"))
    }
}
