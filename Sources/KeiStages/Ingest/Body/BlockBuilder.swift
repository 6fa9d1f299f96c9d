import Foundation
import KeiDocument
import KeiXML

/// Turns DOM content into a flat stream of headings and blocks (paragraphs, lists, quotations,
/// tables, figures, preformatted text), recording note markers as it meets them.
///
/// Loose inline content (text directly in a `<div>`) is wrapped into paragraphs; elements it
/// does not know are read for their text, so no text of the content is lost.
struct BlockBuilder {
    let file: String
    /// Anchors of the notes on the page; a same-page link to one of them is a marker.
    let knownAnchors: Set<String>
    /// Markers met so far, in document order.
    var markers: [MarkerOccurrence] = []
    var tableCount = 0
    var figureCount = 0
    /// The page's base URL for relative links and images (see ``SafeURL/documentBase(of:canonical:)``).
    var baseURL: URL?
    /// The parsed page, for the source spans of diagnostics.
    var document: DOMDocument?
    /// Diagnostics raised while building (unsafe links), in document order.
    var diagnostics: [Diagnostic] = []

    init(file: String, knownAnchors: Set<String>) {
        self.file = file
        self.knownAnchors = knownAnchors
    }

    static let headingLevels: [String: Int] = ["h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6]
    /// Elements that always start a block.
    static let blockNames: Set<String> = [
        "p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "h1", "h2", "h3", "h4",
        "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "table", "figure", "figcaption", "pre",
        "hr", "form", "fieldset", "legend", "address", "center", "details", "summary", "hgroup", "object",
        "caption", "menu", "dir", "listing", "xmp", "tr", "td", "th", "tbody", "thead", "tfoot",
    ]
    /// Elements read as paragraphs (unless they hold blocks themselves).
    static let paragraphLike: Set<String> = ["p", "dt", "dd", "figcaption", "caption", "address", "summary", "legend", "td", "th"]
    /// Inline elements that may still wrap blocks in sloppy markup.
    static let blockHolders: Set<String> = ["p", "div", "ul", "ol", "table", "blockquote", "figure", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "dl", "li"]

    func location(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line) }

    /// True when `e` must be read as a block rather than as inline content.
    func isBlockLevel(_ e: DOMElement) -> Bool {
        if Self.blockNames.contains(e.name) { return true }
        if e.name == "br" || e.name == "img" || e.name == "wbr" { return false }
        return containsBlock(e)
    }

    func containsBlock(_ e: DOMElement) -> Bool {
        Self.containsBlockStatic(e)
    }

    // MARK: flow

    /// Headings and blocks of a run of nodes. With `allowHeadings` false, headings become paragraphs.
    mutating func items(_ kids: [DOMNode], allowHeadings: Bool) -> [BodyItem] {
        var out: [BodyItem] = []
        var run: [DOMNode] = []
        // A stack of the nodes still to read (the next one last).
        var pending = Array(kids.reversed())
        while let node = pending.popLast() {
            switch node {
            case .comment:
                continue
            case .text:
                run.append(node)
            case .element(let e):
                if NoteExtractor.droppedElements.contains(e.name) { continue }
                if Self.formattingNames.contains(e.name), containsBlock(e) {
                    // Formatting or a link around blocks: read in its place, pushed down around the
                    // inline parts (which join the text around them) and into the blocks.
                    pending.append(contentsOf: Self.pushingDown(e).reversed())
                    continue
                }
                if isBlockLevel(e) {
                    flush(&run, into: &out)
                    out += blockItems(e, allowHeadings: allowHeadings)
                } else {
                    run.append(node)
                }
            }
        }
        flush(&run, into: &out)
        return out
    }

    /// Blocks of a run of nodes (headings read as paragraphs).
    mutating func blocks(_ kids: [DOMNode]) -> [Block] {
        items(kids, allowHeadings: false).compactMap { item in
            if case .block(let b) = item { return b }
            return nil
        }
    }

    /// Wraps a run of loose inline nodes into a paragraph (or a figure when it is only an image).
    private mutating func flush(_ run: inout [DOMNode], into out: inout [BodyItem]) {
        guard !run.isEmpty else { return }
        defer { run = [] }
        let built = InlineText.normalize(inlines(run))
        if InlineText.isBlank(built) {
            // Images with no text around them: one figure each.
            out += figures(built)
            return
        }
        out.append(.block(.paragraph(Paragraph(inlines: built, location: location(firstLine(of: run))))))
    }

    /// The line of the first node of a run that has visible text (or of the first node).
    func firstLine(of run: [DOMNode]) -> Int {
        var fallback = 0
        for node in run {
            switch node {
            case .text(let t):
                let start = Self.visibleStartLine(t)
                if fallback == 0 { fallback = start }
                if !InlineText.isBlank(t.value) { return start > 0 ? start : fallback }
            case .element(let e):
                if fallback == 0 { fallback = e.line }
                if InlineText.hasVisibleText(e.children) { return e.line > 0 ? e.line : fallback }
            case .comment:
                continue
            }
        }
        return fallback
    }

    /// The line where a text node's visible text starts. libxml2 records a text node's *last*
    /// line, so count back over its newlines, then forward over leading blank lines.
    static func visibleStartLine(_ t: DOMText) -> Int {
        guard t.line > 0 else { return 0 }
        var total = 0
        var leading = 0
        var sawText = false
        for u in t.value.unicodeScalars {
            if u == "\n" {
                total += 1
                if !sawText { leading += 1 }
            } else if !sawText, !(u == " " || u == "\t" || u == "\r" || u == "\u{0C}" || u == "\u{A0}") {
                sawText = true
            }
        }
        return max(1, t.line - total + (sawText ? leading : 0))
    }

    private mutating func blockItems(_ e: DOMElement, allowHeadings: Bool) -> [BodyItem] {
        if let level = Self.headingLevels[e.name] {
            let title = InlineText.unwrapStrong(InlineText.normalize(inlines(e.children)))
            if InlineText.isBlank(title) { return figures(title) }
            if allowHeadings { return [.heading(level: level, title: title, line: e.line, promoted: false)] }
            return [.block(.paragraph(Paragraph(inlines: [.strong(title)], location: location(e.line))))]
        }
        switch e.name {
        case "ul", "ol", "menu", "dir":
            let l = list(e)
            return l.items.isEmpty ? [] : [.block(.list(l))]
        case "blockquote":
            return [.block(.blockQuote(quote(e)))]
        case "table":
            return tableItems(e, figureCaption: nil)
        case "figure":
            return figureItems(e, allowHeadings: allowHeadings)
        case "pre", "listing", "xmp":
            var text = e.textRun
            if text.string.hasPrefix("\r\n") { text = text.slice(2..<text.utf8Count) } else if text.string.hasPrefix("\n") { text = text.slice(1..<text.utf8Count) }
            text = text.trimmingEnd { $0 == "\n" || $0 == " " || $0 == "\r" }
            if InlineText.isBlank(text.string) { return [] }
            return [.block(.preformatted(Preformatted(text: text, location: location(e.line))))]
        case "hr":
            return []
        default:
            if Self.paragraphLike.contains(e.name), !containsBlock(e) {
                let built = InlineText.normalize(inlines(e.children))
                if InlineText.isBlank(built) { return figures(built) }
                return [.block(.paragraph(Paragraph(inlines: built, location: location(e.line))))]
            }
            return items(e.children, allowHeadings: allowHeadings)
        }
    }

    // MARK: blocks inside inline elements

    /// Inline elements whose meaning (emphasis, a link's address) must survive when they wrap blocks.
    static let formattingNames: Set<String> = [
        "a", "em", "i", "strong", "b", "u", "cite", "dfn", "var", "sup", "sub", "code", "kbd", "samp", "tt", "q",
        "span", "font", "small", "mark", "s", "del", "ins", "abbr",
    ]

    /// The content of an inline element `wrapper` that holds blocks, with the wrapper pushed down
    /// around each run of inline content, as the WHATWG parser's reconstruction of active formatting
    /// elements shows it: `<em>a<p>b</p>c</em>` reads as `<em>a</em>`, `<p><em>b</em></p>`,
    /// `<em>c</em>`; `<a href><p>x</p><p>y</p></a>` as two paragraphs that are both links.
    static func pushingDown(_ wrapper: DOMElement) -> [DOMNode] {
        wrappingInlineRuns(of: wrapper.children, in: wrapper, wrapsElementsWithoutText: true)
    }

    /// `block` with the inline runs inside it (at any depth of blocks) wrapped in a copy of `wrapper`.
    private static func wrapping(_ block: DOMElement, in wrapper: DOMElement) -> DOMElement {
        var b = block
        if b.name == "hr" || b.name == "pre" { return b }
        if formattingNames.contains(b.name) {
            // An inline element that itself holds blocks: its own content is pushed down first.
            let holder = DOMElement(name: "div", children: pushingDown(b), line: b.line, sourceStart: b.sourceStart)
            return wrapping(holder, in: wrapper)
        }
        b.children = wrappingInlineRuns(of: b.children, in: wrapper, wrapsElementsWithoutText: false)
        return b
    }

    /// `children` with each run of inline nodes between blocks wrapped in a copy of `wrapper`, and each
    /// block (or element holding one) wrapped inside by ``wrapping(_:in:)``. A run without visible text
    /// is left as it is, unless it holds an element and `wrapsElementsWithoutText` is true (an image
    /// inside a link keeps its link).
    private static func wrappingInlineRuns(of children: [DOMNode], in wrapper: DOMElement,
                                           wrapsElementsWithoutText: Bool) -> [DOMNode] {
        var out: [DOMNode] = []
        var run: [DOMNode] = []
        func flush() {
            guard !run.isEmpty else { return }
            if InlineText.hasVisibleText(run) || (wrapsElementsWithoutText && run.contains(where: { $0.element != nil })) {
                var w = wrapper
                w.children = run
                out.append(.element(w))
            } else {
                out += run
            }
            run = []
        }
        for child in children {
            if case .element(let c) = child, blockNames.contains(c.name) || containsBlockStatic(c) {
                flush()
                out.append(.element(wrapping(c, in: wrapper)))
            } else {
                run.append(child)
            }
        }
        flush()
        return out
    }

    /// ``containsBlock(_:)`` without a builder.
    static func containsBlockStatic(_ e: DOMElement) -> Bool {
        for child in e.children {
            guard case .element(let c) = child else { continue }
            var found = false
            c.walk { d in
                if found { return false }
                if blockHolders.contains(d.name) { found = true; return false }
                return true
            }
            if found { return true }
        }
        return false
    }

    // MARK: lists

    mutating func list(_ e: DOMElement) -> ListBlock {
        var items: [ListItem] = []
        var loose: [DOMNode] = []
        func flushLoose(_ builder: inout BlockBuilder) {
            guard !loose.isEmpty else { return }
            let b = builder.blocks(loose)
            if !b.isEmpty { items.append(ListItem(blocks: b, location: b[0].location)) }
            loose = []
        }
        for child in e.children {
            switch child {
            case .comment:
                continue
            case .text(let t):
                if !InlineText.isBlank(t.value) { loose.append(child) }
            case .element(let c):
                if NoteExtractor.droppedElements.contains(c.name) { continue }
                if c.name == "li" {
                    flushLoose(&self)
                    let b = blocks(c.children)
                    if !b.isEmpty { items.append(ListItem(blocks: b, location: location(c.line))) }
                } else if (c.name == "ul" || c.name == "ol"), loose.isEmpty, !items.isEmpty {
                    // A list nested directly in a list belongs to the item before it.
                    let nested = list(c)
                    if !nested.items.isEmpty { items[items.count - 1].blocks.append(.list(nested)) }
                } else {
                    loose.append(child)
                }
            }
        }
        flushLoose(&self)
        return ListBlock(ordered: e.name == "ol", items: items, location: location(e.line))
    }

    // MARK: quotations

    static let attributionDashes: Set<Character> = ["\u{2014}", "\u{2015}", "\u{2013}", "~"]

    mutating func quote(_ e: DOMElement) -> BlockQuote {
        var kids = e.children
        var attribution: [Inline]?
        // <footer> or <cite> as the last element child, or a last <p> holding only a <cite>.
        if let lastIndex = kids.lastIndex(where: { node in
            if case .element(let c) = node { return !NoteExtractor.droppedElements.contains(c.name) }
            if case .text(let t) = node { return !InlineText.isBlank(t.value) }
            return false
        }), case .element(let last) = kids[lastIndex] {
            if last.name == "footer" || last.name == "cite" {
                attribution = InlineText.normalize(inlines(last.children))
                kids.remove(at: lastIndex)
            } else if last.name == "p", let cite = soleCite(last) {
                attribution = InlineText.normalize(inlines(cite.children))
                kids.remove(at: lastIndex)
            }
        }
        var body = blocks(kids)
        if attribution == nil, case .paragraph(var p)? = body.last {
            let text = p.inlines.plainText
            if let f = text.first, Self.attributionDashes.contains(f) || text.hasPrefix("-- ") {
                let drop = dashPrefixCount(text)
                attribution = InlineText.normalize(InlineText.dropPrefix(p.inlines, count: drop))
                body.removeLast()
            } else if let brIndex = p.inlines.lastIndex(of: .lineBreak) {
                let tail = Array(p.inlines[(brIndex + 1)...])
                let tailText = tail.plainText
                if let f = tailText.first, Self.attributionDashes.contains(f) {
                    attribution = InlineText.normalize(InlineText.dropPrefix(tail, count: dashPrefixCount(tailText)))
                    p.inlines = InlineText.normalize(Array(p.inlines[..<brIndex]))
                    body[body.count - 1] = .paragraph(p)
                }
            }
        }
        if let a = attribution, InlineText.isBlank(a) { attribution = nil }
        return BlockQuote(blocks: body, attribution: attribution, location: location(e.line))
    }

    private func dashPrefixCount(_ text: String) -> Int {
        var n = 0
        for c in text {
            if Self.attributionDashes.contains(c) || c == "-" || InlineText.isTrimmable(c) { n += 1 } else { break }
        }
        return n
    }

    /// The `<cite>` that is the only content of a paragraph (optionally after a dash).
    private func soleCite(_ p: DOMElement) -> DOMElement? {
        var cite: DOMElement?
        for child in p.children {
            switch child {
            case .comment: continue
            case .text(let t):
                let s = InlineText.trim(t.value)
                if !s.isEmpty, !s.allSatisfy({ Self.attributionDashes.contains($0) || $0 == "-" }) { return nil }
            case .element(let c):
                if c.name == "cite", cite == nil { cite = c } else if c.name != "br" { return nil }
            }
        }
        return cite
    }
}
