import Foundation
import KeiDocument
import KeiXML
import Testing
@testable import KeiStages

/// Notes that used to be lost or mislinked between content extraction and the body: button labels
/// and button markers, Google Docs notes wrapped in `div`s, markers that name plain elements or
/// carry their note in an attribute, paragraph notes inside one wrapper, and the spans of note
/// diagnostics. Each page goes through content extraction and the body builder, as ingest runs them.
@Suite struct NoteFidelityTests {
    static let lead = "<p>Alliances in Northeast Asia depend on consultation, and this paragraph carries the argument with enough words to be scored as article text.</p>"

    /// An article page holding `body`.
    func page(_ body: String) -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title></head><body>
        <article><h1>T</h1><p class="byline">By Jane Doe</p>\(Self.lead)
        \(body)
        </article></body></html>
        """
    }

    /// Extracts the main content of an article page holding `body` and builds its body.
    func ingest(_ body: String) throws -> BodyResult {
        let document = MarkupParser.parseHTML(Data(page(body).utf8))
        let content = try #require(ContentExtractor.extract(from: document))
        return BodyBuilder.build(content: content, document: document, metadata: ArticleMetadata(title: "T"), file: "t.html")
    }

    func noteTexts(_ r: BodyResult) -> [String] { r.notes.map { BodyFixture.text($0.blocks) } }
    func refs(_ r: BodyResult) -> [String] { BodyFixture.noteRefs(r).map { "\($0.noteID):\($0.label)" } }
    func bodyText(_ r: BodyResult) -> String { BodyFixture.text(BodyFixture.blocks(r)) }
    func rules(_ r: BodyResult) -> [String] { r.diagnostics.map(\.rule).filter { $0.hasPrefix("ingest.note") } }

    // MARK: buttons

    @Test(arguments: [
        ("<p>Press <button type=\"button\">Accept</button> to continue.</p>", "Press Accept to continue."),
        ("<p>Choose <em><button>Save draft</button></em> before leaving.</p>", "Choose Save draft before leaving."),
        ("<p>Then <span class=\"ui\"><button class=\"btn\">Submit</button></span> the form.</p>", "Then Submit the form."),
    ])
    func buttonLabelsInRunningTextAreText(html: String, expected: String) throws {
        let r = try ingest(html)
        #expect(bodyText(r).contains(expected), "\(BodyFixture.dump(r))")
    }

    @Test func buttonsOutsideSentencesAreChrome() throws {
        let r = try ingest("""
            <div class="share"><button>Share on X</button><button>Copy link</button></div>
            <p><button type="button">Close</button></p>
            <button aria-controls="menu">Menu</button>
            <p>Closing words of the article stay where they are, with enough text to be kept.</p>
            """)
        let text = bodyText(r)
        for chrome in ["Share on X", "Copy link", "Close", "Menu"] { #expect(!text.contains(chrome), "\(chrome): \(text)") }
        #expect(text.contains("Closing words"))
    }

    @Test func buttonMarkersLinkTheirNotes() throws {
        let r = try ingest("""
            <p>Claim one<button type="button" aria-controls="tip-a">1</button> and two<sup><button popovertarget="tip-b">2</button></sup> and three<sup><button class="fn-btn" data-bs-target="#tip-c">3</button></sup> end.</p>
            <div id="tip-a" role="tooltip">First note text.</div>
            <div id="tip-b" popover>Second note text.</div>
            <div id="tip-c">Third note text.</div>
            """)
        #expect(refs(r) == ["fn1:1", "fn2:2", "fn3:3"], "\(BodyFixture.dump(r))")
        #expect(noteTexts(r) == ["First note text.", "Second note text.", "Third note text."])
        #expect(!bodyText(r).contains("note text"), "each note once, out of the body")
        #expect(rules(r).isEmpty, "\(r.diagnostics)")
    }

    // MARK: notes extraction must not drop

    @Test(arguments: [
        // Google Docs: each note in its own div.
        """
        <p>Claim one<sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup> and two<sup><a href="#ftnt2" id="ftnt_ref2">[2]</a></sup>.</p>
        <hr><div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a> Note one.</p></div><div><p><a href="#ftnt_ref2" id="ftnt2">[2]</a> Note two.</p></div>
        """,
        // The same with named anchors and a span around them.
        """
        <p>Claim one<sup><a href="#n1">[1]</a></sup> and two<sup><a href="#n2">[2]</a></sup>.</p>
        <div><p><span><a name="n1">[1]</a></span> Note one.</p></div><div><p><span><a name="n2">[2]</a></span> Note two.</p></div>
        """,
        // Word: short notes in divs with ids.
        """
        <p>Claim one<a href="#_ftn1" name="_ftnref1"><sup>[1]</sup></a> and two<a href="#_ftn2" name="_ftnref2"><sup>[2]</sup></a>.</p>
        <div><div id="ftn1"><p><a href="#_ftnref1" name="_ftn1">[1]</a> Note one.</p></div><div id="ftn2"><p><a href="#_ftnref2" name="_ftn2">[2]</a> Note two.</p></div></div>
        """,
        // Paragraph notes with ids inside one wrapper (not one note).
        """
        <p>One<sup><a href="#fn1" id="fnref1">1</a></sup> two<sup><a href="#fn2" id="fnref2">2</a></sup>.</p>
        <div class="notes"><p id="fn1"><a href="#fnref1">1.</a> Note one.</p><p id="fn2"><a href="#fnref2">2.</a> Note two.</p></div>
        """,
        // Div notes with ids inside a section.
        """
        <p>One<sup><a href="#note-1">1</a></sup> two<sup><a href="#note-2">2</a></sup>.</p>
        <section><div id="note-1"><p>1. Note one.</p></div><div id="note-2"><p>2. Note two.</p></div></section>
        """,
    ])
    func shortNotesMarkersPointAtAreKeptOneEach(html: String) throws {
        let r = try ingest(html)
        #expect(refs(r) == ["fn1:1", "fn2:2"], "\(BodyFixture.dump(r))")
        #expect(noteTexts(r) == ["Note one.", "Note two."], "\(BodyFixture.dump(r))")
        #expect(rules(r).isEmpty, "\(r.diagnostics)")
    }

    // MARK: markers by relation and by attribute

    @Test func markersNamingPlainElementsOrCarryingTheirNoteLinkInMarkerOrder() throws {
        let r = try ingest("""
            <p>Four<sup><a data-bs-toggle="popover" data-bs-target="#tip-d">1</a></sup> five<sup><a data-target="tip-e">2</a></sup> six<sup><a data-tippy-content="Tippy note.">3</a></sup> seven<sup><abbr title="Title note.">4</abbr></sup> eight<sup title="Sup title note.">5</sup> nine<span class="ref" data-bs-content="Bootstrap content note." data-bs-toggle="popover">6</span> ten<sup><a data-content="&lt;em&gt;Marked&lt;/em&gt; up note.">7</a></sup>.</p>
            <div id="tip-e">Data target note text.</div>
            <div id="tip-d" class="popover-content">Bootstrap note text.</div>
            """)
        #expect(refs(r) == (1...7).map { "fn\($0):\($0)" }, "\(BodyFixture.dump(r))")
        #expect(noteTexts(r) == ["Bootstrap note text.", "Data target note text.", "Tippy note.", "Title note.",
                                 "Sup title note.", "Bootstrap content note.", "Marked up note."])
        #expect(!bodyText(r).contains("note text"))
        #expect(rules(r).isEmpty, "\(r.diagnostics)")
    }

    @Test func titlesAndAttributesThatAreNotNotesStayAsTheyWere() throws {
        let r = try ingest("""
            <p>The <abbr title="World Health Organization">WHO</abbr> said so<sup title="Footnote 1">1</sup> and <span data-tippy-content="A definition.">dual use</span> goods; x<sup title="squared">2</sup>.</p>
            """)
        #expect(r.notes.isEmpty, "\(BodyFixture.dump(r))")
        #expect(bodyText(r).contains("The WHO said so"))
        #expect(bodyText(r).contains("dual use goods"))
    }

    // MARK: diagnostic spans

    @Test func noteDiagnosticsCarryTheMarkerOrListSpan() throws {
        let body = """
            <p>One<sup><a href="#fn1">1</a></sup> two<sup><a href="#fn2">[3]</a></sup> three<sup><a href="#fn9">9</a></sup>.</p>
            <ol class="footnotes"><li id="fn1">First note.</li><li id="fn2">Second note.</li></ol>
            """
        let r = try ingest(body)
        let source = Array(page(body).utf8)
        func text(_ span: SourceSpan?) -> String? { span.map { String(decoding: source[$0.range], as: UTF8.self) } }
        let missing = try #require(r.diagnostics.first { $0.rule == "ingest.note-missing" })
        let mismatch = try #require(r.diagnostics.first { $0.rule == "ingest.note-label-mismatch" })
        let count = try #require(r.diagnostics.first { $0.rule == "ingest.note-count-mismatch" })
        #expect(text(missing.span) == "9")
        #expect(text(mismatch.span) == "[3]")
        #expect(text(count.span) == "First note.</li><li id=\"fn2\">Second note.")
    }
}
