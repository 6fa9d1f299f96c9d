import Foundation
import Testing
import KeiStages
import KeiTestSupport

/// Through the real binary: button labels and button markers, Google Docs notes wrapped in `div`s,
/// markers that name plain elements or carry their note in an attribute, paragraph notes in one
/// wrapper, and note diagnostics with a column. Every JATS file is DTD-valid.
@Suite(.serialized) struct NoteFidelityEndToEndTests {
    typealias Checked = PageCheck

    /// Writes an article page holding `body` and runs `kei-pipeline check --show-info` on it; the JATS must be valid.
    func check(_ name: String, _ body: String, in dir: URL) throws -> Checked {
        let page = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title></head><body><article><h1>T</h1><p class="byline">By Jane Doe</p><p>Alliances in Northeast Asia depend on consultation, and this paragraph carries the argument with enough words to be scored as article text.</p>
            \(body)
            </article></body></html>
            """
        let c = try PageCheck.run(html: page, name: name, in: dir, arguments: ["--show-info"])
        #expect(c.jatsProblems.isEmpty, "\(name): \(c.jatsProblems)")
        return c
    }

    func xref(_ id: String, _ label: String) -> String { #"<xref ref-type="fn" rid="\#(id)"><sup>\#(label)</sup></xref>"# }

    func fn(_ id: String, _ label: String, _ text: String) -> String {
        #"<fn id="\#(id)">"# + "\n        <label>\(label)</label>\n        <p>\(text)</p>"
    }

    @Test func buttonsKeepTheirLabelsAndLinkTheirNotes() throws {
        let dir = TestPaths.temporaryDirectory("kei-note-fidelity")
        defer { try? FileManager.default.removeItem(at: dir) }
        let label = try check("label", """
            <p>Press <button type="button">Accept</button> to continue.</p>
            <div class="share"><button>Share on X</button></div>
            """, in: dir)
        #expect(label.body.contains("<p>Press Accept to continue.</p>"))
        #expect(!label.jats.contains("Share on X"))

        let markers = try check("markers", """
            <p>Claim one<button type="button" aria-controls="tip-a">1</button> and three<sup><button popovertarget="tip-c">3</button></sup> end.</p>
            <div id="tip-a" role="tooltip">First note text.</div><div id="tip-c" popover>Third note text.</div>
            """, in: dir)
        #expect(markers.body.contains("Claim one\(xref("fn1", "1")) and three\(xref("fn2", "3")) end."), "\(markers.jats)")
        #expect(markers.notes.contains(fn("fn1", "1", "First note text.")))
        #expect(markers.notes.contains(fn("fn2", "3", "Third note text.")))
        #expect(markers.rules(prefix: "ingest.note").filter { $0["severity"] as? String != "info" }.isEmpty, "\(markers.diagnostics)")
    }

    @Test func wrappedAndParagraphNotesAreOneNoteEach() throws {
        let dir = TestPaths.temporaryDirectory("kei-note-fidelity")
        defer { try? FileManager.default.removeItem(at: dir) }
        let pages = [
            ("gdocs", """
                <p>Claim one<sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup> and two<sup><a href="#ftnt2" id="ftnt_ref2">[2]</a></sup>.</p><hr><div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a> GDocs note one.</p></div><div><p><a href="#ftnt_ref2" id="ftnt2">[2]</a> GDocs note two.</p></div>
                """, "GDocs note"),
            ("paragraphs", """
                <p>Claim one<sup><a href="#fn1" id="fnref1">1</a></sup> and two<sup><a href="#fn2" id="fnref2">2</a></sup>.</p><div class="notes"><p id="fn1"><a href="#fnref1">1.</a> Paragraph note one.</p><p id="fn2"><a href="#fnref2">2.</a> Paragraph note two.</p></div>
                """, "Paragraph note"),
        ]
        for (name, html, text) in pages {
            let c = try check(name, html, in: dir)
            #expect(c.body.contains("Claim one\(xref("fn1", "1")) and two\(xref("fn2", "2"))."), "\(name): \(c.jats)")
            #expect(c.notes.contains(fn("fn1", "1", "\(text) one.")), "\(name)")
            #expect(c.notes.contains(fn("fn2", "2", "\(text) two.")), "\(name)")
            #expect(c.rules(prefix: "ingest.note").isEmpty, "\(name): \(c.diagnostics)")
        }
    }

    @Test func relationAndAttributeMarkersBecomeNotes() throws {
        let dir = TestPaths.temporaryDirectory("kei-note-fidelity")
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = try check("attributes", """
            <p>Four<sup><a data-bs-toggle="popover" data-bs-target="#tip-d">1</a></sup> five<sup><a data-target="tip-e">2</a></sup> six<sup><a data-tippy-content="Tippy note.">3</a></sup> seven<sup><abbr title="Title note.">4</abbr></sup>.</p><div id="tip-d" class="popover-content">Bootstrap note text.</div><div id="tip-e">Data target note text.</div>
            """, in: dir)
        #expect(c.body.contains("Four\(xref("fn1", "1")) five\(xref("fn2", "2")) six\(xref("fn3", "3")) seven\(xref("fn4", "4"))."), "\(c.jats)")
        for (i, text) in ["Bootstrap note text.", "Data target note text.", "Tippy note.", "Title note."].enumerated() {
            #expect(c.notes.contains(fn("fn\(i + 1)", "\(i + 1)", text)), "\(text)")
        }
        #expect(!c.body.contains("note text"))
        #expect(c.rules(prefix: "ingest.note").isEmpty, "\(c.diagnostics)")
    }

    @Test func noteDiagnosticsHaveAColumn() throws {
        let dir = TestPaths.temporaryDirectory("kei-note-fidelity")
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = try check("spans", """
            <p>One<sup><a href="#fn1">1</a></sup> two<sup><a href="#fn2">3</a></sup> three<sup><a href="#fn9">9</a></sup>.</p>
            <ol class="footnotes"><li id="fn1">First note.</li><li id="fn2">Second note.</li></ol>
            """, in: dir)
        for (rule, line, excerpt) in [("ingest.note-missing", 2, "9"), ("ingest.note-label-mismatch", 2, "3"),
                                      ("ingest.note-count-mismatch", 3, "First note.</li><li id=\"fn2\">Second note.")] {
            let d = try #require(c.rules(rule).first, "\(rule): \(c.diagnostics)")
            #expect(d["line"] as? Int == line, "\(rule)")
            #expect(d["column"] as? Int != nil && d["end_column"] as? Int != nil, "\(rule): \(d)")
            #expect(d["excerpt"] as? String == excerpt, "\(rule): \(d)")
        }
        let missing = try #require(c.rules("ingest.note-missing").first)
        #expect(missing["column"] as? Int == 99, "\(missing)")
    }
}
