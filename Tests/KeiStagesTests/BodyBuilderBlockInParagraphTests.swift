import Foundation
import KeiDocument
import KeiStages
import KeiXML
import Testing

/// A block element opened inside a paragraph (`<p>… <div>…</div> …</p>`, closed or not, directly or inside
/// inline elements) keeps its text all the way to the model: content extraction does not clean it away as a
/// short block, and the body builder reads it.
@Suite struct BodyBuilderBlockInParagraphTests {
    /// The page around `html`, extracted as `ingest.html` does and built into a body; its whole text.
    static func text(_ html: String) throws -> String {
        let page = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Page</title></head><body>
            <article><h1>Page</h1>
            <p>The first paragraph of the article, long enough to read as running text, with a comma, and more.</p>
            \(html)
            <p>The last paragraph of the article, also long enough to read as running text, with a comma, too.</p>
            </article></body></html>
            """
        let document = MarkupParser.parseHTML(Data(page.utf8))
        let content = try #require(ContentExtractor.extract(from: document))
        let built = BodyBuilder.build(content: content, document: document, metadata: ArticleMetadata(title: "Page"), file: "t.html")
        return BodyFixture.allText(built)
    }

    @Test(arguments: [
        ("<p>Open <span>x <div>Inner text</div></span> after</p>", ["Open", "x", "Inner text", "after"]),
        // `<p>Unclosed\n<div>Text` is checked through the whole ingest by HostileInputPageTests.blockInsideParagraphKeepsItsText:
        // this extractor-only harness drops the one-word paragraph before it, which the real pipeline keeps.
        ("<p>a<table><tr><td>cell</td></tr></table>b</p>", ["a", "cell", "b"]),
        ("<p>x<ul><li>item</li></ul>y</p>", ["x", "item", "y"]),
        ("<p>q<blockquote>quoted</blockquote>r</p>", ["q", "quoted", "r"]),
        ("<span><p>para in span</p></span>", ["para in span"]),
        ("<p>Open <b>x <div>Bold inner</div></b> after</p>", ["Open", "Bold inner", "after"]),
    ])
    func blockInsideParagraphKeepsItsText(html: String, expected: [String]) throws {
        let text = try Self.text(html)
        let words = Set(text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
        for phrase in expected {
            let found = phrase.contains(" ") ? text.contains(phrase) : words.contains(phrase)
            #expect(found, "“\(phrase)” is missing from the body of \(html):\n\(text)")
        }
    }

    /// A short block after a *closed* paragraph is still cleaned as before (the rule for blocks opened
    /// inside a paragraph does not keep every short div).
    @Test func shortDivAfterClosedParagraphIsStillCleaned() throws {
        let text = try Self.text("<p>A closed paragraph.</p><div><a href=\"/x\">Share</a></div>")
        #expect(!text.contains("Share"), "\(text)")
    }
}
