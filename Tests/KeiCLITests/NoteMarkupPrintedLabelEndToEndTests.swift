import Foundation
import Testing
import KeiTestSupport

/// Notes and markers as a tester wrote them by hand, through the real binary: a note's printed label
/// is written once (as `<label>`), marker runs ("5,6"), numbered note paragraphs after a "Notes"
/// heading, a marker in the `<h1>`, plain "[n]" markers and a byline "*" marker.
@Suite(.serialized) struct NoteMarkupPrintedLabelEndToEndTests {
    func page(_ title: String, byline: String = "", _ body: String) -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(title)</title>
        <meta name="citation_author" content="Ara Jung"><meta name="citation_publication_date" content="2025-12-01"></head>
        <body><article><h1>\(title)</h1>\(byline)
        \(body)
        </article></body></html>
        """
    }

    func check(_ html: String, _ name: String) throws -> PageCheck {
        let dir = TestPaths.temporaryDirectory("kei-note-labels")
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = try PageCheck.run(html: html, name: name, in: dir)
        #expect(c.jatsProblems.isEmpty, "\(name): \(c.jatsProblems)")
        return c
    }

    /// The `<fn>` elements of the JATS, whitespace between tags removed.
    func fns(_ jats: String) -> [String] {
        let flat = jats.replacingOccurrences(of: #">\s+<"#, with: "><", options: .regularExpression)
        let pattern = try! NSRegularExpression(pattern: #"<fn id="[^"]+">.*?</fn>"#)
        let ns = flat as NSString
        return pattern.matches(in: flat, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }

    @Test func printedLabelIsWrittenOnceAsTheFnLabel() throws {
        let c = try check(page("Two Series", byline: ##"<p class="byline">By Ara Jung<sup><a href="#fn-a">*</a></sup></p>"##, """
            <p>First claim.<sup><a href="#fn1" id="fnref1">1</a></sup> Second.<sup><a href="#fn2" id="fnref2">2</a></sup></p>
            <table><caption>Table 1. Exports<sup><a href="#tn-a">a</a></sup></caption><tr><th>Year</th><th>Value</th></tr><tr><td>2024</td><td>12</td></tr></table>
            <div class="table-notes"><p id="tn-a"><sup>a</sup> Korea International Trade Association, <em>Trade Statistics 2024</em> (Seoul: KITA, 2025), 3.</p></div>
            <section class="footnotes"><h2>Notes</h2>
            <p id="fn-a">* Ara Jung is a fellow at KEI.</p>
            <ol><li id="fn1">Bruce Cumings, <em>Korea’s Place in the Sun</em> (New York: Norton, 1997), 4.</li><li id="fn2"><sup>2</sup> Ibid., 5.</li></ol></section>
            """), "series")
        let notes = fns(c.jats)
        #expect(notes.count == 4, "\(notes)")
        for fn in notes {
            let range = try #require(fn.range(of: #"(?<=<label>)[^<]+(?=</label>)"#, options: String.CompareOptions.regularExpression))
            let label = String(fn[range])
            let afterLabel = fn.components(separatedBy: "</label>").last ?? ""
            #expect(!afterLabel.hasPrefix("<p><sup>\(label)</sup>") && !afterLabel.hasPrefix("<p>\(label) "), "label repeated: \(fn)")
        }
        #expect(notes.contains { $0.contains("<label>a</label><p>") && $0.contains(">Korea International Trade Association") })
        #expect(notes.contains { $0.contains("<label>*</label><p>Ara Jung is a fellow") })
        #expect(notes.contains { $0.contains("<label>2</label><p>") && $0.contains("Ibid., 5.") })
    }

    /// The `rid`s of the note cross-references in order.
    func noteRIDs(_ jats: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"<xref ref-type="fn" rid="([^"]+)">"#)
        let ns = jats as NSString
        return pattern.matches(in: jats, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }

    @Test func aSuperscriptRunOfNumbersMarksEachNote() throws {
        let notes = (1...7).map { "<p>\($0). Author \($0), <em>Book \($0)</em> (Seoul: Press, 2020), \($0)0.</p>" }.joined(separator: "\n")
        let c = try check(page("Denial", """
            <p>The debate is old.<sup>1</sup> Some argue that defense is destabilizing<sup>2,3</sup>; others disagree.<sup>4, 5</sup></p>
            <p>A range of views exists.<sup>6–7</sup></p>
            <h2>Notes</h2>
            \(notes)
            """), "runs")
        #expect(c.rules("ingest.note-unreferenced").isEmpty, "\(c.rules("ingest.note-unreferenced"))")
        #expect(c.rules("ingest.note-count-mismatch").isEmpty)
        #expect(noteRIDs(c.body) == ["fn1", "fn2", "fn3", "fn4", "fn5", "fn6", "fn7"])
        #expect(c.body.contains(#"<xref ref-type="fn" rid="fn2"><sup>2</sup></xref><sup>,</sup><xref ref-type="fn" rid="fn3"><sup>3</sup></xref>"#))
    }

    @Test func aRunCitingANoteThatDoesNotExistStaysText() throws {
        let c = try check(page("Denial", """
            <p>The debate is old.<sup>1</sup> Some argue<sup>2,9</sup>.</p>
            <h2>Notes</h2><p>1. Author, <em>Book</em> (Seoul: Press, 2020), 1.</p><p>2. Ibid., 2.</p>
            """), "dangling-run")
        #expect(noteRIDs(c.body) == ["fn1"])
        #expect(c.body.contains("<sup>2,9</sup>"))
    }

    /// 25 body paragraphs with superscript markers 1…25, then the notes as numbered paragraphs.
    func supNotesPage(heading: String, numbering: (Int) -> String) -> String {
        let body = (1...25).map { "<p>The alliance adapted again in phase \($0), as the record shows.<sup>\($0)</sup></p>" }.joined(separator: "\n")
        let notes = (1...25).map { n in
            n == 14 ? "<p>\(numbering(n))The White House, “Joint Statement,” August 18, 2023, https://www.whitehouse.gov/briefing-room/statement/.</p>"
                : "<p>\(numbering(n))Victor D. Cha, <em>Alignment Despite Antagonism</em> (Stanford, CA: Stanford University Press, 1999), \(n).</p>"
        }.joined(separator: "\n")
        return page("Sup Notes", body + "\n" + heading + "\n" + notes)
    }

    @Test(arguments: [("<h2>Notes</h2>", true), ("<h3>Endnotes</h3>", true), ("<p><strong>Endnotes</strong></p>", true),
                      ("<p><strong>Notes</strong></p>", false), ("<h2>References</h2>", true)])
    func numberedNoteParagraphsAfterANotesHeading(heading: String, superscriptNumbers: Bool) throws {
        let c = try check(supNotesPage(heading: heading, numbering: { superscriptNumbers ? "<sup>\($0)</sup> " : "\($0). " }), "supnotes")
        let notes = fns(c.jats)
        #expect(notes.count == 25, "\(heading)")
        let first = notes.first ?? ""
        #expect(first.contains("<label>1</label><p>") && first.contains("Victor D. Cha") && !first.contains("<sup>1</sup>")
                && !first.contains("<p>1. "), "\(first)")
        #expect(noteRIDs(c.body) == (1...25).map { "fn\($0)" })
        #expect(c.rules("check.citations.bare-url").isEmpty, "\(heading)")
        #expect(c.rules("ingest.note-unreferenced").isEmpty, "\(heading)")
    }

    @Test func numberedParagraphsWithoutMatchingMarkersStayInTheBody() throws {
        // A bold "Notes" paragraph followed by numbered paragraphs the text does not mark stays text.
        let c = try check(page("Steps", """
            <p>The plan has three steps, listed below with the reasons for each of them.</p>
            <p><strong>Notes</strong></p>
            <p>1. Freeze the programme at its current level.</p>
            <p>2. Verify the freeze with inspections.</p>
            """), "plain-steps")
        #expect(fns(c.jats).isEmpty)
        #expect(c.body.contains("Freeze the programme") && c.body.contains("Verify the freeze"))
    }

    @Test func aMarkerInTheTitleHeadingIsNotTitleText() throws {
        let html = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sanctions and Signals</title>
            <meta name="citation_author" content="Ara Jung"><meta name="citation_publication_date" content="2025-12-01"></head>
            <body><article><h1>Sanctions and Signals<sup><a href="#fn1" id="fnref1">1</a></sup></h1>
            <p>Sanctions have a mixed record.<sup><a href="#fn2" id="fnref2">2</a></sup></p>
            <ol class="footnotes"><li id="fn1">This essay draws on a talk.</li><li id="fn2">Ibid., 2.</li></ol>
            </article></body></html>
            """
        let c = try check(html, "title-marker")
        #expect(c.rules("ingest.metadata-conflict").isEmpty, "\(c.rules("ingest.metadata-conflict"))")
        #expect(c.jats.contains("<article-title>Sanctions and Signals</article-title>"))
    }
}
