import Foundation
import KeiCore
import KeiDocument
import KeiXML

/// The content-loss check of `ingest.html`: after the article model is built, every word of the page's
/// main content (what chrome removal kept on purpose, see ``ContentExtractor``) must be found somewhere
/// in the model — body, abstract, headings, lists, quotations, tables, figure captions and alt text,
/// preformatted text, notes, references, acknowledgements or metadata (title, subtitle, authors,
/// affiliations, journal, series, publisher, keywords, summary). Words lost by no rule are reported as
/// `ingest.text-dropped` (error: a page that cannot be read whole fails the gate).
///
/// Words are compared as a set of keys (lower-cased runs of letters and digits, a word without a letter
/// not counted), so the order of the model, repeated words and typography changes (quotes, dashes,
/// entities) do not matter. Front-matter lines the body builder drops by rule (a dateline, a byline, a
/// "Download PDF" line: ``SectionAssembler/isFrontMatterLine(_:)``) are made of words that are counted
/// as accounted for (month names, "published", "by", tool-line words, the metadata's own words).
///
/// Cost: one walk over the content's text nodes and one over the model; no copy of the page.
enum ContentLossCheck {
    /// `ingest.text-dropped`, declared among the ingest stage's messages.
    static let textDropped = StageMessage("ingest.text-dropped", .error,
        "Words of the article's main content (what remained after site chrome was removed) reached neither the body, the notes, the references nor the metadata: text was lost with no rule removing it. A page that cannot be read whole fails the gate.")

    /// The most lost words named in a message.
    static let excerptWords = 12

    /// The lost words of `content` (the main-content element ``BodyBuilder`` read) that `article` does not
    /// hold, as one diagnostic at the first text node that lost any (its line, the span of its text and
    /// an excerpt of that text); nil when nothing was lost.
    /// - Parameters:
    ///   - content: The extracted main content (chrome already removed).
    ///   - article: The built article model.
    ///   - file: The display path of the source, for the location.
    static func check(content: DOMElement, article: Article, file: String) -> Diagnostic? {
        var known = accountedWords
        var collector = WordCollector()
        ArticleWalker.walk(article, with: &collector)
        known.formUnion(collector.words)
        let m = article.metadata
        for s in [m.title, m.subtitle, m.journal, m.series, m.publisher, m.summary].compactMap({ $0 }) + m.keywords {
            insertWords(of: s, into: &known)
        }
        for a in m.authors {
            insertWords(of: a.name, into: &known)
            if let af = a.affiliation { insertWords(of: af, into: &known) }
            if let r = a.role { insertWords(of: r, into: &known) }
        }

        var lostCount = 0
        var first: (text: DOMText, words: [String])?
        func visit(_ e: DOMElement) {
            for child in e.children {
                switch child {
                case .text(let t):
                    var lost: [String] = []
                    forEachWord(in: t.value) { if !known.contains($0) { lost.append($0) } }
                    guard !lost.isEmpty else { continue }
                    lostCount += lost.count
                    if first == nil { first = (t, lost) }
                case .element(let c):
                    if NoteExtractor.droppedElements.contains(c.name) || !RenderedContent.isRendered(c) { continue }
                    visit(c)
                case .comment:
                    continue
                }
            }
        }
        visit(content)
        guard let first else { return nil }
        let excerpt = RemovedBlock.excerpt(of: first.text.value)
        let named = first.words.prefix(excerptWords).joined(separator: ", ")
        let more = first.words.count > excerptWords ? ", …" : ""
        return textDropped.diagnostic(
            "\(lostCount) \(lostCount == 1 ? "word" : "words") of the article's content did not reach the article model, first at “\(excerpt)” (lost: \(named)\(more)); no rule removed \(lostCount == 1 ? "it" : "them").",
            at: SourceLocation(file: file, line: BlockBuilder.visibleStartLine(first.text)), excerpt: excerpt,
            fix: "Report the page's markup to the pipeline maintainers; until it is read, restructure that text as a paragraph (<p>).",
            span: first.text.run.trimming(InlineText.isTrimmable).span)
    }

    /// Words a front-matter line dropped by rule is made of (see ``SectionAssembler/isFrontMatterLine(_:)``).
    static let accountedWords: Set<String> = {
        var s = Set(SectionAssembler.months)
        for w in ["published", "posted", "updated", "last", "date", "dated", "by", "on", "and", "at"] { s.insert(w) }
        for line in SectionAssembler.toolLines { insertWords(of: line, into: &s) }
        return s
    }()

    static func insertWords(of s: String, into set: inout Set<String>) {
        forEachWord(in: s) { set.insert($0) }
    }

    /// Calls `body` with each word key of `s`: a lower-cased run of letters, digits and marks holding a letter.
    static func forEachWord(in s: String, _ body: (String) -> Void) {
        var word = ""
        var hasLetter = false
        func flush() {
            if hasLetter { body(word) }
            word = ""
            hasLetter = false
        }
        for ch in s.lowercased() {
            if ch.isLetter || ch.isNumber || ch.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
                word.append(ch)
                if ch.isLetter { hasLetter = true }
            } else {
                flush()
            }
        }
        flush()
    }

    /// Collects the word keys of every text of an article (``ArticleWalker`` order).
    private struct WordCollector: ArticleVisitor {
        var words = Set<String>()

        mutating func visitInlines(_ inlines: [Inline], context: WalkContext) { add(inlines) }

        mutating func add(_ inlines: [Inline]) {
            for i in inlines {
                switch i {
                case .text(let t), .code(let t): ContentLossCheck.insertWords(of: t.string, into: &words)
                case .noteRef(let r): ContentLossCheck.insertWords(of: r.label, into: &words)
                case .image(let image): ContentLossCheck.insertWords(of: image.altText ?? "", into: &words)
                default: if let c = i.children { add(c) }
                }
            }
        }

        mutating func visitBlock(_ block: Block, context: WalkContext) {
            switch block {
            case .preformatted(let p): ContentLossCheck.insertWords(of: p.text.string, into: &words)
            case .figure(let f):
                for s in [f.label, f.altText].compactMap({ $0 }) { ContentLossCheck.insertWords(of: s, into: &words) }
            default: break
            }
        }
    }
}
