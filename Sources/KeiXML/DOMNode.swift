/// A node of the copied document tree: pure Swift values, no C memory.
public enum DOMNode: Sendable, Hashable {
    case element(DOMElement)
    case text(DOMText)
    case comment(DOMComment)

    /// The element, when this node is one.
    public var element: DOMElement? {
        if case .element(let e) = self { return e }
        return nil
    }

    /// The concatenated text of this node and its descendants.
    public var textContent: String {
        switch self {
        case .element(let e): return e.textContent
        case .text(let t): return t.value
        case .comment: return ""
        }
    }
}
