import KeiDocument

/// Internal cross-references: a model link to `#` + a model id (a note, section, table or figure,
/// as ingest writes same-page links) becomes `<xref ref-type="fn|sec|table|fig" rid="…">` (JATS 1.3);
/// one whose target is not written as an element with an id becomes its text, never an `ext-link`
/// to `#…` and never a dangling IDREF.
extension JATSRenderer {
    /// Whether the article links to a part of itself anywhere (only then are target ids reserved).
    static func hasInternalLinks(_ article: Article) -> Bool {
        struct Finder: ArticleVisitor {
            var found = false
            mutating func visitInlines(_ inlines: [Inline], context: WalkContext) {
                if !found { found = Self.contains(inlines) }
            }
            static func contains(_ list: [Inline]) -> Bool {
                list.contains { i in
                    if case .link(let url, _) = i, url.hasPrefix("#") { return true }
                    return i.children.map(contains) ?? false
                }
            }
        }
        var finder = Finder()
        ArticleWalker.walk(article, with: &finder)
        return finder.found
    }

    /// Reserves the ids of every `sec`, `table-wrap` and `fig` in the order they are written (the
    /// abstract's, the body's, then the acknowledgements' and notes'), so links can name targets
    /// written after them. ``blockID(_:prefix:)`` hands the reserved ids out as the writer meets them.
    mutating func reserveTargetIDs() {
        func blocks(_ list: [Block]) {
            for b in list {
                switch b {
                case .table(let t): reserve(t.id, prefix: "tbl", refType: "table")
                case .figure(let f): reserve(f.id, prefix: "fig", refType: "fig")
                case .list(let l): l.items.forEach { blocks($0.blocks) }
                case .blockQuote(let q): blocks(q.blocks)
                case .paragraph, .preformatted: break
                }
            }
        }
        func section(_ s: Section) {
            reserve(s.id, prefix: "sec", refType: "sec")
            blocks(s.blocks)
            s.subsections.forEach(section)
        }
        blocks(article.abstract)
        var wroteSection = false
        for s in article.sections {
            if !wroteSection && TextTrimming.whitespacesAndNewlines(s.title.plainText).isEmpty {
                // Written unwrapped into <body> (see writeBody): no <sec> and no id.
                blocks(s.blocks)
                for sub in s.subsections { section(sub); wroteSection = true }
            } else {
                section(s)
                wroteSection = true
            }
        }
        if let ack = article.acknowledgements { blocks(ack.blocks) }
        for note in article.notes { blocks(note.blocks) }
    }

    private mutating func reserve(_ modelID: String, prefix: String, refType: String) {
        let id = ids.allocate(modelID, prefix: prefix)
        reservedIDs[modelID, default: []].append(id)
        if crossReferenceTargets[modelID] == nil { crossReferenceTargets[modelID] = (id, refType) }
    }

    /// The id of the next `sec`/`table-wrap`/`fig` with this model id: the one reserved for it, or
    /// a new one when nothing was reserved.
    mutating func blockID(_ modelID: String, prefix: String) -> String {
        if var queue = reservedIDs[modelID], !queue.isEmpty {
            let id = queue.removeFirst()
            reservedIDs[modelID] = queue
            return id
        }
        return ids.allocate(modelID, prefix: prefix)
    }

    /// `<xref>` around the link text when the target is written with an id and the context allows a
    /// cross-reference; otherwise the text alone.
    mutating func writeCrossReference(to modelID: String, _ children: [Inline], _ context: JATSInlineContext) {
        let target: (rid: String, refType: String)? = noteIDs[modelID].map { ($0, "fn") } ?? crossReferenceTargets[modelID]
        guard let target, context.allowsXref, context.allowsNesting else {
            writeInlines(children, context)
            return
        }
        write("<xref ref-type=\"\(target.refType)\" rid=\"")
        XMLEscaper.appendAttribute(target.rid, to: &out)
        write("\">")
        writeInlines(children, context.insideLink(hasText: Self.hasText(children)))
        writeEndTag("xref")
        writeImages(after: children, context)
    }
}
