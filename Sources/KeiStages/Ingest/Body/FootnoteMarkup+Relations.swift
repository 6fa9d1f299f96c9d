import Foundation
import KeiXML

/// Markers linked to their notes without an `href` (WAI-ARIA and `data-*` relations), notes written
/// inline where they belong, and the back-matter headings notes extraction separates from the body.
extension FootnoteMarkup {
    /// Attributes by which a marker names its note's element, in the order they are tried:
    /// WAI-ARIA 1.2 `aria-describedby`, `aria-details` and `aria-controls`, the HTML `popovertarget`,
    /// and the `data-*` attributes of footnote plugins and of Bootstrap, Tippy and UIkit triggers.
    static let relationAttributes: [String] = [
        "aria-describedby", "aria-details", "aria-controls", "popovertarget", "data-footnote", "data-footnote-id",
        "data-footnote-ref", "data-footnote-target", "data-fn", "data-note", "data-note-id", "data-target",
        "data-bs-target", "data-tooltip-content", "data-tooltip-id", "data-template", "data-popover-target",
        "data-dropdown-toggle",
    ]

    /// Class tokens of a marker that has no link (`<a class="citation">`).
    static let relationMarkerClasses: Set<String> = [
        "citation", "footnote-marker", "footnote-trigger", "fn-marker", "note-marker", "footnote-number",
        "sidenote-number", "endnote-marker", "footnote-toggle",
    ]

    /// Class tokens of a note written where it belongs, inside the sentence or between paragraphs:
    /// `<span class="footnote">` (Pressbooks, DocBook, Prince's `.fn { float: footnote }` convention),
    /// Tufte CSS side notes and margin notes.
    static let inlineNoteClasses: Set<String> = [
        "footnote", "fn", "pb-footnote", "inline-footnote", "footnote-inline", "prince-footnote", "sidenote",
        "side-note", "marginnote", "margin-note",
    ]

    /// Synthetic attributes note extraction puts on a marker it linked by relation, or made for an
    /// inline note: the key of the note and the label to print.
    static let keyAttribute = "data-kei-note-key"
    static let labelAttribute = "data-kei-note-label"

    /// The id tokens of an IDREF list or a selector (`#fn1`, `fn1 fn2`); other selectors are skipped.
    static func idTokens(_ value: String) -> [String] {
        var out: [String] = []
        for raw in value.split(whereSeparator: { InlineText.isTrimmable($0) }) {
            var t = Substring(raw)
            if t.hasPrefix("#") { t = t.dropFirst() }
            guard !t.isEmpty, !t.contains(where: { ".[]>:,*(\"'".contains($0) }) else { continue }
            out.append(String(t))
        }
        return out
    }

    /// The ids an element's relation attributes name, in attribute order.
    static func relationTargets(of e: DOMElement) -> [String] {
        var out: [String] = []
        for name in relationAttributes {
            if let v = e[attribute: name] { out += idTokens(v) }
        }
        return out
    }

    /// Attributes in which a marker carries its note's text (Tippy, Bootstrap popovers and tooltips,
    /// generic `data-content`/`data-tooltip` scripts). A superscript marker's `title` counts too.
    static let noteTextAttributes: [String] = [
        "data-tippy-content", "data-bs-content", "data-content", "data-tooltip", "data-bs-original-title",
        "data-original-title",
    ]

    /// The note text a marker carries in an attribute (``noteTextAttributes``, or `title` on a
    /// superscript or inside one), when its visible text reads as a marker label. Nil otherwise, for
    /// a text that only names the note ("Footnote 3") and for a `title` of a word or two without a
    /// full stop ("squared" on an exponent). Markup in the value is read as text.
    static func attributeNoteText(_ e: DOMElement, insideSup: Bool) -> String? {
        guard relationMarkerNames.contains(e.name), e[attribute: keyAttribute] == nil else { return nil }
        let label = cleanLabel(visibleText(e))
        guard looksLikeMarkerLabel(label) else { return nil }
        let names = insideSup || e.name == "sup" ? noteTextAttributes + ["title"] : noteTextAttributes
        for name in names {
            guard let raw = e[attribute: name] else { continue }
            var text = InlineText.trim(InlineText.collapse(raw))
            if text.contains("<") { text = InlineText.trim(InlineText.collapse(markupText(text))) }
            guard !InlineText.isBlank(text), cleanLabel(text) != label, !namesNoteOnly(text) else { continue }
            // A title reads as a note when it is a sentence or a citation, not a word ("squared" on an exponent).
            if name == "title", InlineText.wordCount(text) < 3, !text.hasSuffix(".") { continue }
            return text
        }
        return nil
    }

    /// The text of an attribute value written as HTML (`data-tippy-content="<em>Title</em>, 2020"`).
    private static func markupText(_ html: String) -> String {
        let document = MarkupParser.parseHTML(Data(("<body>" + html).utf8), encoding: "utf-8")
        return document.root?.firstDescendant(named: "body")?.textContent ?? html
    }

    /// True for a text that only names a note ("Footnote 3", "See note 3", "Jump to reference 3").
    static func namesNoteOnly(_ text: String) -> Bool {
        let naming: Set<String> = ["footnote", "note", "endnote", "see", "jump", "to", "go", "reference", "ref",
                                   "citation", "fn", "back", "show", "read", "open"]
        let words = InlineText.key(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        return words.allSatisfy { naming.contains(String($0)) || $0.allSatisfy(\.isNumber) }
    }

    /// Elements that can be a marker linked by a relation attribute rather than a link.
    static let relationMarkerNames: Set<String> = ["a", "sup", "span", "button", "abbr"]

    /// The ids a marker points at: the fragment of a marker link, or the ids a relation marker's
    /// attributes name when its text reads as a marker label. Empty for other elements. Content
    /// extraction keeps what these name, however short (see ``ExtractionPass``).
    static func markerTargets(_ e: DOMElement, insideSup: Bool) -> [String] {
        guard relationMarkerNames.contains(e.name) else { return [] }
        if e.name == "a", let m = marker(e, knownAnchors: [], insideSup: insideSup) { return [m.key] }
        let ids = relationTargets(of: e)
        guard !ids.isEmpty, looksLikeMarkerLabel(cleanLabel(visibleText(e))) else { return [] }
        return ids
    }

    /// True for an element that can be a note's text: a tooltip, a note list entry or anything
    /// named or classed as a footnote.
    static func isNoteLike(_ e: DOMElement) -> Bool {
        if isTooltip(e) || isInlineNoteMarkup(e) || e.name == "li" { return true }
        if let role = e[attribute: "role"], role == "doc-footnote" || role == "doc-endnote" || role == "note" { return true }
        if let id = e.id, looksLikeNoteFragment(id) { return true }
        return lowercasedClasses(e).contains {
            $0.contains("footnote") || $0.contains("endnote") || $0.contains("tooltip") || $0.contains("popover")
        }
    }

    /// True when markup says the element is a note written in place (class, HTMLBook `data-type`,
    /// DPUB-ARIA `role`, EPUB `epub:type`, or a CSS `float: footnote` as Prince reads it).
    static func isInlineNoteMarkup(_ e: DOMElement) -> Bool {
        if hasClass(e, in: inlineNoteClasses) { return true }
        if e[attribute: "data-type"] == "footnote" { return true }
        if let role = e[attribute: "role"], role == "doc-footnote" || role == "doc-endnote" { return true }
        if let t = e[attribute: "epub:type"]?.lowercased(), ["footnote", "endnote", "rearnote"].contains(t) { return true }
        if let style = e[attribute: "style"]?.lowercased().replacingOccurrences(of: " ", with: ""),
           style.contains("float:footnote") || style.contains("float:prince-footnote") { return true }
        return false
    }

    /// True for an inline note: note markup on a phrase or aside whose text is more than a marker label.
    static func isInlineNote(_ e: DOMElement) -> Bool {
        guard ["span", "aside", "small", "note"].contains(e.name) || e[attribute: "data-type"] == "footnote"
            || e[attribute: "epub:type"] != nil || e[attribute: "style"] != nil else { return false }
        guard isInlineNoteMarkup(e) else { return false }
        let text = visibleText(e)
        return !InlineText.isBlank(text) && !looksLikeMarkerLabel(cleanLabel(text))
    }

    /// True for a heading text that introduces acknowledgements ("Acknowledgements",
    /// "Acknowledgments and disclosures", "Acknowledgement").
    static func isAcknowledgementsHeading(_ text: String) -> Bool {
        let k = InlineText.key(text)
        return k.hasPrefix("acknowledg") && InlineText.wordCount(k) <= 6
    }

    /// True for an element that holds acknowledgements by its DPUB-ARIA role, class or id.
    static func isAcknowledgementsContainer(_ e: DOMElement) -> Bool {
        if e[attribute: "role"] == "doc-acknowledgments" { return true }
        guard ["section", "div", "aside", "footer"].contains(e.name) else { return false }
        let names: Set<String> = ["acknowledgements", "acknowledgments", "acknowledgement", "acknowledgment", "ack"]
        if hasClass(e, in: names) { return true }
        return e.id.map { names.contains($0.lowercased()) } ?? false
    }
}
