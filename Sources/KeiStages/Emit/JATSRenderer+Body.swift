import Foundation
import KeiDocument

extension JATSRenderer {
    /// `<body>`, omitted when the article has no sections (the DTD makes it optional).
    ///
    /// Untitled sections (empty title) at the start are unwrapped: their blocks go directly into
    /// `<body>`, which allows paragraphs before the first `<sec>`. Once a `<sec>` has been written,
    /// an untitled section is written as a `<sec>` with an empty `<title/>`.
    mutating func writeBody(_ depth: Int) {
        guard !article.sections.isEmpty else { return }
        open("body", [], depth)
        var wroteSection = false
        for section in article.sections {
            if !wroteSection && TextTrimming.whitespacesAndNewlines(section.title.plainText).isEmpty {
                writeBlocks(section.blocks, in: .section, depth + 1)
                for sub in section.subsections {
                    writeSection(sub, depth + 1, nesting: 1)
                    wroteSection = true
                }
            } else {
                writeSection(section, depth + 1, nesting: 1)
                wroteSection = true
            }
        }
        close("body", depth)
    }

    /// `<sec id>` with its title, blocks, then nested sections (the DTD's order). `nesting` is the
    /// section's depth (1 for a top-level section); past ``maximumSectionNesting`` the whole
    /// subtree below is written as sibling sections.
    mutating func writeSection(_ section: Section, _ depth: Int, nesting: Int) {
        let id = blockID(section.id, prefix: "sec")
        open("sec", [("id", id)], depth)
        inlineLeaf("title", [], section.title, .title, depth + 1)
        writeBlocks(section.blocks, in: .section, depth + 1)
        if nesting >= Self.maximumSectionNesting {
            for sub in section.subsections {
                for flat in Self.flattened(sub) { writeSection(flat, depth + 1, nesting: nesting + 1) }
            }
        } else {
            for sub in section.subsections {
                writeSection(sub, depth + 1, nesting: nesting + 1)
            }
        }
        close("sec", depth)
    }

    /// A section and all its descendants in document order, each without subsections.
    static func flattened(_ section: Section) -> [Section] {
        var out: [Section] = []
        var stack = [section]
        while let s = stack.popLast() {
            var copy = s
            copy.subsections = []
            out.append(copy)
            stack.append(contentsOf: s.subsections.reversed())
        }
        return out
    }

    /// The non-nesting blocks inside a block, in order (a quotation's attribution becomes a paragraph).
    static func flattened(_ block: Block) -> [Block] {
        switch block {
        case .list(let list):
            return list.items.flatMap { $0.blocks.flatMap(flattened) }
        case .blockQuote(let quote):
            var out = quote.blocks.flatMap(flattened)
            if let attribution = quote.attribution, !attribution.isEmpty {
                out.append(.paragraph(Paragraph(inlines: attribution, location: quote.location)))
            }
            return out
        case .paragraph, .table, .figure, .preformatted:
            return [block]
        }
    }

    /// A run of blocks in `container`; blocks the container does not allow are wrapped in `<p>`.
    /// Past ``maximumBlockNesting`` lists and quotations are unwrapped (their blocks written in place).
    mutating func writeBlocks(_ blocks: [Block], in container: JATSBlockContainer, _ depth: Int?) {
        var wrote = false
        let run = blockNesting >= Self.maximumBlockNesting ? blocks.flatMap(Self.flattened) : blocks
        for block in run {
            if case .list(let l) = block, l.items.isEmpty { continue }
            if container.allowsDirectly(block) {
                writeBlock(block, depth)
            } else {
                startLine(depth)
                write("<p>")
                writeBlock(block, nil)
                write("</p>")
                endLine(depth)
            }
            wrote = true
        }
        if !wrote && container.requiresContent {
            emptyLeaf("p", [], depth)
        }
    }

    /// One block, assuming the current container allows it.
    mutating func writeBlock(_ block: Block, _ depth: Int?) {
        let d1 = Self.child(depth)
        switch block {
        case .paragraph(let p):
            if !citedParagraphs.isEmpty, let marked = takeCitedParagraph(p.inlines) {
                leaf("p", [], depth) { $0.writeCited(marked, .paragraph) }
            } else {
                inlineLeaf("p", [], p.inlines, .paragraph, depth)
            }
        case .list(let list):
            guard !list.items.isEmpty else { return }
            open("list", [("list-type", list.ordered ? "order" : "bullet")], depth)
            blockNesting += 1
            defer { blockNesting -= 1 }
            for item in list.items {
                open("list-item", [], d1)
                writeBlocks(item.blocks, in: .listItem, Self.child(d1))
                close("list-item", d1)
            }
            close("list", depth)
        case .blockQuote(let quote):
            open("disp-quote", [], depth)
            blockNesting += 1
            defer { blockNesting -= 1 }
            writeBlocks(quote.blocks, in: .quote, d1)
            if let attribution = quote.attribution, !attribution.isEmpty {
                // Written only when the attribution has markup.
                let mark = out.count
                startLine(d1)
                write("<attrib>")
                let contentStart = out.count
                writeInlines(attribution, .attribution)
                if out.count == contentStart {
                    out.removeSubrange(mark...)
                } else {
                    writeEndTag("attrib")
                    endLine(d1)
                }
            }
            close("disp-quote", depth)
        case .table(let table):
            writeTable(table, depth)
        case .figure(let figure):
            writeFigure(figure, depth)
        case .preformatted(let pre):
            leaf("preformat", [], depth) { $0.writeText(pre.text.string, lineFeeds: .keep) }
        }
    }

    /// `<table-wrap>` with label, caption title and an XHTML-model `<table>`.
    ///
    /// Footer rows with a single cell (notes, "Source: …" lines) go to `<table-wrap-foot>` as
    /// paragraphs, where JATS expects table notes; footer rows with several cells (totals) stay
    /// in `<tfoot>`. A table with header rows but no body rows has its header rows written as the
    /// body (the DTD requires a `tbody` with at least one row); an empty table gets one empty cell.
    mutating func writeTable(_ table: Table, _ depth: Int?) {
        let d1 = Self.child(depth)
        let d2 = Self.child(d1)
        let id = blockID(table.id, prefix: "tbl")
        open("table-wrap", [("id", id)], depth)
        if let label = Self.nonEmpty(table.label) { textLeaf("label", [], label, d1) }
        if let caption = table.caption, !caption.isEmpty {
            open("caption", [], d1)
            inlineLeaf("title", [], caption, .title, d2)
            close("caption", d1)
        }
        let noteRows = table.foot.filter { $0.cells.count == 1 }
        let footRows = table.foot.filter { $0.cells.count != 1 }
        var head = table.head
        var body = table.body
        if body.isEmpty {
            body = head
            head = []
        }
        if body.isEmpty {
            body = [TableRow(cells: [], location: table.location)]
        }
        open("table", [], d1)
        if !head.isEmpty {
            open("thead", [], d2)
            for row in head { writeRow(row, Self.child(d2)) }
            close("thead", d2)
        }
        if !footRows.isEmpty {
            open("tfoot", [], d2)
            for row in footRows { writeRow(row, Self.child(d2)) }
            close("tfoot", d2)
        }
        open("tbody", [], d2)
        for row in body { writeRow(row, Self.child(d2)) }
        close("tbody", d2)
        close("table", d1)
        if !noteRows.isEmpty {
            open("table-wrap-foot", [], d1)
            for row in noteRows {
                if row.cells[0].blocks.isEmpty {
                    inlineLeaf("p", [], row.cells[0].inlines, .paragraph, d2)
                } else {
                    writeBlocks(row.cells[0].blocks, in: .note, d2)
                }
            }
            close("table-wrap-foot", d1)
        }
        close("table-wrap", depth)
    }

    private mutating func writeRow(_ row: TableRow, _ depth: Int?) {
        open("tr", [], depth)
        let cells = row.cells.isEmpty ? [TableCell(inlines: [])] : row.cells
        for cell in cells {
            var attrs: [(String, String)] = []
            if cell.columnSpan > 1 { attrs.append(("colspan", String(cell.columnSpan))) }
            if cell.rowSpan > 1 { attrs.append(("rowspan", String(cell.rowSpan))) }
            if cell.blocks.isEmpty {
                inlineLeaf(cell.isHeader ? "th" : "td", attrs, cell.inlines, .title, Self.child(depth))
            } else {
                let d1 = Self.child(depth)
                open(cell.isHeader ? "th" : "td", attrs, d1)
                blockNesting += 1
                writeBlocks(cell.blocks, in: .tableCell, Self.child(d1))
                blockNesting -= 1
                close(cell.isHeader ? "th" : "td", d1)
            }
        }
        close("tr", depth)
    }

    /// `<fig>` with label, caption paragraph and `<graphic>` (alt text inside it, or directly in
    /// the figure when there is no image reference).
    mutating func writeFigure(_ figure: Figure, _ depth: Int?) {
        let d1 = Self.child(depth)
        let id = blockID(figure.id, prefix: "fig")
        open("fig", [("id", id)], depth)
        if let label = Self.nonEmpty(figure.label) { textLeaf("label", [], label, d1) }
        if let caption = figure.caption, !caption.isEmpty {
            open("caption", [], d1)
            inlineLeaf("p", [], caption, .paragraph, Self.child(d1))
            close("caption", d1)
        }
        let alt = Self.nonEmpty(figure.altText)
        if let graphic = Self.nonEmpty(figure.graphic).flatMap(Self.safeResource) {
            if let alt {
                open("graphic", [("xlink:href", graphic)], d1)
                textLeaf("alt-text", [], alt, Self.child(d1))
                close("graphic", d1)
            } else {
                emptyLeaf("graphic", [("xlink:href", graphic)], d1)
            }
        } else if let alt {
            textLeaf("alt-text", [], alt, d1)
        }
        close("fig", depth)
    }

    /// The address if ``SafeURL`` allows it for a `graphic` or `self-uri` (http, https, or relative).
    static func safeResource(_ url: String) -> String? {
        if case .allowed(let u) = SafeURL.check(url, for: .resource) { return u }
        return nil
    }
}
