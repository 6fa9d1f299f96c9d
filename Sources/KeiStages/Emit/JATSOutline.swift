import KeiXML

/// The elements of an XML document as far as ``JATSStructureValidator`` needs them: names, lines,
/// nesting, `id`, `rid` and the root's `dtd-version`, in document order (the root first).
///
/// Built either by ``JATSOutlineScanner`` straight from the bytes (the fast path for the writer's
/// own output) or from a libxml2 tree (``init(root:)``), so that both give the checks the same input.
struct JATSOutline {
    struct Element {
        var name: String
        var line: Int
        /// Index of the parent element; -1 for the root.
        var parent: Int
        var id: String?
        var rid: String?
        var dtdVersion: String?
    }

    var elements: [Element] = []

    init() {}

    /// The outline of a parsed tree.
    init(root: DOMElement) {
        append(root, parent: -1)
    }

    private mutating func append(_ el: DOMElement, parent: Int) {
        let index = elements.count
        elements.append(Element(name: el.name, line: el.line, parent: parent, id: el.id, rid: el[attribute: "rid"],
                                dtdVersion: el[attribute: "dtd-version"]))
        for child in el.children {
            if case .element(let c) = child { append(c, parent: index) }
        }
    }

    /// The indices of the direct children of element `index`, in order.
    func children(of index: Int) -> [Int] {
        var out: [Int] = []
        var i = index + 1
        while i < elements.count {
            if elements[i].parent == index { out.append(i) }
            // Descendants of `index` are contiguous after it; stop at the first element outside.
            if elements[i].parent < index { break }
            i += 1
        }
        return out
    }
}
