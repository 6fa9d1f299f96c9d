import KeiDocument
import KeiXML

extension BlockBuilder {
    /// The inline content of a run of nodes (not yet normalised): formatting, links, line breaks
    /// and note markers (as ``NoteRef`` values whose `noteID` is still the raw target key).
    mutating func inlines(_ nodes: [DOMNode], insideSup: Bool = false) -> [Inline] {
        var out: [Inline] = []
        for node in nodes {
            switch node {
            case .comment:
                continue
            case .text(let t):
                out.append(.text(InlineText.collapse(t.run)))
            case .element(let e):
                inline(e, insideSup: insideSup, into: &out)
            }
        }
        return out
    }

    private mutating func inline(_ e: DOMElement, insideSup: Bool, into out: inout [Inline]) {
        if NoteExtractor.droppedElements.contains(e.name) { return }
        if let m = FootnoteMarkup.marker(e, knownAnchors: knownAnchors, insideSup: insideSup) {
            let label = m.label.isEmpty ? "?" : m.label
            let span = e.textRun.trimming(InlineText.isTrimmable).span
            markers.append(MarkerOccurrence(key: m.key, label: label, line: e.line, span: span))
            out.append(.noteRef(NoteRef(label: label, noteID: m.key, span: span)))
            return
        }
        switch e.name {
        case "cite":
            out.append(.citedTitle(inlines(e.children, insideSup: insideSup)))
        case "em", "i", "dfn", "var":
            out.append(.emphasis(inlines(e.children, insideSup: insideSup)))
        case "strong", "b":
            out.append(.strong(inlines(e.children, insideSup: insideSup)))
        case "sup":
            let c = inlines(e.children, insideSup: true)
            if c.contains(where: { if case .noteRef = $0 { return true }; return false }) {
                // A marker's superscript is the marker itself; separators between markers stay text.
                out += c
            } else {
                out.append(.superscript(c))
            }
        case "sub":
            out.append(.subscript(inlines(e.children, insideSup: insideSup)))
        case "code", "kbd", "samp", "tt":
            out.append(.code(InlineText.collapse(e.textRun)))
        case "br":
            out.append(.lineBreak)
        case "q":
            // Browsers show quotation marks around <q>; the model keeps it a quotation (JATS writes the marks).
            out.append(.quotation(inlines(e.children, insideSup: insideSup)))
        case "img":
            out.append(.image(inlineImage(e)))
        case "wbr", "hr":
            return
        case "a":
            let children = inlines(e.children, insideSup: insideSup)
            if let url = linkTarget(e), !InlineText.isBlank(children) || !children.images.isEmpty {
                out.append(.link(url: url, children: children))
            } else {
                out += children
            }
        default:
            if BlockBuilder.blockNames.contains(e.name) {
                // A block inside inline content (sloppy markup): keep its text, separated by a space.
                out.append(.text(" "))
                out += inlines(e.children, insideSup: insideSup)
                out.append(.text(" "))
            } else {
                out += inlines(e.children, insideSup: insideSup)
            }
        }
    }

    /// The address a link points at, checked by ``SafeURL`` (relative ones resolved against the page's
    /// base URL); nil when it has none or it is not allowed or cannot be read (reported as
    /// `ingest.unsafe-link`; the link text stays).
    mutating func linkTarget(_ a: DOMElement) -> String? {
        guard let raw = attributeValue(a, "href") else { return nil }
        switch SafeURL.check(raw, for: .link, base: baseURL) {
        case .allowed(let url): return url
        case .fragment(let f): return f
        case .empty: return nil
        case .rejected(let scheme):
            reportUnsafe(raw, Self.schemeProblem(scheme, what: "link"), element: a, attribute: "href",
                         keeps: "its text is kept without the link")
            return nil
        case .invalid(let reason):
            reportUnsafe(raw, "A link address was dropped because \(reason)", element: a, attribute: "href",
                         keeps: "its text is kept without the link")
            return nil
        }
    }

    /// An `<img>` read once, wherever it stands: its address (`src`, or `data-src` / `data-lazy-src`
    /// behind an empty or `data:` placeholder) checked by ``imageSource(_:of:attribute:)``, and its
    /// alt text.
    mutating func inlineImage(_ img: DOMElement) -> InlineImage {
        var attribute = "src"
        if img[attribute: "src"].map(SafeURL.normalized).map({ $0.isEmpty || SafeURL.scheme(of: $0) == "data" }) ?? true {
            // A lazy-loading placeholder: the real image is in data-src.
            attribute = ["data-src", "data-lazy-src"].first { img[attribute: $0] != nil } ?? "src"
        }
        let src = imageSource(attributeValue(img, attribute), of: img, attribute: attribute)
        let alt = img[attribute: "alt"].map { InlineText.trim(InlineText.collapse($0)) }
        return InlineImage(source: src, altText: alt?.isEmpty == true ? nil : alt, location: location(img.line))
    }

    /// An image address checked by ``SafeURL`` (http and https only, relative ones resolved); nil when
    /// not allowed or unreadable (reported as `ingest.unsafe-link`; the alt text and any caption stay).
    /// `attribute` is the one of `img` that holds `raw` (`src`, `data-src`…).
    mutating func imageSource(_ raw: String?, of img: DOMElement, attribute: String) -> String? {
        guard let raw else { return nil }
        switch SafeURL.check(raw, for: .resource, base: baseURL) {
        case .allowed(let url): return url
        case .fragment, .empty: return nil
        case .rejected(let scheme):
            reportUnsafe(raw, Self.schemeProblem(scheme, what: "image"), element: img, attribute: attribute,
                         keeps: "its alt text and any caption are kept")
            return nil
        case .invalid(let reason):
            reportUnsafe(raw, "An image address was dropped because \(reason)", element: img, attribute: attribute,
                         keeps: "its alt text and any caption are kept")
            return nil
        }
    }

    /// The value of `element`'s `attribute` as a browser reads it (``KeiXML/DOMDocument/attributeValue(of:_:)``).
    func attributeValue(_ element: DOMElement, _ attribute: String) -> String? {
        document?.attributeValue(of: element, attribute) ?? element[attribute: attribute]
    }

    /// What is wrong with an address whose scheme is not allowed.
    private static func schemeProblem(_ scheme: String, what: String) -> String {
        "A\(what == "image" ? "n" : "") \(what) address with the scheme “\(scheme):” was dropped (only http, https\(what == "link" ? ", mailto, doi and urn" : "") are written)"
    }

    /// Reports a dropped address at the value of `element`'s `attribute` (its start tag when the value
    /// cannot be found in the source).
    private mutating func reportUnsafe(_ raw: String, _ problem: String, element: DOMElement, attribute: String, keeps: String) {
        let shown = SafeURL.normalized(raw)
        let excerpt = shown.unicodeScalars.count > 80 ? String(String.UnicodeScalarView(shown.unicodeScalars.prefix(80))) + "…" : shown
        diagnostics.append(ExtractionMessages.unsafeLink.diagnostic(
            "\(problem); \(keeps).",
            at: location(element.line), excerpt: excerpt,
            fix: "Replace it with a valid http or https address, or remove it.",
            span: element.sourceStart.flatMap { document?.startTagSpan(at: $0, attribute: attribute) }))
    }

    /// Flattens blocks into one inline run (paragraphs joined by line breaks), for table cells and references.
    func flatten(_ blocks: [Block]) -> [Inline] {
        var out: [Inline] = []
        func add(_ run: [Inline]) {
            guard !run.isEmpty else { return }
            if !out.isEmpty { out.append(.lineBreak) }
            out += run
        }
        func visit(_ b: Block) {
            switch b {
            case .paragraph(let p): add(p.inlines)
            case .list(let l): for item in l.items { item.blocks.forEach(visit) }
            case .blockQuote(let q):
                q.blocks.forEach(visit)
                if let a = q.attribution { add(a) }
            case .table(let t):
                for row in t.head + t.body + t.foot {
                    add(row.cells.flatMap { ($0.blocks.isEmpty ? $0.inlines : flatten($0.blocks)) + [.text(" ")] })
                }
            case .figure(let f):
                if let c = f.caption { add(c) }
            case .preformatted(let p): add([.code(p.text)])
            }
        }
        blocks.forEach(visit)
        return InlineText.normalize(out)
    }
}
