import Foundation
import KeiCitations
import KeiCore
import KeiDocument

/// The state of one JATS serialisation: the output so far and the ids handed out.
///
/// Split over several files by part of the article (front, body, back, inline). Output layout:
/// structural elements one per line with two-space indentation; every element with mixed content
/// (`p`, `title`, `td`…) on a single line, so no whitespace is ever injected into text. Blocks that
/// have to be wrapped in a `<p>` are written "compact" (no line breaks), which is what a `nil`
/// depth means throughout.
struct JATSRenderer {
    let article: Article
    let issue: IssueInfo
    let articleType: String
    /// The publishing facts (DOI, elocation-id, subject, keywords, merged contributors) shared with the other
    /// publishing stages.
    let publication: ArticlePublication
    /// The notes read as citations (its sources go to the `ref-list`, its citations become `xref`s).
    let citations: CitationIndex
    /// The UTF-8 output so far.
    var out: [UInt8] = []
    var ids = JATSIDAllocator()
    /// Model note id → emitted `fn` id (first note with a given model id wins).
    var noteIDs: [String: String] = [:]
    /// Emitted `fn` ids, in note order.
    var noteElementIDs: [String] = []
    /// Emitted `ref` ids, in reference order.
    var referenceElementIDs: [String] = []
    /// Distinct affiliations in first-use order, with their ids.
    var affiliations: [(text: String, id: String)] = []
    /// The id of the `author-notes/corresp` (nil when no corresponding author has an email).
    var correspondenceID: String?
    /// How many lists and quotations enclose the block being written.
    var blockNesting = 0
    /// Model id → emitted id and `ref-type` of the sections, tables and figures links point at.
    var crossReferenceTargets: [String: (rid: String, refType: String)] = [:]
    /// Ids reserved for sections, tables and figures, by model id, in writing order.
    var reservedIDs: [String: [String]] = [:]
    /// Each note's text units (paragraphs) by note id, as ``CitationIndex`` numbers them.
    var noteUnitInlines: [String: [[Inline]]] = [:]
    /// The cited sources written in the `ref-list`: the source, its `ref` id and its `mixed-citation`.
    var writtenSources: [(source: CitationIndex.Source, id: String, mixed: [Inline])] = []
    /// ``CitationIndex/Source/id`` → `ref` id, for the sources written.
    var sourceElementIDs: [String: String] = [:]
    /// The paragraphs of the note being written that link to `ref`s, in writing order, marked.
    var citedParagraphs: [(inlines: [Inline], marked: [JATSCitedInline])] = []
    /// How many text units of each note id have been passed while writing the notes.
    var unitsWritten: [String: Int] = [:]

    /// Sections nested deeper than this are written as siblings at this depth (in document order).
    static let maximumSectionNesting = 12
    /// Lists and quotations nested deeper than this are unwrapped: their blocks are written in place.
    ///
    /// Together with ``JATSInlineContext/maximumNesting`` this keeps the element depth far below
    /// the 256 levels libxml2 (and so `xmllint` and ``JATSStructureValidator``) accepts by default.
    static let maximumBlockNesting = 24

    /// `publication` nil: computed from an entry with the article's id and nothing else.
    init(article: Article, issue: IssueInfo, articleType: String, citations: CitationIndex,
         publication: ArticlePublication? = nil) {
        self.article = article
        self.issue = issue
        self.articleType = articleType
        self.citations = citations
        self.publication = publication ?? ArticlePublication(
            entry: ArticleEntry(id: article.id, source: nil, sourceURL: nil, status: .received), article: article, issue: issue)
    }

    /// Writes the whole document.
    mutating func render() -> String {
        allocateIDs()
        out.reserveCapacity(64 * 1024)
        write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        write("<!DOCTYPE article PUBLIC \"\(JATSWriter.publicIdentifier)\" \"\(JATSWriter.systemIdentifier)\">\n")
        var attrs: [(String, String)] = [
            ("xmlns:xlink", "http://www.w3.org/1999/xlink"),
            ("xmlns:ali", "http://www.niso.org/schemas/ali/1.0/"),
            ("article-type", articleType),
            ("dtd-version", "1.3"),
        ]
        if let lang = Self.languageTag(article.metadata.language) {
            attrs.append(("xml:lang", lang))
        }
        open("article", attrs, 0)
        writeFront(1)
        writeBody(1)
        writeBack(1)
        close("article", 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Reserves the ids that are referred to before they are written (affiliations, notes, references).
    mutating func allocateIDs() {
        for contributor in publication.contributors {
            guard let aff = Self.nonEmpty(contributor.affiliation) else { continue }
            if !affiliations.contains(where: { $0.text == aff }) {
                affiliations.append((aff, ids.allocate("aff\(affiliations.count + 1)", prefix: "aff")))
            }
        }
        if correspondingEmail != nil { correspondenceID = ids.allocate("cor1", prefix: "cor") }
        for note in article.notes {
            let id = ids.allocate(note.id, prefix: "fn")
            noteElementIDs.append(id)
            if noteIDs[note.id] == nil { noteIDs[note.id] = id }
        }
        for ref in article.references {
            referenceElementIDs.append(ids.allocate(ref.id, prefix: "ref"))
        }
        allocateCitationIDs()
        if Self.hasInternalLinks(article) { reserveTargetIDs() }
    }

    // MARK: - Output helpers

    /// Appends a string's UTF-8 bytes to the output.
    mutating func write(_ s: String) {
        out.append(contentsOf: s.utf8)
    }

    /// Appends character data, escaped.
    mutating func writeText(_ s: String, lineFeeds: XMLEscaper.LineFeeds = .reference) {
        XMLEscaper.appendText(s, lineFeeds: lineFeeds, to: &out)
    }

    /// The indentation of up to ``indentCacheSize`` levels, precomputed.
    private static let indents: [[UInt8]] = (0..<indentCacheSize).map { Array(String(repeating: "  ", count: $0).utf8) }
    private static let indentCacheSize = 64

    /// Indentation for an element at `depth` (nothing when written inline).
    mutating func startLine(_ depth: Int?) {
        guard let depth else { return }
        if depth < Self.indentCacheSize {
            out.append(contentsOf: Self.indents[depth])
        } else {
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
        }
    }

    /// A line feed after an element at `depth` (nothing when written inline).
    mutating func endLine(_ depth: Int?) {
        if depth != nil { out.append(UInt8(ascii: "\n")) }
    }

    /// `<name attrs` (without the closing `>`).
    private mutating func writeStartTag(_ name: String, _ attrs: [(String, String)]) {
        out.append(UInt8(ascii: "<"))
        write(name)
        for (attribute, value) in attrs {
            out.append(UInt8(ascii: " "))
            write(attribute)
            out.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
            XMLEscaper.appendAttribute(value, to: &out)
            out.append(UInt8(ascii: "\""))
        }
    }

    /// `</name>`.
    mutating func writeEndTag(_ name: String) {
        out.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "/")])
        write(name)
        out.append(UInt8(ascii: ">"))
    }

    /// `<name attrs>` on its own line (or inline when `depth` is nil).
    mutating func open(_ name: String, _ attrs: [(String, String)] = [], _ depth: Int?) {
        startLine(depth)
        writeStartTag(name, attrs)
        out.append(UInt8(ascii: ">"))
        endLine(depth)
    }

    /// `</name>` on its own line (or inline when `depth` is nil).
    mutating func close(_ name: String, _ depth: Int?) {
        startLine(depth)
        writeEndTag(name)
        endLine(depth)
    }

    /// An element whose content `content` writes as markup, on one line; when it writes nothing
    /// the element is written as `<name/>`.
    mutating func leaf(_ name: String, _ attrs: [(String, String)] = [], _ depth: Int?,
                       content: (inout JATSRenderer) -> Void) {
        startLine(depth)
        writeStartTag(name, attrs)
        out.append(UInt8(ascii: ">"))
        let contentStart = out.count
        content(&self)
        if out.count == contentStart {
            out[contentStart - 1] = UInt8(ascii: "/")
            out.append(UInt8(ascii: ">"))
        } else {
            writeEndTag(name)
        }
        endLine(depth)
    }

    /// An element without content: `<name attrs/>`.
    mutating func emptyLeaf(_ name: String, _ attrs: [(String, String)] = [], _ depth: Int?) {
        startLine(depth)
        writeStartTag(name, attrs)
        out.append(contentsOf: [UInt8(ascii: "/"), UInt8(ascii: ">")])
        endLine(depth)
    }

    /// An element holding plain text (escaped here).
    mutating func textLeaf(_ name: String, _ attrs: [(String, String)] = [], _ text: String, _ depth: Int?) {
        leaf(name, attrs, depth) { $0.writeText(text) }
    }

    /// An element holding a run of inlines; empty markup gives `<name/>`.
    mutating func inlineLeaf(_ name: String, _ attrs: [(String, String)] = [], _ list: [Inline],
                             _ context: JATSInlineContext, _ depth: Int?) {
        leaf(name, attrs, depth) { $0.writeInlines(list, context) }
    }

    /// The depth of a child element.
    static func child(_ depth: Int?) -> Int? {
        depth.map { $0 + 1 }
    }

    // MARK: - Small utilities

    /// The trimmed string, or nil when it is nil or blank.
    static func nonEmpty(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = TextTrimming.whitespacesAndNewlines(s)
        guard !t.isEmpty else { return nil }
        return t
    }

    /// `n` in decimal, zero-padded to `width` characters like `String(format: "%0<width>d", n)`.
    static func zeroPadded(_ n: Int, _ width: Int) -> String {
        let digits = String(n.magnitude)
        let sign = n < 0 ? "-" : ""
        let padding = max(0, width - sign.count - digits.count)
        return sign + String(repeating: "0", count: padding) + digits
    }

    /// A BCP 47-looking tag (letters, digits, hyphens, starting with a letter), or nil.
    static func languageTag(_ s: String?) -> String? {
        guard let t = nonEmpty(s), t.count <= 35, let first = t.unicodeScalars.first,
              (first >= "a" && first <= "z") || (first >= "A" && first <= "Z") else { return nil }
        for u in t.unicodeScalars {
            let ok = (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9") || u == "-"
            if !ok { return nil }
        }
        return t
    }
}
