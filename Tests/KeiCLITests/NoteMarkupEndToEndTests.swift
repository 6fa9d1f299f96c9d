import Foundation
import Testing
import KeiCore
import KeiStages
import KeiTestSupport

/// Footnote markup through the real binary: the shared ingest cases (tooltip notes linked by
/// `aria-describedby`, inline `<span class="footnote">` notes) and pages written here (MediaWiki,
/// a notes list one short, same-page links, inline notes of several tools). Every JATS file is
/// DTD-valid.
@Suite(.serialized) struct NoteMarkupEndToEndTests {
    typealias Checked = PageCheck

    /// Runs `kei-pipeline check` on a page from `dir`; the JATS must be valid.
    func check(_ page: URL, in dir: URL) throws -> Checked {
        let c = try PageCheck.run(page, in: dir)
        #expect(c.jatsProblems.isEmpty, "\(page.lastPathComponent): \(c.jatsProblems)")
        return c
    }

    func write(_ name: String, _ body: String, in dir: URL) throws -> URL {
        let page = """
            <html lang="en"><head><meta charset="utf-8"><title>Alliance Notes</title>
            <meta name="citation_title" content="Alliance Notes"><meta name="citation_author" content="Kim Example">
            <meta name="citation_publication_date" content="2025-12-15"></head>
            <body><article><h1>Alliance Notes</h1>
            <p>The agreement on military information, long debated in both capitals, was the first of its kind between the two neighbours, and it survived several political crises in the years that followed.</p>
            \(body)
            </article></body></html>
            """
        let url = dir.appendingPathComponent(name)
        try Data(page.utf8).write(to: url)
        return url
    }

    /// The `rid`s of the note cross-references in order, with their labels.
    func noteXrefs(_ jats: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"<xref ref-type="fn" rid="([^"]+)"><sup>([^<]+)</sup></xref>"#)
        return pattern.matches(in: jats, range: NSRange(jats.startIndex..., in: jats)).map { m in
            let ns = jats as NSString
            return ns.substring(with: m.range(at: 1)) + "→" + ns.substring(with: m.range(at: 2))
        }
    }

    /// Checks a page of `../shared/testdata/ingest-cases` in a fresh folder (removed afterwards).
    func checkIngestCase(_ name: String) throws -> Checked {
        let dir = TestPaths.temporaryDirectory("kei-notes-e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        return try check(TestPaths.shared.appendingPathComponent("testdata/ingest-cases/\(name)"), in: dir)
    }

    @Test(.enabled(if: TestPaths.sharedExists, "needs ../shared"))
    func tooltipFootnotesPage() throws {
        let c = try checkIngestCase("tooltip-footnotes.html")
        #expect(c.code == 0)
        let article = try #require((c.report["articles"] as? [[String: Any]])?.first)
        #expect((article["counts"] as? [String: Any])?["notes"] as? Int == 3)
        #expect(noteXrefs(c.jats) == ["fn1→1", "fn2→2", "fn3→3"])
        #expect(c.jats.components(separatedBy: "<fn id=").count - 1 == 3)
        #expect(c.notes.components(separatedBy: "Dark Transits in Regional Waters").count - 1 == 1, "each note once (the ref-list repeats a cited note's words)")
        let b = c.body
        #expect(!b.contains("Dark Transits") && !b.contains("<list"), "the note list is not in the body")
        #expect(!b.contains("anonymous reviewers"), "acknowledgements are not body text")
        #expect(!c.jats.contains("Another report") && !c.jats.contains("Example Policy Center</p>"), "no chrome")
        let ack = try #require(c.jats.range(of: "<ack>"))
        let fnGroup = try #require(c.jats.range(of: "<fn-group>"))
        #expect(ack.lowerBound < fnGroup.lowerBound)
        #expect(c.jats.contains("<title>Acknowledgements and disclosures</title>"))
        #expect(c.jats.contains("<p>The author thanks two anonymous reviewers. The center does not accept funding that would compromise its independence.</p>"))
        #expect(c.diagnostics.filter { $0["severity"] as? String != "info" }.isEmpty, "\(c.diagnostics)")
        // The acknowledgements and notes are emitted: the section around them is not reported removed.
        #expect(c.rules("ingest.chrome-removed").isEmpty, "\(c.rules("ingest.chrome-removed"))")
    }

    @Test(.enabled(if: TestPaths.sharedExists, "needs ../shared"))
    func inlineSpanFootnotesPage() throws {
        let c = try checkIngestCase("fn-inline-span.html")
        #expect(c.code == 0)
        #expect(noteXrefs(c.jats) == ["fn1→1", "fn2→2"])
        let b = c.body
        #expect(b.contains(#"word for word.<xref ref-type="fn" rid="fn1"><sup>1</sup></xref> What is new"#))
        #expect(b.contains(#"trade framework,<xref ref-type="fn" rid="fn2"><sup>2</sup></xref> an absence"#))
        #expect(!b.contains("Compare the wording") && !b.contains("The omission was noticed"))
        #expect(c.notes.contains("<p>Compare the wording of the two previous summit statements, which differ only in the order of two clauses.</p>"))
    }

    @Test func variantsWrittenHere() throws {
        let dir = TestPaths.temporaryDirectory("kei-notes-e2e")
        defer { try? FileManager.default.removeItem(at: dir) }

        // MediaWiki: [n] markers in <sup id="cite_ref-…">, "^ a b" back-link clusters.
        let wiki = try check(try write("wiki.html", """
            <p>Seoul signed the pact in 2019.<sup id="cite_ref-a_1-0" class="reference"><a href="#cite_note-a-1">[1]</a></sup> It was renewed.<sup id="cite_ref-a_1-1" class="reference"><a href="#cite_note-a-1">[1]</a></sup> Tokyo objected.<sup id="cite_ref-3" class="reference"><a href="#cite_note-3">[2]</a></sup></p>
            <h2>References</h2><div class="reflist"><ol class="references">
            <li id="cite_note-a-1"><span class="mw-cite-backlink">^ <a href="#cite_ref-a_1-0"><sup><i><b>a</b></i></sup></a> <a href="#cite_ref-a_1-1"><sup><i><b>b</b></i></sup></a></span> <span class="reference-text">Kim, <i>Pact</i>, 2019.</span></li>
            <li id="cite_note-3"><b><a href="#cite_ref-3">^</a></b> <span class="reference-text">Sato, Objection, 2020.</span></li>
            </ol></div>
            """, in: dir), in: dir)
        #expect(noteXrefs(wiki.jats) == ["fn1→1", "fn1→1", "fn2→2"])
        #expect(wiki.notes.contains("<p>Kim, <italic>Pact</italic>, 2019.</p>"))
        #expect(wiki.notes.contains("<p>Sato, Objection, 2020.</p>"))

        // A pandoc list with one note fewer than the markers.
        let short = try check(try write("short.html", """
            <p>One claim.<a href="#fn1" class="footnote-ref" id="fnref1"><sup>1</sup></a> Two.<a href="#fn2" class="footnote-ref" id="fnref2"><sup>2</sup></a> Three.<a href="#fn3" class="footnote-ref" id="fnref3"><sup>3</sup></a></p>
            <section class="footnotes"><hr><ol><li id="fn1"><p>First.<a href="#fnref1" class="footnote-back">↩︎</a></p></li><li id="fn2"><p>Second.<a href="#fnref2" class="footnote-back">↩︎</a></p></li></ol></section>
            """, in: dir), in: dir)
        let mismatch = try #require(short.rules("ingest.note-count-mismatch").first)
        #expect(mismatch["severity"] as? String == "warning")
        let message = mismatch["message"] as? String ?? ""
        #expect(message.contains("3 numbered note markers") && message.contains("2 numbered notes"), "\(message)")
        #expect(mismatch["line"] as? Int == 7)

        // Same-page links: sections, tables, figures, notes; a broken one is text with a warning.
        let links = try check(try write("links.html", """
            <p>See <a href="#part-two">part two</a>, <a href="#tbl-x">the table</a>, <a href="#fig-a">the figure</a>, <a href="#fn1">note 1</a> and <a href="#ghost">a ghost</a>.<sup><a href="#fn1">1</a></sup></p>
            <h2 id="part-two">Part two</h2><p>Body of part two with words enough to be kept as content here.</p>
            <table id="tbl-x"><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>
            <figure id="fig-a"><img src="a.png" alt="A"><figcaption>Figure 1: A chart.</figcaption></figure>
            <ol class="footnotes"><li id="fn1">The note.</li></ol>
            """, in: dir), in: dir)
        #expect(links.jats.contains(#"<xref ref-type="sec" rid="sec2">part two</xref>"#))
        #expect(links.jats.contains(#"<xref ref-type="table" rid="table1">the table</xref>"#))
        #expect(links.jats.contains(#"<xref ref-type="fig" rid="fig1">the figure</xref>"#))
        #expect(links.jats.contains(#"<xref ref-type="fn" rid="fn1">note 1</xref>"#))
        #expect(links.jats.contains(" and a ghost."))
        #expect(!links.jats.contains("ext-link-type=\"uri\" xlink:href=\"#"))
        let broken = try #require(links.rules("ingest.broken-fragment").first)
        #expect(broken["line"] as? Int == 6 && broken["excerpt"] as? String == "a ghost", "\(broken)")

        // Inline notes of several tools, and a notes-free aside.
        let inline = try check(try write("inline.html", """
            <p>Claim in running text<span class="fn">Prince footnote text, 2020.</span> continues here.</p>
            <p>A paragraph before an aside note.</p>
            <aside epub:type="footnote">An aside note that explains more.</aside>
            <p>Tufte<label for="sn-1" class="margin-toggle sidenote-number"></label><input type="checkbox" id="sn-1" class="margin-toggle"><span class="sidenote">A side note in the margin.</span> continues.</p>
            <p>HTMLBook<span data-type="footnote">An O’Reilly footnote.</span> and Pressbooks<span class="footnote">A print footnote.</span>.</p>
            """, in: dir), in: dir)
        #expect(noteXrefs(inline.jats) == (1...5).map { "fn\($0)→\($0)" })
        let b = inline.body
        for text in ["Prince footnote", "aside note that", "side note in", "O’Reilly footnote", "print footnote"] {
            #expect(!b.contains(text), "\(text) left the body")
            #expect(inline.jats.contains(text), "\(text) is a note")
        }
        #expect(b.contains(#"A paragraph before an aside note.<xref ref-type="fn" rid="fn2"><sup>2</sup></xref></p>"#))
    }
}
