import Foundation
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
    var out = ""
    var ids = JATSIDAllocator()
    /// Model note id → emitted `fn` id (first note with a given model id wins).
    var noteIDs: [String: String] = [:]
    /// Emitted `fn` ids, in note order.
    var noteElementIDs: [String] = []
    /// Emitted `ref` ids, in reference order.
    var referenceElementIDs: [String] = []
    /// Distinct affiliations in first-use order, with their ids.
    var affiliations: [(text: String, id: String)] = []
    /// How many lists and quotations enclose the block being written.
    var blockNesting = 0

    /// Sections nested deeper than this are written as siblings at this depth (in document order).
    static let maximumSectionNesting = 12
    /// Lists and quotations nested deeper than this are unwrapped: their blocks are written in place.
    ///
    /// Together with ``JATSInlineContext/maximumNesting`` this keeps the element depth far below
    /// the 256 levels libxml2 (and so `xmllint` and ``JATSStructureValidator``) accepts by default.
    static let maximumBlockNesting = 24

    init(article: Article, issue: IssueInfo, articleType: String) {
        self.article = article
        self.issue = issue
        self.articleType = articleType
    }

    /// Writes the whole document.
    mutating func render() -> String {
        allocateIDs()
        out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<!DOCTYPE article PUBLIC \"\(JATSWriter.publicIdentifier)\" \"\(JATSWriter.systemIdentifier)\">\n"
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
        return out
    }

    /// Reserves the ids that are referred to before they are written (affiliations, notes, references).
    mutating func allocateIDs() {
        for author in article.metadata.authors {
            guard let aff = Self.nonEmpty(author.affiliation) else { continue }
            if !affiliations.contains(where: { $0.text == aff }) {
                affiliations.append((aff, ids.allocate("aff\(affiliations.count + 1)", prefix: "aff")))
            }
        }
        for note in article.notes {
            let id = ids.allocate(note.id, prefix: "fn")
            noteElementIDs.append(id)
            if noteIDs[note.id] == nil { noteIDs[note.id] = id }
        }
        for ref in article.references {
            referenceElementIDs.append(ids.allocate(ref.id, prefix: "ref"))
        }
    }

    // MARK: - Output helpers

    private mutating func startLine(_ depth: Int?) {
        if let depth { out += String(repeating: "  ", count: depth) }
    }

    private mutating func endLine(_ depth: Int?) {
        if depth != nil { out += "\n" }
    }

    static func attributeString(_ attrs: [(String, String)]) -> String {
        var s = ""
        for (name, value) in attrs {
            s += " \(name)=\"\(XMLEscaper.attribute(value))\""
        }
        return s
    }

    /// `<name attrs>` on its own line (or inline when `depth` is nil).
    mutating func open(_ name: String, _ attrs: [(String, String)] = [], _ depth: Int?) {
        startLine(depth)
        out += "<\(name)\(Self.attributeString(attrs))>"
        endLine(depth)
    }

    /// `</name>` on its own line (or inline when `depth` is nil).
    mutating func close(_ name: String, _ depth: Int?) {
        startLine(depth)
        out += "</\(name)>"
        endLine(depth)
    }

    /// An element whose content is already-escaped markup, on one line; empty content gives `<name/>`.
    mutating func leaf(_ name: String, _ attrs: [(String, String)] = [], markup: String, _ depth: Int?) {
        startLine(depth)
        if markup.isEmpty {
            out += "<\(name)\(Self.attributeString(attrs))/>"
        } else {
            out += "<\(name)\(Self.attributeString(attrs))>\(markup)</\(name)>"
        }
        endLine(depth)
    }

    /// An element holding plain text (escaped here).
    mutating func textLeaf(_ name: String, _ attrs: [(String, String)] = [], _ text: String, _ depth: Int?) {
        leaf(name, attrs, markup: XMLEscaper.text(text), depth)
    }

    /// The depth of a child element.
    static func child(_ depth: Int?) -> Int? {
        depth.map { $0 + 1 }
    }

    // MARK: - Small utilities

    /// The trimmed string, or nil when it is nil or blank.
    static func nonEmpty(_ s: String?) -> String? {
        guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
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
