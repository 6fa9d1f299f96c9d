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
}
