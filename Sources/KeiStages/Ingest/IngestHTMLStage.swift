import Foundation
import KeiCore
import KeiDocument
import KeiXML

/// Reads an article's HTML page through libxml2 and builds the article model:
/// metadata (``MetadataExtractor``), main content without site chrome (``ContentExtractor``),
/// and sections, blocks, notes and references (``BodyBuilder``).
public struct IngestHTMLStage: ArticleStage {
    public static let description = StageDescription(
        id: "ingest.html",
        summary: "Parse the article's HTML page (libxml2, no network) and build the article model without site chrome.",
        kind: .ingest,
        options: [
            StageOption("encoding", .string, default: .string(""),
                        "Force this input encoding (an Encoding Standard label such as windows-1252 or euc-kr, or an iconv name); a byte order mark still wins; empty sniffs as browsers do (BOM, meta charset in the first 1024 bytes, valid UTF-8, else windows-1252)."),
        ],
        messages: [
            Messages.parser, Messages.encoding, Messages.empty, Messages.tooManyElements, Messages.tooManyWords, Messages.noContent, Messages.suppression, Messages.textIsHTML,
        ] + EncodingDiagnostics.messages + MetadataMessages.all + BodyMessages.all + ExtractionMessages.all,
        examples: [
            StageExample("a small well-formed article page", html: """
                <html lang="en"><head><title>A Title</title><meta name="citation_publication_date" content="2025-12-15"></head>
                <body><main><article>
                <h1>A Title</h1><p>Some text that is long enough to count as the article body of this page.</p>
                </article></main></body></html>
                """),
            StageExample("an unclosed tag is recovered and reported as info", html: """
                <html><head><title>A Title</title><meta name="citation_publication_date" content="2025-12-15"></head>
                <body><article><h1>A Title</h1>
                <p>Some text <b>that is long enough to count as the body.</p></article></body></html>
                """, expect: ["ingest.parser"]),
            StageExample("a page with no text at all", html: "<html><body></body></html>",
                         expect: ["ingest.no-content", "ingest.metadata-missing"]),
            StageExample("the visible date disagrees with the citation date", html: """
                <html><head><title>A Title</title><meta name="citation_publication_date" content="2025-12-15"></head>
                <body><article><h1>A Title</h1><p class="date">⟦Published December 16, 2025⟧</p>
                <p>Some text that is long enough to count as the article body of this page.</p></article></body></html>
                """, expect: ["ingest.metadata-conflict"],
                skipping: [.multiByteBefore: "the inserted text becomes part of the date element, whose whole text is the span",
                           .note: "a date line moved into a note is a note, not the page's date line; its element's text runs on to the back link"]),
            StageExample("titles that differ only in character references, quotes, case and a site name are not a conflict", html: """
                <html><head><title>WON'T BLINK: Seoul&#8217;s Controls | Example Institute</title>
                <meta property="og:title" content="Won&amp;#8217;t Blink: Seoul's Controls">
                <script type="application/ld+json">{"@type":"Article","headline":"Won&#8217;t  Blink: Seoul&#8217;s Controls","datePublished":"2025-12-15"}</script>
                </head><body><article><h1>Won’t Blink: Seoul’s Controls</h1>
                <p>Some text that is long enough to count as the article body of this page.</p></article></body></html>
                """),
            StageExample("a WordPress zero date is a placeholder, ignored", html: """
                <html><head><title>A Title</title>
                <meta property="article:published_time" content="⟦-0001-11-30T00:00:00+00:00⟧"></head>
                <body><article><h1>A Title</h1><p class="date">Published December 15, 2025</p>
                <p>Some text that is long enough to count as the article body of this page.</p></article></body></html>
                """, expect: ["ingest.placeholder-date"]),
            StageExample("a Unix-epoch date loses to the visible date", html: """
                <html><head><title>A Title</title>
                <script type="application/ld+json">{"@type": "Article", ⟦"datePublished": "1970-01-01T00:00:00Z"⟧}</script></head>
                <body><article><h1>A Title</h1><p>Published Dec. 3, 2024</p>
                <p>Some text that is long enough to count as the article body of this page.</p></article></body></html>
                """, expect: ["ingest.placeholder-date"]),
            StageExample("an impossible machine date is ignored", html: """
                <html><head><title>A Title</title>
                <meta name="citation_publication_date" content="⟦2025-13-45⟧"></head>
                <body><article><h1>A Title</h1><p class="date">Published December 15, 2025</p>
                <p>Some text that is long enough to count as the article body of this page.</p></article></body></html>
                """, expect: ["ingest.date-invalid"]),
            StageExample("UTF-8 text that was read as Latin-1 somewhere before it reached the page", html: """
                <html><head><title>A Title</title><meta name="citation_publication_date" content="2025-12-15"></head>
                <body><article><h1>A Title</h1>
                <p>Some text about the caf⟦Ã©⟧ that is long enough to count as the article body of this page.</p></article></body></html>
                """, expect: ["ingest.encoding-suspect"]),
            StageExample("a numeric reference to a C1 control that windows-1252 leaves undefined", html: """
                <html><head><title>A Title</title><meta name="citation_publication_date" content="2025-12-15"></head>
                <body><article><h1>A Title</h1>
                <p>Some text&#146;s marker ⟦&#129;⟧ that is long enough to count as the article body of this page.</p></article></body></html>
                """, expect: ["ingest.control-character"]),
        ]
    )

    enum Messages {
        static let parser = StageMessage("ingest.parser", .info,
            "libxml2 recovered from malformed HTML; the page was read as libxml2 repaired it.")
        static let encoding = StageMessage("ingest.encoding", .warning,
            "Byte sequences not valid in the page's encoding were each replaced by U+FFFD; the rest of the page was read in that encoding.")
        static let empty = StageMessage("ingest.empty", .error, "The source file is empty.")
        static let tooManyElements = StageMessage("ingest.too-many-elements", .error,
            "The page holds more start tags and comments than limits.max-elements allows; it is not read (a page that cannot be read whole fails the gate).")
        static let tooManyWords = StageMessage("ingest.too-many-words", .error,
            "The article's text holds more words (punctuation marks included) than limits.max-words allows; no article is built from it (a page that cannot be read whole fails the gate).")
        static let suppression = StageMessage("ingest.suppression-unmatched", .warning,
            "A kei-enable without a kei-disable before it, or a kei-disable-next with no block after it.")
        static let noContent = StageMessage("ingest.no-content", .error,
            "No article text was found on the page after removing site chrome.")
        static let textIsHTML = StageMessage("ingest.text-is-html", .info,
            "A .txt source is an HTML page (it starts with <!DOCTYPE html or <html): it was read as HTML, not as plain text.")
    }

    let encoding: String?

    public init(options: StageOptions) throws {
        let e = options.string("encoding") ?? ""
        encoding = e.isEmpty ? nil : e
    }

    public func run(_ context: inout ArticleContext) throws {
        let data = try context.readSource()
        if context.entry.source?.lowercased().hasSuffix(".txt") == true {
            // A back issue kept only as scraped text: the text reader builds the same model.
            return IngestTextStage.ingest(data, into: &context, htmlEncoding: encoding)
        }
        Self.ingestHTML(data, encoding: encoding, into: &context)
    }

    /// Builds the article of `context` from the HTML page `data` (`encoding`: the forced input encoding,
    /// nil to sniff); shared with `ingest.text` for `.txt` sources that are HTML pages.
    static func ingestHTML(_ data: Data, encoding: String?, into context: inout ArticleContext) {
        let file = context.sourceDisplayPath
        if data.isEmpty {
            context.emit(Messages.empty.diagnostic("\(file) is empty: there is no page to ingest.",
                                                   at: context.location(line: 0)))
            return
        }
        let limit = context.limits.maxElements
        let document = MarkupParser.parseHTML(data, encoding: encoding, elementLimit: limit)
        let index = SourceLineIndex(document.sourceText)
        context.sourceIndex = index
        if let tags = document.refusedStartTags {
            // Reading such a page would take more memory than a run may use; it is refused whole.
            context.emit(Messages.tooManyElements.diagnostic(
                "\(file) has \(grouped(tags)) start tags and comments, more than limits.max-elements (\(limit)): the page was not read and nothing will be emitted for it. Split the page, or raise limits.max-elements in the workflow if it is genuine.",
                at: context.location(line: 0)))
            return
        }
        for m in document.messages where !Self.isOutdatedTagComplaint(m) {
            context.emit(Messages.parser.diagnostic("libxml2: \(m.message)", at: context.location(line: m.line, column: m.column > 0 ? m.column : nil)))
        }
        if document.droppedMessages > 0 {
            context.emitSummary(Messages.parser.diagnostic(
                "libxml2 raised \(document.droppedMessages) more message(s) on \(file) that are not listed: only the first \(MarkupParser.maxMessages) are kept.",
                at: context.location(line: 0)))
        }
        context.emit(contentsOf: EncodingDiagnostics.diagnostics(for: document, data: data, index: index,
                                                                 location: { context.location(line: $0) }))

        let journal = context.issue.journal
        var (metadata, metaDiagnostics) = MetadataExtractor.extract(
            from: document, file: file, siteNames: [journal.title, journal.abbreviatedTitle, journal.publisher].compactMap { $0 }.filter { !$0.isEmpty })
        context.emit(contentsOf: metaDiagnostics)
        context.emit(contentsOf: ExtractionMessages.checkingURLs(of: &metadata, in: document, file: file))

        var article = Article(id: context.entry.id, source: file, metadata: metadata)
        if let root = document.root {
            let reader = SuppressionReader.read(root, source: document.sourceText, lineOf: { index.position(of: $0).line })
            article.suppressions = reader.suppressions
            for p in reader.problems {
                context.emit(Messages.suppression.diagnostic(p.message, at: context.location(line: p.span.map { index.position(of: $0.start).line } ?? 0),
                                                             span: p.span))
            }
        }
        let extraction = ContentExtractor.extractDetailed(from: document)
        context.emit(contentsOf: ExtractionMessages.diagnostics(for: extraction, file: file))
        guard let content = extraction.content, content.hasVisibleText else {
            context.emit(Messages.noContent.diagnostic(
                "No article text was found in \(file) after removing site chrome; nothing will be emitted for it.",
                at: context.location(line: document.root?.line ?? 0)))
            context.article = article
            return
        }
        let body = BodyBuilder.build(content: content, document: document, metadata: metadata, file: file)
        article.abstract = body.abstract
        article.sections = body.sections
        article.acknowledgements = body.acknowledgements
        article.notes = body.notes
        article.references = body.references
        guard admitsWords(of: article, into: &context) else { return }
        context.emit(contentsOf: body.diagnostics)
        context.article = article
    }

    /// Checks the words of a finished `article` (``WordCounter``) against `limits.max-words` before any
    /// stage builds the shared analysis. Over the limit it emits `ingest.too-many-words` (error, located
    /// in the file) and returns false: the caller builds no article. 0 sets no limit. Shared with `ingest.text`.
    static func admitsWords(of article: Article, into context: inout ArticleContext) -> Bool {
        let limit = context.limits.maxWords
        guard limit > 0 else { return true }
        let words = WordCounter.count(in: article)
        guard words > limit else { return true }
        // The analysis keeps a token per word: its memory grows with the words, whatever the page's size in bytes.
        context.emit(Messages.tooManyWords.diagnostic(
            "\(context.sourceDisplayPath) has \(grouped(words)) words and punctuation marks, more than limits.max-words (\(limit)): no article was built and nothing will be emitted for it. Split the page, or raise limits.max-words in the workflow (0: no limit) if it is genuine.",
            at: context.location(line: 0)))
        return false
    }

    /// `n` with thousands separators ("1,206"), the same in every locale.
    static func grouped(_ n: Int) -> String {
        n.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
    }

    /// libxml2 2.9's HTML parser knows only HTML 4 elements and calls every HTML5 element
    /// ("Tag main invalid") an error. Those complaints say nothing about the page, so they are
    /// dropped; unknown tags that are not HTML5 elements still become diagnostics.
    static func isOutdatedTagComplaint(_ m: ParserMessage) -> Bool {
        guard m.code == 801, m.message.hasPrefix("Tag "), m.message.hasSuffix(" invalid") else { return false }
        let name = m.message.dropFirst(4).dropLast(8).lowercased()
        return html5Elements.contains(String(name)) || name.contains("-") || name.hasPrefix("svg") || name.hasPrefix("math")
    }

    static let html5Elements: Set<String> = [
        "article", "aside", "audio", "bdi", "canvas", "data", "datalist", "details", "dialog", "embed", "figcaption",
        "figure", "footer", "header", "hgroup", "main", "mark", "meter", "nav", "output", "picture", "progress", "rp",
        "rt", "ruby", "search", "section", "slot", "source", "summary", "template", "time", "track", "video", "wbr",
        "svg", "math", "path", "g", "circle", "rect", "line", "polyline", "polygon", "use", "defs", "symbol", "title",
        "desc", "lineargradient", "stop", "clippath", "mask", "text", "tspan", "foreignobject", "image", "ellipse",
        "mi", "mo", "mn", "mrow", "msup", "msub", "mfrac", "msqrt", "mtext", "annotation", "semantics",
    ]

    /// The 1-based line of the first byte sequence that is not valid UTF-8; nil when all of it is valid.
    static func firstInvalidUTF8Line(_ data: Data) -> Int? {
        SourceDecoder.firstInvalidUTF8(in: data).map { data.prefix($0).count(where: { $0 == UInt8(ascii: "\n") }) + 1 }
    }
}
