import Foundation
import KeiCore
import KeiDocument
@testable import KeiStages
import KeiTestSupport
import Testing

/// `ingest.text` on scrapes that lost their layout: one block per line without blank lines, share
/// buttons as text, HTML saved as `.txt`, a file holding only a byte order mark.
@Suite struct IngestTextLayoutTests {
    /// A scrape with no blank line at all (as /tmp/b31/t/byline.txt had it).
    static let oneBlockPerLine = """
        Skip to main content
        Menu
        Korea Policy Vol. 2, Issue 4
        Trade Winds: Semiconductors and the Alliance
        By Jane Doe and Kim Min-jun
        Published March 3, 2024
        Share on Twitter
        Introduction
        Semiconductor cooperation has been central to the alliance since 2022.[1] This paragraph is long enough to be a paragraph.
        A second paragraph on its own line, which the scrape did not separate by a blank line at all.
        Why It Matters
        Exports grew sharply in the year.[2]
        Follow us on Facebook
        Notes
        1. Jane Doe, "Chips," Korea Policy 1, no. 1 (2023): 4.
        2. Ibid., 5.
        """

    static func paragraphs(_ blocks: [Block]) -> [String] {
        blocks.compactMap { if case .paragraph(let p) = $0 { return p.inlines.plainText }; return nil }
    }

    @Test func withoutBlankLinesEachLineIsABlock() throws {
        let (a, diagnostics) = try IngestTextTests.ingestText(Self.oneBlockPerLine)
        #expect(a.metadata.title == "Trade Winds: Semiconductors and the Alliance")
        #expect(a.sections.map { $0.title.plainText } == ["Introduction", "Why It Matters"], "\(TreeDumper.dump(a))")
        let intro = Self.paragraphs(try #require(a.sections.first).blocks)
        #expect(intro.count == 2, "\(intro)")
        #expect(intro.last?.hasPrefix("A second paragraph") == true)
        #expect(a.notes.count == 2)
        let dump = TreeDumper.dump(a)
        #expect(!dump.contains("Twitter") && !dump.contains("Facebook"), "share lines are chrome: \(dump)")
        #expect(!diagnostics.contains { $0.severity == .warning || $0.severity == .error }, "\(diagnostics.map(\.message))")
    }

    @Test func blankLineSeparatedParagraphsStillJoinTheirLines() throws {
        let page = "A Title\nPublished December 15, 2025\n\nFirst line of a paragraph\nthat goes on here.\n\nSecond paragraph with words.\nAnd its second line.\n\nThird paragraph.\n"
        let (a, _) = try IngestTextTests.ingestText(page)
        #expect(Self.paragraphs(a.abstract + a.sections.flatMap(\.blocks)) ==
                ["First line of a paragraph that goes on here.", "Second paragraph with words. And its second line.", "Third paragraph."])
        let lines = TextPageReader.split("a\nb\n\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n")
        #expect(!TextPageReader.linePerBlock(Array(lines.prefix(5))), "one blank per four lines: paragraphs")
        #expect(TextPageReader.linePerBlock(lines), "one blank per eleven lines: a line per block")
    }

    @Test func shareLinesAreChromeButProseAboutSharingIsNot() {
        for line in ["Share on Twitter", "Share via Email", "SHARE ON FACEBOOK", "Follow us on LinkedIn", "Tweet"] {
            #expect(TextChrome.isChrome(line), "\(line)")
        }
        #expect(!TextChrome.isChrome("Share on the costs of the alliance grew as Seoul paid more of them each year."))
        #expect(!TextChrome.isChrome("Sharing"))
    }

    @Test func aTextFileThatIsHTMLIsReadAsHTML() throws {
        let html = "\u{FEFF}  \n<!DOCTYPE html>\n<html><head><title>A Title</title></head><body><article><h1>A Title</h1><p>Some text that is long enough to count as the article body of this page.</p></article></body></html>\n"
        let (a, diagnostics) = try IngestTextTests.ingestText(html)
        #expect(a.metadata.title == "A Title")
        #expect(diagnostics.filter { $0.rule == "ingest.text-is-html" }.map(\.severity) == [.info])
        #expect(!TreeDumper.dump(a).contains("<p>") && !TreeDumper.dump(a).contains("DOCTYPE"))
        #expect(IngestTextStage.looksLikeHTML(Data("<HTML lang=\"en\">".utf8)))
        #expect(IngestTextStage.looksLikeHTML(Data("<html>".utf8)))
        #expect(!IngestTextStage.looksLikeHTML(Data("<htmlish> is not a page".utf8)))
        #expect(!IngestTextStage.looksLikeHTML(Data("A Title\n<html> in the text".utf8)))
    }

    @Test func aByteOrderMarkAloneIsAnEmptyFile() throws {
        let dir = TestPaths.temporaryDirectory("kei-text")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bom = dir.appendingPathComponent("bom.txt")
        try Data([0xEF, 0xBB, 0xBF]).write(to: bom)
        let ctx = try StageHarness.run(file: bom, display: "bom.txt", output: dir, workingDirectory: dir)
        #expect(ctx.diagnostics.map(\.rule) == ["ingest.empty"] && ctx.article == nil, "\(ctx.diagnostics.map(\.rule))")
    }
}
