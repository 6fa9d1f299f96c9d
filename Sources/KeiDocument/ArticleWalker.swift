/// Walks an article in reading order (title, abstract, sections depth first, acknowledgements, notes,
/// references)
/// and calls an ``ArticleVisitor`` for every part, with its scope and location.
public enum ArticleWalker {
    public static func walk<V: ArticleVisitor>(_ article: Article, with visitor: inout V) {
        let file = SourceLocation(file: article.source)
        if let title = article.metadata.titleRun {
            visitor.visitInlines([.text(title)], context: WalkContext(scope: .title, location: file))
        }
        if let subtitle = article.metadata.subtitle {
            visitor.visitInlines([.text(TextRun(subtitle))], context: WalkContext(scope: .subtitle, location: file))
        }
        for block in article.abstract {
            walk(block, scope: .abstract, sectionID: nil, noteID: nil, with: &visitor)
        }
        for section in article.sections {
            walk(section, with: &visitor)
        }
        if let ack = article.acknowledgements {
            let ctx = WalkContext(scope: .heading, location: ack.location)
            if !ack.title.isEmpty { visitor.visitInlines(ack.title, context: ctx) }
            for block in ack.blocks {
                walk(block, scope: .paragraph, sectionID: nil, noteID: nil, with: &visitor)
            }
        }
        for note in article.notes {
            let ctx = WalkContext(scope: .note, location: note.location, noteID: note.id)
            visitor.visitNote(note, context: ctx)
            for block in note.blocks {
                walk(block, scope: .note, sectionID: nil, noteID: note.id, with: &visitor)
            }
        }
        for reference in article.references {
            let ctx = WalkContext(scope: .reference, location: reference.location)
            visitor.visitReference(reference, context: ctx)
            visitor.visitInlines(reference.inlines, context: ctx)
        }
    }

    public static func walk<V: ArticleVisitor>(_ section: Section, with visitor: inout V) {
        let ctx = WalkContext(scope: .heading, location: section.location, sectionID: section.id)
        visitor.visitSection(section, context: ctx)
        if !section.title.isEmpty {
            visitor.visitInlines(section.title, context: ctx)
        }
        for block in section.blocks {
            walk(block, scope: .paragraph, sectionID: section.id, noteID: nil, with: &visitor)
        }
        for sub in section.subsections {
            walk(sub, with: &visitor)
        }
    }

    /// Walks one block; `scope` is the scope its paragraphs get (quotations override it).
    public static func walk<V: ArticleVisitor>(_ block: Block, scope: TextScope, sectionID: String?, noteID: String?,
                                               with visitor: inout V) {
        let ctx = WalkContext(scope: scope, location: block.location, sectionID: sectionID, noteID: noteID)
        visitor.visitBlock(block, context: ctx)
        switch block {
        case .paragraph(let p):
            visitor.visitInlines(p.inlines, context: ctx)
        case .list(let list):
            for item in list.items {
                for b in item.blocks {
                    walk(b, scope: scope == .paragraph ? .listItem : scope, sectionID: sectionID, noteID: noteID, with: &visitor)
                }
            }
        case .blockQuote(let q):
            for b in q.blocks {
                walk(b, scope: .quotation, sectionID: sectionID, noteID: noteID, with: &visitor)
            }
            if let attribution = q.attribution {
                visitor.visitInlines(attribution, context: WalkContext(scope: .quotation, location: q.location,
                                                                      sectionID: sectionID, noteID: noteID))
            }
        case .table(let t):
            var cellCtx = ctx
            cellCtx.scope = .caption
            if let caption = t.caption { visitor.visitInlines(caption, context: cellCtx) }
            cellCtx.scope = .tableCell
            for row in t.head + t.body + t.foot {
                cellCtx.location = row.location
                for cell in row.cells {
                    visitor.visitInlines(cell.inlines, context: cellCtx)
                    for b in cell.blocks { walk(b, scope: .tableCell, sectionID: sectionID, noteID: noteID, with: &visitor) }
                }
            }
        case .figure(let f):
            if let caption = f.caption {
                var c = ctx
                c.scope = .caption
                visitor.visitInlines(caption, context: c)
            }
        case .preformatted:
            break
        }
    }
}
