/// The one shared analysis of an article: its text projected into units (one per run of phrase
/// content), with scopes, sentences and word tokens. Built once per version of the model and handed
/// to every check stage; checks never walk the model to build text of their own.
///
/// Units come in reading order, the order of ``ArticleWalker``'s `visitInlines` calls (title,
/// subtitle, abstract, each section's heading then its blocks and subsections; in a list each item's
/// blocks; in a block quotation its blocks then its attribution; in a table the caption then the cells
/// row by row; a figure's caption; acknowledgements; notes; references). Runs that project to no text give no unit.
/// Preformatted blocks are code and give none. Building is linear in the article's text.
public struct ArticleAnalysis: Sendable {
    public var units: [TextUnit]

    public init(_ article: Article) {
        var builder = Builder()
        builder.walk(article)
        units = builder.units
    }

    /// The units in `scope`, in reading order.
    public func units(in scope: TextScope) -> [TextUnit] {
        units.filter { $0.scope == scope }
    }

    /// Walks the article as ``ArticleWalker`` does, knowing also which runs are inside a block
    /// quotation and which are attributions (the walker gives both the scope `.quotation`).
    private struct Builder {
        var units: [TextUnit] = []

        mutating func walk(_ article: Article) {
            let file = SourceLocation(file: article.source)
            if let title = article.metadata.titleRun {
                add([.text(title)], .title, file)
            }
            if let subtitle = article.metadata.subtitle {
                add([.text(TextRun(subtitle))], .subtitle, file)
            }
            for block in article.abstract {
                walk(block, scope: .abstract, sectionID: nil, noteID: nil, quoted: false)
            }
            for section in article.sections {
                walk(section)
            }
            if let ack = article.acknowledgements {
                add(ack.title, .heading, ack.location)
                for block in ack.blocks {
                    walk(block, scope: .paragraph, sectionID: nil, noteID: nil, quoted: false)
                }
            }
            for note in article.notes {
                for block in note.blocks {
                    walk(block, scope: .note, sectionID: nil, noteID: note.id, quoted: false)
                }
            }
            for reference in article.references {
                add(reference.inlines, .reference, reference.location)
            }
        }

        mutating func walk(_ section: Section) {
            add(section.title, .heading, section.location, sectionID: section.id)
            for block in section.blocks {
                walk(block, scope: .paragraph, sectionID: section.id, noteID: nil, quoted: false)
            }
            for sub in section.subsections {
                walk(sub)
            }
        }

        mutating func walk(_ block: Block, scope: TextScope, sectionID: String?, noteID: String?, quoted: Bool) {
            switch block {
            case .paragraph(let p):
                add(p.inlines, scope, p.location, sectionID: sectionID, noteID: noteID, quoted: quoted)
            case .list(let list):
                for item in list.items {
                    for b in item.blocks {
                        walk(b, scope: scope == .paragraph ? .listItem : scope, sectionID: sectionID, noteID: noteID, quoted: quoted)
                    }
                }
            case .blockQuote(let q):
                for b in q.blocks {
                    walk(b, scope: .quotation, sectionID: sectionID, noteID: noteID, quoted: true)
                }
                if let attribution = q.attribution {
                    add(attribution, .quotation, q.location, sectionID: sectionID, noteID: noteID, quoted: true, attribution: true)
                }
            case .table(let t):
                if let caption = t.caption {
                    add(caption, .caption, t.location, sectionID: sectionID, noteID: noteID, quoted: quoted)
                }
                for row in t.head + t.body + t.foot {
                    for cell in row.cells {
                        add(cell.inlines, .tableCell, row.location, sectionID: sectionID, noteID: noteID, quoted: quoted)
                        for b in cell.blocks { walk(b, scope: .tableCell, sectionID: sectionID, noteID: noteID, quoted: quoted) }
                    }
                }
            case .figure(let f):
                if let caption = f.caption {
                    add(caption, .caption, f.location, sectionID: sectionID, noteID: noteID, quoted: quoted)
                }
            case .preformatted:
                break
            }
        }

        mutating func add(_ inlines: [Inline], _ scope: TextScope, _ location: SourceLocation, sectionID: String? = nil,
                          noteID: String? = nil, quoted: Bool = false, attribution: Bool = false) {
            guard !inlines.isEmpty else { return }
            let unit = TextUnit(scope: scope, location: location, sectionID: sectionID, noteID: noteID, inlines: inlines,
                                inBlockQuotation: quoted, isAttribution: attribution)
            if !unit.text.isEmpty { units.append(unit) }
        }
    }
}
