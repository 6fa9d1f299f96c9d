import Foundation
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport
import Testing

/// `ingest.text`: scraped text pages give the model `ingest.html` gives for the same article.
@Suite struct IngestTextTests {
    static let seedPath = "seed/000_585abf9ef188c73f.txt"

    static func ingestText(_ file: URL, display: String) throws -> (Article, [Diagnostic]) {
        try StageHarness.ingest(file: file, display: display, id: "allying-against-adversaries")
    }

    static func ingestText(_ text: String, name: String = "page.txt") throws -> (Article, [Diagnostic]) {
        let dir = TestPaths.temporaryDirectory("kei-text")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return try StageHarness.ingest(file: file, display: name)
    }

    /// The dump without what only a page's markup can carry: source lines (`@N`), the source path,
    /// bold (the text has no formatting: the HTML's bold list leads are plain in the text), and the
    /// metadata the text does not state (the HTML head's author, publisher, URL, language, keywords, PDF link).
    static func structure(_ a: Article) -> String {
        let kept = ["title:", "date:", "journal:", "volume:", "issue:", "series:"]
        return TreeDumper.dump(a).split(separator: "\n").compactMap { line -> String? in
            let t = line.drop(while: { $0 == " " })
            if t.hasPrefix("Article ") { return nil }
            if line.hasPrefix("    "), !line.hasPrefix("     "), a.metadata.title.map({ _ in true }) == true,
               t.contains(":"), !t.hasPrefix("Paragraph"), !t.hasPrefix("Item"), !t.hasPrefix("List"), !t.hasPrefix("Section"),
               !kept.contains(where: { t.hasPrefix($0) }) { return nil }
            return line.replacingOccurrences(of: #" @\d+"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: "**", with: "")
        }.joined(separator: "\n")
    }

    @Test(.enabled(if: TestPaths.sharedExists))
    func seedTextGivesTheHTMLSamplesStructure() throws {
        let (text, diagnostics) = try Self.ingestText(TestPaths.shared.appendingPathComponent(Self.seedPath), display: "seed.txt")
        let html = try StageHarness.ingest(file: TestPaths.root.appendingPathComponent("Samples/issue-3-2/allying-against-adversaries.html"),
                                           display: "allying.html", id: "allying-against-adversaries").0
        #expect(diagnostics.filter { $0.severity != .info }.isEmpty, "\(diagnostics.map(\.message))")
        #expect(text.metadata.title == html.metadata.title)
        #expect(text.metadata.publicationDate == html.metadata.publicationDate)
        #expect(text.metadata.series == html.metadata.series && text.metadata.volume == "3" && text.metadata.issue == "2")
        let a = Self.structure(text), b = Self.structure(html)
        #expect(a == b)
        if a != b {
            for (x, y) in zip(a.split(separator: "\n"), b.split(separator: "\n")) where x != y { Issue.record("text: \(x)\nhtml: \(y)"); break }
        }
        // Positions are the text file's lines.
        let seedLines = try String(contentsOf: TestPaths.shared.appendingPathComponent(Self.seedPath), encoding: .utf8)
            .components(separatedBy: "\n")
        let background = try #require(text.sections.first)
        #expect(seedLines[background.location.line - 1].hasPrefix("Background"))
    }

    @Test(.enabled(if: TestPaths.sharedExists))
    func chromeIsNotInTheModel() throws {
        let (text, _) = try Self.ingestText(TestPaths.shared.appendingPathComponent(Self.seedPath), display: "seed.txt")
        let dump = TreeDumper.dump(text)
        for chrome in ["Search All Site Content", "Total Index", "Subscribe", "About Korea Policy", "Korea Policy is the premier",
                       "Download PDF", "View Series Publications", "This browser does not support", "Published December"] {
            #expect(!dump.contains(chrome), "\(chrome)")
        }
    }

    static let secondPage = """
        Korea Policy Vol. 2, Issue 4
        Subscribe to our Mailing List!
        Search All Site Content
        View Series Publications
        Chips, Trust, and Trade
        By Jane Doe and John Roe
        Published March 3, 2024
        Download PDF

        Abstract\u{A0}

        Semiconductors bind the two economies together in ways that tariffs cannot easily undo.[1]

        The Subsidy Question\u{A0}\u{A0}

        Both governments subsidize fabs, and each watches the other closely.[2] The rest is politics.

        Notes
        1. Author interview, Seoul, 2023.
        [2] Ministry of Trade, Annual Report (2024).

        This browser does not support PDFs. Please download the PDF to view it: Download PDF
        Copyright Korea Economic Institute
        """

    @Test func secondPageWithBylineAndNotes() throws {
        let (a, diagnostics) = try Self.ingestText(Self.secondPage)
        #expect(a.metadata.title == "Chips, Trust, and Trade")
        #expect(a.metadata.publicationDate?.iso == "2024-03-03")
        #expect(a.metadata.authors.map(\.name) == ["Jane Doe", "John Roe"])
        #expect(a.metadata.volume == "2" && a.metadata.issue == "4")
        #expect(a.abstract.count == 1)
        #expect(a.sections.map { $0.title.plainText } == ["The Subsidy Question"])
        #expect(a.notes.map(\.label) == ["1", "2"])
        #expect(a.notes.map { $0.blocks.first.map { b -> String in if case .paragraph(let p) = b { return p.inlines.plainText }; return "" } } ==
                ["Author interview, Seoul, 2023.", "Ministry of Trade, Annual Report (2024)."])
        let dump = TreeDumper.dump(a)
        #expect(dump.contains("[^fn1:1]") && dump.contains("[^fn2:2]"))
        for chrome in ["Subscribe", "Search All", "By Jane", "Download PDF", "Copyright", "browser"] { #expect(!dump.contains(chrome), "\(chrome)") }
        #expect(diagnostics.filter { $0.severity != .info }.isEmpty, "\(diagnostics.map(\.message))")
    }

    @Test func badTextPagesGiveDiagnostics() throws {
        #expect(try Self.ingestText("Just some words of text here that are not an article page with a title.\n").1.map(\.rule) == ["ingest.metadata-missing"])
        let dir = TestPaths.temporaryDirectory("kei-text")
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let ctx = try StageHarness.run(file: empty, display: "empty.txt", output: dir, workingDirectory: dir)
        #expect(ctx.diagnostics.map(\.rule) == ["ingest.empty"] && ctx.article == nil)
        let bad = dir.appendingPathComponent("bad.txt")
        try Data("A Title\nPublished December 15, 2025\n\nSome caf\u{E9} text".utf8.map { $0 } + [0xFF, 0x0A]).write(to: bad)
        let badCtx = try StageHarness.run(file: bad, display: "bad.txt", output: dir, workingDirectory: dir)
        let encoding = try #require(badCtx.diagnostics.first { $0.rule == "ingest.encoding" })
        #expect(encoding.location.line == 4)
        #expect(badCtx.article?.metadata.title == "A Title")
    }

    /// A lint finding on a text page lands on the words of the .txt file.
    @Test func spansPointIntoTheText() throws {
        let page = "A Title\nPublished December 15, 2025\n\nHeading\u{A0}\u{A0}\n\n\u{A0}Some words and and more.\n"
        let dir = TestPaths.temporaryDirectory("kei-text")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("p.txt")
        try Data(page.utf8).write(to: file)
        let ctx = try StageHarness.run(file: file, display: "p.txt", stages: [LintStyleStage.self],
                                       options: ["lint.style": ["rules": .stringList(["style.repeated-word"])]],
                                       output: dir, workingDirectory: dir, style: try ShippedStyle.sheet())
        let d = try #require(ctx.diagnostics.first { $0.rule == "style.repeated-word" })
        let span = try #require(d.span)
        #expect(SourceLineIndex(page).text(of: span).hasPrefix("and"))
        #expect(SourceLineIndex(page).position(of: span.start).line == 6)
    }
}
