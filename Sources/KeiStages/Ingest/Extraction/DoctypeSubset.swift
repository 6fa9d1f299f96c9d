import KeiDocument
import KeiXML

/// The internal subset of an XHTML page's document type declaration
/// (`<!DOCTYPE html [ <!ENTITY org "…"> … ]>`), which the HTML parser does not understand: libxml2's
/// HTML parser ends the declaration at the first `>` and reads the rest of the subset (`]>`, further
/// `<!ENTITY …>` lines) as body text. A browser renders none of it (HTML parsing turns the subset
/// into a bogus doctype and comments), so that text is removed before the content is read.
enum DoctypeSubset {
    /// The UTF-8 offsets of the whole declaration (`<!DOCTYPE` up to the `>` after the subset's `]`)
    /// in `source`, when the page starts (after a BOM, whitespace, an XML declaration and comments)
    /// with a DOCTYPE that has an internal subset; nil otherwise.
    static func declaration(in source: String) -> SourceSpan? {
        // A subset longer than this is not a page's entity list; such a page is read as libxml2 reads it.
        scan(Array(source.utf8.prefix(1 << 16)))
    }

    private static func scan(_ b: [UInt8]) -> SourceSpan? {
        var i = 0
        func skipSpace() { while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x0C { i += 1 } }
        func starts(_ s: String, at k: Int) -> Bool {
            let u = Array(s.utf8)
            guard k + u.count <= b.count else { return false }
            for (j, c) in u.enumerated() where b[k + j] | 0x20 != c | 0x20 { return false }
            return true
        }
        func skip(past terminator: String, from k: Int) -> Int? {
            let t = Array(terminator.utf8)
            var j = k
            while j + t.count <= b.count {
                if b[j..<(j + t.count)].elementsEqual(t) { return j + t.count }
                j += 1
            }
            return nil
        }
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while true {
            skipSpace()
            if starts("<?", at: i), let e = skip(past: ">", from: i) { i = e; continue }
            if starts("<!--", at: i), let e = skip(past: "-->", from: i + 4) { i = e; continue }
            break
        }
        guard starts("<!doctype", at: i) else { return nil }
        let start = i
        i += 9
        // Up to the subset's "[", over quoted public and system literals.
        while i < b.count, b[i] != 0x5B {
            switch b[i] {
            case 0x3E: return nil
            case 0x22, 0x27:
                let q = b[i]
                i += 1
                while i < b.count, b[i] != q { i += 1 }
                i += 1
            default: i += 1
            }
        }
        guard i < b.count else { return nil }
        i += 1
        // The subset: declarations, comments and literals up to "]".
        while i < b.count, b[i] != 0x5D {
            if starts("<!--", at: i) {
                guard let e = skip(past: "-->", from: i + 4) else { return nil }
                i = e
                continue
            }
            if b[i] == 0x22 || b[i] == 0x27 {
                let q = b[i]
                i += 1
                while i < b.count, b[i] != q { i += 1 }
            }
            i += 1
        }
        guard i < b.count else { return nil }
        while i < b.count, b[i] != 0x3E { i += 1 }
        guard i < b.count else { return nil }
        return SourceSpan(start: start, end: i + 1)
    }

    /// `root` without the text the parser made of the declaration's subset: the text and comments at
    /// the start of the document (in document order) that lie inside `declaration` or have no known
    /// source, up to the first element or text after it, and the implied elements that held only them.
    static func removingDebris(from root: DOMElement, declaration: SourceSpan) -> DOMElement {
        var done = false
        return prune(root, declaration, &done) ?? root
    }

    /// The element without its leading debris; nil when it held nothing else and libxml2 implied it.
    private static func prune(_ e: DOMElement, _ declaration: SourceSpan, _ done: inout Bool) -> DOMElement? {
        var copy = e
        var kids: [DOMNode] = []
        for child in e.children {
            if done { kids.append(child); continue }
            switch child {
            case .text(let t):
                if let s = t.run.span, s.start >= declaration.end {
                    done = true
                    kids.append(child)
                }
            case .comment(let c):
                if let s = c.span, s.start >= declaration.end { done = true; kids.append(child) }
            case .element(let c):
                if let start = c.sourceStart, start >= declaration.end {
                    done = true
                    kids.append(child)
                } else if c.sourceStart == nil || c.name == "html" || c.name == "body" || c.name == "head" {
                    // Implied elements (html, body, the p libxml2 opened for the debris) are entered.
                    if let kept = prune(c, declaration, &done) { kids.append(.element(kept)) }
                } else {
                    kids.append(child)
                }
            }
        }
        copy.children = kids
        if e.sourceStart == nil, kids.isEmpty, e.name != "html", e.name != "body" { return nil }
        return copy
    }
}
