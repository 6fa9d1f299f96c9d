import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport

/// The manuscript rules of the shipped KEI style against a journal's `manuscript` section.
@Suite struct ManuscriptCheckerTests {
    static func words(_ n: Int) -> String {
        Array(repeating: "word", count: n).joined(separator: " ")
    }

    static let spec = "manuscript:\n  min-words: 50\n  max-words: 80\n  abstract: required\n  parts: [title, abstract, body, notes, appendix]\n"

    static func run(_ body: String) throws -> [Diagnostic] {
        try StylePageRun.run(StylePageRun.page(body), prefix: "style.manuscript", manuscript: spec)
    }

    @Test func lengthCountsAbstractHeadingsAndBodyButNotTitleOrNotes() throws {
        // Abstract 1 + 10 words, heading 1, body 30: 42 words, under 50 (the title and the note do not count).
        let body = """
            <h2>Abstract</h2><p>\(Self.words(10))</p><h2>Introduction</h2>
            <p>\(Self.words(30))<sup><a href="#fn1" id="fnref1" class="footnote-ref" role="doc-noteref">1</a></sup></p>
            <section class="footnotes" role="doc-endnotes"><h2>Notes</h2><ol>
            <li id="fn1"><p>\(Self.words(40)) <a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>
            """
        let ds = try Self.run(body)
        let length = ds.filter { $0.rule == "style.manuscript-length" }
        #expect(length.count == 1)
        #expect(length.first?.message.hasPrefix("The main text has 41 words; the journal asks for 50–80 words") == true)
        // It stands on the title's words (the page's <h1>, on line 2).
        #expect(length.first?.location.line == 2)
        #expect(length.first?.span != nil)
        let ok = try Self.run("<h2>Abstract</h2><p>\(Self.words(10))</p><h2>Introduction</h2><p>\(Self.words(50))</p>")
        #expect(ok.filter { $0.rule == "style.manuscript-length" }.isEmpty)
        let long = try Self.run("<h2>Abstract</h2><p>\(Self.words(10))</p><h2>Introduction</h2><p>\(Self.words(90))</p>")
        #expect(long.first { $0.rule == "style.manuscript-length" }?.message.contains("101 words") == true)
    }

    /// Whole-article findings stand on the title's words when the model gives the title a source span
    /// (the page's `<h1>`), else at line 1 with no span: whichever the ingested model gives, the finding
    /// must agree with it.
    @Test func wholeArticleFindingsStandOnTheTitleWhenItHasASpan() throws {
        let html = StylePageRun.page("<h2>Introduction</h2><p>\(Self.words(30))</p>", title: "Deterrence in Review")
        let dir = TestPaths.temporaryDirectory("kei-manuscript-title")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("x.html")
        try Data(html.utf8).write(to: file)
        let (article, _) = try StageHarness.ingest(file: file, display: "x.html")
        let title = try #require(ArticleAnalysis(article).units.first { $0.scope == .title })
        let titleSpan = title.text.span
        let ds = try StylePageRun.run(html, prefix: "style.manuscript", manuscript: Self.spec)
        #expect(Set(ds.map(\.rule)) == ["style.manuscript-length", "style.manuscript-abstract"])
        for d in ds {
            if let titleSpan {
                #expect(d.span == titleSpan, "\(d.rule)")
                #expect(d.excerpt == "Deterrence in Review", "\(d.rule)")
                #expect(d.location.line > 0, "\(d.rule)")
            } else {
                #expect(d.span == nil && d.location.line == 1, "\(d.rule)")
            }
        }
    }

    @Test func aMissingAbstractIsReportedWhenRequired() throws {
        let missing = try Self.run("<h2>Introduction</h2><p>\(Self.words(60))</p>")
        #expect(missing.map(\.rule) == ["style.manuscript-abstract"])
        let optional = try StylePageRun.run(StylePageRun.page("<h2>Introduction</h2><p>\(Self.words(60))</p>"), prefix: "style.manuscript",
                                            manuscript: "manuscript:\n  abstract: optional\n")
        #expect(optional.isEmpty)
    }

    @Test func aMainTextSectionAfterTheAppendixIsOutOfOrder() throws {
        let ds = try Self.run("""
            <h2>Abstract</h2><p>\(Self.words(20))</p><h2>Introduction</h2><p>\(Self.words(20))</p>
            <h2>Appendix A: Data</h2><p>\(Self.words(10))</p><h2>Conclusion</h2><p>\(Self.words(10))</p>
            """)
        #expect(ds.map(\.rule) == ["style.manuscript-order"])
        #expect(ds.first?.excerpt == "Conclusion")
        #expect(ds.first?.message.hasPrefix("The main text comes after the appendix") == true)
    }

    @Test func anAbstractAfterTheMainTextIsOutOfOrder() throws {
        let ds = try Self.run("""
            <h2>Introduction</h2><p>\(Self.words(30))</p>
            <h2>Abstract</h2><p>An abstract placed late. More \(Self.words(20))</p>
            """)
        #expect(ds.map(\.rule) == ["style.manuscript-order"])
        #expect(ds.first?.excerpt == "An abstract placed late.")
        #expect(ds.first?.message.hasPrefix("The abstract comes after the main text") == true)
    }

    @Test func theSamplesAreInOrder() throws {
        for name in ["allying-against-adversaries", "consultation-before-crisis", "chips-trust-and-trade"] {
            let html = try Data(contentsOf: TestPaths.samples.appendingPathComponent("issue-3-2/\(name).html"))
            let ds = try StylePageRun.run(html, prefix: "style.manuscript")
            #expect(ds.map(\.rule) == ["style.manuscript-length"], "\(name)")
        }
    }
}
