import KeiXML

/// Recognises the footnote and endnote markups of common publishing tools: pandoc and
/// markdown-it (`fn1`/`fnref1`), Google Docs (`ftnt1`/`ftnt_ref1`), Word (`_ftn1`/`_ftnref1`),
/// the WordPress footnotes block, Easy Footnotes and Modern Footnotes, and Drupal's footnotes module.
enum FootnoteMarkup {
    /// Class tokens of an element that holds an endnote list.
    static let containerClasses: Set<String> = [
        "footnotes", "footnote-list", "footnotes-list", "wp-block-footnotes", "easy-footnotes-wrapper",
        "endnotes", "endnote-list", "notes-list", "fn-list", "footnotes-footer",
    ]
    /// Class tokens of a marker link.
    static let markerClasses: Set<String> = [
        "footnote-ref", "see-footnote", "footnote-link", "fn-ref", "footnote-reference", "easy-footnote",
        "footnote-anchor", "endnote-ref", "ftn-ref",
    ]
    /// Class tokens of a back-link in a note, or of the element that holds a cluster of them
    /// (MediaWiki's `mw-cite-backlink` "^ a b", Pressbooks' `return-footnote`).
    static let backlinkClasses: Set<String> = [
        "footnote-back", "footnote-backref", "footnote-backlink", "easy-footnote-to-top", "reversefootnote",
        "footnote-return", "fn-back", "back-to-text", "mw-cite-backlink", "cite-backlink", "return-footnote",
        "footnote-return-link", "backlink", "fn-backref",
    ]
    /// Class tokens of a note shown as a tooltip or hidden span next to its marker.
    static let tooltipClasses: Set<String> = [
        "modern-footnotes-footnote__note", "footnote-tooltip", "footnote-tooltip-content", "tooltip",
        "tooltiptext", "tooltip-text", "footnote-content", "footnote-text", "fn-tooltip", "footnote-hover",
        "footnote-popup", "tippy-content",
    ]
    /// Texts of back-links ("↩", "Back to text").
    static let backlinkTexts: Set<String> = [
        "\u{21A9}", "\u{21A9}\u{FE0E}", "\u{21A9}\u{FE0F}", "\u{2191}", "^", "\u{2934}", "\u{2B8C}",
        "back to text", "return to text", "back", "[back]", "return", "[return]", "top", "back to top",
    ]

    /// The fragment of a same-page link (`#fn1`, or a full URL ending in `#fn1`), or nil.
    static func fragment(of a: DOMElement) -> String? {
        guard a.name == "a", let href = a[attribute: "href"], let hash = firstHash(in: href) else { return nil }
        let f = String(href[href.index(after: hash)...])
        // Fewer than 200 bytes is fewer than 200 Characters; only longer fragments need counting.
        guard !f.isEmpty, f.utf8.count < 200 || f.count < 200 else { return nil }
        if href[..<hash].isEmpty { return f }
        // A full URL with a fragment counts only when the fragment reads as a footnote.
        return looksLikeNoteFragment(f) ? f : nil
    }

    /// The index of the first "#" Character of `href`. While the text is ASCII a "#" byte followed by an
    /// ASCII byte (or the end) is that Character; anything else is left to the Character search.
    static func firstHash(in href: String) -> String.Index? {
        let utf8 = href.utf8
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let b = utf8[i]
            guard b < 0x80 else { break }
            if b == UInt8(ascii: "#") {
                let next = utf8.index(after: i)
                if next == utf8.endIndex || utf8[next] < 0x80 { return i }
                break
            }
            utf8.formIndex(after: &i)
        }
        return i == utf8.endIndex ? nil : href.firstIndex(of: "#")
    }

    /// Fragments that name a note rather than a marker (`fn1`, `footnote-0`, `ftnt1`, `_ftn1`, `easy-footnote-bottom-1-123`).
    static func looksLikeNoteFragment(_ f: String) -> Bool {
        let l = f.lowercased()
        func has(_ part: String) -> Bool { l.contains(part) }
        if has("ref") || has("link") || has("back") { return false }
        guard l.contains(where: { $0.isNumber }) else { return false }
        for p in ["fn", "footnote", "ftn", "_ftn", "_edn", "edn", "easy-footnote-bottom", "endnote", "en", "note", "cite_note", "n"]
        where l.hasPrefix(p) {
            let rest = l.dropFirst(p.count)
            if p == "n" || p == "en" {
                return !rest.isEmpty && rest.allSatisfy { $0.isNumber }
            }
            return true
        }
        return false
    }

    /// True for short texts that can be printed markers: "1", "[12]", "*", "iv", "a".
    static func looksLikeMarkerLabel(_ s: String) -> Bool {
        let t = cleanLabel(s)
        guard !t.isEmpty, t.count <= 6 else { return false }
        if t.allSatisfy({ $0.isNumber }) { return true }
        if t.allSatisfy({ "*†‡§¶#".contains($0) }) { return true }
        if t.count <= 4, t.allSatisfy({ "ivxlcIVXLC".contains($0) }) { return true }
        if t.count == 1, t.first?.isLetter == true { return true }
        return false
    }

    /// A printed label without brackets, parentheses, trailing periods or surrounding spaces.
    static func cleanLabel(_ s: String) -> String {
        var t = InlineText.trim(InlineText.collapse(s))
        while let f = t.first, "[(".contains(f) { t.removeFirst() }
        while let l = t.last, "]).:".contains(l) { t.removeLast() }
        return InlineText.trim(t)
    }

    /// True when one of the element's class tokens, lower-cased, is in `names`.
    static func hasClass(_ e: DOMElement, in names: Set<String>) -> Bool {
        lowercasedClasses(e).contains { names.contains($0) }
    }

    /// True when one of the element's class tokens, lower-cased, is `name`.
    static func hasClass(_ e: DOMElement, named name: String) -> Bool {
        lowercasedClasses(e).contains { $0 == name }
    }

    /// The element's class tokens, lower-cased, as `DOMElement.classList` splits them.
    static func lowercasedClasses(_ e: DOMElement) -> [String] {
        e.classList.map { $0.lowercased() }
    }

    /// The key and label of a marker element, or nil when the element is not a marker.
    /// - Parameters:
    ///   - knownAnchors: anchors of notes found on the page; a link to one of them is a marker.
    ///   - insideSup: the element is inside a `<sup>`.
    static func marker(_ e: DOMElement, knownAnchors: Set<String>, insideSup: Bool) -> (key: String, label: String)? {
        if let key = e[attribute: keyAttribute] {
            // Linked by note extraction (a relation marker, or the marker of an inline note).
            return (key, e[attribute: labelAttribute] ?? cleanLabel(visibleText(e)))
        }
        if e.name == "sup" || e.name == "span" {
            if let mfn = e[attribute: "data-mfn"], e.name == "sup" || hasClass(e, named: "modern-footnotes-footnote") {
                let label = cleanLabel(visibleText(e))
                return ("mfn:" + mfn, label.isEmpty ? mfn : label)
            }
            return nil
        }
        guard e.name == "a", let f = fragment(of: e) else { return nil }
        if e[attribute: "role"] == "doc-backlink" || hasClass(e, in: backlinkClasses) { return nil }
        let label = cleanLabel(visibleText(e))
        // A link to a note that reads as a phrase ("see note 3") is a cross-reference, not a marker.
        if knownAnchors.contains(f), label.isEmpty || looksLikeMarkerLabel(label) || insideSup
            || e.firstDescendant(named: "sup") != nil { return (f, label) }
        if e[attribute: "role"] == "doc-noteref" || hasClass(e, in: markerClasses) { return (f, label) }
        guard looksLikeMarkerLabel(label) else { return nil }
        if looksLikeNoteFragment(f) { return (f, label) }
        if insideSup || e.firstDescendant(named: "sup") != nil {
            let l = f.lowercased()
            if l.contains("ref") || l.contains("back") { return nil }
            return (f, label)
        }
        return nil
    }

    /// The text of an element without tooltip copies of notes inside it.
    static func visibleText(_ e: DOMElement) -> String {
        var out = ""
        for child in e.children {
            switch child {
            case .text(let t): out += t.value
            case .element(let c): if !isTooltip(c) { out += visibleText(c) }
            case .comment: continue
            }
        }
        return out
    }

    /// True for an element that holds an endnote list.
    static func isContainer(_ e: DOMElement) -> Bool {
        if let role = e[attribute: "role"], role == "doc-endnotes" || role == "doc-footnotes" { return true }
        if hasClass(e, in: containerClasses) { return true }
        if let id = e.id?.lowercased(), ["footnotes", "endnotes", "footnote-list"].contains(id), e.name != "a" { return true }
        return isNoteIDList(e)
    }

    /// An `<ol>`/`<ul>` most of whose items carry note ids (`footnote-0`, `fn1`, `cite_note-3`): a note
    /// list even without a class or a heading.
    static func isNoteIDList(_ e: DOMElement) -> Bool {
        guard e.name == "ol" || e.name == "ul" else { return false }
        var items = 0, noteItems = 0
        for c in e.childElements where c.name == "li" {
            items += 1
            if let id = c.id, looksLikeNoteFragment(id) { noteItems += 1 }
        }
        return noteItems > 0 && noteItems * 2 > items
    }

    /// True for a back-link inside a note (to the marker), given the ids markers carry.
    static func isBacklink(_ a: DOMElement, markerIDs: Set<String>) -> Bool {
        guard a.name == "a" else { return false }
        if a[attribute: "role"] == "doc-backlink" || hasClass(a, in: backlinkClasses) { return true }
        if let f = fragment(of: a), markerIDs.contains(f) { return true }
        return isBacklinkText(a.textContent)
    }

    /// The most scalars a back-link text has. None of them changes under canonical decomposition.
    static let longestBacklinkText = backlinkTexts.map { $0.unicodeScalars.count }.max() ?? 0

    /// True when the text reads as a back-link ("↩", "Back to text"). A text with more visible scalars
    /// than the longest back-link text cannot match (its key has at least that many scalars), so the
    /// key is only made for short texts.
    static func isBacklinkText(_ text: String) -> Bool {
        var visible = 0
        for u in text.unicodeScalars where !InlineText.isTrimmable(u) {
            visible += 1
            if visible > longestBacklinkPhrase { return false }
        }
        let k = InlineText.key(text)
        if visible <= longestBacklinkText, backlinkTexts.contains(k) { return true }
        return backlinkPhrases.contains { k.hasPrefix($0) }
    }

    /// Beginnings of longer back-link texts ("Return to footnote 3", MediaWiki's "Jump up to: a b").
    static let backlinkPhrases = ["return to footnote", "return to note", "back to footnote", "back to note",
                                  "jump up", "jump back", "return to reference", "back to reference", "return to citation"]
    /// The most visible scalars a back-link phrase with its number has.
    static let longestBacklinkPhrase = 32

    /// True for an element that shows a note's text as a tooltip, popover or hidden span.
    static func isTooltip(_ e: DOMElement) -> Bool {
        // An HTML popover is hidden until its invoker shows it.
        if e[attribute: "role"] == "tooltip" || e[attribute: "popover"] != nil { return true }
        if hasClass(e, in: tooltipClasses) { return true }
        if e.name == "span" || e.name == "div" || e.name == "aside" {
            if e[attribute: "hidden"] != nil { return true }
            if let style = e[attribute: "style"]?.lowercased().replacingOccurrences(of: " ", with: ""),
               style.contains("display:none") { return true }
        }
        return false
    }

    /// What a heading introduces, when it is a notes or references heading.
    enum BackMatter { case notes, references }

    /// Classifies a heading text as introducing endnotes or a reference list.
    static func backMatter(heading text: String) -> BackMatter? {
        var k = InlineText.key(text)
        while let l = k.last, ":.".contains(l) { k.removeLast() }
        switch k {
        case "notes", "endnotes", "end notes", "footnotes", "foot notes", "note", "endnote":
            return .notes
        case "references", "bibliography", "works cited", "sources", "reference", "sources cited",
             "references and notes", "notes and references", "literature cited", "further reading":
            return .references
        default:
            return nil
        }
    }

    /// Parses a printed leading number of a note paragraph ("1. ", "[1] ", "1) ", "1 ").
    /// Returns the number's text and how many characters to drop.
    static func leadingNumber(_ text: String) -> (label: String, dropCount: Int)? {
        let chars = Array(text.prefix(16))
        var i = 0
        while i < chars.count, InlineText.isTrimmable(chars[i]) { i += 1 }
        var bracket = false
        if i < chars.count, chars[i] == "[" || chars[i] == "(" { bracket = true; i += 1 }
        let start = i
        while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
        guard i > start, i - start <= 3 else { return nil }
        let label = String(chars[start..<i])
        var sep = false
        if bracket {
            guard i < chars.count, chars[i] == "]" || chars[i] == ")" else { return nil }
            i += 1
            sep = true
        }
        if i < chars.count, chars[i] == "." || chars[i] == ")" { i += 1; sep = true }
        guard i < chars.count, InlineText.isTrimmable(chars[i]) else {
            return nil
        }
        // "1 Text" without a separator counts only with a tab or no-break space after the number.
        if !sep, chars[i] == " " { return nil }
        while i < chars.count, InlineText.isTrimmable(chars[i]) { i += 1 }
        return (label, i)
    }
}
