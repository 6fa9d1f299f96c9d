import Foundation
import KeiCore
import KeiDocument
import KeiTestSupport
import KeiXML
import Testing
@testable import KeiStages

/// Text that cites notes and the notes it cites: a short paragraph of note markers next to a notes
/// block is article text (content extraction never takes the notes for the article, nor drops the
/// paragraph); a link spelling out the page's own address with a fragment is a cross-reference; table
/// notes are not checked against the order of the text's notes.
@Suite struct CitingTextTests {
    static let lead = "<p>Alliances in Northeast Asia depend on consultation, and this paragraph carries the argument with enough words to be scored as article text.</p>"

    /// An article page with `head` in its head and `body` after the lead paragraph.
    static func page(_ body: String, head: String = "") -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title>\(head)</head><body>
        <article><h1>T</h1><p class="byline">By Jane Doe</p>\(lead)
        \(body)
        </article></body></html>
        """
    }

    /// Content extraction and the body builder, as ingest runs them.
    func ingest(_ body: String, canonical: String? = nil) throws -> BodyResult {
        let document = MarkupParser.parseHTML(Data(Self.page(body).utf8))
        let content = try #require(ContentExtractor.extract(from: document))
        return BodyBuilder.build(content: content, document: document,
                                 metadata: ArticleMetadata(title: "T", canonicalURL: canonical), file: "b.html")
    }

    // MARK: marker paragraphs next to notes blocks

    static let claims = ##"<p>First claim.<sup><a href="#fn1">1</a></sup> Second claim.<sup><a href="#fn2">2</a></sup></p>"##

    @Test(arguments: [
        // The notes' text in spans, their list in a div: the notes used to win extraction.
        claims + ##"<div><ol><li id="fn1"><span>Kim, Trade and Power, 2020.</span></li><li id="fn2"><span>Lee, Chips, 2021.</span></li></ol></div>"##,
        // MediaWiki: div.reflist > ol.references > li > back-link cluster + reference text.
        ##"<p>First claim.<sup id="cite_ref-a_1-0" class="reference"><a href="#fn1">[1]</a></sup> Second claim.<sup id="cite_ref-2" class="reference"><a href="#fn2">[2]</a></sup></p>"##
            + ##"<div class="reflist"><ol class="references"><li id="fn1"><span class="mw-cite-backlink">^ <a href="#cite_ref-a_1-0"><sup><i><b>a</b></i></sup></a></span> <span class="reference-text">Kim, Trade and Power, 2020.</span></li>"##
            + ##"<li id="fn2"><span class="mw-cite-backlink"><b><a href="#cite_ref-2">^</a></b></span> <span class="reference-text">Lee, Chips, 2021.</span></li></ol></div>"##,
        // Paragraph notes, with more commas than the text, in a plain div.
        claims + ##"<div><p id="fn1">Kim, Trade and Power, Seoul, Korea, 2020.</p><p id="fn2">Lee, Chips, Seoul, Korea, 2021.</p></div>"##,
        // The marker around the superscript, and a section wrapper.
        ##"<p>First claim.<a href="#fn1"><sup>1</sup></a> Second claim.<a href="#fn2"><sup>2</sup></a></p>"##
            + ##"<section><ol><li id="fn1"><span>Kim, Trade and Power, 2020.</span></li><li id="fn2"><span>Lee, Chips, 2021.</span></li></ol></section>"##,
    ])
    func shortParagraphsCitingNotesStay(body: String) throws {
        let r = try ingest(body)
        let text = BodyFixture.text(BodyFixture.blocks(r))
        #expect(text.contains("First claim.") && text.contains("Second claim."), "\(BodyFixture.dump(r))")
        #expect(BodyFixture.noteRefs(r).map { "\($0.noteID):\($0.label)" } == ["fn1:1", "fn2:2"], "\(BodyFixture.dump(r))")
        #expect(r.notes.map { BodyFixture.text($0.blocks) } == [
            body.contains("Seoul") ? "Kim, Trade and Power, Seoul, Korea, 2020." : "Kim, Trade and Power, 2020.",
            body.contains("Seoul") ? "Lee, Chips, Seoul, Korea, 2021." : "Lee, Chips, 2021.",
        ])
        #expect(r.references.isEmpty)
        #expect(!BodyFixture.rules(r).contains("ingest.note-unreferenced"))
    }

    @Test func aParagraphCitingANoteAfterTheNotesStays() throws {
        let r = try ingest("""
            <p>Claim one.<sup><a href="#fn1">1</a></sup></p>
            <div><ol><li id="fn1"><span>Kim, Trade and Power, 2020.</span></li><li id="fn2"><span>Lee, Chips, 2021.</span></li></ol></div>
            <p>Late claim.<sup><a href="#fn2">2</a></sup></p>
            """)
        let text = BodyFixture.text(BodyFixture.blocks(r))
        #expect(text.contains("Claim one.") && text.contains("Late claim."), "\(BodyFixture.dump(r))")
        #expect(BodyFixture.noteRefs(r).map(\.noteID) == ["fn1", "fn2"])
    }

    // MARK: same-page links spelled as the page's address

    /// The URL each link of the body points at, in order.
    func linkURLs(_ r: BodyResult) -> [String] {
        var out: [String] = []
        func visit(_ list: [Inline]) {
            for i in list {
                if case .link(let url, _) = i { out.append(url) }
                if let c = i.children { visit(c) }
            }
        }
        for case .paragraph(let p) in BodyFixture.blocks(r) { visit(p.inlines) }
        return out
    }

    @Test(arguments: [
        ("https://example.org/a/b.html", "https://example.org/a/b.html#sec2", "#sec2"),
        ("HTTPS://Example.ORG:443/a/b.html", "https://example.org/a/b.html#sec2", "#sec2"),
        ("https://example.org/a/b.html", "b.html#sec2", "#sec2"),
        ("https://example.org/a/b.html", "./b.html#sec2", "#sec2"),
        ("https://example.org/a/b.html", "/a/b.html#sec2", "#sec2"),
        ("https://example.org/a/b.html", "//example.org/a/b.html#sec2", "#sec2"),
        ("https://example.org", "https://example.org/#sec2", "#sec2"),
        // Without a canonical URL the page's address is the file read (`b.html`).
        (nil, "b.html#sec2", "#sec2"),
        // Other documents stay links.
        ("https://example.org/a/b.html", "https://example.org/a/c.html#sec2", "https://example.org/a/c.html#sec2"),
        ("https://example.org/a/b.html", "https://example.org/a/b.html?page=2#sec2", "https://example.org/a/b.html?page=2#sec2"),
        ("https://example.org/a/b.html", "http://example.org/a/b.html#sec2", "http://example.org/a/b.html#sec2"),
        (nil, "c.html#sec2", "c.html#sec2"),
    ] as [(String?, String, String)])
    func linksToThePageItselfAreCrossReferences(canonical: String?, href: String, expected: String) throws {
        let r = try ingest(##"<p>See <a href="\##(href)">the second section</a> for more.</p><h2 id="sec2">Section Two</h2><p>Words in the section here are enough.</p>"##,
                           canonical: canonical)
        let section = try #require(r.sections.first { BodyFixture.plain($0.title) == "Section Two" })
        #expect(linkURLs(r) == [expected == "#sec2" ? "#" + section.id : expected], "\(BodyFixture.dump(r))")
        #expect(!BodyFixture.rules(r).contains("ingest.broken-fragment"))
    }

    @Test func aLinkToAMissingFragmentOfThePageIsReported() throws {
        let r = try ingest(##"<p>See <a href="https://example.org/a/b.html#nowhere">nothing</a> at all.</p>"##,
                           canonical: "https://example.org/a/b.html")
        #expect(linkURLs(r).isEmpty)
        #expect(BodyFixture.rules(r).contains("ingest.broken-fragment"))
    }

    // MARK: table notes and the order check

    func orderWarnings(_ body: String) throws -> [Diagnostic] {
        let context = try StageHarness.run(html: Self.page(body), stages: [CheckCitationsStage.self])
        return context.diagnostics.filter { $0.rule == "check.notes.order" }
    }

    static let table = ##"<table><caption>Table 1: Data</caption><tr><th>X</th><th>Y</th></tr><tr><td>a<sup><a href="#t1">a</a></sup></td><td>b<sup><a href="#t2">b</a></sup></td></tr></table>"##
    static let tableNotes = ##"<ol class="table-notes"><li id="t1">Table note a.</li><li id="t2">Table note b.</li></ol>"##
    static let endnotes = ##"<h2>Notes</h2><ol><li id="a1">Endnote one.</li><li id="a2">Endnote two.</li></ol>"##

    @Test(arguments: [
        // Lettered table notes listed before the endnotes, cited in the table…
        ##"<p>Claim one<sup><a href="#a1">1</a></sup> and two<sup><a href="#a2">2</a></sup>.</p>"## + table + tableNotes + endnotes,
        // …or after the text has cited the endnotes.
        table + tableNotes + ##"<p>Claim one<sup><a href="#a1">1</a></sup> and two<sup><a href="#a2">2</a></sup>.</p>"## + endnotes,
        // Numbered table notes, cited only from the table.
        ##"<p>Claim one<sup><a href="#a1">1</a></sup> and two<sup><a href="#a2">2</a></sup>.</p>"##
            + ##"<table><caption>Table 1: Data</caption><tr><th>X</th></tr><tr><td>a<sup><a href="#t1">1</a></sup></td></tr></table>"##
            + ##"<ol class="table-notes"><li id="t1">Table note one.</li></ol>"## + endnotes,
    ])
    func tableNotesAreNotCheckedAgainstTheEndnotes(body: String) throws {
        #expect(try orderWarnings(body).isEmpty)
    }

    @Test func endnotesOutOfOrderAreStillReportedBesideTableNotes() throws {
        let warnings = try orderWarnings(##"<p>Claim two<sup><a href="#a2">2</a></sup> and one<sup><a href="#a1">1</a></sup>.</p>"##
                                         + Self.table + Self.tableNotes + Self.endnotes)
        #expect(warnings.map(\.excerpt) == ["1"])
        #expect(warnings.first?.span != nil)
        // Lettered notes cited in the text are checked as their own series.
        let lettered = try orderWarnings(##"<p>Claim b<sup><a href="#t2">b</a></sup> and a<sup><a href="#t1">a</a></sup>.</p>"## + Self.tableNotes)
        #expect(lettered.map(\.excerpt) == ["a"])
    }
}
