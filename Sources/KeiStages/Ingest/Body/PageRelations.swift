import KeiXML

/// What the whole parsed page says about its elements by id, read once before notes are extracted:
/// the element each id names (as `getElementById` finds it: the first in document order) and the
/// control (`aria-controls`, WAI-ARIA 1.2) that shows or hides each region.
///
/// Site chrome removal may drop a note's tooltip copy or the button that titles a collapsed
/// section; the page still says what a marker points at and what a region is called, so note
/// extraction asks here rather than in the cleaned content.
struct PageRelations {
    private var elements: [String: DOMElement] = [:]
    private var controllers: [String: DOMElement] = [:]

    /// Reads the ids and `aria-controls` of every element under `root` (none when nil).
    init(_ root: DOMElement?) {
        root?.walk { e in
            if let id = e.id, !id.isEmpty, elements[id] == nil { elements[id] = e }
            if let c = e[attribute: "aria-controls"] {
                for token in FootnoteMarkup.idTokens(c) where controllers[token] == nil { controllers[token] = e }
            }
            return true
        }
    }

    /// The element whose `id` is `id`, if the page has one.
    func element(_ id: String) -> DOMElement? { elements[id] }

    /// Whether the page has an element with this id, or `id` is a fragment HTML scrolls to without one
    /// (the empty fragment and `top`, WHATWG HTML "find a potential indicated element").
    func resolves(_ id: String) -> Bool {
        elements[id] != nil || id.isEmpty || id.lowercased() == "top"
    }

    /// The element that names a region: its `aria-labelledby` targets' first element, the control
    /// that `aria-controls` it, or the `<summary>` of a `<details>`. Nil when nothing names it.
    func labelElement(of e: DOMElement) -> DOMElement? {
        if let ids = e[attribute: "aria-labelledby"] {
            for token in FootnoteMarkup.idTokens(ids) {
                if let l = elements[token], l.hasVisibleText { return l }
            }
        }
        if let id = e.id, let c = controllers[id], c.hasVisibleText { return c }
        if e.name == "details", let s = e.childElements.first(where: { $0.name == "summary" }) { return s }
        return nil
    }
}
