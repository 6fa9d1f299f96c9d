import KeiDocument
import KeiXML

/// Takes notes and acknowledgements out of the main content before blocks are built.
///
/// A first pass collects what the markers point at, by `href` fragment or by a relation attribute
/// (`aria-describedby`, `aria-controls`, `data-*`: see ``FootnoteMarkup/relationAttributes``);
/// a second pass rebuilds the content without endnote lists (by class/role, by item ids, by a
/// "Notes"/"References" heading or the control or label that names a region, or as entries markers
/// point at), without tooltip copies of notes and without acknowledgements, recording each as a
/// ``RawNote``, ``RawReference`` or ``RawAcknowledgements`` in document order. A note written in
/// place (``FootnoteMarkup/isInlineNote(_:)``) leaves a marker where it stood. Tooltips that site
/// chrome removal took out of the content are read from the page (``PageRelations``). Text in a
/// note container that is not a note is kept in the body.
struct NoteExtractor {
    /// The page's ids and controls; relation markers are resolved against the whole page.
    let relations: PageRelations
    /// Fragments marker links point at, and note-list entries relation markers name.
    private(set) var targets: Set<String> = []
    /// Ids and names carried by markers and by the superscripts wrapping them (what back-links in
    /// notes point at: MediaWiki's `<sup id="cite_ref-3">`).
    private(set) var markerIDs: Set<String> = []
    /// Ids of tooltip copies of notes, with the key of the marker that shows them (`aria-describedby`
    /// and the other relation attributes).
    private(set) var describedBy: [String: String] = [:]
    /// Markers linked by a relation attribute, by the source offset of their start tag, with the key.
    private(set) var relationMarkers: [Int: String] = [:]
    /// Relation keys in the order their markers appear.
    private var relationOrder: [String] = []
    /// Notes carried in an attribute of their marker (``FootnoteMarkup/attributeNoteText(_:insideSup:)``),
    /// by key: the text and the marker's line.
    private var attributeNotes: [String: (text: String, line: Int)] = [:]
    /// How many notes written in place were met.
    private var inlineNoteCount = 0
    private(set) var notes: [RawNote] = []
    private(set) var references: [RawReference] = []
    private(set) var acknowledgements: [RawAcknowledgements] = []
    /// Note numbers printed in plain superscripts of the content (`<sup>3</sup>`, `<sup>5,6</sup>`),
    /// with the source offset of each `<sup>`, in document order.
    private var superscriptNumbers: [(offset: Int, number: Int)] = []

    init(relations: PageRelations = PageRelations(nil)) {
        self.relations = relations
    }

    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "button", "input",
        "select", "textarea", "option", "iframe", "embed", "video", "audio", "canvas", "svg", "math", "map",
        "source", "track", "param", "base",
    ]
    static let headingNames: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// Extracts notes from `content` and returns the content without them.
    mutating func extract(_ content: DOMElement) -> DOMElement {
        scan(content, insideSup: false)
        superscriptNumbers = content.descendants(named: ["sup"]).flatMap { sup -> [(offset: Int, number: Int)] in
            guard let offset = sup.sourceStart else { return [] }
            let text = InlineText.trim(sup.textContent)
            if let n = Int(text) { return [(offset, n)] }
            return MarkerRun.parse(TextRun(text))?.numbers.map { (offset, $0) } ?? []
        }
        var root = content
        root.children = rebuildChildren(content.children)
        addTooltipsOutsideContent()
        addAttributeNotes()
        orderRelationNotes()
        return root
    }

    /// Notes carried in their markers' attributes, as tooltip notes of their own.
    private mutating func addAttributeNotes() {
        for key in relationOrder {
            guard let note = attributeNotes[key] else { continue }
            let element = DOMElement(name: "span", children: [.text(DOMText(note.text, line: note.line))], line: note.line)
            notes.append(RawNote(kind: .tooltip, element: element, anchors: [key], ordinal: nil, line: note.line))
        }
    }

    /// Notes that relation markers name one by one (tooltips, popovers, attribute notes, the elements
    /// `data-target` names) have no list order of their own: they take their markers' order, in the
    /// places such notes hold among the others.
    private mutating func orderRelationNotes() {
        var markerIndex: [String: Int] = [:]
        for (i, key) in relationOrder.enumerated() where markerIndex[key] == nil { markerIndex[key] = i }
        let positions = notes.indices.filter { notes[$0].anchors.contains { markerIndex[$0] != nil } }
        func first(_ raw: RawNote) -> Int { raw.anchors.compactMap { markerIndex[$0] }.min() ?? Int.max }
        let ordered = positions.map { notes[$0] }.enumerated().sorted { a, b in
            let (x, y) = (first(a.element), first(b.element))
            return x != y ? x < y : a.offset < b.offset
        }
        for (position, entry) in zip(positions, ordered) { notes[position] = entry.element }
    }

    /// Tooltip copies that relation markers name but that are not in the content (site chrome removal
    /// dropped them) are read from the page, in marker order; the assembler keeps each note once.
    private mutating func addTooltipsOutsideContent() {
        var found = Set<String>()
        for raw in notes { found.formUnion(raw.anchors) }
        for key in relationOrder where !found.contains(key) {
            // Every relation key was checked when its marker was read (``relationMarkerKey``).
            guard let e = relations.element(key), e.hasVisibleText else { continue }
            notes.append(RawNote(kind: .tooltip, element: e, anchors: [key], ordinal: nil, line: e.line))
            found.insert(key)
        }
    }

    /// The key of a marker linked by a relation attribute rather than a link: its visible text reads
    /// as a marker label and it names a note-like element of the page, or (when it is a superscript or
    /// classed as a marker) any id. Nil for ordinary markers and for other controls.
    private func relationMarkerKey(_ e: DOMElement, insideSup: Bool) -> String? {
        guard FootnoteMarkup.relationMarkerNames.contains(e.name),
              FootnoteMarkup.marker(e, knownAnchors: [], insideSup: insideSup) == nil else { return nil }
        let ids = FootnoteMarkup.relationTargets(of: e)
        guard !ids.isEmpty, FootnoteMarkup.looksLikeMarkerLabel(FootnoteMarkup.cleanLabel(FootnoteMarkup.visibleText(e))) else {
            return nil
        }
        let markerLike = insideSup || e.name == "sup" || e.firstDescendant(named: "sup") != nil
            || FootnoteMarkup.hasClass(e, in: FootnoteMarkup.relationMarkerClasses)
            || FootnoteMarkup.hasClass(e, in: FootnoteMarkup.markerClasses)
        for id in ids {
            if let target = relations.element(id) {
                // A superscript number names its note, whatever the note's markup (Bootstrap's
                // `data-bs-target`, a plain `<div>` a script shows).
                if FootnoteMarkup.isNoteLike(target) || (markerLike && Self.canBeNote(target, of: e)) { return id }
            } else if markerLike || FootnoteMarkup.looksLikeNoteFragment(id) {
                return id
            }
        }
        return nil
    }

    /// Whether an element a marker names can be its note: it has text, and is no section (headings,
    /// many blocks) and no block around the marker itself.
    private static func canBeNote(_ target: DOMElement, of marker: DOMElement) -> Bool {
        guard target.hasVisibleText, !["html", "body", "main", "article"].contains(target.name),
              target.descendants(named: headingNames).isEmpty, target.descendants(named: ["p", "div", "li"]).count <= 6 else {
            return false
        }
        guard let start = marker.sourceStart else { return true }
        var holdsMarker = false
        target.walk { d in
            if d.sourceStart == start { holdsMarker = true }
            return !holdsMarker
        }
        return !holdsMarker
    }

    // MARK: pass A

    private mutating func scan(_ e: DOMElement, insideSup: Bool, insideAttributeNote: Bool = false) {
        var attributeNote = insideAttributeNote
        if let key = relationMarkerKey(e, insideSup: insideSup) {
            if let start = e.sourceStart { relationMarkers[start] = key }
            relationOrder.append(key)
            if let target = relations.element(key), !FootnoteMarkup.isTooltip(target) {
                targets.insert(key)
            } else {
                describedBy[key] = key
            }
            for name in ["id", "name"] {
                if let v = e[attribute: name], !v.isEmpty { markerIDs.insert(v) }
            }
        } else if let m = FootnoteMarkup.marker(e, knownAnchors: [], insideSup: insideSup) {
            if e.name == "a" { targets.insert(m.key) }
            for name in ["id", "name"] {
                if let v = e[attribute: name], !v.isEmpty { markerIDs.insert(v) }
            }
            if let d = e[attribute: "aria-describedby"] {
                for id in d.split(separator: " ") { describedBy[String(id)] = m.key }
            }
        } else if !insideAttributeNote, let start = e.sourceStart,
                  let text = FootnoteMarkup.attributeNoteText(e, insideSup: insideSup) {
            // The marker carries its note (`data-tippy-content`, a superscript's `title`).
            let key = "kei-attribute-note-\(attributeNotes.count + 1)"
            attributeNotes[key] = (text, e.line)
            relationMarkers[start] = key
            relationOrder.append(key)
            attributeNote = true
        } else if e.name == "sup" || e.name == "span", let d = e[attribute: "aria-describedby"],
                  let inner = e.firstDescendant(named: "a"),
                  let m = FootnoteMarkup.marker(inner, knownAnchors: [], insideSup: true) {
            for id in d.split(separator: " ") { describedBy[String(id)] = m.key }
        }
        // A superscript or span around a marker carries the id back-links point at (MediaWiki).
        if let id = e.id, !id.isEmpty, ["sup", "span"].contains(e.name),
           FootnoteMarkup.cleanLabel(FootnoteMarkup.visibleText(e)).count <= 8, markerKey(e) != nil
            || relationMarkerKey(e, insideSup: insideSup) != nil {
            markerIDs.insert(id)
        }
        let sup = insideSup || e.name == "sup"
        for child in e.children {
            // A button is read where its label is text (see ``rebuildChildren``).
            if case .element(let c) = child, c.name == "button" || !Self.droppedElements.contains(c.name) {
                scan(c, insideSup: sup, insideAttributeNote: attributeNote)
            }
        }
    }

    // MARK: pass B

    /// - Parameter inText: the nodes stand in running text (an ancestor reached through inline
    ///   elements has text of its own).
    private mutating func rebuildChildren(_ kids: [DOMNode], contextKey: String? = nil, inText: Bool = false) -> [DOMNode] {
        var out: [DOMNode] = []
        var lastMarkerKey: String?
        let inText = inText || kids.contains { if case .text(let t) = $0 { return !InlineText.isBlank(t.value) }; return false }
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
            case .element(var c):
                if c.name == "button" {
                    // A button's label in a sentence is text a reader sees, and a button can be a note
                    // marker; other buttons (share, menu, close) are controls, not content.
                    guard inText || c.sourceStart.map({ relationMarkers[$0] != nil }) == true else { continue }
                    c.name = "span"
                }
                if Self.droppedElements.contains(c.name) { continue }
                if Self.headingNames.contains(c.name), FootnoteMarkup.isAcknowledgementsHeading(c.textContent) {
                    let region = headedRegion(kids, from: i)
                    if InlineText.hasVisibleText(region) {
                        acknowledgements.append(RawAcknowledgements(title: c, nodes: region, line: c.line))
                        i += region.count
                        continue
                    }
                }
                if let taken = extractLabelledRegion(c) {
                    out += taken
                    continue
                }
                let pseudoHeading = Self.isBoldParagraphHeading(c)
                if Self.headingNames.contains(c.name) || pseudoHeading, let kind = FootnoteMarkup.backMatter(heading: c.textContent) {
                    let region = headedRegion(kids, from: i)
                    var trial = self
                    if let leftovers = trial.extractRegion(region, kind: kind, after: pseudoHeading ? c : nil, headingOffset: c.sourceStart) {
                        self = trial
                        out += rebuildChildren(leftovers)
                        i += region.count
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
                if FootnoteMarkup.isInlineNote(c), markerKey(c) == nil {
                    if let k = lastMarkerKey ?? contextKey {
                        // The note follows its own marker: the marker stays, the note leaves the text.
                        notes.append(RawNote(kind: .tooltip, element: c, anchors: [k], ordinal: nil, line: c.line))
                    } else {
                        placeInlineNote(c, into: &out)
                    }
                    lastMarkerKey = nil
                    continue
                }
                let key = markerKey(c)
                var copy = c
                if let start = c.sourceStart, let k = relationMarkers[start] {
                    copy.attributes.append(DOMAttribute(name: FootnoteMarkup.keyAttribute, value: k))
                }
                let rebuilt = rebuildChildren(c.children, contextKey: key ?? contextKey,
                                              inText: inText && BlockBuilder.formattingNames.contains(c.name))
                // Unchanged children keep the parsed tree's storage (no second copy of the page).
                if !DOMNode.identical(rebuilt, c.children) { copy.children = rebuilt }
                out.append(.element(copy))
                if let key, c.name != "span" || FootnoteMarkup.cleanLabel(copy.textContent).count <= 8 {
                    lastMarkerKey = key
                } else if InlineText.hasVisibleText(c.children) {
                    lastMarkerKey = nil
                }
            }
        }
        return DOMNode.identical(out, kids) ? kids : out
    }

    /// A paragraph that serves as a heading: all its visible text in one `<strong>` or `<b>`
    /// (`<p><strong>Notes</strong></p>`).
    static func isBoldParagraphHeading(_ e: DOMElement) -> Bool {
        guard e.name == "p" else { return false }
        var bold: DOMElement?
        for child in e.children {
            switch child {
            case .comment: continue
            case .text(let t): if !InlineText.isBlank(t.value) { return false }
            case .element(let c):
                guard bold == nil, c.name == "strong" || c.name == "b" else { return false }
                bold = c
            }
        }
        return bold != nil
    }

    /// The number of a note paragraph that starts with a superscript number (`<p><sup>3</sup> Text</p>`).
    static func leadingSuperscriptNumber(_ e: DOMElement) -> Int? {
        for child in e.children {
            switch child {
            case .comment: continue
            case .text(let t): if !InlineText.isBlank(t.value) { return nil }
            case .element(let c):
                guard c.name == "sup", c.descendants(named: ["a"]).isEmpty else { return nil }
                let text = InlineText.trim(c.textContent)
                guard text.count <= 3 else { return nil }
                return Int(text)
            }
        }
        return nil
    }

    /// Whether the superscript numbers printed before `offset` (all of them when it is nil), taken at
    /// their first occurrence, are the markers of notes 1…`count` in order: other superscript numbers
    /// (a power, a larger number) are passed over, but each of 1…`count` must be there, in order.
    private func superscriptMarkersMatch(_ count: Int, before offset: Int?) -> Bool {
        guard count > 0 else { return false }
        var seen = Set<Int>()
        var order: [Int] = []
        for s in superscriptNumbers where offset.map({ s.offset < $0 }) ?? true && (1...count).contains(s.number) {
            if seen.insert(s.number).inserted { order.append(s.number) }
        }
        return order == Array(1...count)
    }

    /// The nodes after the heading at `kids[start - 1]` up to the next heading.
    private func headedRegion(_ kids: [DOMNode], from start: Int) -> [DOMNode] {
        var region: [DOMNode] = []
        var j = start
        while j < kids.count {
            if case .element(let s) = kids[j], Self.headingNames.contains(s.name) { break }
            region.append(kids[j])
            j += 1
        }
        return region
    }

    /// A region that the page names elsewhere (`aria-labelledby`, the button that `aria-controls` it,
    /// a `<details>` summary) or marks by role, class or id: acknowledgements are taken out whole;
    /// a "Notes"/"References" region gives its entries. Returns what stays in the body, or nil when
    /// the element is none of these.
    private mutating func extractLabelledRegion(_ c: DOMElement) -> [DOMNode]? {
        let label = relations.labelElement(of: c)
        var content = c.children
        if c.name == "details" { content.removeAll { $0.element?.name == "summary" } }
        if let label, FootnoteMarkup.isAcknowledgementsHeading(label.textContent) || FootnoteMarkup.isAcknowledgementsContainer(c) {
            guard InlineText.hasVisibleText(content) else { return nil }
            acknowledgements.append(RawAcknowledgements(title: label, nodes: content, line: c.line))
            return []
        }
        if FootnoteMarkup.isAcknowledgementsContainer(c), InlineText.hasVisibleText(content) {
            // The first heading inside names the acknowledgements.
            var title: DOMElement?
            if let index = content.firstIndex(where: { $0.element.map { Self.headingNames.contains($0.name) } ?? false }) {
                title = content[index].element
                content.remove(at: index)
            }
            acknowledgements.append(RawAcknowledgements(title: title, nodes: content, line: c.line))
            return []
        }
        guard let label, let kind = FootnoteMarkup.backMatter(heading: label.textContent) else { return nil }
        var trial = self
        guard let leftovers = trial.extractRegion(content, kind: kind) else { return nil }
        self = trial
        return rebuildChildren(leftovers)
    }

    /// Takes a note written in place out of the text and leaves a marker where it stood: in the
    /// sentence for a phrase, at the end of the paragraph before it for a block (`<aside>`).
    private mutating func placeInlineNote(_ c: DOMElement, into out: inout [DOMNode]) {
        inlineNoteCount += 1
        let key = "kei-inline-note-\(inlineNoteCount)"
        let label = String(inlineNoteCount)
        notes.append(RawNote(kind: .inline, element: c, anchors: [key], ordinal: inlineNoteCount, line: c.line))
        let marker = DOMElement(name: "sup", attributes: [DOMAttribute(name: FootnoteMarkup.keyAttribute, value: key),
                                                          DOMAttribute(name: FootnoteMarkup.labelAttribute, value: label)],
                                children: [.text(DOMText(label, line: c.line))], line: c.line)
        let isBlock = ["aside", "div", "p", "section"].contains(c.name)
        if isBlock, let last = out.lastIndex(where: { node in
            if case .text(let t) = node { return !InlineText.isBlank(t.value) }
            return node.element != nil
        }), case .element(var previous) = out[last], ["p", "li", "dd", "dt", "blockquote"].contains(previous.name) {
            previous.children.append(.element(marker))
            out[last] = .element(previous)
        } else {
            out.append(.element(marker))
        }
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
        // A wrapper holding several notes (`<div class="notes"><p id="fn1">…<p id="fn2">`) is not one note.
        guard innerTargetCount(e) <= 1 else { return false }
        if let id = e.id, targets.contains(id) {
            // Nor is a whole section a link points at.
            return e.descendants(named: ["li"]).isEmpty
                && e.descendants(named: Self.headingNames).isEmpty && e.descendants(named: ["p", "div", "table"]).count <= 6
        }
        return leadingAnchorIDs(e).contains { targets.contains($0) }
    }

    /// How many elements inside `e` (not `e` itself) carry an id, or an anchor name, that a marker points at.
    private func innerTargetCount(_ e: DOMElement) -> Int {
        var n = 0
        for child in e.childElements {
            child.walk { d in
                if let id = d.id, targets.contains(id) {
                    n += 1
                } else if d.name == "a", let name = d[attribute: "name"], targets.contains(name) {
                    n += 1
                }
                return true
            }
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
    ///
    /// Paragraphs numbered by a leading superscript (`<p><sup>1</sup> Text</p>`), and any paragraphs
    /// after a bold paragraph heading (`pseudoHeading`), are taken only when every paragraph is
    /// numbered, the numbers run 1…n, and superscript numbers 1…n stand in that order in the text
    /// before the heading (at `headingOffset`); they are then notes whatever the heading says.
    private mutating func extractRegion(_ region: [DOMNode], kind: FootnoteMarkup.BackMatter,
                                        after pseudoHeading: DOMElement? = nil, headingOffset: Int? = nil) -> [DOMNode]? {
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
        if pseudoHeading != nil, hasItems, !superscriptMarkersMatch(entries.count, before: headingOffset) { return nil }
        if !hasItems {
            // Paragraph entries: numbered ones start notes; unnumbered ones continue the previous note
            // (notes) or are entries of their own (references).
            if pseudoHeading != nil || entries.contains(where: { Self.leadingSuperscriptNumber($0.element) != nil }) {
                let numbers = entries.map { Self.leadingSuperscriptNumber($0.element)
                    ?? FootnoteMarkup.leadingNumber($0.element.textContent).flatMap { Int($0.label) } }
                guard !entries.isEmpty, numbers == (1...entries.count).map(Optional.some),
                      superscriptMarkersMatch(entries.count, before: headingOffset) else { return nil }
                notes += entries
                return leftovers
            }
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
