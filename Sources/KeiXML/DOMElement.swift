import KeiDocument

/// An element copied out of a libxml2 tree.
///
/// Names are lower-cased for HTML input. `line` is libxml2's 1-based start line (0 when unknown;
/// libxml2 keeps 16 bits, so lines past 65,535 read as 65,535).
public struct DOMElement: Sendable, Hashable {
    public var name: String
    public var attributes: [DOMAttribute]
    public var children: [DOMNode]
    public var line: Int
    /// UTF-8 offset of the start tag's `<` in ``DOMDocument/sourceText``; nil for elements libxml2
    /// implied (an `html`, `head`, `body` or `p` it inserted), for elements built in code, and when the
    /// tag could not be located.
    public var sourceStart: Int?

    public init(name: String, attributes: [DOMAttribute] = [], children: [DOMNode] = [], line: Int = 0,
                sourceStart: Int? = nil) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
        self.sourceStart = sourceStart
    }

    /// The value of the first attribute called `name` (case-sensitive; HTML names are lower case).
    public subscript(attribute name: String) -> String? {
        for a in attributes where a.name == name { return a.value }
        return nil
    }

    /// The element's `id` attribute.
    public var id: String? { self[attribute: "id"] }

    /// The whitespace-separated tokens of the `class` attribute.
    public var classList: [Substring] {
        guard let c = self[attribute: "class"] else { return [] }
        return c.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
    }

    /// The direct element children, in order.
    public var childElements: [DOMElement] {
        children.compactMap(\.element)
    }

    /// The concatenated text of all descendant text nodes.
    public var textContent: String {
        var out = ""
        appendText(to: &out)
        return out
    }

    /// Whether any descendant text node holds a non-whitespace character (stops at the first).
    public var hasVisibleText: Bool {
        for child in children {
            switch child {
            case .text(let t):
                if t.value.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) { return true }
            case .element(let e):
                if e.hasVisibleText { return true }
            case .comment:
                break
            }
        }
        return false
    }

    /// The concatenated text of all descendant text nodes, with each part's source.
    public var textRun: TextRun {
        var out = TextRun.empty
        appendText(to: &out)
        return out
    }

    func appendText(to out: inout TextRun) {
        for child in children {
            switch child {
            case .text(let t): out.append(t.run)
            case .element(let e): e.appendText(to: &out)
            case .comment: break
            }
        }
    }

    func appendText(to out: inout String) {
        for child in children {
            switch child {
            case .text(let t): out += t.value
            case .element(let e): e.appendText(to: &out)
            case .comment: break
            }
        }
    }

    /// Calls `body` for this element and every descendant element, depth first, in document order.
    /// Returning `false` from `body` skips that element's descendants.
    public func walk(_ body: (DOMElement) -> Bool) {
        guard body(self) else { return }
        for child in children {
            if case .element(let e) = child { e.walk(body) }
        }
    }

    /// All descendant elements (not including `self`) whose name is in `names`, in document order.
    public func descendants(named names: Set<String>) -> [DOMElement] {
        var found: [DOMElement] = []
        for child in children {
            guard case .element(let e) = child else { continue }
            e.walk { el in
                if names.contains(el.name) { found.append(el) }
                return true
            }
        }
        return found
    }

    /// The first descendant element (depth first) whose name is `name`.
    public func firstDescendant(named name: String) -> DOMElement? {
        var found: DOMElement?
        for child in children {
            guard found == nil, case .element(let e) = child else { continue }
            e.walk { el in
                if found != nil { return false }
                if el.name == name { found = el; return false }
                return true
            }
        }
        return found
    }
}
