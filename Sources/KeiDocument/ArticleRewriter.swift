/// Changes an article's phrase content in place: calls a function on every run of inlines (title of each
/// section, paragraphs, list items, quotations and attributions, table captions and cells, figure
/// captions, acknowledgements, notes, references), in reading order. Used to apply text edits (`--fix`).
public enum ArticleRewriter {
    /// Calls `body` on every inline run of the article. Runs are visited in ``ArticleWalker``'s order
    /// (abstract, sections depth first, acknowledgements, notes, references); metadata strings are not inline runs.
    public static func rewriteInlineRuns(_ article: inout Article, _ body: (inout [Inline]) -> Void) {
        for i in article.abstract.indices { rewrite(&article.abstract[i], body) }
        for i in article.sections.indices { rewrite(&article.sections[i], body) }
        if var ack = article.acknowledgements {
            if !ack.title.isEmpty { body(&ack.title) }
            for b in ack.blocks.indices { rewrite(&ack.blocks[b], body) }
            article.acknowledgements = ack
        }
        for n in article.notes.indices {
            for b in article.notes[n].blocks.indices { rewrite(&article.notes[n].blocks[b], body) }
        }
        for r in article.references.indices { body(&article.references[r].inlines) }
    }

    static func rewrite(_ section: inout Section, _ body: (inout [Inline]) -> Void) {
        if !section.title.isEmpty { body(&section.title) }
        for i in section.blocks.indices { rewrite(&section.blocks[i], body) }
        for i in section.subsections.indices { rewrite(&section.subsections[i], body) }
    }

    static func rewrite(_ block: inout Block, _ body: (inout [Inline]) -> Void) {
        switch block {
        case .paragraph(var p):
            body(&p.inlines)
            block = .paragraph(p)
        case .list(var l):
            for i in l.items.indices {
                for b in l.items[i].blocks.indices { rewrite(&l.items[i].blocks[b], body) }
            }
            block = .list(l)
        case .blockQuote(var q):
            for b in q.blocks.indices { rewrite(&q.blocks[b], body) }
            if q.attribution != nil { body(&q.attribution!) }
            block = .blockQuote(q)
        case .table(var t):
            if t.caption != nil { body(&t.caption!) }
            for r in t.head.indices { for c in t.head[r].cells.indices { rewrite(&t.head[r].cells[c], body) } }
            for r in t.body.indices { for c in t.body[r].cells.indices { rewrite(&t.body[r].cells[c], body) } }
            for r in t.foot.indices { for c in t.foot[r].cells.indices { rewrite(&t.foot[r].cells[c], body) } }
            block = .table(t)
        case .figure(var f):
            if f.caption != nil { body(&f.caption!) }
            block = .figure(f)
        case .preformatted:
            break
        }
    }

    static func rewrite(_ cell: inout TableCell, _ body: (inout [Inline]) -> Void) {
        body(&cell.inlines)
        for b in cell.blocks.indices { rewrite(&cell.blocks[b], body) }
    }

    /// Applies one text edit to every text run that holds exactly the edit's source characters (inside
    /// one `.text` or `.code` run). Returns the changed runs' text before and after, or nil when no run
    /// holds the whole span (an edit across formatting is not applied).
    /// The article's title (``ArticleMetadata/titleRun``) is edited too: it is a text run with the
    /// origins of the page's `<h1>` when it is that heading's text.
    public static func apply(_ edit: TextEdit, to article: inout Article) -> (before: String, after: String)? {
        var result: (String, String)?
        if let title = article.metadata.titleRun {
            var inlines: [Inline] = [.text(title)]
            if let r = apply(edit, to: &inlines), case .text(let edited) = inlines[0] {
                article.metadata.titleRun = edited
                result = r
            }
        }
        rewriteInlineRuns(&article) { inlines in
            if let r = apply(edit, to: &inlines), result == nil { result = r }
        }
        return result
    }

    /// What ``apply(_:to:)`` would report for `edit` on `article` as it is, without changing it: the
    /// run's text around the edit before and after that one edit.
    public static func preview(_ edit: TextEdit, in article: Article) -> (before: String, after: String)? {
        var copy = article
        return apply(edit, to: &copy)
    }

    /// Up to `context` Unicode scalars of `text` on each side of the UTF-8 range `range`, cut at a space
    /// where one is near, with "…" where the text goes on.
    public static func snippet(_ text: String, around range: Range<Int>, context: Int = 30) -> String {
        let scalars = Array(text.unicodeScalars)
        var offset = 0, lo = 0, hi = scalars.count
        for (i, s) in scalars.enumerated() {
            if offset < range.lowerBound { lo = i + 1 }
            if offset < range.upperBound { hi = i + 1 }
            offset += UTF8.width(s)
        }
        var a = max(0, lo - context), b = min(scalars.count, hi + context)
        if a > 0, let space = scalars[a..<lo].firstIndex(of: " ") { a = space + 1 }
        if b < scalars.count, let space = scalars[hi..<b].lastIndex(of: " ") { b = space }
        var out = a > 0 ? "…" : ""
        out.unicodeScalars.append(contentsOf: scalars[a..<b])
        if b < scalars.count { out += "…" }
        return out
    }

    static func apply(_ edit: TextEdit, to inlines: inout [Inline]) -> (String, String)? {
        var result: (String, String)?
        for i in inlines.indices {
            switch inlines[i] {
            case .text(let t), .code(let t):
                guard let range = t.range(of: edit.span) else { continue }
                let replaced = t.replacing(range, with: TextRun(edit.replacement, source: edit.span, verbatim: false))
                if case .text = inlines[i] { inlines[i] = .text(replaced) } else { inlines[i] = .code(replaced) }
                if result == nil {
                    let newRange = range.lowerBound..<(range.lowerBound + edit.replacement.utf8.count)
                    result = (snippet(t.string, around: range), snippet(replaced.string, around: newRange))
                }
            default:
                guard var children = inlines[i].children else { continue }
                if let r = apply(edit, to: &children) {
                    inlines[i] = inlines[i].withChildren(children)
                    if result == nil { result = r }
                }
            }
        }
        return result
    }
}
