import KeiXML

/// A flattened, index-addressed copy of a DOM subtree (elements in document order), with the
/// per-element statistics the extractor needs, computed bottom-up in one pass so that no
/// subtree's text is ever re-read.
///
/// Element `i`'s descendants are the indices `i+1 ..< end[i]`; its first child element (if any)
/// is `i+1` and each next sibling starts at `end` of the previous one.
struct ExtractionTree {
    /// The elements themselves (values share storage with the parsed tree; no deep copies).
    private(set) var elements: [DOMElement] = []
    private(set) var parent: [Int] = []
    private(set) var end: [Int] = []
    private(set) var hints: [ClassHints] = []
    /// Non-whitespace characters in the element's own (direct) text children.
    private(set) var ownText: [Int] = []
    private var ownCommas: [Int] = []

    /// Elements marked for removal (their whole subtree goes with them).
    var removed: [Bool] = []

    // Statistics over the kept part of each subtree (refreshed by `computeStats`).
    private(set) var text: [Int] = []
    private(set) var linkText: [Double] = []
    private(set) var commas: [Int] = []
    private(set) var paragraphs: [Int] = []
    private(set) var paragraphText: [Int] = []
    private(set) var listItems: [Int] = []
    private(set) var images: [Int] = []
    /// Whether the element has any kept block-level child element.
    private(set) var hasBlockChild: [Bool] = []
    /// Whether the kept subtree contains a `main` or role=main element.
    private(set) var containsLandmark: [Bool] = []

    var count: Int { elements.count }

    static let blockNames: Set<String> = [
        "address", "article", "aside", "blockquote", "dl", "div", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "img",
        "details", "fieldset", "figcaption", "li", "dd", "dt",
    ]

    /// Hints already computed for a given `class` value (class names repeat a lot within a page).
    private var classHintCache: [String: ClassHints] = [:]
    /// Per-element flags decided once from the tag name (see `Kind`).
    private(set) var kinds: [Kind] = []

    /// What the statistics pass needs to know about a tag, decided once per element.
    struct Kind: OptionSet {
        let rawValue: UInt8
        static let block = Kind(rawValue: 1)
        static let link = Kind(rawValue: 2)
        static let hashLink = Kind(rawValue: 4)
        static let paragraph = Kind(rawValue: 8)
        static let listItem = Kind(rawValue: 16)
        static let image = Kind(rawValue: 32)
        static let landmark = Kind(rawValue: 64)
        /// A link to a PDF file.
        static let pdfLink = Kind(rawValue: 128)
    }

    init(root: DOMElement) {
        append(root, parent: -1)
        removed = Array(repeating: false, count: elements.count)
        computeStats()
    }

    private mutating func append(_ e: DOMElement, parent p: Int) {
        let index = elements.count
        elements.append(e)
        parent.append(p)
        end.append(index + 1)
        var classValue: String?
        var id: String?
        var role: String?
        var href: String?
        for a in e.attributes {
            switch a.name {
            case "class": if classValue == nil { classValue = a.value }
            case "id": if id == nil { id = a.value }
            case "role": if role == nil { role = a.value }
            case "href": if href == nil { href = a.value }
            default: break
            }
        }
        hints.append(hintsFor(classValue: classValue, id: id, role: role))
        var kind: Kind = ExtractionTree.blockNames.contains(e.name) ? [.block] : []
        switch e.name {
        case "a":
            kind.insert(.link)
            if href?.hasPrefix("#") == true { kind.insert(.hashLink) }
            if let href, ExtractionTree.isPDF(href) { kind.insert(.pdfLink) }
        case "p": kind.insert(.paragraph)
        case "li": kind.insert(.listItem)
        case "img", "picture", "video": kind.insert(.image)
        case "main": kind.insert(.landmark)
        default: break
        }
        if role == "main" { kind.insert(.landmark) }
        kinds.append(kind)
        var chars = 0
        var commaCount = 0
        for child in e.children {
            guard case .text(let t) = child else { continue }
            // Counts Unicode scalars by their UTF-8 lead bytes; skips ASCII whitespace and
            // no-break spaces (C2 A0); counts ASCII, full-width (EF BC 8C) and ideographic (E3 80 81) commas.
            var previous: UInt8 = 0
            var beforePrevious: UInt8 = 0
            for b in t.value.utf8 {
                switch b {
                case 32, 10, 9, 13, 12: break
                case 44: commaCount += 1; chars += 1
                case 0xA0 where previous == 0xC2: chars -= 1
                case 0x8C where previous == 0xBC && beforePrevious == 0xEF: commaCount += 1
                case 0x81 where previous == 0x80 && beforePrevious == 0xE3: commaCount += 1
                default: if b & 0xC0 != 0x80 { chars += 1 }
                }
                beforePrevious = previous
                previous = b
            }
        }
        ownText.append(chars)
        ownCommas.append(commaCount)
        for child in e.children {
            if case .element(let c) = child { append(c, parent: index) }
        }
        end[index] = elements.count
    }

    private mutating func hintsFor(classValue: String?, id: String?, role: String?) -> ClassHints {
        var h: ClassHints
        if let classValue, !classValue.isEmpty {
            if let cached = classHintCache[classValue] {
                h = cached
            } else {
                h = ClassHints(classValue: classValue, id: nil, role: nil)
                classHintCache[classValue] = h
            }
        } else {
            h = ClassHints()
        }
        if let id, !id.isEmpty { h.merge(ClassHints(classValue: nil, id: id, role: nil)) }
        if let role, !role.isEmpty { h.merge(ClassHints(classValue: nil, id: nil, role: role)) }
        return h
    }

    /// Whether `href` points at a PDF file (`….pdf`, `….pdf?…`, `….pdf#…`).
    static func isPDF(_ href: String) -> Bool {
        // Byte scan, case-insensitive: ".pdf" followed by the end, "?" or "#".
        let b = Array(href.utf8)
        var i = 0
        while i + 3 < b.count {
            if b[i] == 46, b[i + 1] | 0x20 == 112, b[i + 2] | 0x20 == 100, b[i + 3] | 0x20 == 102 {
                if i + 4 == b.count || b[i + 4] == 63 || b[i + 4] == 35 { return true }
            }
            i += 1
        }
        return false
    }

    /// The direct child element indices of `i`, in order.
    func children(of i: Int) -> [Int] {
        var out: [Int] = []
        var c = i + 1
        while c < end[i] {
            out.append(c)
            c = end[c]
        }
        return out
    }

    /// Whether `i` or one of its ancestors is removed.
    func isDead(_ i: Int) -> Bool {
        var k = i
        while k >= 0 {
            if removed[k] { return true }
            k = parent[k]
        }
        return false
    }

    /// Whether `a` is `d` or an ancestor of `d`.
    func contains(_ a: Int, _ d: Int) -> Bool { d >= a && d < end[a] }

    /// Link density of the kept subtree (link text / text; 0 when there is no text).
    func linkDensity(_ i: Int) -> Double {
        text[i] > 0 ? min(1, linkText[i] / Double(text[i])) : 0
    }

    /// Recomputes the kept-subtree statistics, skipping removed subtrees. One reverse pass.
    mutating func computeStats() {
        let n = elements.count
        var dead = Array(repeating: false, count: n)
        for i in 0..<n {
            dead[i] = removed[i] || (parent[i] >= 0 && dead[parent[i]])
        }
        text = Array(repeating: 0, count: n)
        linkText = Array(repeating: 0, count: n)
        commas = Array(repeating: 0, count: n)
        paragraphs = Array(repeating: 0, count: n)
        paragraphText = Array(repeating: 0, count: n)
        listItems = Array(repeating: 0, count: n)
        images = Array(repeating: 0, count: n)
        hasBlockChild = Array(repeating: false, count: n)
        containsLandmark = Array(repeating: false, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) where !dead[i] {
            let kind = kinds[i]
            text[i] += ownText[i]
            commas[i] += ownCommas[i]
            if kind.contains(.link) { linkText[i] = Double(text[i]) * (kind.contains(.hashLink) ? 0.3 : 1) }
            if kind.contains(.paragraph) {
                paragraphs[i] += 1
                paragraphText[i] = text[i]
            }
            if kind.contains(.listItem) { listItems[i] += 1 }
            if kind.contains(.image) { images[i] += 1 }
            if kind.contains(.landmark) { containsLandmark[i] = true }
            let p = parent[i]
            guard p >= 0 else { continue }
            text[p] += text[i]
            linkText[p] += linkText[i]
            commas[p] += commas[i]
            paragraphs[p] += paragraphs[i]
            paragraphText[p] += paragraphText[i]
            listItems[p] += listItems[i]
            images[p] += images[i]
            if kind.contains(.block) { hasBlockChild[p] = true }
            if containsLandmark[i] { containsLandmark[p] = true }
        }
    }

    /// The text of the kept subtree of `i` (for short elements only: it is not cached).
    func keptText(_ i: Int) -> String {
        var out = ""
        appendKeptText(i, to: &out)
        return out
    }

    private func appendKeptText(_ i: Int, to out: inout String) {
        guard !removed[i] else { return }
        var c = i + 1
        for child in elements[i].children {
            switch child {
            case .text(let t): out += t.value
            case .element:
                appendKeptText(c, to: &out)
                c = end[c]
            case .comment: break
            }
        }
    }

    /// A copy of element `i` with removed descendants dropped and comments stripped.
    /// `keepChild`, when given, filters `i`'s direct element children (text children are kept
    /// only when `keepText` is true).
    func rebuild(_ i: Int, keepChild: ((Int) -> Bool)? = nil, keepText: Bool = true) -> DOMElement {
        var e = elements[i]
        var kids: [DOMNode] = []
        kids.reserveCapacity(e.children.count)
        var c = i + 1
        for child in e.children {
            switch child {
            case .text:
                if keepText { kids.append(child) }
            case .element:
                let idx = c
                c = end[c]
                if removed[idx] { continue }
                if let keepChild, !keepChild(idx) { continue }
                kids.append(.element(rebuild(idx)))
            case .comment: break
            }
        }
        // An unchanged subtree keeps the parsed tree's storage (equal arrays: no second copy of the page).
        if !DOMNode.identical(kids, e.children) { e.children = kids }
        return e
    }
}
