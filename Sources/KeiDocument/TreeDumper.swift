/// Renders an article as an indented tree, one node per line with its source line: the oracle
/// for snapshot tests and the quickest way to see what ingest understood.
///
///     Article id=allying-against-adversaries source=Samples/issue-3-2/allying.html
///     ├─ Metadata title="Allying Against Adversaries…" date=2025-12-15
///     …
public enum TreeDumper {
    public static func dump(_ article: Article) -> String {
        var out = ""
        func line(_ depth: Int, _ text: String) {
            out += String(repeating: "  ", count: depth) + text + "\n"
        }
        let m = article.metadata
        line(0, "Article id=\(article.id) source=\(article.source)")
        line(1, "Metadata")
        func field(_ name: String, _ value: String?) {
            if let value { line(2, "\(name): \(quote(value))") }
        }
        field("title", m.title)
        field("subtitle", m.subtitle)
        for a in m.authors {
            var s = "author: \(quote(a.name))"
            if let aff = a.affiliation { s += " affiliation=\(quote(aff))" }
            if let role = a.role { s += " role=\(role)" }
            if a.isGroup { s += " kind=group" }
            line(2, s)
        }
        field("date", m.publicationDate?.iso)
        field("journal", m.journal)
        field("volume", m.volume)
        field("issue", m.issue)
        field("series", m.series)
        field("publisher", m.publisher)
        field("url", m.canonicalURL)
        field("language", m.language)
        if !m.keywords.isEmpty { line(2, "keywords: " + m.keywords.map(quote).joined(separator: ", ")) }
        field("doi", m.doi)
        field("pdf", m.pdfURL)
        if !article.abstract.isEmpty {
            line(1, "Abstract")
            for b in article.abstract { dumpBlock(b, depth: 2, line: line) }
        }
        for s in article.sections { dumpSection(s, depth: 1, line: line) }
        if let ack = article.acknowledgements {
            line(1, "Acknowledgements @\(ack.location.line) \(inlines(ack.title))")
            for b in ack.blocks { dumpBlock(b, depth: 2, line: line) }
        }
        if !article.notes.isEmpty {
            line(1, "Notes")
            for n in article.notes {
                line(2, "Note id=\(n.id) label=\(quote(n.label)) @\(n.location.line)")
                for b in n.blocks { dumpBlock(b, depth: 3, line: line) }
            }
        }
        if !article.references.isEmpty {
            line(1, "References")
            for r in article.references {
                line(2, "Reference id=\(r.id) @\(r.location.line) \(inlines(r.inlines))")
            }
        }
        return out
    }

    static func dumpSection(_ s: Section, depth: Int, line: (Int, String) -> Void) {
        line(depth, "Section id=\(s.id) level=\(s.level) @\(s.location.line) \(inlines(s.title))")
        for b in s.blocks { dumpBlock(b, depth: depth + 1, line: line) }
        for sub in s.subsections { dumpSection(sub, depth: depth + 1, line: line) }
    }

    static func dumpBlock(_ b: Block, depth: Int, line: (Int, String) -> Void) {
        switch b {
        case .paragraph(let p):
            line(depth, "Paragraph @\(p.location.line) \(inlines(p.inlines))")
        case .list(let l):
            line(depth, "List \(l.ordered ? "ordered" : "unordered") @\(l.location.line)")
            for item in l.items {
                line(depth + 1, "Item @\(item.location.line)")
                for ib in item.blocks { dumpBlock(ib, depth: depth + 2, line: line) }
            }
        case .blockQuote(let q):
            line(depth, "BlockQuote @\(q.location.line)" + (q.attribution.map { " attribution=" + inlines($0) } ?? ""))
            for qb in q.blocks { dumpBlock(qb, depth: depth + 1, line: line) }
        case .table(let t):
            line(depth, "Table id=\(t.id) @\(t.location.line)" + (t.label.map { " label=\(quote($0))" } ?? "")
                 + (t.caption.map { " caption=" + inlines($0) } ?? ""))
            for (kind, rows) in [("head", t.head), ("body", t.body), ("foot", t.foot)] {
                for r in rows {
                    let cells = r.cells.map { ($0.isHeader ? "th:" : "") + ($0.blocks.isEmpty ? inlines($0.inlines) : "[blocks]") }
                    line(depth + 1, "Row \(kind) @\(r.location.line) " + cells.joined(separator: " | "))
                    for c in r.cells where !c.blocks.isEmpty {
                        for cb in c.blocks { dumpBlock(cb, depth: depth + 2, line: line) }
                    }
                }
            }
        case .figure(let f):
            var s = "Figure id=\(f.id) @\(f.location.line)"
            if let l = f.label { s += " label=\(quote(l))" }
            if let g = f.graphic { s += " graphic=\(quote(g))" }
            if let c = f.caption { s += " caption=" + inlines(c) }
            line(depth, s)
        case .preformatted(let p):
            line(depth, "Preformatted @\(p.location.line) \(quote(p.text.string))")
        }
    }

    /// A compact one-line rendering of inline content: `"text" *em* **strong** ^sup^ [link](url) [^fn1]`.
    public static func inlines(_ list: [Inline]) -> String {
        var s = ""
        for i in list {
            switch i {
            case .text(let t): s += quote(t.string)
            case .emphasis(let c): s += "*" + inlines(c) + "*"
            case .strong(let c): s += "**" + inlines(c) + "**"
            case .superscript(let c): s += "^" + inlines(c) + "^"
            case .subscript(let c): s += "~" + inlines(c) + "~"
            case .code(let t): s += "`" + t.string + "`"
            case .link(let url, let c): s += "[" + inlines(c) + "](" + url + ")"
            case .noteRef(let r): s += "[^\(r.noteID):\(r.label)]"
            case .lineBreak: s += "<br>"
            case .quotation(let c): s += "<q>" + inlines(c) + "</q>"
            case .citedTitle(let c): s += "<cite>" + inlines(c) + "</cite>"
            case .image(let i): s += "![" + (i.altText ?? "") + "](" + (i.source ?? "") + ")"
            }
        }
        return s
    }

    /// Quotes text with escapes for quote, backslash and newline; non-ASCII spaces are shown as `\u{…}`
    /// so that no-break spaces stay visible in dumps.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\u{00A0}", "\u{2009}", "\u{200B}", "\u{202F}", "\t": out += "\\u{\(String(u.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
