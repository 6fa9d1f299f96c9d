import Foundation
import KeiDocument
import KeiStages
import KeiXML

/// Builds a body from an HTML fragment for the BodyBuilder tests, and reads results back.
enum BodyFixture {
    /// Parses `html` (wrapped in a page when it has no `<body>`) and builds the body of its `<body>`.
    static func build(_ html: String, title: String? = nil, authors: [Author] = []) -> BodyResult {
        let page = html.contains("<body") ? html : "<html><head><meta charset=\"utf-8\"></head><body>\n" + html + "\n</body></html>"
        let document = MarkupParser.parseHTML(Data(page.utf8))
        let body = document.root?.firstDescendant(named: "body") ?? DOMElement(name: "body")
        return BodyBuilder.build(content: body, document: document,
                                 metadata: ArticleMetadata(title: title, authors: authors), file: "t.html")
    }

    /// The result as a tree dump (what a reviewer reads when a test fails).
    static func dump(_ r: BodyResult) -> String {
        TreeDumper.dump(Article(id: "t", source: "t.html", abstract: r.abstract, sections: r.sections,
                                notes: r.notes, references: r.references))
    }

    /// Every block of the body in order, sections flattened, abstract first.
    static func blocks(_ r: BodyResult) -> [Block] {
        func walk(_ s: Section) -> [Block] { s.blocks + s.subsections.flatMap(walk) }
        return r.abstract + r.sections.flatMap(walk)
    }

    /// Visible text of a run, with note markers set off by spaces (so "2014" + marker "27" stays two words).
    static func plain(_ list: [Inline]) -> String {
        var s = ""
        for i in list {
            switch i {
            case .noteRef(let r): s += " " + r.label + " "
            case .emphasis(let c), .strong(let c), .superscript(let c), .subscript(let c), .link(_, let c): s += plain(c)
            default: s += i.plainText
            }
        }
        return s
    }

    /// All visible text of blocks (titles excluded), joined by newlines.
    static func text(_ blocks: [Block]) -> String {
        var out: [String] = []
        func visit(_ b: Block) {
            switch b {
            case .paragraph(let p): out.append(plain(p.inlines))
            case .list(let l): l.items.forEach { $0.blocks.forEach(visit) }
            case .blockQuote(let q):
                q.blocks.forEach(visit)
                if let a = q.attribution { out.append(plain(a)) }
            case .table(let t):
                out.append(t.label ?? "")
                if let c = t.caption { out.append(plain(c)) }
                for row in t.head + t.body + t.foot {
                    // A cell holds phrase content or (with a list or quotation) blocks.
                    out.append(row.cells.map { $0.blocks.isEmpty ? plain($0.inlines) : text($0.blocks) }.joined(separator: " "))
                }
            case .figure(let f):
                out.append(f.label ?? "")
                if let c = f.caption { out.append(plain(c)) }
            case .preformatted(let p): out.append(p.text.string)
            }
        }
        blocks.forEach(visit)
        return out.joined(separator: "\n")
    }

    /// The text of the whole body: section titles, blocks and notes.
    static func allText(_ r: BodyResult) -> String {
        func walk(_ s: Section) -> String {
            ([plain(s.title), text(s.blocks)] + s.subsections.map(walk)).joined(separator: "\n")
        }
        return ([text(r.abstract)] + r.sections.map(walk) + r.notes.map { $0.label + " " + text($0.blocks) }
                + r.references.map { ($0.label ?? "") + " " + plain($0.inlines) }).joined(separator: "\n")
    }

    /// Every note marker in the body and notes, in order.
    static func noteRefs(_ r: BodyResult) -> [NoteRef] {
        var out: [NoteRef] = []
        func inl(_ list: [Inline]) {
            for i in list {
                switch i {
                case .noteRef(let n): out.append(n)
                case .emphasis(let c), .strong(let c), .superscript(let c), .subscript(let c), .link(_, let c): inl(c)
                default: break
                }
            }
        }
        func visit(_ b: Block) {
            switch b {
            case .paragraph(let p): inl(p.inlines)
            case .list(let l): l.items.forEach { $0.blocks.forEach(visit) }
            case .blockQuote(let q): q.blocks.forEach(visit)
            case .table(let t): for row in t.head + t.body + t.foot { row.cells.forEach { inl($0.inlines); $0.blocks.forEach(visit) } }
            case .figure(let f): inl(f.caption ?? [])
            case .preformatted: break
            }
        }
        blocks(r).forEach(visit)
        r.notes.forEach { $0.blocks.forEach(visit) }
        return out
    }

    /// The rule ids of the diagnostics, in order.
    static func rules(_ r: BodyResult) -> [String] { r.diagnostics.map(\.rule) }
}
