import Foundation
import KeiDocument
import KeiStages
import Testing

/// Footnote markers and endnote lists in the common markups become linked ``NoteRef`` markers and
/// ``Note`` values; tooltip copies of notes leave the running text; problems are reported.
@Suite struct BodyBuilderNoteTests {
    /// Checks the usual expectations: markers link to fn1…fnN in order, notes have the given texts and
    /// labels, no note text is left in the running text, and no diagnostics.
    func expectLinked(_ r: BodyResult, notes: [String], labels: [String]? = nil, body: String? = nil,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let ids = (1...notes.count).map { "fn\($0)" }
        #expect(r.notes.map(\.id) == ids, sourceLocation: sourceLocation)
        #expect(r.notes.map { BodyFixture.text($0.blocks) } == notes, sourceLocation: sourceLocation)
        #expect(BodyFixture.noteRefs(r).map(\.noteID) == ids, sourceLocation: sourceLocation)
        if let labels {
            #expect(r.notes.map(\.label) == labels, sourceLocation: sourceLocation)
            #expect(BodyFixture.noteRefs(r).map(\.label) == labels, sourceLocation: sourceLocation)
        }
        let running = BodyFixture.text(BodyFixture.blocks(r))
        for n in notes { #expect(!running.contains(n), "note text in running text: \(n)", sourceLocation: sourceLocation) }
        if let body { #expect(running == body, sourceLocation: sourceLocation) }
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.message))", sourceLocation: sourceLocation)
    }

    @Test func pandocAndMarkdownItFootnotes() {
        let r = BodyFixture.build("""
            <p>Claim one.<sup><a href="#fn1" id="fnref1">1</a></sup> Claim two.<a href="#fn2" class="footnote-ref" id="fnref2" role="doc-noteref"><sup>2</sup></a></p>
            <section class="footnotes" role="doc-endnotes"><hr><ol>
            <li id="fn1"><p>First note. <a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
            <li id="fn2"><p>Second <em>note</em>.<a href="#fnref2">↩</a></p></li>
            </ol></section>
            """)
        expectLinked(r, notes: ["First note.", "Second note."], labels: ["1", "2"], body: "Claim one. 1  Claim two. 2 ")
        #expect(r.notes[0].location.line == 4)
    }

    @Test func zeroBasedFootnoteIDs() {
        let r = BodyFixture.build("""
            <p>Text<sup><a href="#footnote-0" id="footnote-ref-0">[1]</a></sup> and more<sup><a href="#footnote-1" id="footnote-ref-1">[2]</a></sup>.</p>
            <ol><li id="footnote-0"><p>Zero. <a href="#footnote-ref-0">↑</a></p></li><li id="footnote-1"><p>One. <a href="#footnote-ref-1">↑</a></p></li></ol>
            """)
        expectLinked(r, notes: ["Zero.", "One."], labels: ["1", "2"])
    }

    @Test func googleDocsExport() {
        let r = BodyFixture.build("""
            <p><span>Exports rose</span><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup><span> sharply.</span></p>
            <hr class="c5"><div><p class="c3"><a href="#ftnt_ref1" id="ftnt1">[1]</a><span class="c2">&nbsp;Ministry data, 2024.</span></p></div>
            """)
        expectLinked(r, notes: ["Ministry data, 2024."], labels: ["1"], body: "Exports rose 1  sharply.")
    }

    @Test func wordHTMLExport() {
        let r = BodyFixture.build("""
            <p class="MsoNormal">Sentence.<a style="mso-footnote-id:ftn1" href="#_ftn1" name="_ftnref1" title=""><span class="MsoFootnoteReference">[1]</span></a></p>
            <div style="mso-element:footnote-list"><br clear="all"><hr align="left" size="1" width="33%">
            <div style="mso-element:footnote" id="ftn1"><p class="MsoFootnoteText"><a style="mso-footnote-id:ftn1" href="#_ftnref1" name="_ftn1" title=""><span class="MsoFootnoteReference">[1]</span></a> Word note text.</p></div></div>
            """)
        expectLinked(r, notes: ["Word note text."], labels: ["1"])
    }

    @Test func wordPressFootnotesBlock() {
        let uuid = "0c2b6c8e-1f3a-4b5c-9d7e-123456789abc"
        let r = BodyFixture.build("""
            <p>Alliance text.<sup data-fn="\(uuid)" class="fn"><a href="#\(uuid)" id="\(uuid)-link">1</a></sup></p>
            <ol class="wp-block-footnotes"><li id="\(uuid)">The note. <a href="#\(uuid)-link" aria-label="Jump to footnote reference 1">↩︎</a></li></ol>
            """)
        expectLinked(r, notes: ["The note."], labels: ["1"])
    }

    @Test func easyFootnotesPlugin() {
        let r = BodyFixture.build("""
            <p>Claim.<span class="easy-footnote-margin-adjust" id="easy-footnote-1-123"></span><span class="easy-footnote"><a href="#easy-footnote-bottom-1-123" title="Plugin note."><sup>1</sup></a></span></p>
            <ol class="easy-footnotes-wrapper"><li><span id="easy-footnote-bottom-1-123" class="easy-footnote-margin-adjust"></span>Plugin note.<a href="#easy-footnote-1-123" class="easy-footnote-to-top"></a></li></ol>
            """)
        expectLinked(r, notes: ["Plugin note."], labels: ["1"], body: "Claim. 1 ")
    }

    @Test func modernFootnotesTooltipIsTheNote() {
        let r = BodyFixture.build("""
            <p>First claim<sup class="modern-footnotes-footnote" data-mfn="1"><a href="javascript:void(0)">1</a></sup><span class="modern-footnotes-footnote__note" data-mfn="1">Tooltip note <em>one</em>.</span> and second<sup class="modern-footnotes-footnote" data-mfn="2"><a href="javascript:void(0)">2</a></sup><span class="modern-footnotes-footnote__note" data-mfn="2">Tooltip note two.</span> done.</p>
            """)
        expectLinked(r, notes: ["Tooltip note one.", "Tooltip note two."], labels: ["1", "2"],
                     body: "First claim 1  and second 2  done.")
    }

    @Test func drupalFootnotesModule() {
        let r = BodyFixture.build("""
            <p>Drupal claim<a class="see-footnote" id="footnoteref1_abc" title="Drupal note." href="#footnote1_abc">1</a>.</p>
            <ul class="footnotes"><li class="footnote" id="footnote1_abc"><a class="footnote-label" href="#footnoteref1_abc">1.</a> Drupal note.</li></ul>
            """)
        expectLinked(r, notes: ["Drupal note."], labels: ["1"], body: "Drupal claim 1 .")
    }

    @Test func tooltipCopiesOfListedNotesLeaveTheText() {
        let r = BodyFixture.build("""
            <p>One<sup><a href="#fn1" id="r1">1</a></sup><span class="footnote-tooltip" hidden>Listed note.</span> two<sup><a href="#fn2" id="r2" aria-describedby="tip2">2</a></sup> three<a href="#fn3" class="footnote-ref">3<span class="tooltip">Third note.</span></a>.</p>
            <div id="tip2" role="tooltip">Second note.</div>
            <ol class="footnotes"><li id="fn1">Listed note.</li><li id="fn2">Second note.</li><li id="fn3">Third note.</li></ol>
            """)
        expectLinked(r, notes: ["Listed note.", "Second note.", "Third note."], labels: ["1", "2", "3"],
                     body: "One 1  two 2  three 3 .")
    }

    @Test func chicagoNotesUnderANotesHeadingAsAPlainList() {
        let r = BodyFixture.build("""
            <h2>Body</h2><p>Text<sup><a href="#n1">1</a></sup> more<sup><a href="#n2">2</a></sup>.</p>
            <h2>Notes</h2>
            <ol><li id="n1">Victor Cha, <em>The Impossible State</em> (New York: Ecco, 2012), 45.</li><li id="n2">Ibid., 47.</li></ol>
            """)
        expectLinked(r, notes: ["Victor Cha, The Impossible State (New York: Ecco, 2012), 45.", "Ibid., 47."], labels: ["1", "2"])
        #expect(r.sections.map { $0.title.plainText } == ["Body"])
    }

    @Test func numberedParagraphsAfterANotesHeadingWithPlainSuperscriptMarkers() {
        let r = BodyFixture.build("""
            <p>First<sup>1</sup> and second<sup>2</sup>. Squared: x<sup>2</sup>? no, that one too.</p>
            <h3>Endnotes</h3>
            <p>1. A first endnote.</p>
            <p>2. A second endnote,</p>
            <p>continued in a second paragraph.</p>
            """)
        #expect(r.notes.map(\.label) == ["1", "2"])
        #expect(r.notes.map { BodyFixture.text($0.blocks) } == ["A first endnote.", "A second endnote,\ncontinued in a second paragraph."])
        #expect(BodyFixture.noteRefs(r).map(\.noteID) == ["fn1", "fn2", "fn2"])
        #expect(!BodyFixture.rules(r).contains("ingest.note-unreferenced"))
        #expect(r.sections.count == 1)
    }

    @Test func referencesListWithoutMarkersBecomesReferences() {
        let r = BodyFixture.build("""
            <h2>Body</h2><p>Text.</p>
            <h2>References</h2>
            <ul><li>Cha, Victor. <em>The Impossible State</em>. New York: Ecco, 2012.</li><li>Snyder, Scott. <em>South Korea at the Crossroads</em>. 2018.</li></ul>
            """)
        #expect(r.notes.isEmpty)
        #expect(r.references.map(\.id) == ["ref1", "ref2"])
        #expect(r.references.first?.inlines.plainText == "Cha, Victor. The Impossible State. New York: Ecco, 2012.")
        #expect(r.references.first?.inlines.contains(.emphasis([.text("The Impossible State")])) == true)
        #expect(r.sections.map { $0.title.plainText } == ["Body"])
        #expect(r.diagnostics.isEmpty)
    }

    @Test func notesHeadingWithoutNotesStaysASection() {
        let r = BodyFixture.build("<h2>Notes</h2><p>The views expressed are the author’s own.</p>")
        #expect(r.notes.isEmpty)
        #expect(r.sections.map { $0.title.plainText } == ["Notes"])
    }

    @Test func noteIDsFollowTheNoteListOrder() {
        let r = BodyFixture.build("""
            <p>B first<sup><a href="#b">2</a></sup>, then a<sup><a href="#a">1</a></sup>.</p>
            <ol class="footnotes"><li id="a">Note A.</li><li id="b">Note B.</li></ol>
            """)
        #expect(r.notes.map(\.id) == ["fn1", "fn2"])
        #expect(r.notes.map { BodyFixture.text($0.blocks) } == ["Note A.", "Note B."])
        #expect(BodyFixture.noteRefs(r).map(\.noteID) == ["fn2", "fn1"])
    }

    @Test func missingUnreferencedDuplicateAndOutOfOrderNotesAreReported() {
        let r = BodyFixture.build("""
            <p>One<sup><a href="#fn1">1</a></sup> ghost<sup><a href="#fn9">9</a></sup>.</p>
            <ol class="footnotes">
            <li id="fn1">Note one.</li>
            <li id="fn1">Duplicate one.</li>
            <li id="fn4">Orphan note.</li>
            </ol>
            """)
        let rules = BodyFixture.rules(r)
        #expect(rules.filter { $0 == "ingest.note-missing" }.count == 1)
        #expect(rules.contains("ingest.note-duplicate"))
        let unreferenced = r.diagnostics.filter { $0.rule == "ingest.note-unreferenced" }
        #expect(unreferenced.count == 2)
        #expect(unreferenced.map(\.location.line) == [5, 6])
        let missing = r.diagnostics.first { $0.rule == "ingest.note-missing" }
        #expect(missing?.location.line == 2)
        #expect(missing?.severity == .warning)
        #expect(unreferenced.first?.severity == .warning)
        // The dangling marker is kept, pointing nowhere.
        #expect(BodyFixture.noteRefs(r).map(\.noteID) == ["fn1", "fn9"])
        #expect(r.notes.count == 3)
    }

    @Test func outOfOrderNumberingIsReported() {
        let r = BodyFixture.build("""
            <p>a<sup><a href="#x1">1</a></sup> b<sup><a href="#x3">3</a></sup></p>
            <h2>Notes</h2><ol><li id="x1">One.</li></ol><p id="x3">3. Three.</p>
            """)
        #expect(BodyFixture.rules(r).contains("ingest.note-order"))
    }

    @Test func noteDiagnosticRulesAreDeclared() {
        #expect(BodyMessages.noteMissing.rule == "ingest.note-missing")
        #expect(BodyMessages.noteMissing.severity == .warning)
        #expect(BodyMessages.noteUnreferenced.rule == "ingest.note-unreferenced")
        #expect(BodyMessages.noteUnreferenced.severity == .warning)
        #expect(Set(BodyMessages.all.map(\.rule)).count == BodyMessages.all.count)
    }
}

extension BodyBuilderNoteTests {
    @Test func tooltipInsideAnUnclassedMarkerLeavesTheText() {
        let r = BodyFixture.build("""
            <p>Claim<sup><a href="#fn1">1<span class="footnote-tooltip">Hidden copy.</span></a></sup>.</p>
            <ol class="footnotes"><li id="fn1">Hidden copy.</li></ol>
            """)
        expectLinked(r, notes: ["Hidden copy."], labels: ["1"], body: "Claim 1 .")
    }

    @Test func wordEndnotes() {
        let r = BodyFixture.build("""
            <p>Sentence.<a href="#_edn1" name="_ednref1"><span>[i]</span></a></p>
            <div><p><a href="#_ednref1" name="_edn1"><span>[i]</span></a> Endnote text.</p></div>
            """)
        expectLinked(r, notes: ["Endnote text."], labels: ["i"])
    }

    @Test func aSuperscriptLinkToASectionDoesNotSwallowIt() {
        let r = BodyFixture.build("""
            <p>See part<sup><a href="#part2">2</a></sup>.</p>
            <section id="part2"><h2>Part 2</h2><p>Body of part two.</p></section>
            """)
        #expect(BodyFixture.allText(r).contains("Body of part two."))
        #expect(r.notes.isEmpty)
        #expect(BodyFixture.rules(r) == ["ingest.note-missing"])
    }
}
