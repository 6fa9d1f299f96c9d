import Foundation
import Testing
import KeiCore
import KeiDocument
@testable import KeiStages
import KeiTestSupport
import KeiXML

/// Issue 12: text of the article that never reached the model, with no diagnostic (found by the
/// hostile-input testers), and the content-loss check `ingest.text-dropped` that now catches such loss.
@Suite struct IngestContentLossTests {
    typealias R = RenderedReadingTests

    /// Markup between the article's paragraphs, and the words that must reach the model and the JATS body.
    static let cases: [(markup: String, words: String)] = [
        ("<p><a href=\"https://x.example/\">Full report</a></p>", "Full report"),
        ("<p>One paragraph before it.</p><a href=\"/x\">Read more about it</a><p>Two paragraphs after it.</p>", "Read more about it"),
        ("<div align=center>Centred words</div>", "Centred words"),
        ("<center>Centred block</center>", "Centred block"),
        ("<article><p>Nested article words.</p></article>", "Nested article words."),
        ("<q>Block-level quotation words</q>", "Block-level quotation words"),
        ("<dialog open>Open dialog words</dialog>", "Open dialog words"),
        ("<fieldset><legend>Legend</legend>Fieldset words</fieldset>", "Fieldset words"),
        ("<fieldset><legend>Legend</legend>Fieldset words</fieldset>", "Legend"),
    ]

    static func modelText(_ a: Article) -> String {
        var v = TextGatherer()
        ArticleWalker.walk(a, with: &v)
        return v.text
    }

    struct TextGatherer: ArticleVisitor {
        var text = ""
        mutating func visitInlines(_ inlines: [Inline], context: WalkContext) { text += inlines.plainText + "\n" }
    }

    @Test(arguments: 0..<cases.count)
    func strayTextReachesModelAndJATS(_ index: Int) throws {
        let (markup, words) = Self.cases[index]
        for html in [RenderFidelityTests.shortPage(markup), R.page(markup)] {
            let (article, diagnostics, jats) = try R.ingest(html)
            #expect(Self.modelText(article).contains(words), "“\(words)” reaches the model: \(markup)")
            #expect(RenderFidelityTests.body(jats).contains(words), "“\(words)” reaches the JATS body: \(markup)")
            #expect(R.rules(diagnostics, "ingest.text-dropped").isEmpty, "\(diagnostics.map(\.message))")
        }
    }

    @Test func blockLevelQuotationKeepsItsMarks() throws {
        let (_, _, jats) = try R.ingest(R.page("<q>Block-level quotation words</q>"))
        #expect(RenderFidelityTests.body(jats).contains("“Block-level quotation words”"), "a <q> is shown with its quotation marks")
    }

    @Test func chromeIsStillRemoved() throws {
        let html = R.page("""
            <nav><a href="/a">Home</a> <a href="/b">Issues</a></nav>
            <aside><p>Sidebar words about subscriptions.</p></aside>
            <div class="share-buttons">Share on social</div>
            <dialog><p>Closed dialog words.</p></dialog>
            <div hidden>Hidden words here.</div>
            <script>var scriptWords = 1;</script>
            <p><a href="https://x.example/all">View all publications</a></p>
            <p><a href="/a.pdf">Download PDF</a></p>
            """)
        let (article, diagnostics, _) = try R.ingest(html)
        let text = Self.modelText(article)
        for chrome in ["Home", "Sidebar words", "Share on social", "Closed dialog words", "Hidden words", "scriptWords",
                       "View all publications", "Download PDF"] {
            #expect(!text.contains(chrome), "\(chrome) is chrome")
        }
        #expect(R.rules(diagnostics, "ingest.text-dropped").isEmpty, "\(diagnostics.map(\.message))")
    }

    // MARK: the check

    /// A page, its extracted content and its article; the check must be silent on it.
    static func extracted(_ html: String) throws -> (DOMElement, Article) {
        let content = try #require(ContentExtractor.extract(from: MarkupParser.parseHTML(Data(html.utf8))))
        let (article, _, _) = try R.ingest(html)
        return (content, article)
    }

    @Test func checkReportsWordsThatDidNotReachTheModel() throws {
        let html = R.page("<p>A paragraph that the model will lose on purpose in this test.</p>")
        var (content, article) = try Self.extracted(html)
        #expect(ContentLossCheck.check(content: content, article: article, file: "x.html") == nil)
        // Drop that paragraph from the model, as a faulty builder would.
        for s in article.sections.indices {
            article.sections[s].blocks.removeAll { b in
                if case .paragraph(let p) = b { return p.inlines.plainText.contains("lose on purpose") }
                return false
            }
        }
        let d = try #require(ContentLossCheck.check(content: content, article: article, file: "x.html"))
        #expect(d.rule == "ingest.text-dropped")
        #expect(d.severity == .error)
        #expect(d.location.file == "x.html")
        #expect(d.location.line == 6, "the line of the lost paragraph in R.page")
        #expect(d.excerpt?.hasPrefix("A paragraph that the model will lose") == true, "\(d.excerpt ?? "")")
        #expect(d.message.contains("lose"), "\(d.message)")
        let span = try #require(d.span)
        let source = Array(html.utf8)
        #expect(String(decoding: source[span.start..<span.end], as: UTF8.self).hasPrefix("A paragraph that"))
        // Words found elsewhere in the model do not count as lost; content outside the text does not either.
        content.children.removeAll()
        #expect(ContentLossCheck.check(content: content, article: article, file: "x.html") == nil)
    }

    @Test func wordsAreKeysOfLettersAndDigits() {
        var words: [String] = []
        ContentLossCheck.forEachWord(in: "Won’t  Blink: Seoul's 2025 Café — x1 ¹") { words.append($0) }
        #expect(words == ["won", "t", "blink", "seoul", "s", "café", "x1"])
    }

    // MARK: zero findings on real pages

    static func ingestCasePages() -> [URL] {
        let dir = TestPaths.shared.appendingPathComponent("testdata/ingest-cases")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".html") }.sorted().map { dir.appendingPathComponent($0) }
    }

    @Test(.enabled(if: TestPaths.sharedExists, "needs ../shared"))
    func noLossOnSamplesSeedRealPagesAndIngestCases() throws {
        var findings: [String] = []
        let pages = try TestPaths.corpusPages() + Self.ingestCasePages()
        #expect(pages.count > 20)
        for page in pages {
            let dir = TestPaths.temporaryDirectory("kei-loss")
            defer { try? FileManager.default.removeItem(at: dir) }
            let ctx = try StageHarness.run(file: page, display: page.lastPathComponent, output: dir, workingDirectory: dir)
            for d in ctx.diagnostics where d.rule == "ingest.text-dropped" {
                findings.append("\(page.deletingLastPathComponent().lastPathComponent)/\(page.lastPathComponent): \(d.message)")
            }
        }
        #expect(findings.isEmpty, "\(findings.count) page(s):\n\(findings.joined(separator: "\n"))")
    }
}
