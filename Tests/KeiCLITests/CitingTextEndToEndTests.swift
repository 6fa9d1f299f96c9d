import Foundation
import Testing
import KeiTestSupport

/// Through the real binary: a short paragraph of note markers before a notes block (the tester's
/// span notes and a MediaWiki reference list), same-page links spelled as the page's address, and a
/// table-note list beside the endnotes. Every JATS file is DTD-valid.
@Suite(.serialized) struct CitingTextEndToEndTests {
    /// Writes an article page (`head` in its head, `body` after the lead paragraph) and runs
    /// `kei-pipeline check --show-info` on it; the JATS must be valid and the gate pass.
    func check(_ name: String, _ body: String, head: String = "", in dir: URL) throws -> PageCheck {
        let page = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title>\(head)</head><body><article><h1>T</h1><p class="byline">By Jane Doe</p><p>Alliances in Northeast Asia depend on consultation, and this paragraph carries the argument with enough words to be scored as article text.</p>
            \(body)
            </article></body></html>
            """
        let c = try PageCheck.run(html: page, name: name, in: dir, arguments: ["--show-info"])
        #expect(c.code == 0, "\(name): \(c.stderr)")
        #expect(c.jatsProblems.isEmpty, "\(name): \(c.jatsProblems)")
        return c
    }

    func xref(_ id: String, _ label: String) -> String { ##"<xref ref-type="fn" rid="\##(id)"><sup>\##(label)</sup></xref>"## }

    @Test func shortParagraphsCitingNotesAreKept() throws {
        let dir = TestPaths.temporaryDirectory("kei-citing-text")
        defer { try? FileManager.default.removeItem(at: dir) }
        let spans = try check("spans", ##"""
            <p>First claim.<sup><a href="#fn1">1</a></sup> Second claim.<sup><a href="#fn2">2</a></sup></p>
            <div><ol><li id="fn1"><span>Kim, Trade and Power, 2020.</span></li><li id="fn2"><span>Lee, Chips, 2021.</span></li></ol></div>
            """##, in: dir)
        #expect(spans.body.contains("<p>First claim.\(xref("fn1", "1")) Second claim.\(xref("fn2", "2"))</p>"), "\(spans.jats)")
        #expect(spans.rules(prefix: "ingest.note").isEmpty, "\(spans.diagnostics)")

        let wiki = try check("wiki", ##"""
            <p>First claim.<sup id="cite_ref-a_1-0" class="reference"><a href="#cite_note-a-1">[1]</a></sup> Second claim.<sup id="cite_ref-2" class="reference"><a href="#cite_note-2">[2]</a></sup> Again first.<sup id="cite_ref-a_1-1" class="reference"><a href="#cite_note-a-1">[1]</a></sup></p>
            <h2><span class="mw-headline" id="References">References</span></h2>
            <div class="reflist"><ol class="references">
            <li id="cite_note-a-1"><span class="mw-cite-backlink">^ <a href="#cite_ref-a_1-0"><sup><i><b>a</b></i></sup></a> <a href="#cite_ref-a_1-1"><sup><i><b>b</b></i></sup></a></span> <span class="reference-text">Kim, Trade and Power, 2020.</span></li>
            <li id="cite_note-2"><span class="mw-cite-backlink"><b><a href="#cite_ref-2">^</a></b></span> <span class="reference-text">Lee, Chips, 2021.</span></li>
            </ol></div>
            """##, in: dir)
        #expect(wiki.body.contains("First claim.\(xref("fn1", "1")) Second claim.\(xref("fn2", "2")) Again first.\(xref("fn1", "1"))"), "\(wiki.jats)")
        #expect(wiki.notes.contains("<p>Kim, Trade and Power, 2020.</p>") && wiki.notes.contains("<p>Lee, Chips, 2021.</p>"), "\(wiki.jats)")
        // The page's note list became notes, not the article's own reference list (the ref-list holds the sources the notes cite).
        #expect(!wiki.jats.contains("^") && (wiki.articles.first?["counts"] as? [String: Any])?["references"] as? Int == 0, "\(wiki.jats)")
        #expect(wiki.rules(prefix: "ingest.note").isEmpty, "\(wiki.diagnostics)")
    }

    @Test func linksSpellingOutThePageAreCrossReferences() throws {
        let dir = TestPaths.temporaryDirectory("kei-citing-text")
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = try check("self", ##"""
            <p>See <a href="https://example.org/a/b.html#sec2">the full address</a>, <a href="b.html#sec2">a relative one</a>, <a href="https://example.org/a/c.html#sec2">another page</a> and <a href="self.html#sec2">this file</a>.</p>
            <h2 id="sec2">Section Two</h2><p>Words in the section here are enough to read.</p>
            """##, head: ##"<link rel="canonical" href="HTTPS://Example.ORG:443/a/b.html">"##, in: dir)
        #expect(c.body.contains(##"<xref ref-type="sec" rid="sec2">the full address</xref>"##), "\(c.jats)")
        #expect(c.body.contains(##"<xref ref-type="sec" rid="sec2">a relative one</xref>"##), "\(c.jats)")
        #expect(c.body.contains(##"<ext-link ext-link-type="uri" xlink:href="https://example.org/a/c.html#sec2">another page</ext-link>"##), "\(c.jats)")
        // With a canonical URL the page's address is that URL, not the file's name.
        #expect(c.body.contains(##"/a/self.html#sec2">this file</ext-link>"##), "\(c.jats)")

        let file = try check("page", ##"""
            <p>See <a href="page.html#sec2">this file</a> and <a href="./page.html#sec2">again</a>.</p>
            <h2 id="sec2">Section Two</h2><p>Words in the section here are enough to read.</p>
            """##, in: dir)
        #expect(file.body.contains(##"<xref ref-type="sec" rid="sec2">this file</xref>"##), "\(file.jats)")
        #expect(file.body.contains(##"<xref ref-type="sec" rid="sec2">again</xref>"##), "\(file.jats)")
    }

    @Test func tableNotesDoNotRaiseTheOrderWarning() throws {
        let dir = TestPaths.temporaryDirectory("kei-citing-text")
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = try check("lists", ##"""
            <p>Claim one<sup><a href="#a1">1</a></sup> and two<sup><a href="#a2">2</a></sup>.</p>
            <table><caption>Table 1: Data</caption><tr><th>X</th><th>Y</th></tr><tr><td>a<sup><a href="#t1">a</a></sup></td><td>b<sup><a href="#t2">b</a></sup></td></tr></table>
            <ol class="table-notes"><li id="t1">Table note a.</li><li id="t2">Table note b.</li></ol>
            <h2>Notes</h2><ol><li id="a1">Endnote one.</li><li id="a2">Endnote two.</li></ol>
            """##, in: dir)
        #expect(c.rules("check.notes.order").isEmpty, "\(c.diagnostics)")
        #expect(c.rules(prefix: "ingest.note").isEmpty, "\(c.diagnostics)")
        for text in ["Table note a.", "Table note b.", "Endnote one.", "Endnote two."] { #expect(c.jats.contains(text)) }
    }
}
