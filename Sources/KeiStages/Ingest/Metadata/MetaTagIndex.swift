import Foundation
import KeiDocument
import KeiXML

/// The machine-readable metadata carriers of a page, gathered in one walk in document order:
/// `<meta>` tags, `<link rel="canonical">`, `<html lang>`, `<title>`, rendered `<h1>`s and `<time>` elements
/// and JSON-LD scripts. Character references left in `<meta>` values and the `<title>` (a value
/// encoded twice, `content="Won&amp;#8217;t"`) are decoded (``MetadataText/decodingReferences(_:)``).
/// Each carrier keeps its start tag's offset (``DOMElement/sourceStart``) for diagnostic spans.
struct MetaTagIndex {
    /// One `<meta>` tag: `key` is its `name`, `property`, `itemprop` or `http-equiv`, lower-cased.
    struct Meta {
        var key: String
        /// The attribute that named it (`name`, `property`, `itemprop`, `http-equiv`).
        var attribute: String
        var content: String
        var line: Int
        /// UTF-8 offset of the tag's `<` in the source, when known.
        var start: Int?
    }

    /// One `<time>` element.
    struct Time {
        var datetime: String
        /// Carries `pubdate` or `itemprop="datePublished"`.
        var isPublication: Bool
        var line: Int
        var start: Int?
    }

    var metas: [Meta] = []
    var canonical: (href: String, line: Int)?
    var htmlLang: (value: String, line: Int)?
    var title: (text: String, line: Int, origin: ValueOrigin)?
    var h1s: [(text: String, line: Int, origin: ValueOrigin, run: TextRun)] = []
    var times: [Time] = []
    var jsonLD: [(text: String, line: Int, start: Int?)] = []
    /// Indices into `metas` by key, in document order.
    private var metasByKey: [String: [Int]] = [:]

    init(root: DOMElement?) {
        guard let root else { return }
        if root.name == "html", let lang = root[attribute: "lang"] ?? root[attribute: "xml:lang"] {
            htmlLang = (lang, root.line)
        }
        visit(root, rendered: true)
    }

    /// Reads `el` and its descendants. `rendered` is false inside an element a reader never sees
    /// (``RenderedContent``): `<meta>` tags and JSON-LD there are still machine-readable metadata,
    /// but an `<h1>` or `<time>` there is no part of the page as shown.
    private mutating func visit(_ el: DOMElement, rendered parentRendered: Bool) {
        let rendered = parentRendered && RenderedContent.isRendered(el)
        switch el.name {
        case "meta":
            for attr in ["name", "property", "itemprop", "http-equiv"] {
                guard let key = el[attribute: attr], let content = el[attribute: "content"] else { continue }
                let meta = Meta(key: TextTrimming.whitespaces(key.lowercased()), attribute: attr,
                                content: MetadataText.decodingReferences(content), line: el.line, start: el.sourceStart)
                metasByKey[meta.key, default: []].append(metas.count)
                metas.append(meta)
                break
            }
        case "link":
            let rels = (el[attribute: "rel"] ?? "").lowercased().split(separator: " ")
            if canonical == nil, rels.contains("canonical"), let href = el[attribute: "href"],
               !TextTrimming.whitespaces(href).isEmpty {
                canonical = (href, el.line)
            }
        case "title":
            // Only the title's own text: libxml2 may nest a `<script>` or other markup written inside it.
            if title == nil {
                var text = TextRun.empty
                for case .text(let t) in el.children { text.append(t.run) }
                title = (MetadataText.decodingReferences(text.string), el.line, ValueOrigin(text: text, of: el))
            }
            return
        case "h1":
            if rendered {
                let text = VisibleMetadataReader.renderedText(Self.withoutNoteMarkers(el))
                h1s.append((text.string, el.line, ValueOrigin(text: text, of: el), text))
            }
        case "time":
            if rendered, let dt = el[attribute: "datetime"] {
                let isPub = el[attribute: "pubdate"] != nil
                    || (el[attribute: "itemprop"] ?? "").lowercased() == "datepublished"
                times.append(Time(datetime: dt, isPublication: isPub, line: el.line, start: el.sourceStart))
            }
        case "script":
            let type = (el[attribute: "type"] ?? "").lowercased()
            if type.hasPrefix("application/ld+json") { jsonLD.append((el.textContent, el.line, el.sourceStart)) }
            return
        case "style", "svg", "template":
            return
        default:
            break
        }
        for case .element(let child) in el.children { visit(child, rendered: rendered) }
    }

    /// Non-empty `<meta>` values whose key is one of `keys`, in the order of `keys`, then document
    /// order; with `firstOnly`, only the first tag of each key (later ones usually describe other
    /// items on the page, such as related articles).
    func candidates(_ keys: [String], firstOnly: Bool = false,
                    reading read: (String?) -> String? = MetadataText.nonEmpty) -> [MetadataCandidate] {
        var out: [MetadataCandidate] = []
        for key in keys {
            for m in (metasByKey[key] ?? []).map({ metas[$0] }) {
                if let v = read(m.content) {
                    out.append(MetadataCandidate(value: v, source: "<meta \(m.attribute)=\"\(m.key)\">", line: m.line,
                                                 origin: m.start.map { ValueOrigin(elementStart: $0, attribute: "content") }))
                    if firstOnly { break }
                }
            }
        }
        return out
    }

    /// The heading without the note markers printed after its words (`<sup>1</sup>`,
    /// `<sup><a href="#fn1">1</a></sup>`, `<a href="#fn1"><sup>*</sup></a>`): a marker is not title
    /// text. A superscript followed by words ("E = mc<sup>2</sup> Revisited") stays.
    static func withoutNoteMarkers(_ el: DOMElement) -> DOMElement {
        func isMarker(_ node: DOMNode) -> Bool {
            guard case .element(let c) = node else { return false }
            let markup = c.name == "sup" || (c.name == "a" && !c.descendants(named: ["sup"]).isEmpty
                && (c[attribute: "href"] ?? "").hasPrefix("#"))
            return markup && FootnoteMarkup.looksLikeMarkerLabel(c.textContent)
        }
        var kids = el.children
        var i = kids.count
        while i > 0 {
            let node = kids[i - 1]
            if case .text(let t) = node, TextTrimming.whitespacesAndNewlines(t.value).isEmpty { i -= 1; continue }
            if case .comment = node { i -= 1; continue }
            guard isMarker(node) else { break }
            kids.remove(at: i - 1)
            i -= 1
        }
        var copy = el
        copy.children = kids
        return copy
    }
}
