import KeiDocument
import KeiXML

/// Rebuilds lists that libxml2's HTML parser split apart, as browsers show them.
///
/// Authors (and editors pasting from word processors) often type a list directly inside another
/// list, after an item: `<ol><li>a</li><ul><li>b</li></ul><li>c</li></ol>`. The WHATWG parser keeps
/// the inner list inside the outer one (a browser shows it indented under "a", and "c" as the next
/// item of the same list). libxml2 2.9 instead closes the outer list at the inner list's start tag
/// when the two differ (`ul` in `ol`, `ol` in `ul`), ignores the outer list's end tag as
/// "unexpected", and leaves the later items as `li` elements outside any list.
///
/// The repair works on the parsed tree with the decoded source: a list that follows a list of the
/// other kind, where the source shows no end tag of the first list before the second's start tag,
/// was closed by the parser. It is nested under the last item of the first list, and the stray
/// items that follow are put back into the list whose end tag (found in the source, counting nested
/// lists of the same name) comes after them. Lists the author really closed are left alone.
public struct ListNestingRepair {
    /// One repaired place: the inner list's start tag.
    public struct Repair: Sendable, Hashable {
        /// The list typed inside the other (`ul` / `ol`) and the list it belongs to.
        public var inner: String
        public var outer: String
        /// The inner list's 1-based line (0 when unknown).
        public var line: Int
        /// The inner list's start tag in the decoded source.
        public var span: SourceSpan?
    }

    private let source: [UInt8]
    private let document: DOMDocument
    private(set) var repairs: [Repair] = []

    private static let listNames: Set<String> = ["ul", "ol"]

    private init(document: DOMDocument) {
        self.document = document
        self.source = Array(document.sourceText.utf8)
    }

    /// `root` with every split list rebuilt, and what was changed, in document order. `document` is the
    /// parsed page whose ``DOMDocument/sourceText`` the elements' `sourceStart` offsets point into.
    static func repair(_ root: DOMElement, in document: DOMDocument) -> (root: DOMElement, repairs: [Repair]) {
        // Most pages have no list next to a list of the other kind: no copy of the source for them.
        guard !document.sourceText.isEmpty, hasAdjacentLists(root) else { return (root, []) }
        var r = ListNestingRepair(document: document)
        let (repaired, _) = r.visit(root)
        return (repaired, r.repairs)
    }

    private static func hasAdjacentLists(_ e: DOMElement) -> Bool {
        var previous: String?
        for node in e.children {
            switch node {
            case .comment: continue
            case .text(let t): if !InlineText.isBlank(t.value) { previous = nil }
            case .element(let c):
                if listNames.contains(c.name) {
                    if let p = previous, p != c.name { return true }
                    previous = c.name
                } else {
                    previous = nil
                }
                if !c.children.isEmpty, hasAdjacentLists(c) { return true }
            }
        }
        return false
    }

    private mutating func visit(_ e: DOMElement) -> (DOMElement, Bool) {
        var copy = e
        var changed = false
        var kids = e.children
        for i in kids.indices {
            guard case .element(let c) = kids[i], !c.children.isEmpty else { continue }
            let (repaired, childChanged) = visit(c)
            if childChanged {
                kids[i] = .element(repaired)
                changed = true
            }
        }
        if needsRepair(kids) {
            kids = rebuild(kids)
            changed = true
        }
        if changed { copy.children = kids }
        return (copy, changed)
    }

    /// Cheap test: a list followed (past whitespace and comments) by a list of the other kind.
    private func needsRepair(_ kids: [DOMNode]) -> Bool {
        var previousList: DOMElement?
        for node in kids {
            switch node {
            case .comment: continue
            case .text(let t):
                if !InlineText.isBlank(t.value) { previousList = nil }
            case .element(let c):
                if Self.listNames.contains(c.name) {
                    if let p = previousList, p.name != c.name, isOpen(p, at: c) { return true }
                    previousList = c
                } else {
                    previousList = nil
                }
            }
        }
        return false
    }

    /// A list being rebuilt, and how far its source has been read looking for its end tag.
    private struct Frame {
        var list: DOMElement
        /// Source offset up to which the list's tags have been counted, and the open depth there.
        var cursor: Int
        var depth: Int
        /// The offset just past the list's own end tag, once found.
        var closedAt: Int?
    }

    private mutating func rebuild(_ kids: [DOMNode]) -> [DOMNode] {
        var out: [DOMNode] = []
        // The lists the parser closed too early, outermost first, that the source shows still open.
        var stack: [Frame] = []

        func popFrame(_ stack: inout [Frame], _ out: inout [DOMNode]) {
            let f = stack.removeLast()
            if stack.isEmpty {
                out.append(.element(f.list))
            } else {
                Self.nest(f.list, under: &stack[stack.count - 1].list)
            }
        }

        for node in kids {
            switch node {
            case .comment:
                if stack.isEmpty { out.append(node) } else { stack[stack.count - 1].list.children.append(node) }
            case .text(let t) where InlineText.isBlank(t.value):
                if stack.isEmpty { out.append(node) } else { stack[stack.count - 1].list.children.append(node) }
            case .element(let c):
                // Lists whose end tag comes before this item or list are complete; other content
                // ends the rebuilt lists, as before the repair.
                if let at = c.sourceStart, c.name == "li" || Self.listNames.contains(c.name) {
                    while !stack.isEmpty, closes(&stack[stack.count - 1], before: at) { popFrame(&stack, &out) }
                } else {
                    while !stack.isEmpty { popFrame(&stack, &out) }
                }
                let isList = Self.listNames.contains(c.name)
                if stack.isEmpty, isList, let p = lastElement(out), Self.listNames.contains(p.name), p.name != c.name,
                   isOpen(p, at: c), let index = out.lastIndex(where: { $0.element != nil }) {
                    // The parser closed `p` at `c`: reopen it, whitespace after it moving in with `c`.
                    let trailing = Array(out[(index + 1)...])
                    out.removeSubrange(index...)
                    var outer = frame(p)
                    outer.list.children += trailing
                    stack.append(outer)
                }
                guard !stack.isEmpty else {
                    out.append(node)
                    continue
                }
                guard isList else {
                    // An item the source shows inside the open list.
                    stack[stack.count - 1].list.children.append(node)
                    continue
                }
                reopenTrailingLists(&stack, at: c)
                let outer = stack[stack.count - 1].list.name
                // A list of the same kind inside a reopened list is only moved with it.
                if outer != c.name {
                    repairs.append(Repair(inner: c.name, outer: outer, line: c.line, span: c.sourceStart.flatMap { document.startTagSpan(at: $0) }))
                }
                stack.append(frame(c))
            case .text:
                while !stack.isEmpty { popFrame(&stack, &out) }
                out.append(node)
            }
        }
        while !stack.isEmpty { popFrame(&stack, &out) }
        return out
    }

    /// Whether the source shows `list` still open at `next`'s start tag (no end tag of its own, counting
    /// nested lists of the same name, before it), so that the parser closed it there.
    private func isOpen(_ list: DOMElement, at next: DOMElement) -> Bool {
        guard let listStart = list.sourceStart, let start = next.sourceStart, start <= source.count, start > listStart else {
            return false
        }
        var f = frame(list)
        return !closes(&f, before: start)
    }

    /// Reopens the lists nested at the end of the innermost open list that the source shows still open
    /// at `next` (`<ol><li>a</li><ol><li>b</li><ul>…`: the parser closed both `ol`s at the `ul`).
    private func reopenTrailingLists(_ stack: inout [Frame], at next: DOMElement) {
        while let top = stack.last,
              let index = top.list.children.lastIndex(where: { $0.element != nil }),
              case .element(let last) = top.list.children[index],
              Self.listNames.contains(last.name), isOpen(last, at: next) {
            // Whatever followed it (whitespace) moves in with it.
            let trailing = Array(top.list.children[(index + 1)...])
            stack[stack.count - 1].list.children.removeSubrange(index...)
            var inner = frame(last)
            inner.list.children += trailing
            stack.append(inner)
        }
    }

    private func lastElement(_ nodes: [DOMNode]) -> DOMElement? {
        for node in nodes.reversed() {
            switch node {
            case .element(let e): return e
            case .text(let t): if !InlineText.isBlank(t.value) { return nil }
            case .comment: continue
            }
        }
        return nil
    }

    /// Puts `inner` at the end of the last item of `outer` (or directly into `outer` when it has no item).
    /// When a list already follows that item directly in `outer` (`<ol><li>a</li><ol>…</ol>`, as the
    /// parser left it), `inner` goes after that list, to keep their order.
    private static func nest(_ inner: DOMElement, under outer: inout DOMElement) {
        if let i = outer.children.lastIndex(where: { $0.element != nil }), outer.children[i].element?.name == "li",
           case .element(var item) = outer.children[i] {
            item.children.append(.element(inner))
            outer.children[i] = .element(item)
            // Whitespace after that item stays after it.
        } else {
            outer.children.append(.element(inner))
        }
    }

    private func frame(_ list: DOMElement) -> Frame {
        Frame(list: list, cursor: list.sourceStart ?? source.count, depth: 0, closedAt: nil)
    }

    // MARK: source

    /// Whether the list of `frame` ends (its own end tag, counting same-name lists nested in it) before
    /// the source offset `offset`. Reads the source incrementally from where the last call stopped.
    private func closes(_ frame: inout Frame, before offset: Int) -> Bool {
        if let c = frame.closedAt { return c <= offset }
        let name = Array(frame.list.name.utf8)
        let limit = min(offset, source.count)
        var k = frame.cursor
        while k < limit {
            guard source[k] == 0x3C else { k += 1; continue }
            if k + 3 < source.count, source[k + 1] == 0x21, source[k + 2] == 0x2D, source[k + 3] == 0x2D {
                // A comment: skip it whole.
                var e = k + 4
                while e + 2 < source.count, !(source[e] == 0x2D && source[e + 1] == 0x2D && source[e + 2] == 0x3E) { e += 1 }
                k = e + 3
                continue
            }
            let isEnd = k + 1 < source.count && source[k + 1] == 0x2F
            let nameStart = k + (isEnd ? 2 : 1)
            if matchesName(name, at: nameStart) {
                if isEnd {
                    frame.depth -= 1
                    if frame.depth <= 0 {
                        var e = nameStart
                        while e < source.count, source[e] != 0x3E { e += 1 }
                        frame.closedAt = e + 1
                        frame.cursor = e + 1
                        return e + 1 <= offset
                    }
                } else {
                    frame.depth += 1
                }
            }
            k += 1
        }
        frame.cursor = max(frame.cursor, limit)
        return false
    }

    private func matchesName(_ name: [UInt8], at k: Int) -> Bool {
        guard k + name.count < source.count else { return false }
        for (m, c) in name.enumerated() where source[k + m] | 0x20 != c { return false }
        let after = source[k + name.count]
        return after == 0x3E || after == 0x20 || after == 0x2F || after == 0x09 || after == 0x0A || after == 0x0D || after == 0x0C
    }
}
