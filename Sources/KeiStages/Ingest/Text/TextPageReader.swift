import KeiCore
import KeiDocument

/// Reads an article page that survives only as scraped plain text (the words of the page, one
/// block per line or paragraph) into the parts `ingest.html` builds: metadata, the stream of
/// headings and blocks that ``SectionAssembler`` turns into the abstract and sections, and notes.
///
/// The page's structure, as the KEI site's text scrapes have it:
/// - site chrome (search box, mailing-list box, series banner, "About Korea Policy" sidebar,
///   "View Series Publications"), then the **title line**, then a dateline `Published <date>` (a
///   `By …` byline may stand before or after it), then `Download PDF`;
/// - the body: paragraphs separated by blank lines — or, when the body has (almost) no blank lines
///   (fewer than one per ten text lines), one block per line (``linePerBlock(_:)``); a heading is a paragraph of one short line
///   (≤ 12 words) without closing punctuation (scrapes keep its trailing no-break spaces); bullets
///   (`•`, `◦`…) are list items, and a list of short one-sentence bullets each followed by longer
///   ones is read as lead items with nested explanations (the bold leads of the HTML page);
/// - an optional `Notes`/`Endnotes`/`Footnotes` heading followed by numbered lines (`1. …`, `1 …`,
///   `[1] …`, `1) …`); markers `[1]` in the text link to them;
/// - the footer ("This browser does not support PDFs…"), dropped with everything after it.
///
/// Chrome is dropped by what it is: everything before the title/dateline block (the header and
/// sidebar), the footer, and lines of ``TextChrome`` anywhere. Every text run keeps its source:
/// spans are UTF-8 byte offsets (0-based, end exclusive) into the decoded text, lines 1-based.
struct TextPageReader {
    /// One line of the source: its 1-based number and the UTF-8 range of its trimmed content.
    struct Line {
        var number: Int
        var start: Int
        var end: Int
        var text: String
        var isBlank: Bool { text.isEmpty }
    }

    /// What the reader found.
    struct Page {
        var metadata = ArticleMetadata()
        /// The title line's number, nil when the page has no title/dateline block.
        var titleLine: Int?
        var items: [BodyItem] = []
        var notes: [Note] = []
        var noteSpans: [String: SourceSpan] = [:]
        var diagnostics: [Diagnostic] = []
    }

    let source: String
    let file: String
    let lines: [Line]

    init(source: String, file: String) {
        self.source = source
        self.file = file
        self.lines = Self.split(source)
    }

    /// Splits `source` into lines as ``SourceLineIndex`` counts them (`\r\n`, `\n`, lone `\r`),
    /// each trimmed of spaces, tabs and no-break spaces at both ends.
    static func split(_ source: String) -> [Line] {
        let bytes = Array(source.utf8)
        var out: [Line] = []
        var start = 0
        var i = 0
        func add(_ end: Int) {
            var s = start, e = end
            let text = String(decoding: bytes[s..<e], as: UTF8.self)
            let trimmed = TextRun(text, source: SourceSpan(start: s, end: e), verbatim: true).trimming(InlineText.isTrimmable)
            if let span = trimmed.span { s = span.start; e = span.end } else { e = s }
            out.append(Line(number: out.count + 1, start: s, end: e, text: trimmed.string))
        }
        while i < bytes.count {
            if bytes[i] == 0x0A || bytes[i] == 0x0D {
                add(i)
                if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        add(bytes.count)
        return out
    }

    /// The run of a line's content, from `offset` (UTF-8, relative to the line's content) on.
    func run(_ line: Line, from offset: Int = 0) -> TextRun {
        TextRun(line.text, source: SourceSpan(start: line.start, end: line.end), verbatim: true).slice(offset..<line.text.utf8.count)
    }

    func location(_ line: Line) -> SourceLocation { SourceLocation(file: file, line: line.number) }

    func read() -> Page {
        var page = Page()
        let header = findHeader()
        var bodyStart = 0
        if let header {
            page.titleLine = lines[header.title].number
            page.metadata.titleRun = run(lines[header.title])
            if let d = header.date { page.metadata.publicationDate = HumanDateParser.firstDate(in: lines[d].text) }
            for i in header.title..<header.end where lines[i].text.hasPrefix("By ") {
                page.metadata.authors = BylineParser.authors(from: lines[i].text)
            }
            for line in lines[..<header.title] where line.text.lowercased().contains("vol") && line.text.count <= 120 {
                if let banner = VisibleMetadataReader.seriesBanner(line.text) {
                    page.metadata.series = banner.name
                    page.metadata.journal = banner.name
                    page.metadata.volume = banner.volume
                    page.metadata.issue = banner.issue
                    break
                }
            }
            bodyStart = header.end
        } else {
            page.diagnostics.append(MetadataMessages.missing.diagnostic(
                "\(file) has no title: no line followed by a “Published <date>” dateline (or a “By …” byline) was found, so the article has no title and no date; every line but known site chrome was read as text.",
                at: SourceLocation(file: file, line: 1),
                fix: "Put the title on its own line, followed by “Published Month D, YYYY”."))
        }
        var end = lines.count
        if let footer = lines[bodyStart...].firstIndex(where: { TextChrome.startsFooter($0.text) }) { end = footer }
        var body = Array(lines[bodyStart..<end].filter { !TextChrome.isChrome($0.text) })

        // The note list: from a Notes heading to the end.
        var noteLines: [Line] = []
        if let n = body.firstIndex(where: { Self.noteHeadings.contains(InlineText.key($0.text)) }) {
            noteLines = Array(body[(n + 1)...])
            body = Array(body[..<n])
        }
        let (notes, spans) = readNotes(noteLines)
        page.notes = notes
        page.noteSpans = spans
        var linker = MarkerLinker(notes: notes, file: file)
        page.items = blocks(body, linker: &linker)
        page.diagnostics += linker.diagnostics
        for note in notes where !linker.referenced.contains(note.id) {
            page.diagnostics.append(BodyMessages.noteUnreferenced.diagnostic(
                "Note \(note.label) is not referenced by any marker in the text.", at: note.location,
                fix: "Add a marker where the note belongs, or remove the note.", span: spans[note.id]))
        }
        return page
    }

    static let noteHeadings: Set<String> = ["notes", "endnotes", "footnotes", "notes:", "endnotes:"]

    /// The title/dateline block: the title line's index, the dateline's, and the index of the first
    /// body line.
    func findHeader() -> (title: Int, date: Int?, end: Int)? {
        func isDateline(_ l: Line) -> Bool {
            let k = InlineText.key(l.text)
            guard ["published", "posted", "date:", "dated"].contains(where: { k.hasPrefix($0) }),
                  InlineText.wordCount(k) <= 12 else { return false }
            return HumanDateParser.firstDate(in: l.text) != nil
        }
        func isByline(_ l: Line) -> Bool { l.text.hasPrefix("By ") && InlineText.wordCount(l.text) <= 20 && !l.text.hasSuffix(".") }
        let anchor = lines.firstIndex(where: isDateline) ?? lines.firstIndex(where: isByline)
        guard let anchor else { return nil }
        var t = anchor - 1
        while t >= 0, lines[t].isBlank || isByline(lines[t]) || TextChrome.isChrome(lines[t].text) { t -= 1 }
        guard t >= 0 else { return nil }
        var end = anchor + 1
        while end < lines.count, lines[end].isBlank || isByline(lines[end]) || isDateline(lines[end])
                || SectionAssembler.toolLines.contains(InlineText.key(lines[end].text)) {
            end += 1
        }
        let date = isDateline(lines[anchor]) ? anchor : nil
        // A byline after the dateline is part of the header block.
        return (t, date, end)
    }

    // MARK: blocks

    /// A bullet line: the bullet's depth and the UTF-8 length of the bullet and the spaces after it.
    static func bullet(_ text: String) -> (depth: Int, drop: Int)? {
        guard let (depth, drop) = BulletListMerger.bulletPrefix(text) else { return nil }
        return (depth, String(text.prefix(drop)).utf8.count)
    }

    /// The heading/paragraph/list stream of the body lines.
    func blocks(_ body: [Line], linker: inout MarkerLinker) -> [BodyItem] {
        let perLine = Self.linePerBlock(body)
        var items: [BodyItem] = []
        var paragraph: [Line] = []
        var bullets: [(line: Line, depth: Int, inlines: [Inline])] = []
        func flushParagraph() {
            guard let first = paragraph.first else { return }
            if paragraph.count == 1, Self.isHeading(first.text) {
                items.append(.heading(level: 2, title: InlineText.normalize([.text(run(first))]), line: first.number, promoted: false))
            } else {
                var inlines: [Inline] = []
                for (i, l) in paragraph.enumerated() {
                    if i > 0 { inlines.append(.text(TextRun(" "))) }
                    inlines += linker.link(run(l), line: l.number)
                }
                items.append(.block(.paragraph(Paragraph(inlines: InlineText.normalize(inlines), location: location(first)))))
            }
            paragraph = []
        }
        func flushBullets() {
            guard !bullets.isEmpty else { return }
            var list = bullets.map { BulletListMerger.Bullet(inlines: $0.inlines, depth: $0.depth, location: location($0.line)) }
            let leads = bullets.map { Self.isLead($0.inlines.plainText) }
            if leads.first == true, leads.contains(false), list.allSatisfy({ $0.depth == 1 }) {
                for i in list.indices where !leads[i] { list[i].depth = 2 }
            }
            items.append(.block(.list(BulletListMerger.makeList(list))))
            bullets = []
        }
        for line in body {
            if line.isBlank {
                flushParagraph()
                continue
            }
            if let (depth, drop) = Self.bullet(line.text) {
                flushParagraph()
                let inlines = InlineText.normalize(linker.link(run(line, from: drop), line: line.number))
                if !InlineText.isBlank(inlines) { bullets.append((line, depth, inlines)) }
                continue
            }
            flushBullets()
            paragraph.append(line)
            if perLine { flushParagraph() }
        }
        flushParagraph()
        flushBullets()
        return items
    }

    /// True when the body is laid out one block per line: at least 3 text lines and fewer than one blank
    /// line per ten text lines between its first and last text line (a scrape that lost its blank lines).
    static func linePerBlock(_ body: [Line]) -> Bool {
        guard let first = body.firstIndex(where: { !$0.isBlank }), let last = body.lastIndex(where: { !$0.isBlank }) else { return false }
        let inner = body[first...last]
        let text = inner.count { !$0.isBlank }
        return text >= 3 && (inner.count - text) * 10 < text
    }

    /// A heading line: ≤ 12 words, no closing punctuation, not a numbered note line.
    static func isHeading(_ text: String) -> Bool {
        guard let last = text.last, !".!?;,\"”)]".contains(last) else { return false }
        return InlineText.wordCount(text) <= 12 && !(text.first?.isNumber ?? true)
    }

    /// A lead bullet: one sentence of at most 40 words.
    static func isLead(_ text: String) -> Bool {
        guard InlineText.wordCount(text) <= 40 else { return false }
        let scalars = Array(text.unicodeScalars)
        var i = 1
        while i + 2 < scalars.count {
            if ".!?".unicodeScalars.contains(scalars[i]), InlineText.isTrimmable(scalars[i + 1]),
               scalars[i - 1].properties.isLowercase || ("0"..."9").contains(scalars[i - 1]) {
                var j = i + 1
                while j < scalars.count, InlineText.isTrimmable(scalars[j]) { j += 1 }
                if j < scalars.count, scalars[j].properties.isUppercase { return false }
            }
            i += 1
        }
        return true
    }

    // MARK: notes

    /// A numbered note line's label and the UTF-8 length of the label with its punctuation and spaces.
    static func noteLabel(_ text: String) -> (label: String, drop: Int)? {
        var s = Substring(text)
        var bracket = false
        if s.first == "[" { bracket = true; s = s.dropFirst() }
        let digits = s.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        s = s.dropFirst(digits.count)
        if bracket {
            guard s.first == "]" else { return nil }
            s = s.dropFirst()
        } else if s.first == "." || s.first == ")" {
            s = s.dropFirst()
        }
        guard let next = s.first, InlineText.isTrimmable(next) else { return nil }
        let rest = s.drop(while: { InlineText.isTrimmable($0) })
        return (String(digits), text.utf8.count - rest.utf8.count)
    }

    /// Notes `fn1`, `fn2`… in list order; lines without a number continue the note before them.
    func readNotes(_ noteLines: [Line]) -> ([Note], [String: SourceSpan]) {
        var notes: [Note] = []
        var spans: [String: SourceSpan] = [:]
        for line in noteLines where !line.isBlank {
            let span = SourceSpan(start: line.start, end: line.end)
            if let (label, drop) = Self.noteLabel(line.text) {
                let id = "fn\(notes.count + 1)"
                let p = Paragraph(inlines: InlineText.normalize([.text(run(line, from: drop))]), location: location(line))
                notes.append(Note(id: id, label: label, blocks: [.paragraph(p)], location: location(line)))
                spans[id] = span
            } else if !notes.isEmpty {
                let p = Paragraph(inlines: InlineText.normalize([.text(run(line))]), location: location(line))
                notes[notes.count - 1].blocks.append(.paragraph(p))
                spans[notes[notes.count - 1].id] = spans[notes[notes.count - 1].id]?.union(span)
            }
        }
        return (notes, spans)
    }
}

/// Turns `[1]` markers in text runs into ``NoteRef`` inlines linked to the note with that label;
/// a marker without a note is `ingest.note-missing`.
struct MarkerLinker {
    let idByLabel: [String: String]
    let file: String
    var referenced: Set<String> = []
    var diagnostics: [Diagnostic] = []

    init(notes: [Note], file: String) {
        var byLabel: [String: String] = [:]
        for n in notes where byLabel[n.label] == nil { byLabel[n.label] = n.id }
        idByLabel = byLabel
        self.file = file
    }

    mutating func link(_ run: TextRun, line: Int) -> [Inline] {
        let bytes = Array(run.string.utf8)
        var out: [Inline] = []
        var from = 0
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "[") else { i += 1; continue }
            var j = i + 1
            while j < bytes.count, j - i <= 4, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[j]) { j += 1 }
            guard j > i + 1, j < bytes.count, bytes[j] == UInt8(ascii: "]") else { i += 1; continue }
            let label = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            let span = run.span(of: i..<(j + 1))
            if let id = idByLabel[label] {
                if i > from { out.append(.text(run.slice(from..<i))) }
                out.append(.noteRef(NoteRef(label: label, noteID: id, span: span)))
                referenced.insert(id)
                from = j + 1
            } else if !idByLabel.isEmpty {
                diagnostics.append(BodyMessages.noteMissing.diagnostic(
                    "Note marker [\(label)] has no note \(label) in the note list.", at: SourceLocation(file: file, line: line),
                    excerpt: "[\(label)]", fix: "Add the note to the note list or remove the marker.", span: span))
            }
            i = j + 1
        }
        if from < bytes.count { out.append(.text(run.slice(from..<bytes.count))) }
        return out
    }
}
