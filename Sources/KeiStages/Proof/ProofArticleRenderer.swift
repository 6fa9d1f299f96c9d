import KeiDocument

/// Renders an article model as the body of a proof: title block, abstract, sections, lists, quotes,
/// tables, figures, acknowledgements, notes and references, as escaped HTML with the marks of a
/// ``ProofMarker`` at their spans.
///
/// In: the ``Article`` (after `--fix`, when it ran) and the marks. Out: an HTML fragment (`<article>`)
/// and, through ``marker``, which marks found their text. Links keep only `http`, `https` and `mailto`
/// URLs; images are shown by their alternative text (a proof loads nothing).
struct ProofArticleRenderer {
    var marker: ProofMarker
    /// Author names shown under the title (the publication's contributors, else the page's authors).
    var authors: [String]
    /// How deep ``inlines(_:)`` is nested: at 0 a block's inline content ends, and so do its marks' badges.
    private var inlineDepth = 0

    init(marks: [ProofMark], authors: [String]) {
        marker = ProofMarker(marks: marks)
        self.authors = authors
    }

    mutating func render(_ a: Article) -> String {
        var h = "<article class=\"proof\">\n<header>\n"
        if let run = a.metadata.titleRun { h += "<h1>\(marker.html(run))\(marker.flushBadges())</h1>\n" }
        else { h += "<h1 class=\"untitled\">(no title)</h1>\n" }
        if let s = a.metadata.subtitle { h += "<p class=\"subtitle\">\(ProofHTML.text(s))</p>\n" }
        if !authors.isEmpty {
            h += "<p class=\"authors\">\(authors.map(ProofHTML.text).joined(separator: ", "))</p>\n"
        }
        if let d = a.metadata.publicationDate { h += "<p class=\"date\">\(ProofHTML.text(d.iso))</p>\n" }
        h += "</header>\n"
        if !a.abstract.isEmpty {
            h += "<section class=\"abstract\"><h2>Abstract</h2>\n\(blocks(a.abstract))</section>\n"
        }
        for s in a.sections { h += section(s, depth: 2) }
        if let ack = a.acknowledgements {
            h += "<section class=\"ack\"><h2>\(ack.title.isEmpty ? "Acknowledgements" : inlines(ack.title))</h2>\n\(blocks(ack.blocks))</section>\n"
        }
        if !a.notes.isEmpty {
            h += "<section class=\"notes\"><h2>Notes</h2>\n<ul class=\"notes\">\n"
            for n in a.notes {
                h += "<li id=\"fn-\(ProofHTML.attribute(n.id))\"><span class=\"label\">\(ProofHTML.text(n.label))</span> \(blocks(n.blocks))</li>\n"
            }
            h += "</ul></section>\n"
        }
        if !a.references.isEmpty {
            h += "<section class=\"refs\"><h2>References</h2>\n<ul class=\"refs\">\n"
            for r in a.references {
                let label = r.label.map { "<span class=\"label\">\(ProofHTML.text($0))</span> " } ?? ""
                h += "<li>\(label)\(inlines(r.inlines))</li>\n"
            }
            h += "</ul></section>\n"
        }
        return h + "</article>\n"
    }

    private mutating func section(_ s: Section, depth: Int) -> String {
        let level = min(max(depth, 2), 6)
        var h = "<section>\n<h\(level)>\(inlines(s.title))</h\(level)>\n"
        h += blocks(s.blocks)
        for sub in s.subsections { h += section(sub, depth: depth + 1) }
        return h + "</section>\n"
    }

    mutating func blocks(_ list: [Block]) -> String {
        var h = ""
        for b in list { h += block(b) }
        return h
    }

    private mutating func block(_ b: Block) -> String {
        switch b {
        case .paragraph(let p):
            return "<p>\(inlines(p.inlines))</p>\n"
        case .list(let l):
            let tag = l.ordered ? "ol" : "ul"
            var h = "<\(tag)>\n"
            for item in l.items { h += "<li>\(blocks(item.blocks))</li>\n" }
            return h + "</\(tag)>\n"
        case .blockQuote(let q):
            var h = "<blockquote>\n\(blocks(q.blocks))"
            if let a = q.attribution { h += "<footer>\(inlines(a))</footer>\n" }
            return h + "</blockquote>\n"
        case .table(let t):
            return table(t)
        case .figure(let f):
            var h = "<figure>"
            let alt = f.altText.map { ": " + $0 } ?? ""
            h += "<div class=\"graphic\">[figure\(ProofHTML.text(alt))]</div>"
            if f.label != nil || f.caption != nil {
                h += "<figcaption>"
                if let l = f.label { h += "<span class=\"label\">\(ProofHTML.text(l))</span> " }
                if let c = f.caption { h += inlines(c) }
                h += "</figcaption>"
            }
            return h + "</figure>\n"
        case .preformatted(let p):
            return "<pre>\(marker.html(p.text))\(marker.flushBadges())</pre>\n"
        }
    }

    private mutating func table(_ t: Table) -> String {
        var h = "<table>\n"
        if t.label != nil || t.caption != nil {
            h += "<caption>"
            if let l = t.label { h += "<span class=\"label\">\(ProofHTML.text(l))</span> " }
            if let c = t.caption { h += inlines(c) }
            h += "</caption>\n"
        }
        for (tag, rows) in [("thead", t.head), ("tbody", t.body), ("tfoot", t.foot)] where !rows.isEmpty {
            h += "<\(tag)>\n"
            for row in rows {
                h += "<tr>"
                for c in row.cells {
                    let cell = c.isHeader ? "th" : "td"
                    var attrs = ""
                    if c.columnSpan > 1 { attrs += " colspan=\"\(min(c.columnSpan, 1000))\"" }
                    if c.rowSpan > 1 { attrs += " rowspan=\"\(min(c.rowSpan, 65534))\"" }
                    h += "<\(cell)\(attrs)>\(inlines(c.inlines))\(blocks(c.blocks))</\(cell)>"
                }
                h += "</tr>\n"
            }
            h += "</\(tag)>\n"
        }
        return h + "</table>\n"
    }

    /// Inline content; at the outermost level, followed by the badges of marks that did not end in it.
    mutating func inlines(_ list: [Inline]) -> String {
        inlineDepth += 1
        var h = ""
        for i in list { h += inline(i) }
        inlineDepth -= 1
        return inlineDepth == 0 ? h + marker.flushBadges() : h
    }

    private mutating func inline(_ i: Inline) -> String {
        switch i {
        case .text(let run): return marker.html(run)
        case .code(let run): return "<code>\(marker.html(run))</code>"
        case .emphasis(let c): return "<em>\(inlines(c))</em>"
        case .strong(let c): return "<strong>\(inlines(c))</strong>"
        case .superscript(let c): return "<sup>\(inlines(c))</sup>"
        case .subscript(let c): return "<sub>\(inlines(c))</sub>"
        case .quotation(let c): return "<q>\(inlines(c))</q>"
        case .citedTitle(let c): return "<cite>\(inlines(c))</cite>"
        case .lineBreak: return "<br>"
        case .image(let img):
            return "<span class=\"img\">[image\(ProofHTML.text(img.altText.map { ": " + $0 } ?? ""))]</span>"
        case .link(let url, let c):
            marker.linkDepth += 1
            let inner = inlines(c)
            marker.linkDepth -= 1
            return marker.linkDepth > 0 ? inner : ProofHTML.link(url, inner)
        case .noteRef(let r):
            let outer = marker.linkDepth > 0
            marker.linkDepth += 1
            let label = marker.html(TextRun(r.label, source: r.span, verbatim: false))
            marker.linkDepth -= 1
            if outer { return "<sup class=\"fnref\">\(label)</sup>" }
            return "<sup class=\"fnref\"><a href=\"#fn-\(ProofHTML.attribute(r.noteID))\">\(label)</a></sup>"
        }
    }
}
