import KeiDocument
import KeiXML

extension BlockBuilder {
    /// A table and, before it, any content the markup put inside the table but outside its cells
    /// (read first, as a browser would "foster-parent" it). A table without cells is only that content.
    mutating func tableItems(_ e: DOMElement, figureCaption: DOMElement?) -> [BodyItem] {
        var fostered: [DOMNode] = []
        let t = table(e, figureCaption: figureCaption, fostered: &fostered)
        var out = items(fostered, allowHeadings: false)
        if t.head.isEmpty && t.body.isEmpty && t.foot.isEmpty {
            tableCount -= 1
            if let c = t.caption { out.append(.block(.paragraph(Paragraph(inlines: c, location: t.location)))) }
        } else {
            out.append(.block(.table(t)))
        }
        return out
    }

    /// A table: head/body/foot rows, header and data cells with spans, and a caption whose
    /// leading "Table 1:" label is split off. `figureCaption` is a wrapping `<figure>`'s caption.
    /// Content outside cells is appended to `fostered`.
    mutating func table(_ e: DOMElement, figureCaption: DOMElement?, fostered: inout [DOMNode]) -> Table {
        tableCount += 1
        var head: [TableRow] = []
        var body: [TableRow] = []
        var foot: [TableRow] = []
        var captionElement: DOMElement?
        func rows(of section: DOMElement, into target: inout [TableRow], builder: inout BlockBuilder,
                  fostered: inout [DOMNode]) {
            var implicit: [DOMElement] = []
            func flushImplicit(_ builder: inout BlockBuilder) {
                guard let first = implicit.first else { return }
                target.append(builder.row(DOMElement(name: "tr", children: implicit.map { .element($0) }, line: first.line),
                                          fostered: &fostered))
                implicit = []
            }
            for child in section.children {
                switch child {
                case .comment: continue
                case .text(let t):
                    if !InlineText.isBlank(t.value) { fostered.append(child) }
                case .element(let c):
                    switch c.name {
                    case "tr":
                        flushImplicit(&builder)
                        target.append(builder.row(c, fostered: &fostered))
                    case "td", "th":
                        implicit.append(c)
                    case "tbody", "thead", "tfoot":
                        flushImplicit(&builder)
                        rows(of: c, into: &target, builder: &builder, fostered: &fostered)
                    case "caption":
                        if captionElement == nil { captionElement = c } else { fostered.append(child) }
                    case "col":
                        continue
                    case "colgroup":
                        fostered += c.children.filter { node in
                            if case .element(let g) = node { return g.name != "col" }
                            if case .text(let t) = node { return !InlineText.isBlank(t.value) }
                            return false
                        }
                    default:
                        if NoteExtractor.droppedElements.contains(c.name) { continue }
                        fostered.append(child)
                    }
                }
            }
            flushImplicit(&builder)
        }
        for child in e.children {
            guard case .element(let c) = child else {
                if case .text(let t) = child, !InlineText.isBlank(t.value) { fostered.append(child) }
                continue
            }
            switch c.name {
            case "thead": rows(of: c, into: &head, builder: &self, fostered: &fostered)
            case "tfoot": rows(of: c, into: &foot, builder: &self, fostered: &fostered)
            default: rows(of: DOMElement(name: "tbody", children: [child], line: c.line), into: &body, builder: &self,
                          fostered: &fostered)
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

    private mutating func row(_ tr: DOMElement, fostered: inout [DOMNode]) -> TableRow {
        var cells: [TableCell] = []
        for child in tr.children {
            guard case .element(let cell) = child, cell.name == "td" || cell.name == "th" else {
                if case .text(let t) = child, InlineText.isBlank(t.value) { continue }
                if case .comment = child { continue }
                if case .element(let c) = child, NoteExtractor.droppedElements.contains(c.name) { continue }
                fostered.append(child)
                continue
            }
            var content: [Inline] = []
            var cellBlocks: [Block] = []
            if containsBlock(cell) {
                let b = blocks(cell.children)
                // A list or a quotation stays one (JATS td and th allow p, list and disp-quote).
                if b.contains(where: Self.needsBlockCell) { cellBlocks = b } else { content = flatten(b) }
            } else {
                content = InlineText.normalize(inlines(cell.children))
            }
            cells.append(TableCell(inlines: content, blocks: cellBlocks, isHeader: cell.name == "th",
                                   columnSpan: span(cell[attribute: "colspan"]), rowSpan: span(cell[attribute: "rowspan"])))
        }
        return TableRow(cells: cells, location: location(tr.line))
    }

    /// Blocks a cell keeps as blocks rather than flattening into lines: lists and quotations.
    static func needsBlockCell(_ b: Block) -> Bool {
        switch b {
        case .list, .blockQuote: return true
        default: return false
        }
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
            var out = tableItems(t, figureCaption: captionElement)
            out += items(Self.removing(["table", "figcaption"], from: e.children), allowHeadings: false)
            return out
        }
        guard let img else { return items(e.children, allowHeadings: allowHeadings) }
        let caption = captionElement.map { InlineText.normalize(inlines($0.children)) }
        var out: [BodyItem] = [.block(.figure(figure(image: inlineImage(img), caption: caption, line: e.line)))]
        // Text in the figure outside the caption (a source line) is kept as paragraphs.
        out += items(Self.removing(["img", "picture", "figcaption"], from: e.children), allowHeadings: false)
        return out
    }

    /// A figure for an image, with its caption's "Figure 1:" label split off.
    mutating func figure(image: InlineImage, caption: [Inline]?, line: Int) -> Figure {
        figureCount += 1
        var label: String?
        var text: [Inline]?
        if let caption { (label, text) = labelled(caption) }
        return Figure(id: "fig\(figureCount)", label: label, caption: text, graphic: image.source,
                      altText: image.altText, location: location(line))
    }

    /// One figure for each image of a run that has no text (in document order).
    mutating func figures(_ run: [Inline]) -> [BodyItem] {
        run.images.map { .block(.figure(figure(image: $0, caption: nil, line: $0.location.line))) }
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
