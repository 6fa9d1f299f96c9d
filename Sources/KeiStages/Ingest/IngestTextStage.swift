import Foundation
import KeiCore
import KeiDocument
import KeiXML

/// Reads an article page that survives only as scraped plain text (a back issue whose HTML is
/// lost) and builds the same article model `ingest.html` builds: title, date, byline, series,
/// volume and issue from the title/dateline block; abstract, sections, lists and paragraphs through
/// ``SectionAssembler`` (the same assembly as HTML pages); notes from a `Notes` list with `[1]`
/// markers. See ``TextPageReader`` for the page layout it expects and the chrome it drops.
///
/// Input: the source file's bytes, UTF-8 (a byte order mark is kept as text and trimmed; invalid
/// sequences become U+FFFD with an `ingest.encoding` warning). Text spans are UTF-8 byte offsets
/// (0-based, end exclusive) into the decoded text and lines are 1-based, so later stages' findings
/// point at the right line and column of the `.txt` file. An empty file is `ingest.empty` (error), a
/// page with no title line `ingest.metadata-missing`, a page with no text `ingest.no-content`
/// (error), a text with more words than `limits.max-words` `ingest.too-many-words` (error, no model); a
/// file over the workflow's source limit cannot be read whole and fails the stage (`pipeline.stage-failed`, error); a file holding only a byte order mark is `ingest.empty` too. A `.txt`
/// that is an HTML page (its first bytes after a BOM and whitespace are `<!DOCTYPE html` or `<html`, any
/// case) is read by `ingest.html`'s reader instead, with an `ingest.text-is-html` info.
/// `ingest.html` hands sources named `*.txt` to this reader.
public struct IngestTextStage: ArticleStage {
    public static let description = StageDescription(
        id: "ingest.text",
        summary: "Read an article page kept only as scraped plain text into the article model, without site chrome.",
        kind: .ingest,
        // Its rule ids are ingest.html's (ingest.empty, ingest.encoding, ingest.no-content,
        // ingest.metadata-missing, ingest.note-missing, ingest.note-unreferenced): rule ids are unique per stage.
        examples: [
            StageExample("a scraped page: chrome, title, dateline, a heading and a paragraph", html: """
                Search All Site Content
                Korea Policy Vol. 3, Issue 2
                A Title
                Published December 15, 2025
                Download PDF

                Background\u{A0}\u{A0}

                Some text that is long enough to count as the article body of this page.
                """),
        ]
    )

    public init(options: StageOptions) throws {}

    public func run(_ context: inout ArticleContext) throws {
        Self.ingest(try context.readSource(), into: &context, htmlEncoding: nil)
    }

    /// Builds the article of `context` from the text page `data` (shared with `ingest.html` for `.txt` sources);
    /// an HTML page goes to ``IngestHTMLStage`` with `htmlEncoding` (nil: sniffed).
    static func ingest(_ data: Data, into context: inout ArticleContext, htmlEncoding: String?) {
        let file = context.sourceDisplayPath
        if looksLikeHTML(data) {
            context.emit(IngestHTMLStage.Messages.textIsHTML.diagnostic(
                "\(file) is an HTML page, not plain text (it starts with <!DOCTYPE html or <html); it was read as HTML.",
                at: context.location(line: 1), fix: "Rename it to .html."))
            return IngestHTMLStage.ingestHTML(data, encoding: htmlEncoding, into: &context)
        }
        if data.isEmpty || data.elementsEqual(Self.utf8BOM) {
            context.emit(IngestHTMLStage.Messages.empty.diagnostic("\(file) is empty: there is no page to ingest.",
                                                                  at: context.location(line: 0)))
            return
        }
        let text = String(decoding: data, as: UTF8.self)
        let index = SourceLineIndex(text)
        context.sourceIndex = index
        if let bad = SourceDecoder.firstInvalidUTF8(in: data) {
            let line = data.prefix(bad).count(where: { $0 == UInt8(ascii: "\n") }) + 1
            context.emit(IngestHTMLStage.Messages.encoding.diagnostic(
                "\(file) is not valid UTF-8 (first bad byte at offset \(bad), line \(line)); each invalid sequence was replaced by U+FFFD.",
                at: context.location(line: line), fix: "Save the text as UTF-8."))
        }
        let page = TextPageReader(source: text, file: file).read()
        context.emit(contentsOf: page.diagnostics)
        var article = Article(id: context.entry.id, source: file, metadata: page.metadata)
        let (abstract, sections) = SectionAssembler(metadata: page.metadata, file: file).assemble(page.items)
        guard !abstract.isEmpty || !sections.isEmpty else {
            context.emit(IngestHTMLStage.Messages.noContent.diagnostic(
                "No article text was found in \(file) after removing site chrome; nothing will be emitted for it.",
                at: context.location(line: page.titleLine ?? 1)))
            context.article = article
            return
        }
        article.abstract = abstract
        article.sections = sections
        article.notes = page.notes
        guard IngestHTMLStage.admitsWords(of: article, into: &context) else { return }
        context.article = article
    }

    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// True when `data`, after a UTF-8 byte order mark and ASCII whitespace, starts with `<!doctype html`
    /// or `<html` (ASCII case folded) followed by whitespace, `>` or the end.
    static func looksLikeHTML(_ data: Data) -> Bool {
        var bytes = data.prefix(1024)
        if bytes.starts(with: utf8BOM) { bytes = bytes.dropFirst(3) }
        bytes = bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }
        let head = String(decoding: bytes.prefix(15), as: UTF8.self).lowercased()
        for tag in ["<!doctype html", "<html"] where head.hasPrefix(tag) {
            guard let next = head.dropFirst(tag.count).first else { return true }
            return next == ">" || next.isWhitespace
        }
        return false
    }
}
