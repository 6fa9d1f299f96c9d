import KeiDocument

/// Where the block quotations inside table cells sit: the source locations of their paragraphs and
/// attributions. ``ArticleAnalysis`` gives such text the scope `.quotation` like any block quotation,
/// but a table is not running text, and ``QuotationSourceChecker`` does not check tables.
struct TableQuotations {
    private(set) var locations: Set<SourceLocation> = []

    init(_ article: Article) {
        for block in article.abstract { visit(block, inTable: false) }
        var sections = article.sections
        while let section = sections.popLast() {
            for block in section.blocks { visit(block, inTable: false) }
            sections += section.subsections
        }
    }

    func contains(_ unit: TextUnit) -> Bool { locations.contains(unit.location) }

    private mutating func visit(_ block: Block, inTable: Bool) {
        switch block {
        case .paragraph(let p):
            if inTable { locations.insert(p.location) }
        case .list(let list):
            for item in list.items { for b in item.blocks { visit(b, inTable: inTable) } }
        case .blockQuote(let q):
            if inTable { locations.insert(q.location) }
            for b in q.blocks { visit(b, inTable: inTable) }
        case .table(let t):
            for row in t.head + t.body + t.foot { for cell in row.cells { for b in cell.blocks { visit(b, inTable: true) } } }
        case .figure, .preformatted:
            break
        }
    }
}
