import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport
import KeiXML

/// The article title keeps where the page writes it (``ArticleMetadata/titleRun``): house-style
/// findings in the title are located in the `<h1>`, `--fix` edits the title, a suppression on the
/// heading covers them; a title read only from a `<meta>` tag is located at that tag, never unlocated,
/// and its fixes are not offered as edits.
@Suite struct TitleSourceTests {
    static let title = "Defence, Labour and the Korean peninsula: A British View"

    /// A page whose title is in `citation_title`, the `<title>` (with a site suffix) and, when `h1` is
    /// true, an `<h1>` (`h1Attributes` go on it).
    static func page(h1: Bool = true, h1Attributes: String = "") -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
        <title>\(title) | Korea Economic Institute of America</title>
        <meta name="citation_title" content="\(title)">
        <meta name="citation_author" content="Oliver Grant"><meta name="citation_publication_date" content="2025-12-15">
        </head><body><article>
        \(h1 ? "<h1\(h1Attributes)>Defence, Labour   and the\n Korean peninsula: A British View</h1>" : "")
        <p>The alliance met in Seoul to agree on a plan for the coming years of joint planning and talks.</p>
        </article></body></html>
        """
    }

    static func lineOf(_ needle: String, in text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    @Test func theTitleRunHasTheHeadingsOrigins() throws {
        let html = Self.page()
        let doc = MarkupParser.parseHTML(Data(html.utf8))
        let m = MetadataExtractor.extract(from: doc, file: "p.html").metadata
        let run = try #require(m.titleRun)
        #expect(run.string == Self.title, "whitespace collapsed as HTML renders it")
        let index = SourceLineIndex(doc.sourceText)
        let defence = try #require(run.span(of: 0..<7))
        #expect(index.text(of: defence) == "Defence" && index.position(of: defence.start).line == Self.lineOf("<h1", in: html))
        let peninsula = try #require(run.string.utf8.firstRange(of: "peninsula".utf8))
        let lo = run.string.utf8.distance(from: run.string.utf8.startIndex, to: peninsula.lowerBound)
        let span = try #require(run.span(of: lo..<(lo + 9)))
        #expect(index.text(of: span) == "peninsula" && index.position(of: span.start).line == Self.lineOf("<h1", in: html) + 1)
    }

    @Test func withoutAHeadingTheTitleIsLocatedAtTheWinningMetaValue() throws {
        let html = Self.page(h1: false)
        let doc = MarkupParser.parseHTML(Data(html.utf8))
        let run = try #require(MetadataExtractor.extract(from: doc, file: "p.html").metadata.titleRun)
        // The <title> carries a site suffix, so it does not spell the title; the citation_title value does.
        let span = try #require(run.span(of: 0..<7))
        let index = SourceLineIndex(doc.sourceText)
        #expect(index.text(of: span) == Self.title && index.position(of: span.start).line == Self.lineOf("citation_title", in: html))
        #expect(run.range(of: span) == 0..<run.utf8Count, "one origin for the whole value: no word maps to a part of it")
    }

    func run(_ html: String, fix: Bool) throws -> ArticleOutcome {
        try RunnerHarness.run(html: html, stages: [LintStyleStage.self], style: try ShippedStyle.sheet(), fix: fix)
    }

    static func titleFindings(_ o: ArticleOutcome) -> [Diagnostic] {
        o.diagnostics.filter { ["style.defense-spelling", "style.proper-korean-peninsula"].contains($0.rule) }
    }

    @Test func titleFindingsAreLocatedInTheHeadingAndFixed() throws {
        let html = Self.page()
        let h1 = Self.lineOf("<h1", in: html)
        let plain = try run(html, fix: false)
        let found = Self.titleFindings(plain)
        #expect(found.map { "\($0.rule) \($0.location.line):\($0.location.column ?? 0) \($0.excerpt ?? "-")" }
                == ["style.defense-spelling \(h1):5 Defence", "style.proper-korean-peninsula \(h1 + 1):2 Korean peninsula"],
                "\(found.map { "\($0.rule) \($0.location.line):\($0.location.column ?? 0) \($0.excerpt ?? "-")" })")
        // In a title the spelling rule only suggests (a capitalized "Defence" may be part of a name); the
        // proper noun's fix is safe.
        #expect(found.map { $0.edits.map(\.isSafe) } == [[false], [true]], "\(found.map(\.edits))")

        let fixed = try run(html, fix: true)
        #expect(fixed.article?.metadata.title == "Defence, Labour and the Korean Peninsula: A British View")
        #expect(Self.titleFindings(fixed).map(\.rule) == ["style.defense-spelling"])
        let changes = fixed.changes.filter { $0.location.line == h1 || $0.location.line == h1 + 1 }
        #expect(changes.map(\.rule).sorted() == ["style.proper-korean-peninsula"], "\(fixed.changes)")
    }

    @Test func aSuppressionOnTheHeadingCoversTitleFindings() throws {
        let o = try run(Self.page(h1Attributes: " data-kei-ignore=\"style.defense-spelling\""), fix: false)
        #expect(Self.titleFindings(o).map(\.rule) == ["style.proper-korean-peninsula"])
        #expect(o.suppressed == 1)
    }

    @Test func aTitleOnlyInMetaIsLocatedAndNotEdited() throws {
        let html = Self.page(h1: false)
        let meta = Self.lineOf("citation_title", in: html)
        let o = try run(html, fix: true)
        let found = Self.titleFindings(o)
        #expect(found.count == 2 && found.allSatisfy { $0.location.line == meta && $0.edits.isEmpty },
                "\(found.map { "\($0.rule) \($0.location.line) \($0.edits)" })")
        #expect(o.article?.metadata.title == Self.title, "no edit of the whole value")
    }
}
