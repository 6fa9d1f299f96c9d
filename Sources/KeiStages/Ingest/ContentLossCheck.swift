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
/// Words are compared as a set of keys (lower-cased runs of letters, digits and marks, read across inline
/// elements as a reader sees them; a word of one character or without a letter is not counted: note
/// labels, back-link letters, numbers), so the order of the model, repeated words and typography changes (quotes, dashes,
/// entities) do not matter. Front-matter lines the body builder drops by rule (a dateline, a byline, a
/// "Download PDF" line: ``SectionAssembler/isFrontMatterLine(_:)``), and the heading of the section taken
/// out as the abstract, are made of words that are counted as accounted for (month names, "published",
/// "by", tool-line words, "Executive Summary", the metadata's own words).
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

        // One streaming pass over the text nodes: a word may run across inline elements (a drop cap:
        // `<span>Z</span>imbabwe`); a block element, a superscript or subscript (a note marker), a line
        // break or an image ends it.
        var lostCount = 0
        var first: (text: DOMText, words: [String])?
        var word = ""
        var hasLetter = false
        var wordStart: DOMText?
        func endWord() {
            defer { word = ""; hasLetter = false }
            guard hasLetter, word.count > 1, !known.contains(word), let start = wordStart else { return }
            lostCount += 1
            if first == nil { first = (start, [word]) } else if first?.text == start { first?.words.append(word) }
        }
        func visit(_ e: DOMElement) {
            for child in e.children {
                switch child {
                case .text(let t):
                    for ch in t.value.lowercased() {
                        if Self.isWordCharacter(ch) {
                            if word.isEmpty { wordStart = t }
                            word.append(ch)
                            if ch.isLetter { hasLetter = true }
                        } else {
                            endWord()
                        }
                    }
                case .element(let c):
                    if NoteExtractor.droppedElements.contains(c.name) || !RenderedContent.isRendered(c) { continue }
                    let breaks = !BlockBuilder.formattingNames.contains(c.name) || c.name == "sup" || c.name == "sub"
                    if breaks { endWord() }
                    visit(c)
                    if breaks { endWord() }
                case .comment:
                    continue
                }
            }
        }
        visit(content)
        endWord()
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
        // The heading of the section taken out as the abstract (JATS writes the abstract without it).
        for title in SectionAssembler.abstractTitles { insertWords(of: title, into: &s) }
        // The heading of the note list ("Notes", "References"): JATS writes the notes without it.
        for title in ExtractionPass.noteHeadings { insertWords(of: title, into: &s) }
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
            if isWordCharacter(ch) {
                word.append(ch)
                if ch.isLetter { hasLetter = true }
            } else {
                flush()
            }
        }
        flush()
    }

    /// A letter, a digit or a combining mark.
    static func isWordCharacter(_ ch: Character) -> Bool {
        ch.isLetter || ch.isNumber || ch.unicodeScalars.allSatisfy { $0.properties.generalCategory == .nonspacingMark }
    }

    /// Collects the word keys of every text of an article (``ArticleWalker`` order).
    private struct WordCollector: ArticleVisitor {
        var words = Set<String>()

        /// The run's visible text read as one (a word may run across formatting, as in the content walk;
        /// a superscript, subscript, note marker, line break or image ends it), and its images' alt text.
        mutating func visitInlines(_ inlines: [Inline], context: WalkContext) {
            var text = ""
            Self.flatten(inlines, into: &text)
            ContentLossCheck.insertWords(of: text, into: &words)
            for image in inlines.images { ContentLossCheck.insertWords(of: image.altText ?? "", into: &words) }
        }

        static func flatten(_ inlines: [Inline], into text: inout String) {
            for i in inlines {
                switch i {
                case .text(let t), .code(let t): text += t.string
                case .noteRef(let r): text += " " + r.label + " "
                case .superscript(let c), .subscript(let c):
                    text += " "
                    flatten(c, into: &text)
                    text += " "
                case .lineBreak, .image: text += " "
                default: if let c = i.children { flatten(c, into: &text) }
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
