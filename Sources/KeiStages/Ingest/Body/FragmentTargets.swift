import KeiDocument
import KeiXML

/// Where each element id of the article content ends up in the model, so that same-page links
/// (`href="#x"`, WHATWG URL fragment) can become internal cross-references: a note anchor gives its
/// note id; a heading, or a `section`/`div` that starts with one, its section's id; a table or figure
/// (or a wrapper around one) its id; any other element the section it stands in.
struct FragmentTargets {
    /// HTML id → model id (`fn3`, `sec2`, `table1`, `fig1`).
    private(set) var modelID: [String: String] = [:]
    /// Every id in the content, mapped or not.
    private(set) var contentIDs: Set<String> = []

    /// - Parameters:
    ///   - content: the content the blocks were built from (notes taken out).
    ///   - sections: the assembled sections (ids assigned).
    ///   - noteIDs: note anchors → note ids.
    init(content: DOMElement, sections: [Section], noteIDs: [String: String]) {
        modelID = noteIDs
        var headed: [(line: Int, title: String, id: String)] = []
        var tables: [(line: Int, id: String)] = []
        var figures: [(line: Int, id: String)] = []
        func visit(_ s: Section) {
            if !s.title.isEmpty { headed.append((s.location.line, InlineText.key(s.title.plainText), s.id)) }
            for b in s.blocks { collect(b) }
            s.subsections.forEach(visit)
        }
        func collect(_ b: Block) {
            switch b {
            case .table(let t): tables.append((t.location.line, t.id))
            case .figure(let f): figures.append((f.location.line, f.id))
            case .list(let l): l.items.forEach { $0.blocks.forEach(collect) }
            case .blockQuote(let q): q.blocks.forEach(collect)
            case .paragraph, .preformatted: break
            }
        }
        sections.forEach(visit)
        let leading = sections.first.flatMap { $0.title.isEmpty ? $0.id : nil }

        var current: String? = leading
        content.walk { e in
            if let level = BlockBuilder.headingLevels[e.name], level > 0 {
                let key = InlineText.key(e.textContent)
                if let s = headed.first(where: { $0.line == e.line && $0.title == key }) { current = s.id }
            }
            guard let id = e.id, !id.isEmpty else { return true }
            contentIDs.insert(id)
            guard modelID[id] == nil else { return true }
            if let target = target(of: e, headed: headed, tables: tables, figures: figures) {
                modelID[id] = target
            } else if let current {
                modelID[id] = current
            }
            return true
        }
    }

    /// The section, table or figure that `e` itself is, or wraps at its start.
    private func target(of e: DOMElement, headed: [(line: Int, title: String, id: String)],
                        tables: [(line: Int, id: String)], figures: [(line: Int, id: String)]) -> String? {
        func heading(_ h: DOMElement) -> String? {
            let key = InlineText.key(h.textContent)
            return headed.first { $0.line == h.line && $0.title == key }?.id
        }
        if BlockBuilder.headingLevels[e.name] != nil { return heading(e) }
        if e.name == "table" { return tables.first { $0.line == e.line }?.id }
        if e.name == "figure" || e.name == "img" {
            let lines = [e.line] + e.descendants(named: ["img"]).map(\.line)
            return figures.first { lines.contains($0.line) }?.id
        }
        guard ["section", "div", "article", "header"].contains(e.name), let first = e.childElements.first else { return nil }
        if BlockBuilder.headingLevels[first.name] != nil { return heading(first) }
        if first.name == "table" || first.name == "figure" { return target(of: first, headed: headed, tables: tables, figures: figures) }
        return nil
    }
}
