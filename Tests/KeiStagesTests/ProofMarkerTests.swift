import Foundation
import Testing
import KeiCore
import KeiDocument
@testable import KeiStages
import KeiTestSupport

/// The span mapping of emit.proof: marks land on the words their source spans cover, nest or split
/// into well-formed HTML, and nothing from the page escapes its text.
@Suite struct ProofMarkerTests {
    /// A run read verbatim from source offset `at`.
    func run(_ s: String, at: Int = 0) -> TextRun {
        TextRun(s, source: SourceSpan(start: at, end: at + s.utf8.count), verbatim: true)
    }

    func mark(_ n: Int, _ start: Int, _ end: Int, rule: String = "x.rule") -> ProofMark {
        ProofMark(anchor: "d-\(n)", label: "\(n)", span: SourceSpan(start: start, end: end), classes: "d sev-warning st-1", rule: rule)
    }

    @Test func overlappingMarksNestAndSplitWellFormed() {
        // Source "Alpha beta gamma" at offset 100: A covers "Alpha beta", B "beta gamma", C "beta".
        var m = ProofMarker(marks: [mark(1, 100, 110), mark(2, 106, 116), mark(3, 106, 110)])
        let html = m.html(run("Alpha beta gamma", at: 100))
        let r = ProofHTMLReader(html)
        #expect(r.nesting.isEmpty, "\(html)")
        #expect(r.markText["d-1"] == "Alpha beta")
        #expect(r.markText["d-2"] == "beta gamma")
        #expect(r.markText["d-3"] == "beta")
        // Each anchor is an id exactly once.
        for n in 1...3 { #expect(html.components(separatedBy: "id=\"d-\(n)\"").count == 2) }
        #expect(m.wasPlaced("d-1") && m.wasPlaced("d-2") && m.wasPlaced("d-3"))
    }

    @Test func markOutsideTheRunIsNotPlaced() {
        var m = ProofMarker(marks: [mark(1, 0, 5)])
        let html = m.html(run("words", at: 50))
        #expect(!html.contains("<mark"))
        #expect(!m.wasPlaced("d-1"))
    }

    @Test func spanAtANonASCIIBoundaryWidensToWholeScalars() {
        // "한국 Korea": 한 = bytes 0..<3, 국 = 3..<6, space 6, "Ko" 7..<9. A span starting inside 국.
        var m = ProofMarker(marks: [mark(1, 4, 9)])
        let html = m.html(run("한국 Korea"))
        let r = ProofHTMLReader(html)
        #expect(r.markText["d-1"] == "국 Ko")
        #expect(r.nesting.isEmpty)
    }

    @Test func entityOriginIsMarkedWhole() {
        // "R&D" where "&" came from "&amp;" (source 1..<6, not verbatim).
        let t = TextRun("R&D", origins: [TextOrigin(length: 1, source: SourceSpan(start: 0, end: 1), verbatim: true),
                                          TextOrigin(length: 1, source: SourceSpan(start: 1, end: 6), verbatim: false),
                                          TextOrigin(length: 1, source: SourceSpan(start: 6, end: 7), verbatim: true)])
        var m = ProofMarker(marks: [mark(1, 2, 4)])
        #expect(ProofHTMLReader(m.html(t)).markText["d-1"] == "&")
    }

    @Test func markSpanningTwoBlocksGetsOneFragmentPerBlockAndMarksInNotes() throws {
        // Paragraph 1 at 0..<11, paragraph 2 at 20..<31; a note's paragraph at 40..<55.
        let p1 = Block.paragraph(Paragraph(inlines: [.text(run("First para.", at: 0))], location: SourceLocation(file: "a.html")))
        let p2 = Block.paragraph(Paragraph(inlines: [.text(run("Second one.", at: 20))], location: SourceLocation(file: "a.html")))
        let note = Note(id: "n1", label: "1", blocks: [.paragraph(Paragraph(inlines: [.text(run("Kim, Title, 3.", at: 40))],
                                                                            location: SourceLocation(file: "a.html")))],
                        location: SourceLocation(file: "a.html"))
        var article = Article(id: "a", source: "a.html")
        article.sections = [Section(id: "s1", title: [.text("Heading")], level: 1, blocks: [p1, p2], location: SourceLocation(file: "a.html"))]
        article.notes = [note]
        var r = ProofArticleRenderer(marks: [mark(1, 6, 26), mark(2, 45, 50)], authors: [])
        let html = r.render(article)
        let read = ProofHTMLReader(html)
        #expect(read.nesting.isEmpty, "\(html)")
        #expect(read.markText["d-1"] == "para.Second")
        #expect(html.components(separatedBy: "data-d=\"d-1\"").count == 3, "one fragment per paragraph")
        #expect(read.markText["d-2"] == "Title")
        let notes = try #require(html.range(of: "<ul class=\"notes\">"))   // one number per note: the label (breaker23 #13)
        #expect(html[notes.upperBound...].contains("id=\"d-2\""))
    }

    @Test func hostilePageTextIsEscapedEverywhere() {
        let hostile = "<script>alert(1)</script></mark>\"><img src=x onerror=alert(2)> & \u{0}\u{FFFF}\u{202E}end"
        var article = Article(id: "a", source: "a.html")
        article.metadata.titleRun = run(hostile, at: 0)
        let para = Paragraph(inlines: [.link(url: "javascript:alert(3)", children: [.text(run("click", at: 500))]),
                                       .link(url: "https://example.org/?a=1&b=\"2\"", children: [.text(run("ok", at: 600))])],
                             location: SourceLocation(file: "a.html"))
        article.sections = [Section(id: "s", title: [.text(TextRun(hostile))], level: 1, blocks: [.paragraph(para)],
                                    location: SourceLocation(file: "a.html"))]
        var r = ProofArticleRenderer(marks: [mark(1, 8, 30, rule: "\"><script>x</script>")], authors: ["<b>Kim</b>"])
        let html = r.render(article)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("\u{0}") && !html.contains("\u{FFFF}"))
        #expect(html.contains("&lt;script&gt;alert(1)"))
        #expect(html.contains("data-rule=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""))
        #expect(html.contains("href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\" rel=\"noopener noreferrer\""))
        let read = ProofHTMLReader(html)
        #expect(read.nesting.isEmpty, "\(html)")
        // The mark covers bytes 8..<30 of the title: "alert(1)</script></mar", as text.
        #expect(read.markText["d-1"] == "alert(1)</script></mar")
    }

    @Test func pageListsUnlocatedDiagnosticsAndChanges() throws {
        var article = Article(id: "a", source: "a.html")
        article.metadata.titleRun = run("A title", at: 10)
        article.sections = [Section(id: "s", title: [.text(run("Colour", at: 30))], level: 1, location: SourceLocation(file: "a.html"))]
        let entry = ArticleEntry(id: "a", source: "a.html", sourceURL: URL(fileURLWithPath: "/x/a.html"), status: .received)
        var located = Diagnostic(rule: "style.title", severity: .warning, message: "m1", location: SourceLocation(file: "a.html", line: 2, column: 3),
                                 span: SourceSpan(start: 12, end: 17), edits: [TextEdit(span: SourceSpan(start: 12, end: 17), replacement: "Title", isSafe: false)])
        located.stage = "lint.style"
        let unlocated = Diagnostic(rule: "check.metadata.x", severity: .error, message: "m2", location: SourceLocation(file: "a.html", line: 1))
        let change = ChangeRecord(rule: "style.spelling", stage: "lint.style", article: "a", location: SourceLocation(file: "a.html", line: 4, column: 1),
                                  span: SourceSpan(start: 30, end: 36), before: "Color", after: "Colour")
        let outcome = ArticleOutcome(entry: entry, sourceDisplayPath: "a.html", article: article, diagnostics: [located, unlocated],
                                     artifacts: [], failed: false, changes: [change])
        let page = ProofPage.render(outcome, article: article, issueDiagnostics: [],
                                    publication: ArticlePublication(entry: entry, article: article, issue: IssueInfo()))
        #expect(page.diagnostics == 2 && page.located == 1)
        let read = ProofHTMLReader(page.html)
        #expect(read.nesting.isEmpty)
        #expect(read.markText["d-1"] == "title")
        #expect(read.markText["c-1"] == "Colour")
        let unlocatedGroup = try #require(page.html.range(of: "<ol class=\"unlocated\">"))
        #expect(page.html[unlocatedGroup.upperBound...].prefix(200).contains("id=\"p-d-2\""))
        #expect(page.html.contains("<del><bdi>Color</bdi></del> → <ins><bdi>Colour</bdi></ins>"))
        #expect(page.html.contains("suggested: <del>"))
        #expect(page.html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""))
        #expect(!page.html.contains("<script"))
    }

    /// The interval index answers exactly what comparing every interval would (empty intervals included).
    @Test func intervalIndexMatchesBruteForce() {
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int((seed >> 33) % UInt64(n)) }
        let intervals = (0..<500).map { _ -> (start: Int, end: Int) in let s = next(1000); return (s, s + next(40)) }
        let index = ProofIntervalIndex(intervals)
        for _ in 0..<300 {
            let lo = next(1000), hi = lo + 1 + next(60)
            let brute = intervals.indices.filter { intervals[$0].start < hi && intervals[$0].end > lo }
            #expect(index.overlapping(lo, hi) == brute)
        }
        #expect(ProofIntervalIndex([]).overlapping(0, 10).isEmpty)
    }

    /// Many marks on one long run: one sweep, not every mark per segment (breaker23's 10,000-sentence
    /// paragraph took minutes). Every mark is placed, each on its own word.
    @Test func manyMarksOnOneRunAreMarkedInOneSweep() {
        let words = (0..<20_000).map { "w\($0 % 10)" }
        let text = words.joined(separator: " ")
        var marks: [ProofMark] = []
        var at = 0
        for (n, w) in words.enumerated() {
            marks.append(mark(n + 1, at, at + w.utf8.count))
            at += w.utf8.count + 1
        }
        marks.append(mark(20_001, 0, text.utf8.count))   // one mark over everything: the others nest inside it
        var m = ProofMarker(marks: marks)
        let html = m.html(run(text))   // a hang guard, not a benchmark: the test runner's timeout catches a hang
        let r = ProofHTMLReader(html)
        #expect(r.nesting.isEmpty)
        #expect(m.placed.count == 20_001)
        #expect(r.markText["d-1"] == "w0" && r.markText["d-20000"] == "w9")
    }
}
