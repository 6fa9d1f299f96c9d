import KeiDocument

/// Rewrites the raw keys of ``NoteRef`` markers to normalised note ids and records which notes are referenced.
struct NoteLinker {
    let idForKey: [String: String]
    let noteIDs: Set<String>
    /// Note label → id, when plain superscript numbers are to be read as markers.
    var superscriptLabels: [String: String] = [:]
    private(set) var referenced: Set<String> = []

    init(idForKey: [String: String], noteIDs: Set<String>) {
        self.idForKey = idForKey
        self.noteIDs = noteIDs
    }

    mutating func link(_ s: Section) -> Section {
        var out = s
        out.title = link(s.title)
        out.blocks = link(s.blocks)
        out.subsections = s.subsections.map { link($0) }
        return out
    }

    mutating func link(_ blocks: [Block]) -> [Block] {
        blocks.map { link($0) }
    }

    mutating func link(_ block: Block) -> Block {
        switch block {
        case .paragraph(var p):
            p.inlines = link(p.inlines)
            return .paragraph(p)
        case .list(var l):
            for i in l.items.indices { l.items[i].blocks = link(l.items[i].blocks) }
            return .list(l)
        case .blockQuote(var q):
            q.blocks = link(q.blocks)
            if let a = q.attribution { q.attribution = link(a) }
            return .blockQuote(q)
        case .table(var t):
            if let c = t.caption { t.caption = link(c) }
            for i in t.head.indices { for j in t.head[i].cells.indices { t.head[i].cells[j].inlines = link(t.head[i].cells[j].inlines) } }
            for i in t.body.indices { for j in t.body[i].cells.indices { t.body[i].cells[j].inlines = link(t.body[i].cells[j].inlines) } }
            for i in t.foot.indices { for j in t.foot[i].cells.indices { t.foot[i].cells[j].inlines = link(t.foot[i].cells[j].inlines) } }
            for i in t.head.indices { for j in t.head[i].cells.indices { t.head[i].cells[j].blocks = link(t.head[i].cells[j].blocks) } }
            for i in t.body.indices { for j in t.body[i].cells.indices { t.body[i].cells[j].blocks = link(t.body[i].cells[j].blocks) } }
            for i in t.foot.indices { for j in t.foot[i].cells.indices { t.foot[i].cells[j].blocks = link(t.foot[i].cells[j].blocks) } }
            return .table(t)
        case .figure(var f):
            if let c = f.caption { f.caption = link(c) }
            return .figure(f)
        case .preformatted:
            return block
        }
    }

    mutating func link(_ inlines: [Inline]) -> [Inline] {
        inlines.map { inline in
            switch inline {
            case .noteRef(var r):
                if let id = idForKey[r.noteID] {
                    r.noteID = id
                    referenced.insert(id)
                } else if noteIDs.contains(r.noteID) {
                    // A dangling raw key that happens to read like a normalised id must not link to that note.
                    r.noteID = "missing-" + r.noteID
                }
                return .noteRef(r)
            case .superscript(let c):
                if !superscriptLabels.isEmpty, case .text(let t)? = c.first, c.count == 1,
                   let id = superscriptLabels[InlineText.trim(t.string)] {
                    referenced.insert(id)
                    let label = t.trimming(InlineText.isTrimmable)
                    return .noteRef(NoteRef(label: label.string, noteID: id, span: label.span))
                }
                return .superscript(link(c))
            default:
                guard let c = inline.children else { return inline }
                return inline.withChildren(link(c))
            }
        }
    }
}
