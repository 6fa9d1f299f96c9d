import Foundation
import KeiXML

/// One run of the content-extraction algorithm over a page (see ``ContentExtractor``).
///
/// 1. Pre-clean: drop scripts/styles/forms controls/embeds/iframes/objects, hidden elements,
///    landmark chrome (`nav`, `aside`, `header`, `footer`, `form`, role=navigation/search/banner …)
///    and elements whose class/id hints say chrome (sidebar, newsletter, search, series, about,
///    related, comments, cookie, share/download/print when short) — unless the element holds most
///    of the page's text (a page wrapper) or footnotes/endnotes, which are never chrome.
/// 2. Score paragraphs Readability-style (1 + commas + length, scaled by 1 − link density) into
///    up to five ancestors, weighted by tag and class hints (never the cells of a data table: see
///    `proseScoring()`); pick the best container, then climb to a parent that scores as well or
///    holds nothing else.
/// 3. Assemble: the candidate plus its content-like siblings (high-scoring blocks, prose
///    paragraphs, lists/tables/figures with few links, headed prose blocks such as an executive
///    summary, headings that lead into included blocks), starting at the title `h1` when one
///    precedes it and stopping after the notes. Inside the candidate, blocks before the title
///    `h1` (matched against `<title>`) and short blocks after the notes list are dropped. Note
///    containers after the candidate within the same article are rescued and appended.
/// 4. Clean the assembled content conditionally (chrome-hinted or link-heavy blocks, near-empty
///    blocks, stray standalone links such as "Download PDF", short PDF download prompts), never
///    touching note containers, then rebuild it as a new `DOMElement` (original `line`s kept).
///
/// Statistics are recomputed bottom-up in one linear pass after each removal phase.
struct ExtractionPass {
    /// Whether class/id hints are used (the relaxed retry turns them off).
    var useHints: Bool
    /// Whether the assembled content is cleaned conditionally.
    var cleanConditionally: Bool

    private var tree: ExtractionTree
    private var score: [Double]
    private var scored: [Bool]
    /// Memo for `noteStrength`: 0 unknown, else strength + 1.
    private var noteCache: [UInt8]
    /// Ids that note markers on the page point at (``FootnoteMarkup/markerTargets(_:insideSup:)``):
    /// the element carrying one, or opening with an anchor that does, is a note, however short.
    private let markerTargets: Set<String>
    /// The note markers of the page whose targets are on it, by element index: what holds one is
    /// article text (see ``holdsNoteMarker(_:)``).
    private let noteMarkers: [Bool]
    /// The page's `<title>`, normalized (see `normalized`), when it has one.
    private var documentTitle: String?
    /// Every element this pass removed, with why, in the order removed (see ``RemovedBlock``).
    private var removals: [(index: Int, reason: RemovedBlock.Reason)] = []
    /// The blocks of more than ``RemovedBlock/minimumWords`` words removed from inside the article
    /// container that `run()` chose, in document order.
    private(set) var removedBlocks: [RemovedBlock] = []

    init(tree: ExtractionTree, useHints: Bool, cleanConditionally: Bool) {
        self.tree = tree
        self.useHints = useHints
        self.cleanConditionally = cleanConditionally
        score = Array(repeating: 0, count: tree.count)
        scored = Array(repeating: false, count: tree.count)
        noteCache = Array(repeating: 0, count: tree.count)
        (markerTargets, noteMarkers) = ExtractionPass.noteMarkers(in: tree)
        for i in 0..<tree.count where tree.elements[i].name == "title" {
            let t = ExtractionPass.normalized(tree.elements[i].textContent)
            if !t.isEmpty { documentTitle = t }
            break
        }
    }

    /// The extracted content and its count of non-whitespace characters, or nil when the page has no text.
    mutating func run() -> (element: DOMElement, textLength: Int)? {
        guard tree.count > 0 else { return nil }
        var body = 0
        for i in 0..<tree.count where tree.elements[i].name == "body" { body = i; break }
        preClean(body)
        tree.computeStats()
        guard tree.text[body] > 0 || tree.images[body] > 0 else { return nil }
        scoreParagraphs(body)
        guard let candidate = bestCandidate(body) else {
            if cleanConditionally { clean(inside: body, protecting: body) ; tree.computeStats() }
            guard tree.text[body] > 0 else { return nil }
            reportRemovals(inside: [body])
            return (tree.rebuild(body), tree.text[body])
        }
        let top = climb(candidate, body: body)
        return assemble(top: top, body: body)
    }

    /// Marks `i` removed (with its subtree) and remembers why.
    private mutating func markRemoved(_ i: Int, _ reason: RemovedBlock.Reason) {
        tree.removed[i] = true
        removals.append((i, reason))
    }

    /// Fills ``removedBlocks`` with the removals inside the chosen container blocks that held more
    /// than ``RemovedBlock/minimumWords`` words, a paragraph holding a sentence, a caption
    /// ("Figure 3: …", a figcaption), text in a table (see ``holdsTableText(_:countingRemoved:)``),
    /// or at least ``RemovedBlock/minimumWordsBesideMainText`` words left out beside the main text.
    private mutating func reportRemovals(inside roots: [Int]) {
        var out: [RemovedBlock] = []
        for (i, reason) in removals.sorted(by: { $0.index < $1.index }) {
            guard roots.contains(where: { tree.contains($0, i) && $0 != i }) else { continue }
            // A removal inside another removed block is reported with that block.
            var a = tree.parent[i]
            var nested = false
            while a >= 0 { if tree.removed[a] { nested = true; break }; a = tree.parent[a] }
            if nested { continue }
            let text = tree.elements[i].textContent
            let words = InlineText.wordCount(text)
            // A block of the article left out beside its main text is reported from a few words on: it
            // was the page's own content, and nothing else (a class, a hint) says it was chrome.
            guard words > RemovedBlock.minimumWords || holdsSentence(i) || hasCaptionOrLabel(i)
                || holdsTableText(i, countingRemoved: true)
                || (reason == .besideMainText && words >= RemovedBlock.minimumWordsBesideMainText) else { continue }
            out.append(RemovedBlock(element: tree.elements[i].name, line: tree.elements[i].line,
                                    sourceStart: tree.elements[i].sourceStart, words: words,
                                    excerpt: RemovedBlock.excerpt(of: text), reason: reason))
        }
        removedBlocks = out
    }

    // MARK: - Pre-clean

    private static let alwaysRemoved: Set<String> = [
        "script", "style", "noscript", "template", "link", "meta", "iframe", "object", "embed", "button",
        "input", "select", "textarea", "option", "canvas", "audio", "video", "frame", "frameset", "applet",
        "param", "source", "track", "map", "svg", "head", "title", "base",
    ]
    private static let landmarkChrome: Set<String> = ["form", "nav", "aside", "header", "footer", "dialog", "menu"]

    private func isBig(_ i: Int, body: Int) -> Bool {
        if tree.containsLandmark[i] { return true }
        let pt = tree.paragraphText[body]
        if pt > 0, tree.paragraphText[i] * 2 >= pt { return true }
        let t = tree.text[body]
        return t > 0 && tree.text[i] * 10 >= t * 6
    }

    private mutating func preClean(_ body: Int) {
        // Scripts, styles, embeds and form controls first, so that the size tests below
        // (`isBig`) measure only text a reader could see.
        // Nothing a browser does not render is read (see ``RenderedContent``), notes included.
        var i = body + 1
        var removedAny = false
        while i < tree.end[body] {
            let e = tree.elements[i]
            if ExtractionPass.alwaysRemoved.contains(e.name) || RenderedContent.unrenderedElements.contains(e.name),
               !(e.name == "button" && isButtonInRunningText(i)) {
                tree.removed[i] = true
                removedAny = true
                i = tree.end[i]
            } else if RenderedContent.isHidden(e) {
                markRemoved(i, .hidden)
                removedAny = true
                i = tree.end[i]
            } else {
                i += 1
            }
        }
        if removedAny { tree.computeStats() }
        i = body + 1
        var protectedEnd = -1
        while i < tree.end[body] {
            if tree.removed[i] { i = tree.end[i]; continue }
            let e = tree.elements[i]
            let name = e.name
            if i >= protectedEnd, isNoteContainer(i) {
                protectedEnd = tree.end[i]
            }
            if i < protectedEnd { i += 1; continue }
            var remove = false
            if ExtractionPass.landmarkChrome.contains(name) {
                remove = !(name == "header" && headerBelongsToArticle(i)) && !isQuotationAttribution(i)
            }
            if !remove, useHints, !isInRunningText(i), !(name == "button" && isButtonInRunningText(i)) {
                let h = tree.hints[i]
                if h.isChrome || (h.isWeakChrome && !h.isPositive) { remove = true }
                if !remove, h.isUtility, !h.isPositive || tree.text[i] < 200, tree.text[i] < 500 { remove = true }
                // A figure with its caption is content whatever its class says (`<figure class="share">`).
                if remove, isCaptionedFigure(i) { remove = false }
                // So is a paragraph citing a note.
                if remove, name == "p", holdsNoteMarker(i) { remove = false }
            }
            // Chrome-looking wrappers that hold the notes (`<footer class="entry-footer">` around
            // the footnotes) are kept and cleaned from the inside instead.
            if remove, !isBig(i, body: body), !containsNotes(i, strongOnly: true) {
                markRemoved(i, .chromeHint)
                i = tree.end[i]
            } else {
                i += 1
            }
        }
    }

    private static let inlineNames: Set<String> = [
        "a", "span", "em", "strong", "b", "i", "u", "time", "abbr", "small", "cite", "sup", "sub", "code", "font",
        "label", "q", "mark", "var", "kbd", "samp", "bdi", "bdo", "data", "dfn", "s", "del", "ins",
    ]

    /// An inline element inside a sentence (its parent has text of its own): class hints such as
    /// `date` or `author` on it describe a phrase, not a block to remove.
    private func isInRunningText(_ i: Int) -> Bool {
        let p = tree.parent[i]
        return p >= 0 && tree.ownText[p] > 0 && ExtractionPass.inlineNames.contains(tree.elements[i].name)
    }

    /// A block element the page opened inside a paragraph: reached from a `p` through inline elements
    /// (`<p>Open <span>x <div>Inner</div></span> after</p>`, as libxml2 keeps it), or standing right after a
    /// `p` whose end tag is missing (`<p>Unclosed <div>Text`: the parser closes the `p` at the `<div>`, so the
    /// paragraph's last text ends where the block's start tag begins).
    private func isBlockInParagraph(_ i: Int) -> Bool {
        var p = tree.parent[i]
        while p >= 0 {
            if tree.elements[p].name == "p" { return true }
            guard ExtractionPass.inlineNames.contains(tree.elements[p].name) else { break }
            p = tree.parent[p]
        }
        let parent = tree.parent[i]
        guard parent >= 0, let start = tree.elements[i].sourceStart else { return false }
        // The node just before the block must be the paragraph (no whitespace or comment between them).
        let nodes = tree.elements[parent].children
        guard let node = nodes.firstIndex(where: { $0.element?.sourceStart == start }), node > 0,
              case .element(let previous) = nodes[node - 1], previous.name == "p" else { return false }
        return Self.lastTextEnd(previous) == start
    }

    /// The source offset where the last text of `e` (at any depth) ends, when known.
    private static func lastTextEnd(_ e: DOMElement) -> Int? {
        for child in e.children.reversed() {
            switch child {
            case .text(let t): return t.run.span?.end
            case .element(let c): if let end = lastTextEnd(c) { return end }
            case .comment: return nil
            }
        }
        return nil
    }

    /// A `<button>` whose label a reader sees inside a sentence ("Press <button>Accept</button> to
    /// continue", a note marker drawn as a button): an ancestor reached through inline elements has
    /// text of its own. Buttons elsewhere (share, menu and close controls) are chrome.
    private func isButtonInRunningText(_ i: Int) -> Bool {
        var p = tree.parent[i]
        while p >= 0 {
            if tree.ownText[p] > 0 { return true }
            guard ExtractionPass.inlineNames.contains(tree.elements[p].name) else { return false }
            p = tree.parent[p]
        }
        return false
    }

    /// A `header` inside an article that carries the article's `h1` is part of the article.
    private func headerBelongsToArticle(_ i: Int) -> Bool {
        var hasH1 = false
        for k in (i + 1)..<tree.end[i] where tree.elements[k].name == "h1" { hasH1 = true; break }
        guard hasH1 else { return false }
        var a = tree.parent[i]
        while a >= 0 {
            let n = tree.elements[a].name
            if n == "article" || n == "main" || tree.elements[a][attribute: "role"] == "main" { return true }
            a = tree.parent[a]
        }
        return false
    }

    /// Whether `i` is a `<footer>` that is a child of a `<blockquote>` (its attribution, as HTML's
    /// examples of quotations write it), not page chrome.
    private func isQuotationAttribution(_ i: Int) -> Bool {
        tree.elements[i].name == "footer" && tree.parent[i] >= 0 && tree.elements[tree.parent[i]].name == "blockquote"
    }

    // MARK: - Notes

    private static let noteHeadings: Set<String> = [
        "notes", "endnotes", "footnotes", "references", "sources", "bibliography", "works cited", "citations",
        "end notes", "foot notes", "notes and references",
    ]

    /// Whether element `i` is a footnote/endnote/reference container.
    mutating func isNoteContainer(_ i: Int) -> Bool {
        noteStrength(i) > 0
    }

    /// Whether `i` is a note container by its class/id or its items' ids (not only by a "Notes" heading).
    mutating func isStrongNoteContainer(_ i: Int) -> Bool {
        noteStrength(i) > 1
    }

    /// 0: not notes; 1: a block headed "Notes"/"References" holding a list; 2: hinted by class/id or item ids.
    private mutating func noteStrength(_ i: Int) -> UInt8 {
        switch tree.elements[i].name {
        case "div", "section", "ol", "ul", "aside", "footer", "dl", "article", "table", "p": break
        default: return 0
        }
        if noteCache[i] != 0 { return noteCache[i] - 1 }
        let result = computeNoteStrength(i)
        noteCache[i] = result + 1
        return result
    }

    private func computeNoteStrength(_ i: Int) -> UInt8 {
        let name = tree.elements[i].name
        let h = tree.hints[i]
        if let id = tree.elements[i].id, ExtractionPass.looksLikeNoteBlockID(id) { return 2 }
        if isMarkerTarget(i) { return 2 }
        // A note written in place (`<aside epub:type="footnote">`, `role="doc-footnote"`) is never chrome.
        if name == "aside", FootnoteMarkup.isInlineNoteMarkup(tree.elements[i]) { return 2 }
        if name == "p" { return 0 }
        if h.isNotes, !h.isChrome { return 2 }
        if name == "ol" || name == "ul" { return isNoteList(i) ? 2 : 0 }
        if h.isChrome || h.isUtility { return 0 }
        // A section headed "Notes"/"References" that holds a list…
        var listText = 0
        var headed = false
        for c in tree.children(of: i) {
            let n = tree.elements[c].name
            if n == "ol" || n == "ul" || n == "dl" { listText += tree.text[c] }
            if ["h2", "h3", "h4", "h5", "h6"].contains(n), tree.end[c] - c < 8 {
                let t = tree.elements[c].textContent.lowercased()
                    .trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: .punctuationCharacters)
                if ExtractionPass.noteHeadings.contains(t) { headed = true }
            }
        }
        // …and is mostly that list (not an article that merely ends with its notes).
        return headed && listText > 0 && listText * 2 >= tree.text[i] ? 1 : 0
    }

    /// The ids every marker of the tree points at, and which elements are markers whose target is
    /// an element of the tree.
    private static func noteMarkers(in tree: ExtractionTree) -> (targets: Set<String>, markers: [Bool]) {
        var targets = Set<String>()
        var targetsByElement: [[String]] = Array(repeating: [], count: tree.count)
        var ids = Set<String>()
        var insideSup = Array(repeating: false, count: tree.count)
        for i in 0..<tree.count {
            let e = tree.elements[i]
            let p = tree.parent[i]
            if p >= 0 { insideSup[i] = insideSup[p] || tree.elements[p].name == "sup" }
            targetsByElement[i] = FootnoteMarkup.markerTargets(e, insideSup: insideSup[i])
            targets.formUnion(targetsByElement[i])
            if let id = e.id, !id.isEmpty { ids.insert(id) }
            if e.name == "a", let name = e[attribute: "name"], !name.isEmpty { ids.insert(name) }
        }
        return (targets, targetsByElement.map { $0.contains(where: ids.contains) })
    }

    /// Whether the kept part of `i` holds a note marker whose note is on the page: a paragraph that
    /// cites a note is article text however short it is ("First claim.¹ Second claim.²").
    private func holdsNoteMarker(_ i: Int) -> Bool {
        var k = i
        while k < tree.end[i] {
            if tree.removed[k] { k = tree.end[k]; continue }
            if noteMarkers[k] { return true }
            k += 1
        }
        return false
    }

    /// Whether a marker points at `i`: by its id, or by the id or name of the anchor that opens it
    /// (Google Docs' `<div><p><a id="ftnt1">[1]</a> …`, Word's `<a name="_ftn1">`). A block with
    /// headings or many paragraphs (a section a stray superscript link names) is not a note.
    private func isMarkerTarget(_ i: Int) -> Bool {
        guard !markerTargets.isEmpty, tree.paragraphs[i] <= 6,
              !(i..<tree.end[i]).contains(where: { ExtractionPass.headingNames.contains(tree.elements[$0].name) }) else { return false }
        var e = tree.elements[i]
        if let id = e.id, markerTargets.contains(id) { return true }
        for _ in 0..<4 {
            let opening = e.children.first { node in
                if case .text(let t) = node { return !InlineText.isBlank(t.value) }
                return node.element != nil
            }
            guard case .element(let c)? = opening else { return false }
            if let id = c.id, markerTargets.contains(id) { return true }
            if c.name == "a" { return c[attribute: "name"].map { markerTargets.contains($0) } ?? false }
            e = c
        }
        return false
    }

    private func isNoteList(_ i: Int) -> Bool {
        var items = 0
        var noteItems = 0
        for c in tree.children(of: i) where tree.elements[c].name == "li" {
            items += 1
            if let id = tree.elements[c].id?.lowercased(), ExtractionPass.looksLikeNoteID(id) { noteItems += 1 }
        }
        return items > 0 && noteItems * 2 >= items
    }

    /// List-item ids of note lists: `fn1`, `footnote-0`, `footnote1_abc`, `endnote3`, `cite_note-4`,
    /// `ref12`, `note-2`, `bib5`, `_ftn1`, `edn2`.
    static func looksLikeNoteID(_ id: String) -> Bool {
        let bare = id.drop(while: { $0 == "_" })
        let prefixes = ["fn", "ftn", "edn", "footnote", "endnote", "sdfootnote", "sdendnote", "cite_note", "cite-note",
                        "note", "ref", "bib"]
        guard prefixes.contains(where: { bare.hasPrefix($0) }) else { return false }
        return bare.contains(where: { $0.isNumber })
    }

    /// Ids of single-note blocks as word processors export them (`ftn1`, `_ftn1`, `edn2`,
    /// `sdfootnote3`, `footnote-4`, `fn5`), but not their back-reference anchors (`_ftnref1`, `fnref1`).
    static func looksLikeNoteBlockID(_ id: String) -> Bool {
        let bare = id.drop(while: { $0 == "_" }).lowercased()
        guard !bare.contains("ref") else { return false }
        let prefixes = ["ftn", "edn", "sdfootnote", "sdendnote", "footnote", "endnote", "fn"]
        guard prefixes.contains(where: { bare.hasPrefix($0) }) else { return false }
        return bare.contains(where: { $0.isNumber })
    }

    // MARK: - Scoring

    private func isParagraphLike(_ i: Int) -> Bool {
        switch tree.elements[i].name {
        case "p", "pre": return true
        case "div", "section", "article", "span", "font", "center", "main", "td":
            return !tree.hasBlockChild[i] && tree.ownText[i] > 0
        default: return false
        }
    }

    private func initialScore(_ i: Int) -> Double {
        var s: Double
        switch tree.elements[i].name {
        case "div": s = 5
        case "pre", "td", "blockquote": s = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": s = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": s = -5
        default: s = 0
        }
        if useHints { s += tree.hints[i].weight }
        return s
    }

    /// A table cell scores as prose only when this many times its text is at least its table's text
    /// (it holds a quarter or more of it); a cell with less is one entry of a data table.
    private static let minimumProseCellShare = 4

    /// Whether each element may score as the article's prose: not when it is, or lies inside, a table
    /// cell (`td`, `th`) that holds less than a quarter of its table's kept text. A layout table's
    /// content cell holds most of its table's text and scores as before; the cells of a data table are
    /// many short entries, and scoring them would let a long table (hundreds of rows, each cell a
    /// "paragraph") outscore the article around it and be taken for the article. One pass in document
    /// order (a parent before its children); the table itself is kept by the assembly as a content block.
    private func proseScoring() -> [Bool] {
        var allowed = Array(repeating: true, count: tree.count)
        var table = Array(repeating: -1, count: tree.count)
        for i in 0..<tree.count {
            let p = tree.parent[i]
            let name = tree.elements[i].name
            table[i] = name == "table" ? i : (p >= 0 ? table[p] : -1)
            allowed[i] = p >= 0 ? allowed[p] : true
            if name == "td" || name == "th", p >= 0, table[p] >= 0 {
                allowed[i] = allowed[i] && tree.text[i] * ExtractionPass.minimumProseCellShare >= tree.text[table[p]]
            }
        }
        return allowed
    }

    private mutating func scoreParagraphs(_ body: Int) {
        let prose = proseScoring()
        var i = body
        while i < tree.end[body] {
            if tree.removed[i] { i = tree.end[i]; continue }
            // Notes are not the article's prose: a notes block whose entries have more commas than
            // the text citing them must not win over that text.
            if isNoteContainer(i) { i = tree.end[i]; continue }
            if isParagraphLike(i), tree.text[i] >= 20, prose[i] {
                let contentScore = 1 + Double(tree.commas[i]) + min(Double(tree.text[i] / 85), 3)
                var a = tree.parent[i]
                var level = 0
                while a >= 0, level < 5, tree.elements[a].name != "html" {
                    if !scored[a] { score[a] = initialScore(a); scored[a] = true }
                    let divider: Double = level == 0 ? 1 : (level == 1 ? 2 : Double(level) * 3)
                    score[a] += contentScore / divider
                    a = tree.parent[a]
                    level += 1
                }
            }
            i += 1
        }
        for k in 0..<tree.count where scored[k] {
            score[k] *= (1 - tree.linkDensity(k))
        }
    }

    private func bestCandidate(_ body: Int) -> Int? {
        var best: Int?
        for k in body..<tree.end[body] where scored[k] && !tree.removed[k] {
            if let b = best, score[k] <= score[b] { continue }
            best = k
        }
        return best
    }

    /// Readability's adjustments: move up to a parent that scores well too, or whose only child is the candidate.
    private func climb(_ candidate: Int, body: Int) -> Int {
        var top = candidate
        // Parent score climbing.
        var lastScore = score[top]
        let threshold = lastScore / 3
        var p = tree.parent[top]
        while p >= 0, p != body, tree.elements[p].name != "html" {
            if !scored[p] { p = tree.parent[p]; continue }
            if score[p] < threshold { break }
            if score[p] > lastScore { top = p; break }
            lastScore = score[p]
            p = tree.parent[p]
        }
        // Only-child climbing: the candidate is the only child with content.
        while top != body, tree.parent[top] >= 0, tree.parent[top] != body {
            let parentIndex = tree.parent[top]
            let others = tree.children(of: parentIndex).filter {
                $0 != top && !tree.removed[$0] && (tree.text[$0] > 0 || tree.images[$0] > 0)
            }
            if !others.isEmpty || tree.ownText[parentIndex] > 0 { break }
            top = parentIndex
        }
        return top
    }

    // MARK: - Assembly

    private static let headingNames: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    private static let tableParts: Set<String> = ["table", "tbody", "thead", "tfoot", "tr"]
    private static let contentBlocks: Set<String> = ["ul", "ol", "blockquote", "table", "figure", "pre", "dl", "picture", "img"]

    private mutating func assemble(top: Int, body: Int) -> (element: DOMElement, textLength: Int)? {
        let container = tree.parent[top]
        guard top != body, container >= 0 else {
            trimInside(top)
            if cleanConditionally { clean(inside: top, protecting: top); tree.computeStats() }
            guard tree.text[top] > 0 else { return nil }
            reportRemovals(inside: [top])
            return (tree.rebuild(top), tree.text[top])
        }
        trimInside(top)
        let kids = tree.children(of: container).filter { !tree.removed[$0] }
        guard let topPos = kids.firstIndex(of: top) else { return nil }
        var start = 0
        for k in 0..<topPos where tree.elements[kids[k]].name == "h1" { start = k }
        let startsAtTitle = tree.elements[kids[start]].name == "h1"
        let threshold = max(10, score[top] * 0.2)
        let topClass = tree.elements[top][attribute: "class"] ?? ""
        var include = Set<Int>()
        var afterNotes = containsEndNotes(top)
        for k in start..<kids.count {
            let c = kids[k]
            if c == top { include.insert(c); continue }
            if afterNotes, k > topPos {
                // Nothing of the article follows its notes but more notes and text citing them.
                if containsNotes(c) || holdsNoteMarker(c) { include.insert(c) }
                continue
            }
            // Prose blocks next to the candidate: leading ones (an executive summary) between the
            // title and the candidate, or ones of comparable size (an article split into sections).
            // A headed prose block right before the candidate (an executive summary) counts too.
            let prose = (startsAtTitle && k < topPos) || tree.text[c] * 4 >= tree.text[top]
                || (k == topPos - 1 && containsHeading(c))
            if includeSibling(c, threshold: threshold, topClass: topClass, allowProseSection: prose) {
                include.insert(c)
                if k > topPos, containsEndNotes(c) { afterNotes = true }
            }
        }
        // The article title: the h1 the assembly starts from.
        if start < topPos, tree.elements[kids[start]].name == "h1", tree.text[kids[start]] > 0 { include.insert(kids[start]) }
        // Headings lead into the content that follows them.
        for k in stride(from: kids.count - 1, through: start, by: -1) {
            let c = kids[k]
            guard ExtractionPass.headingNames.contains(tree.elements[c].name), !include.contains(c) else { continue }
            var next = k + 1
            while next < kids.count, ExtractionPass.headingNames.contains(tree.elements[kids[next]].name) { next += 1 }
            if next < kids.count, include.contains(kids[next]), tree.linkDensity(c) < 0.5 { include.insert(c) }
        }
        // Footnotes/endnotes after the candidate, anywhere in the enclosing article.
        var rescued: [Int] = []
        let region = noteRegion(container)
        var i = tree.end[top]
        while i < tree.end[region] {
            if tree.removed[i] { i = tree.end[i]; continue }
            if include.contains(i) { i = tree.end[i]; continue }
            if isNoteContainer(i), tree.text[i] > 0 {
                if !includedAncestor(i, container: container, include: include) { rescued.append(i) }
                i = tree.end[i]
                continue
            }
            if let run = acknowledgementsRun(i), !includedAncestor(i, container: container, include: include) {
                // Acknowledgements are back matter of the article, like its notes.
                rescued += run
                i = tree.end[run.last ?? i]
                continue
            }
            i += 1
        }
        if cleanConditionally {
            for c in include.sorted() where c != top { clean(inside: c, protecting: top) }
            clean(inside: top, protecting: top)
            tree.computeStats()
        }
        var element = tree.rebuild(container, keepChild: { include.contains($0) }, keepText: false)
        if ExtractionPass.tableParts.contains(element.name) {
            // A layout-table cell won: hand back a plain block, not a lone row or table.
            let cells = element.children.compactMap(\.element)
            var kids: [DOMNode] = []
            for cell in cells {
                if cell.name == "td" || cell.name == "th" { kids.append(contentsOf: cell.children) } else { kids.append(.element(cell)) }
            }
            element = DOMElement(name: "div", attributes: [], children: kids, line: element.line)
        }
        var length = include.reduce(0) { $0 + tree.text[$1] }
        for r in rescued {
            element.children.append(.element(tree.rebuild(r)))
            length += tree.text[r]
        }
        guard length > 0 else { return nil }
        var roots = include.sorted() + rescued
        if isArticleElement(container) {
            // The article's own blocks that the assembly left out are removed article text too.
            roots.append(container)
            let kept = include.union(rescued)
            for c in kids { markLeftOut(c, kept: kept) }
        }
        reportRemovals(inside: roots)
        return (element, length)
    }

    /// Marks what of the article's block `i` the assembly left out as removed beside the main text:
    /// `i` itself when nothing of it is `kept`, else (a section holding the rescued notes or
    /// acknowledgements) its left-out parts, so that rescued back matter is never reported removed.
    private mutating func markLeftOut(_ i: Int, kept: Set<Int>) {
        guard !tree.removed[i], !kept.contains(i), tree.text[i] > 0 else { return }
        guard kept.contains(where: { tree.contains(i, $0) }) else {
            markRemoved(i, .besideMainText)
            return
        }
        for c in tree.children(of: i) { markLeftOut(c, kept: kept) }
    }

    /// Whether `i` is the article itself (`<article>`, `<main>`, role=main, itemprop=articleBody).
    private func isArticleElement(_ i: Int) -> Bool {
        let e = tree.elements[i]
        return e.name == "article" || e.name == "main" || e[attribute: "role"] == "main" || e[attribute: "itemprop"] == "articleBody"
    }

    /// An acknowledgements block at `i`: a heading that reads "Acknowledgements…" (its text as the page
    /// has it, an accordion button's included) with the siblings up to the next heading, or an element
    /// marked as acknowledgements by role, class or id. Nil otherwise.
    private func acknowledgementsRun(_ i: Int) -> [Int]? {
        let e = tree.elements[i]
        if FootnoteMarkup.isAcknowledgementsContainer(e) { return tree.text[i] > 0 ? [i] : nil }
        guard ExtractionPass.headingNames.contains(e.name), FootnoteMarkup.isAcknowledgementsHeading(e.textContent),
              tree.parent[i] >= 0 else { return nil }
        let siblings = tree.children(of: tree.parent[i])
        guard let at = siblings.firstIndex(of: i) else { return nil }
        var run = [i]
        for s in siblings[(at + 1)...] {
            if ExtractionPass.headingNames.contains(tree.elements[s].name) { break }
            if !tree.removed[s] { run.append(s) }
        }
        return run.count > 1 ? run : nil
    }

    /// Inside the chosen block: drop what precedes the title `h1` (series banners, breadcrumbs)
    /// and short blocks that follow the notes (PDF fallbacks, "about the author" lines).
    private mutating func trimInside(_ top: Int) {
        let kids = tree.children(of: top).filter { !tree.removed[$0] }
        if let title = documentTitle,
           let h1 = kids.firstIndex(where: { tree.elements[$0].name == "h1" && titleMatches($0, title) }) {
            for c in kids[..<h1] where !isNoteContainer(c) { markRemoved(c, .beforeTitle) }
        }
        var seenNotes = false
        for c in kids {
            if containsNotes(c) {
                if containsEndNotes(c) { seenNotes = true }
                continue
            }
            if seenNotes, tree.text[c] < 300, !ExtractionPass.headingNames.contains(tree.elements[c].name), !holdsNoteMarker(c) {
                markRemoved(c, .afterNotes)
            }
        }
    }

    /// Whether a kept note container (a strong one when `strongOnly`) lies inside `i` (or is `i`).
    private mutating func containsNotes(_ i: Int, strongOnly: Bool = false) -> Bool {
        var k = i
        while k < tree.end[i] {
            if tree.removed[k] { k = tree.end[k]; continue }
            if strongOnly ? isStrongNoteContainer(k) : isNoteContainer(k) { return true }
            k += 1
        }
        return false
    }

    /// Whether `i` holds a list of notes (a note container with list items): the end of an article.
    /// A lone "note" box in the middle of the text is not one.
    private mutating func containsEndNotes(_ i: Int) -> Bool {
        var k = i
        while k < tree.end[i] {
            if tree.removed[k] { k = tree.end[k]; continue }
            if isNoteContainer(k), tree.listItems[k] > 0 { return true }
            k += 1
        }
        return false
    }

    private func titleMatches(_ h1: Int, _ title: String) -> Bool {
        let h = ExtractionPass.normalized(tree.keptText(h1))
        guard h.count >= 4 else { return false }
        return title.contains(h) || h.contains(title)
    }

    /// Lower-cased letters and digits with single spaces between words.
    static func normalized(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ")
    }

    private func includedAncestor(_ i: Int, container: Int, include: Set<Int>) -> Bool {
        var a = tree.parent[i]
        while a >= 0, a != container {
            if include.contains(a) { return true }
            a = tree.parent[a]
        }
        return false
    }

    /// Where to look for notes that belong to the article: the nearest article-like ancestor, else one level up.
    private func noteRegion(_ container: Int) -> Int {
        var a = container
        while a >= 0 {
            let e = tree.elements[a]
            if isArticleElement(a) { return a }
            if e.name == "body" { break }
            a = tree.parent[a]
        }
        let up = tree.parent[container]
        if up >= 0, tree.elements[up].name != "html" { return up }
        return container
    }

    private mutating func includeSibling(_ c: Int, threshold: Double, topClass: String, allowProseSection: Bool) -> Bool {
        let e = tree.elements[c]
        if isNoteContainer(c) || holdsNoteMarker(c) { return tree.text[c] > 0 }
        if isCaptionedFigure(c) { return true }
        if ExtractionPass.inlineNames.contains(e.name), tree.hasBlockChild[c] {
            // Emphasis or a link around paragraphs (`<em><p>…</p></em>`) is read as the blocks it holds.
            for k in tree.children(of: c) where !tree.removed[k] {
                if includeSibling(k, threshold: threshold, topClass: topClass, allowProseSection: allowProseSection) { return true }
            }
            return false
        }
        if scored[c] {
            var bonus = 0.0
            if !topClass.isEmpty, e[attribute: "class"] == topClass { bonus = threshold }
            if score[c] + bonus >= threshold { return true }
        }
        let ld = tree.linkDensity(c)
        let len = tree.text[c]
        if e.name == "p" || (isParagraphLike(c) && e.name != "td") {
            if len > 65 && ld < 0.25 { return true }
            // A short sentence, even with a link or two in it.
            if len > 0 && len <= 65 && ld < 0.5 {
                let t = tree.keptText(c).trimmingCharacters(in: .whitespacesAndNewlines)
                return t.hasSuffix(".") || t.contains(". ")
            }
            return false
        }
        if ExtractionPass.contentBlocks.contains(e.name) {
            if len > 0, e.name != "ul", e.name != "ol", e.name != "dl", isProtectedContent(c) { return true }
            return (len > 0 || tree.images[c] > 0) && ld < 0.25
        }
        // A wrapper around a data table (`<div class="table-responsive">`): its cells score nothing
        // (see ``proseScoring()``), so it is kept for the table it holds.
        if ["div", "section"].contains(e.name), ld < 0.25, wrapsDataTable(c) { return true }
        if allowProseSection, ["div", "section", "article"].contains(e.name) {
            // A prose section (e.g. an executive summary block) next to the main text.
            return len > 200 && ld < 0.2 && tree.paragraphText[c] * 10 >= len * 6
        }
        return false
    }

    // MARK: - Conditional cleaning

    private static let conditionalNames: Set<String> = [
        "div", "section", "aside", "form", "fieldset", "table", "ul", "ol", "dl", "figure", "header", "footer",
        "article", "center",
    ]
    private static let inlineContext: Set<String> = [
        "p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "span", "em", "strong", "b", "i", "sup", "sub",
        "small", "cite", "q", "label", "dd", "dt", "caption", "figcaption", "blockquote", "code", "font", "u",
    ]

    /// Removes chrome-like blocks inside the subtree of `root` (never `protecting` itself or notes).
    private mutating func clean(inside root: Int, protecting: Int) {
        var i = root
        while i < tree.end[root] {
            if tree.removed[i] { i = tree.end[i]; continue }
            if i != protecting, isNoteContainer(i) { i = tree.end[i]; continue }
            if i != protecting, i != root || root != protecting, shouldRemove(i), !containsNotes(i),
               !containsProtectedContent(i), !holdsNoteMarker(i) {
                markRemoved(i, useHints && tree.hints[i].weight < 0 ? .chromeHint : .density)
                i = tree.end[i]
                continue
            }
            if tree.elements[i].name == "pre" || tree.elements[i].name == "code" { i = tree.end[i]; continue }
            // What a kept table, captioned figure, quotation or list holds is its content, links and all.
            if i != protecting, isProtectedContent(i) { i = tree.end[i]; continue }
            i += 1
        }
    }

    private func shouldRemove(_ i: Int) -> Bool {
        let e = tree.elements[i]
        let name = e.name
        let weight = useHints ? tree.hints[i].weight : 0
        let ld = tree.linkDensity(i)
        let len = tree.text[i]
        if ExtractionPass.headingNames.contains(name) {
            return weight < 0
        }
        if name == "a", wrapsTextBlock(i) {
            // A link around a paragraph or heading is the article's text, linked.
            return false
        }
        if name == "a" || name == "p" {
            // Stray standalone links ("Download PDF", "View all publications") and link-only lines.
            let p = tree.parent[i]
            let standalone = name == "p" || (p >= 0 && !ExtractionPass.inlineContext.contains(tree.elements[p].name)
                && tree.ownText[p] == 0)
            if standalone, len > 0, len < 60, ld >= 0.9, tree.images[i] == 0 || linksToPDFOnly(i) { return true }
            // A short download prompt: a line whose link points at a PDF ("… download the PDF: Download PDF").
            return name == "p" && len < 150 && ld >= 0.08 && linksToPDFOnly(i)
        }
        // A figure with its caption is content whatever its class says (`<figure class="share">`).
        if isCaptionedFigure(i) { return false }
        guard ExtractionPass.conditionalNames.contains(name) else { return false }
        if weight < 0 { return true }
        // A block opened inside a paragraph is the paragraph's text, however short or linked.
        if isBlockInParagraph(i) { return false }
        // Article content that is often mostly links is never removed for its link density.
        if isProtectedContent(i) { return false }
        guard tree.commas[i] < 10 else { return false }
        let isList = name == "ul" || name == "ol" || name == "dl"
        let p = tree.paragraphs[i]
        let img = tree.images[i]
        let li = tree.listItems[i] - 100
        if img > 1, Double(p) / Double(img) < 0.5, name != "figure" { return true }
        if !isList, li > p { return true }
        if !isList, name != "figure", len < 20, img == 0 || img > 2, !containsHeading(i), !holdsTableText(i) { return true }
        if isList { return ld > 0.5 }
        if weight < 25, ld > 0.2 { return true }
        if weight >= 25, ld > 0.5 { return true }
        return false
    }

    /// Whether `i` is or has links, all pointing at PDF files with link text that is not a URL.
    private func linksToPDFOnly(_ i: Int) -> Bool {
        var links = 0
        for k in i..<tree.end[i] where tree.kinds[k].contains(.link) && !tree.removed[k] {
            guard tree.kinds[k].contains(.pdfLink) else { return false }
            let t = tree.keptText(k).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if t.hasPrefix("http") || t.hasPrefix("www.") { return false }
            links += 1
        }
        return links > 0
    }

    private func containsHeading(_ i: Int) -> Bool {
        for k in i..<tree.end[i] where ExtractionPass.headingNames.contains(tree.elements[k].name) && !tree.removed[k] {
            return true
        }
        return false
    }

    /// Blocks whose link density says nothing about whether they are content: data tables, figures
    /// with a caption, block quotations and lists (a reading list, a table of official sources).
    private func isProtectedContent(_ i: Int) -> Bool {
        switch tree.elements[i].name {
        case "table": return isDataTable(i)
        case "blockquote", "ul", "ol", "dl": return tree.text[i] > 0
        default: return isCaptionedFigure(i)
        }
    }

    /// The most text a block holding an image and a caption may have to be read as a figure.
    private static let maximumFigureText = 600

    /// A figure with a caption: a `<figure>` with a non-empty `<figcaption>`, or a small block (`<div>`,
    /// `<p>`…) holding one image and, after it, a caption that is nearly all its text: an element whose
    /// class says `caption`, or a paragraph that starts with a label such as "Figure 3:" or "Chart 2.".
    func isCaptionedFigure(_ i: Int) -> Bool {
        guard tree.images[i] > 0, !tree.removed[i] else { return false }
        if tree.elements[i].name == "figure" {
            for k in (i + 1)..<tree.end[i] where tree.elements[k].name == "figcaption" && !tree.removed[k] { return tree.text[k] > 0 }
            return false
        }
        guard ExtractionTree.blockNames.contains(tree.elements[i].name), tree.text[i] > 0,
              tree.text[i] <= ExtractionPass.maximumFigureText, tree.images[i] == 1 else { return false }
        var sawImage = false
        var k = i + 1
        while k < tree.end[i] {
            if tree.removed[k] { k = tree.end[k]; continue }
            if tree.kinds[k].contains(.image) { sawImage = true }
            // The caption is (nearly) all the block's text: not a slide show with its buttons and blurbs.
            if sawImage, tree.text[k] > 0, isCaption(k) { return tree.text[k] * 5 >= tree.text[i] * 4 }
            k += 1
        }
        return false
    }

    /// Whether `k` reads as a caption: its class has the token `caption`, or it is a block whose text
    /// starts with a figure or table label.
    private func isCaption(_ k: Int) -> Bool {
        if let c = tree.elements[k][attribute: "class"],
           c.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).contains(where: { $0 == "caption" || $0 == "figcaption" }) {
            return true
        }
        guard tree.kinds[k].contains(.block), tree.text[k] <= 300 else { return false }
        return InlineText.captionLabel(tree.keptText(k)) != nil
    }

    /// Whether the removed block `i` had a caption or a "Figure 3" / "Table 1" label: a figure or table
    /// is worth a report whatever its length.
    private func hasCaptionOrLabel(_ i: Int) -> Bool {
        let names: Set<String> = ["figcaption", "caption"]
        for k in i..<tree.end[i] {
            let e = tree.elements[k]
            if names.contains(e.name), !InlineText.isBlank(e.textContent) { return true }
            if tree.kinds[k].contains(.block) || k == i, InlineText.captionLabel(e.textContent) != nil { return true }
        }
        return false
    }

    /// Whether the removed block `i` is or holds a paragraph whose text is a sentence (see
    /// ``RemovedBlock/isSentence(_:)``): running text is worth a report however short.
    private func holdsSentence(_ i: Int) -> Bool {
        (i..<tree.end[i]).contains { tree.kinds[$0].contains(.paragraph) && RemovedBlock.isSentence(tree.elements[$0].textContent) }
    }

    /// Whether `i` is or holds a table with text in it (in its cells, its caption, or stray between
    /// its rows, which is read before the table): data however short ("Cell 3.", "41"), never a
    /// near-empty block to clean away, and worth a report when it goes. Only kept tables that are
    /// not mostly links count; with `countingRemoved` (for a block already removed), any text
    /// inside a table does, at any depth of nested tables.
    private func holdsTableText(_ i: Int, countingRemoved: Bool = false) -> Bool {
        var tableEnd = i
        var k = i
        while k < tree.end[i] {
            let isTable = tree.elements[k].name == "table"
            if !countingRemoved {
                if tree.removed[k] { k = tree.end[k]; continue }
                if isTable, tree.text[k] > 0, tree.linkDensity(k) < 0.5 { return true }
            } else {
                if isTable { tableEnd = max(tableEnd, tree.end[k]) }
                if k < tableEnd, tree.ownText[k] > 0 { return true }
            }
            k += 1
        }
        return false
    }

    /// Whether the inline element `i` (a link) holds a paragraph, heading or other text block.
    private func wrapsTextBlock(_ i: Int) -> Bool {
        tree.children(of: i).contains { tree.kinds[$0].contains(.block) && !tree.kinds[$0].contains(.image) }
    }

    /// Whether `i` holds a data table, a captioned `<figure>` or a block quotation (lists do not count: a
    /// wrapper around a link list is still removed when it is mostly links; nor do images captioned
    /// without `<figure>`: a wrapper around a slide show of them is still removed).
    private func containsProtectedContent(_ i: Int) -> Bool {
        var k = i + 1
        while k < tree.end[i] {
            if tree.removed[k] { k = tree.end[k]; continue }
            let n = tree.elements[k].name
            if n == "table" || n == "figure" || n == "blockquote", isProtectedContent(k) { return true }
            k += 1
        }
        return false
    }

    /// Whether `i` holds a kept data table that is at least half of its text (a wrapper around the table,
    /// perhaps with a label or a source line).
    private func wrapsDataTable(_ i: Int) -> Bool {
        var k = i + 1
        while k < tree.end[i] {
            if tree.removed[k] { k = tree.end[k]; continue }
            if tree.elements[k].name == "table" {
                if tree.text[k] * 2 >= tree.text[i], isDataTable(k) { return true }
                k = tree.end[k]
                continue
            }
            k += 1
        }
        return false
    }

    /// A table of data rather than layout: header cells, a head, a caption, a "Table 1" label just
    /// before it, or at least three rows; not a table nesting tables or marked `role=presentation`.
    private func isDataTable(_ i: Int) -> Bool {
        if isLayoutTable(i) { return false }
        if hasHeaderStructure(i) { return true }
        return hasTableLabelBefore(i) || rowCount(i) >= 3
    }

    private func isLayoutTable(_ i: Int) -> Bool {
        if tree.elements[i][attribute: "role"] == "presentation" { return true }
        for k in (i + 1)..<tree.end[i] where tree.elements[k].name == "table" { return true }
        return false
    }

    private func hasHeaderStructure(_ i: Int) -> Bool {
        for k in (i + 1)..<tree.end[i] {
            switch tree.elements[k].name {
            case "th", "caption", "thead": return true
            default: continue
            }
        }
        return false
    }

    private func rowCount(_ i: Int) -> Int {
        var rows = 0
        for k in (i + 1)..<tree.end[i] where tree.elements[k].name == "tr" { rows += 1 }
        return rows
    }

    /// Whether the element just before the table (or before its wrapper, when the table is its
    /// wrapper's only content) is a short "Table 1: …" label.
    private func hasTableLabelBefore(_ i: Int) -> Bool {
        var k = i
        while true {
            let p = tree.parent[k]
            guard p >= 0 else { return false }
            let siblings = tree.children(of: p)
            guard let pos = siblings.firstIndex(of: k) else { return false }
            if pos > 0 {
                let before = siblings[pos - 1]
                guard tree.text[before] > 0, tree.text[before] <= 300 else { return false }
                let text = tree.keptText(before)
                guard let label = InlineText.captionLabel(text)?.label else { return false }
                return label.lowercased().hasPrefix("table")
            }
            // The table opens its wrapper: look before the wrapper.
            if tree.ownText[p] > 0 { return false }
            k = p
        }
    }
}
