import Foundation
import Testing
import KeiCore
import KeiDocument
@testable import KeiStages
import KeiTestSupport

/// One proof page: where findings are said to be, bidi controls, --fix edits as read, stage order, notes.
@Suite struct ProofPageTests {
    static let source = "<p>First line</p>\n<p>The rate rose 5&nbsp;(OPCON) \u{202E}evil\u{202C} here</p>\n"

    func render(_ diagnostics: [Diagnostic], issue: [Diagnostic] = [], changes: [ChangeRecord] = [],
                configure: (inout Article) -> Void = { _ in }) -> String {
        var article = Article(id: "a", source: "a.html")
        article.metadata.title = "T"
        article.metadata.subtitle = "A subtitle \u{202E}reversed"
        configure(&article)
        let entry = ArticleEntry(id: "a", source: "a.html", sourceURL: URL(fileURLWithPath: "/x/a.html"), status: .received)
        var o = ArticleOutcome(entry: entry, sourceDisplayPath: "a.html", article: article, diagnostics: diagnostics,
                               artifacts: [], failed: false, changes: changes)
        o.sourceIndex = SourceLineIndex(Self.source)
        return ProofPage.render(o, article: article, issueDiagnostics: issue,
                                publication: ArticlePublication(entry: entry, article: article, issue: IssueInfo()),
                                stageOrder: ["ingest.html", "check.metadata", "lint.style", "emit.jats", "lint.issue-consistency"]).html
    }

    func d(_ rule: String, stage: String, line: Int = 0, column: Int? = nil, span: SourceSpan? = nil, excerpt: String? = nil,
           message: String = "m") -> Diagnostic {
        Diagnostic(rule: rule, severity: .warning, message: message, location: SourceLocation(file: "a.html", line: line, column: column),
                   stage: stage, excerpt: excerpt, span: span)
    }

    @Test func anIssueStageFindingWithALineGetsItsColumn() {
        // "rose" on line 2: an issue stage kept the line of the article's finding but not its column.
        let start = Self.source.range(of: "rose")!.lowerBound.utf16Offset(in: Self.source)   // ASCII before it: UTF-8 offset
        let html = render([], issue: [d("style.percent-consistency", stage: "lint.issue-consistency", line: 2,
                                        span: SourceSpan(start: start, end: start + 4))])
        #expect(html.contains("<span class=\"loc\"><bdi>line 2:13</bdi></span>"), "\(html)")
    }

    @Test func aSubtitleFindingSaysSubtitle() {
        let html = render([d("style.x", stage: "lint.style", excerpt: "subtitle")])
        #expect(html.contains("<span class=\"loc\"><bdi>subtitle</bdi></span>"), "\(html)")
    }

    /// A right-to-left override from the page shows as a visible token and every message is isolated, so
    /// nothing after it (badges, numbers) is reordered.
    @Test func bidiControlsCannotReorderTheProof() {
        let html = render([d("style.x", stage: "lint.style", line: 2, message: "msg \u{202E}1 2 3\u{2066} x")])
        for control in ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}"] {
            #expect(!html.contains(control))
        }
        #expect(html.contains("<div class=\"msg\"><bdi>msg ⟨U+202E⟩1 2 3⟨U+2066⟩ x</bdi></div>"), "\(html)")
        #expect(html.contains("A subtitle ⟨U+202E⟩reversed"))
        #expect(ProofHTML.visibleBidiControls("a\u{200F}b") == "a\u{200F}b", "marks do not open an embedding: kept")
    }

    @Test func aFixEditShowsTheTextAsRead() {
        let start = Self.source.range(of: "&nbsp;")!.lowerBound.utf16Offset(in: Self.source)
        let change = ChangeRecord(rule: "style.x", stage: "lint.style", article: "a", location: SourceLocation(file: "a.html", line: 2),
                                  span: SourceSpan(start: start, end: start + 14), before: "&nbsp;(OPCON)", after: " (OPCON)")
        let html = render([], changes: [change])
        #expect(html.contains("<del><bdi>⍽(OPCON)</bdi></del> → <ins><bdi> (OPCON)</bdi></ins>"), "\(html)")
        #expect(!html.contains("&amp;nbsp;"))
        #expect(ProofHTML.asRead("AT&T &amp;nbsp;") == "AT&T &nbsp;", "one level of references, as a browser reads the source")
    }

    @Test func stageFiltersFollowThePipelineAndNotesAreNumberedOnce() {
        let html = render([d("emit.jats.x", stage: "emit.jats"), d("style.x", stage: "lint.style"), d("meta.x", stage: "check.metadata")]) { a in
            a.notes = [Note(id: "n1", label: "1", blocks: [.paragraph(Paragraph(inlines: [.text(TextRun("note"))], location: SourceLocation(file: "a.html")))],
                            location: SourceLocation(file: "a.html"))]
        }
        let labels = ["check.metadata", "lint.style", "emit.jats"].compactMap { html.range(of: "<bdi>\($0)</bdi></label>")?.lowerBound }
        #expect(labels.count == 3 && labels == labels.sorted(), "pipeline order")
        #expect(html.contains("<ul class=\"notes\">") && !html.contains("<ol class=\"notes\">"))
        #expect(html.contains("<a href=\"_dashboard.html\">issue dashboard</a>"))
    }
}
