import KeiXML

/// Takes notes out of the main content before blocks are built.
///
/// A first pass collects what the markers point at; a second pass rebuilds the content without
/// endnote lists (by class/role, by "Notes"/"References" headings, or as entries markers point at)
/// and without tooltip copies of notes, recording each as a ``RawNote`` or ``RawReference``
/// in document order. Text in a note container that is not a note is kept in the body.
struct NoteExtractor {
    /// Fragments marker links point at.
    private(set) var targets: Set<String> = []
    /// Ids and names carried by markers (what back-links in notes point at).
    private(set) var markerIDs: Set<String> = []
    /// Ids named by a marker's `aria-describedby`, with the marker's key.
    private(set) var describedBy: [String: String] = [:]
    private(set) var notes: [RawNote] = []
    private(set) var references: [RawReference] = []

    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "button", "input",
        "select", "textarea", "option", "iframe", "embed", "video", "audio", "canvas", "svg", "math", "map",
        "source", "track", "param", "base",
    ]
    static let headingNames: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// Extracts notes from `content` and returns the content without them.
    mutating func extract(_ content: DOMElement) -> DOMElement {
        scan(content, insideSup: false)
        var root = content
        root.children = rebuildChildren(content.children)
        return root
    }

    // MARK: pass A

    private mutating func scan(_ e: DOMElement, insideSup: Bool) {
        if let m = FootnoteMarkup.marker(e, knownAnchors: [], insideSup: insideSup) {
            if e.name == "a" { targets.insert(m.key) }
            for name in ["id", "name"] {
                if let v = e[attribute: name], !v.isEmpty { markerIDs.insert(v) }
            }
            if let d = e[attribute: "aria-describedby"] {
                for id in d.split(separator: " ") { describedBy[String(id)] = m.key }
            }
        } else if e.name == "sup" || e.name == "span", let d = e[attribute: "aria-describedby"],
                  let inner = e.firstDescendant(named: "a"),
                  let m = FootnoteMarkup.marker(inner, knownAnchors: [], insideSup: true) {
            for id in d.split(separator: " ") { describedBy[String(id)] = m.key }
        }
        let sup = insideSup || e.name == "sup"
        for child in e.children {
            if case .element(let c) = child, !Self.droppedElements.contains(c.name) { scan(c, insideSup: sup) }
        }
    }

    // MARK: pass B

    private mutating func rebuildChildren(_ kids: [DOMNode], contextKey: String? = nil) -> [DOMNode] {
        var out: [DOMNode] = []
        var lastMarkerKey: String?
        var i = 0
        while i < kids.count {
            let node = kids[i]
            i += 1
            switch node {
            case .comment:
                continue
            case .text(let t):
                if !InlineText.isBlank(t.value) { lastMarkerKey = nil }
                out.append(node)
            case .element(let c):
                if Self.droppedElements.contains(c.name) { continue }
                if Self.headingNames.contains(c.name), let kind = FootnoteMarkup.backMatter(heading: c.textContent) {
                    var region: [DOMNode] = []
                    var j = i
                    while j < kids.count {
                        if case .element(let s) = kids[j], Self.headingNames.contains(s.name) { break }
                        region.append(kids[j])
                        j += 1
                    }
                    var trial = self
                    if let leftovers = trial.extractRegion(region, kind: kind) {
                        self = trial
                        out += rebuildChildren(leftovers)
                        i = j
                        continue
                    }
                }
                if FootnoteMarkup.isContainer(c) {
                    let leftovers = extractContainer(c)
                    out += rebuildChildren(leftovers)
                    continue
                }
                if isAnchoredEntry(c) {
                    notes.append(RawNote(kind: .entry, element: c, anchors: anchors(of: c), ordinal: nil, line: c.line))
                    continue
                }
                if FootnoteMarkup.isTooltip(c) || (c.id.map { describedBy[$0] != nil } ?? false) {
                    var keys: [String] = []
                    if let mfn = c[attribute: "data-mfn"] { keys.append("mfn:" + mfn) }
                    if let id = c.id, let k = describedBy[id] { keys.append(k) }
                    if let k = lastMarkerKey ?? contextKey { keys.append(k) }
                    if !keys.isEmpty {
                        notes.append(RawNote(kind: .tooltip, element: c, anchors: keys, ordinal: nil, line: c.line))
                        continue
                    }
                }
                let key = markerKey(c)
                var copy = c
                copy.children = rebuildChildren(c.children, contextKey: key ?? contextKey)
                out.append(.element(copy))
                if let key, c.name != "span" || FootnoteMarkup.cleanLabel(copy.textContent).count <= 8 {
                    lastMarkerKey = key
                } else if InlineText.hasVisibleText(c.children) {
                    lastMarkerKey = nil
                }
            }
        }
        return out
    }

    /// The key of a marker that is `e` or sits inside it (`<sup><a href="#fn1">`), if any.
    private func markerKey(_ e: DOMElement) -> String? {
        if let m = FootnoteMarkup.marker(e, knownAnchors: targets, insideSup: false) { return m.key }
        guard ["sup", "span"].contains(e.name) else { return nil }
        var key: String?
        e.walk { d in
            if key != nil { return false }
            if d.name == "a" || d.name == "sup", let m = FootnoteMarkup.marker(d, knownAnchors: targets, insideSup: true) {
                key = m.key
                return false
            }
            return true
        }
        return key
    }

    /// Ids, names and synthetic keys by which a note element can be reached.
    private func anchors(of e: DOMElement) -> [String] {
        var out: [String] = []
        e.walk { d in
            if let id = d.id, !id.isEmpty { out.append(id) }
            if d.name == "a", let n = d[attribute: "name"], !n.isEmpty { out.append(n) }
            if let mfn = d[attribute: "data-mfn"] { out.append("mfn:" + mfn) }
            return true
        }
        return out
    }

    /// A `<li>`/`<p>`/`<div>` that a marker points at, by its own id or an anchor at its start
    /// (Google Docs `<p><a id="ftnt1" href="#ftnt_ref1">[1]</a> …`, Word `<a name="_ftn1">`).
    private func isAnchoredEntry(_ e: DOMElement) -> Bool {
        guard ["li", "p", "div", "dd", "aside", "section"].contains(e.name), !targets.isEmpty else { return false }
        if let id = e.id, targets.contains(id) {
            // A wrapper holding several notes, or a whole section a link points at, is not one note.
            return e.descendants(named: ["li"]).isEmpty && leadingAnchorCount(e) <= 1
                && e.descendants(named: Self.headingNames).isEmpty && e.descendants(named: ["p", "div", "table"]).count <= 6
        }
        return leadingAnchorIDs(e).contains { targets.contains($0) }
    }

    private func leadingAnchorCount(_ e: DOMElement) -> Int {
        var n = 0
        e.walk { d in
            if d.name == "a", let id = d.id ?? d[attribute: "name"], targets.contains(id) { n += 1 }
            return true
        }
        return n
    }

    /// Ids and names of anchors at the very start of an element's text.
    private func leadingAnchorIDs(_ e: DOMElement) -> [String] {
        var ids: [String] = []
        var stop = false
        func visit(_ el: DOMElement) {
            for child in el.children {
                if stop { return }
                switch child {
                case .comment: continue
                case .text(let t):
                    if !InlineText.isBlank(t.value) { stop = true }
                case .element(let c):
                    if let id = c.id { ids.append(id) }
                    if let n = c[attribute: "name"] { ids.append(n) }
                    if c.name == "a" { stop = true; return }
                    if ["span", "sup", "strong", "b", "em", "i", "font", "p", "small"].contains(c.name) { visit(c) } else { stop = true }
                }
            }
        }
        visit(e)
        return ids
    }

    // MARK: containers and regions

    /// Takes every note entry out of a note container; returns what is not a note.
    private mutating func extractContainer(_ c: DOMElement) -> [DOMNode] {
        let hasItems = !c.descendants(named: ["li"]).isEmpty
        var leftovers: [DOMNode] = []
        var entries: [RawNote] = []
        if c.name == "ol" || c.name == "ul" {
            collectEntries([.element(c)], hasItems: hasItems, ordinalBase: nil, leftovers: &leftovers, entries: &entries)
        } else {
            collectEntries(c.children, hasItems: hasItems, ordinalBase: nil, leftovers: &leftovers, entries: &entries)
        }
        notes += entries
        return leftovers
    }

    /// Takes the entries following a "Notes" / "References" heading; nil when none look like entries.
    private mutating func extractRegion(_ region: [DOMNode], kind: FootnoteMarkup.BackMatter) -> [DOMNode]? {
        var hasItems = false
        for node in region {
            if case .element(let e) = node, e.name == "ol" || e.name == "ul" || !e.descendants(named: ["ol", "ul"]).isEmpty {
                hasItems = true
            }
        }
        var entries: [RawNote] = []
        var leftovers: [DOMNode] = []
        var numbered = 0
        collectEntries(region, hasItems: hasItems, ordinalBase: nil, leftovers: &leftovers, entries: &entries)
        if !hasItems {
            // Paragraph entries: numbered ones start notes; unnumbered ones continue the previous note
            // (notes) or are entries of their own (references).
            var merged: [RawNote] = []
            for raw in entries {
                let numberedEntry = FootnoteMarkup.leadingNumber(raw.element.textContent) != nil
                    || anchors(of: raw.element).contains { targets.contains($0) }
                if numberedEntry { numbered += 1 }
                if kind == .notes, !numberedEntry, merged.isEmpty {
                    leftovers.append(.element(raw.element))
                } else if kind == .notes, !numberedEntry, var last = merged.popLast() {
                    if last.element.name != "div" || last.element[attribute: "data-kei-note"] == nil {
                        last.element = DOMElement(name: "div", attributes: [DOMAttribute(name: "data-kei-note", value: "1")],
                                                  children: [.element(last.element)], line: last.element.line)
                    }
                    last.element.children.append(.element(raw.element))
                    merged.append(last)
                } else {
                    merged.append(raw)
                }
            }
            entries = merged
            if kind == .notes, numbered == 0 { return nil }
        }
        guard !entries.isEmpty else { return nil }
        for raw in entries {
            let linked = raw.anchors.contains { targets.contains($0) }
            if kind == .notes || linked {
                notes.append(raw)
            } else {
                references.append(RawReference(element: raw.element, ordinal: raw.ordinal, line: raw.line))
            }
        }
        return leftovers
    }

    /// Walks note-container content: `<li>`s (or, without lists, paragraphs) become entries;
    /// headings and rules are dropped; other text goes to `leftovers`.
    private func collectEntries(_ kids: [DOMNode], hasItems: Bool, ordinalBase: Int?,
                                leftovers: inout [DOMNode], entries: inout [RawNote]) {
        var ordinal = ordinalBase
        for node in kids {
            switch node {
            case .comment:
                continue
            case .text(let t):
                if !InlineText.isBlank(t.value) { leftovers.append(node) }
            case .element(let e):
                if Self.droppedElements.contains(e.name) || e.name == "hr" || e.name == "br" { continue }
                if Self.headingNames.contains(e.name) {
                    if FootnoteMarkup.backMatter(heading: e.textContent) == nil { leftovers.append(node) }
                    continue
                }
                if e.name == "li" {
                    entries.append(RawNote(kind: .entry, element: e, anchors: anchors(of: e), ordinal: ordinal, line: e.line))
                    if let o = ordinal { ordinal = o + 1 }
                    continue
                }
                if e.name == "ol" || e.name == "ul" {
                    let start = e.name == "ol" ? (e[attribute: "start"].flatMap { Int(InlineText.trim($0)) } ?? 1) : nil
                    var inner: [DOMNode] = []
                    collectEntries(e.children, hasItems: true, ordinalBase: start, leftovers: &inner, entries: &entries)
                    leftovers += inner
                    continue
                }
                let containsItems = !e.descendants(named: ["li"]).isEmpty
                if !containsItems, isAnchoredEntry(e) {
                    entries.append(RawNote(kind: .entry, element: e, anchors: anchors(of: e), ordinal: nil, line: e.line))
                    continue
                }
                if hasItems && !containsItems {
                    if InlineText.hasVisibleText(e.children) { leftovers.append(node) }
                    continue
                }
                if !hasItems, ["p", "div", "dd", "dt", "blockquote", "section", "aside"].contains(e.name),
                   e.descendants(named: ["p", "div"]).isEmpty {
                    if InlineText.hasVisibleText(e.children) {
                        entries.append(RawNote(kind: .entry, element: e, anchors: anchors(of: e), ordinal: nil, line: e.line))
                    }
                    continue
                }
                if !hasItems, e.descendants(named: ["p", "div"]).isEmpty {
                    // Inline content directly in the container.
                    if InlineText.hasVisibleText(e.children) { leftovers.append(node) }
                    continue
                }
                collectEntries(e.children, hasItems: hasItems, ordinalBase: nil, leftovers: &leftovers, entries: &entries)
            }
        }
    }
}
