import KeiDocument
import KeiXML

extension BlockBuilder {
    /// A table: head/body/foot rows, header and data cells with spans, and a caption whose
    /// leading "Table 1:" label is split off. `figureCaption` is a wrapping `<figure>`'s caption.
    mutating func table(_ e: DOMElement, figureCaption: DOMElement?) -> Table {
        tableCount += 1
        var head: [TableRow] = []
        var body: [TableRow] = []
        var foot: [TableRow] = []
        var captionElement: DOMElement?
        func rows(of section: DOMElement, into target: inout [TableRow], builder: inout BlockBuilder) {
            for child in section.childElements {
                if child.name == "tr" {
                    target.append(builder.row(child))
                } else if ["tbody", "thead", "tfoot"].contains(child.name) {
                    rows(of: child, into: &target, builder: &builder)
                }
            }
        }
        for child in e.childElements {
            switch child.name {
            case "caption": if captionElement == nil { captionElement = child }
            case "thead": rows(of: child, into: &head, builder: &self)
            case "tfoot": rows(of: child, into: &foot, builder: &self)
            case "tbody": rows(of: child, into: &body, builder: &self)
            case "tr": body.append(row(child))
            default: continue
            }
        }
        if head.isEmpty {
            // Leading rows of header cells only are the head.
            while body.count > 1, let first = body.first, !first.cells.isEmpty, first.cells.allSatisfy(\.isHeader) {
                head.append(body.removeFirst())
            }
        }
        var label: String?
        var caption: [Inline]?
        if let c = captionElement ?? figureCaption {
            (label, caption) = labelled(InlineText.normalize(inlines(c.children)))
        }
        return Table(id: "table\(tableCount)", label: label, caption: caption, head: head, body: body, foot: foot,
                     location: location(e.line))
    }

    private mutating func row(_ tr: DOMElement) -> TableRow {
        var cells: [TableCell] = []
        for cell in tr.childElements where cell.name == "td" || cell.name == "th" {
            let content: [Inline]
            if containsBlock(cell) {
                content = flatten(blocks(cell.children))
            } else {
                content = InlineText.normalize(inlines(cell.children))
            }
            cells.append(TableCell(inlines: content, isHeader: cell.name == "th",
                                   columnSpan: span(cell[attribute: "colspan"]), rowSpan: span(cell[attribute: "rowspan"])))
        }
        return TableRow(cells: cells, location: location(tr.line))
    }

    private func span(_ value: String?) -> Int {
        guard let v = value, let n = Int(InlineText.trim(v)), n >= 1 else { return 1 }
        return min(n, 1000)
    }

    /// Splits a "Table 1:" / "Figure 1." label off a caption; a caption that is only a label becomes nil.
    func labelled(_ caption: [Inline]) -> (String?, [Inline]?) {
        guard !InlineText.isBlank(caption) else { return (nil, nil) }
        guard let (label, drop) = InlineText.captionLabel(caption.plainText) else { return (nil, caption) }
        let rest = InlineText.normalize(InlineText.dropPrefix(caption, count: drop))
        return (label, InlineText.isBlank(rest) ? nil : rest)
    }

    // MARK: figures

    /// A `<figure>`: an image figure, a table with a caption, or (for quotes and embeds) its content.
    mutating func figureItems(_ e: DOMElement, allowHeadings: Bool) -> [BodyItem] {
        let captionElement = e.firstDescendant(named: "figcaption")
        let img = e.firstDescendant(named: "img")
        if img == nil, let t = e.firstDescendant(named: "table") {
            var out: [BodyItem] = [.block(.table(table(t, figureCaption: captionElement)))]
            out += items(Self.removing(["table", "figcaption"], from: e.children), allowHeadings: false)
            return out
        }
        guard let img else { return items(e.children, allowHeadings: allowHeadings) }
        let caption = captionElement.map { InlineText.normalize(inlines($0.children)) }
        var out: [BodyItem] = [.block(.figure(figure(image: img, caption: caption, line: e.line)))]
        // Text in the figure outside the caption (a source line) is kept as paragraphs.
        out += items(Self.removing(["img", "picture", "figcaption"], from: e.children), allowHeadings: false)
        return out
    }

    /// A figure for an image, with its caption's "Figure 1:" label split off.
    mutating func figure(image img: DOMElement, caption: [Inline]?, line: Int) -> Figure {
        figureCount += 1
        var src = img[attribute: "src"].map(InlineText.trim)
        if src == nil || src?.isEmpty == true || src?.hasPrefix("data:") == true {
            src = img[attribute: "data-src"] ?? img[attribute: "data-lazy-src"] ?? src
        }
        var label: String?
        var text: [Inline]?
        if let caption { (label, text) = labelled(caption) }
        let alt = img[attribute: "alt"].map { InlineText.trim(InlineText.collapse($0)) }
        return Figure(id: "fig\(figureCount)", label: label, caption: text, graphic: src,
                      altText: alt?.isEmpty == true ? nil : alt, location: location(line))
    }

    /// The nodes without elements named in `names` (at any depth).
    static func removing(_ names: Set<String>, from nodes: [DOMNode]) -> [DOMNode] {
        nodes.compactMap { node in
            guard case .element(var e) = node else { return node }
            if names.contains(e.name) { return nil }
            e.children = removing(names, from: e.children)
            return .element(e)
        }
    }
}
