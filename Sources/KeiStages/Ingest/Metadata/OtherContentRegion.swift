import KeiXML

/// Parts of a page that show *other* content beside the article — related-content cards, "More from
/// this author" boxes, sidebars, teasers of other articles, popular/trending lists — and parts of a
/// byline that repeat it for another audience (tooltips, screen-reader copies). Metadata read from
/// visible text (bylines, dates, banners) never comes from them.
enum OtherContentRegion {
    /// Substrings of a lower-cased `class`/`id` that mark other content.
    static let markers = [
        "related", "recommend", "more-from", "more_from", "morefrom", "more-by", "moreby", "more-stories",
        "more-articles", "read-next", "readnext", "up-next", "upnext", "teaser", "recirc", "popular", "trending",
        "most-read", "mostread", "sidebar", "widget", "promo", "suggested", "also-by", "also-read", "you-may",
        "further-reading", "other-articles", "other-posts",
    ]
    /// Whole `class`/`id` tokens (split at anything but letters and digits) that mark other content.
    static let tokens: Set<String> = ["card", "cards", "latest", "similar", "more", "others", "complementary"]
    /// Lower-cased starts of a region's heading that announce other content.
    static let headings = [
        "related", "more from", "more by", "more on ", "more in ", "more articles", "more stories", "also by",
        "also from", "also read", "also on", "recommended", "read next", "read more", "up next", "you may also",
        "you might also", "further reading", "latest", "most popular", "most read", "popular", "trending",
        "other articles", "other publications", "other posts", "similar", "see also", "explore more",
        "keep reading", "from the same author", "by the same author",
    ]

    /// Whether `el` holds other content: `role="complementary"`, a marker in its `class`/`id`, or a
    /// heading (`h2`–`h6`) announcing related content as its first child element (or as the first
    /// child of that child: `<section><header><h2>Related</h2>…`).
    /// A region that holds the article's title (`isTitle`) is never other content.
    static func contains(_ el: DOMElement, isTitle: (DOMElement) -> Bool) -> Bool {
        guard isMarked(el) else { return false }
        var holdsTitle = false
        el.walk { e in
            if isTitle(e) { holdsTitle = true }
            return !holdsTitle
        }
        return !holdsTitle
    }

    /// ``contains(_:isTitle:)`` without the title exception.
    static func isMarked(_ el: DOMElement) -> Bool {
        for attribute in el.attributes {
            switch attribute.name {
            case "role":
                if attribute.value.lowercased() == "complementary" { return true }
            case "class", "id":
                let value = attribute.value.lowercased()
                if markers.contains(where: { TextSearch.contains(value, $0) }) { return true }
                let parts = value.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
                if parts.contains(where: { tokens.contains(String($0)) }) { return true }
            default:
                break
            }
        }
        guard let first = firstChildElement(el) else { return false }
        let heading = headingNames.contains(first.name) ? first
            : firstChildElement(first).flatMap { headingNames.contains($0.name) ? $0 : nil }
        guard let heading else { return false }
        let text = MetadataText.normalize(heading.textContent).lowercased()
        return text.count <= 80 && headings.contains { text.hasPrefix($0) }
    }

    /// The first child element, without building the list of all of them.
    private static func firstChildElement(_ el: DOMElement) -> DOMElement? {
        for child in el.children { if case .element(let e) = child { return e } }
        return nil
    }

    static let headingNames: Set<String> = ["h2", "h3", "h4", "h5", "h6"]

    /// Whether `el` repeats byline text for another audience or on demand: a tooltip or popover
    /// (`role="tooltip"`, class `tooltip`/`popover`/`tippy`/`hovercard`) or screen-reader-only text
    /// (`sr-only`, `screen-reader-text`, `visually-hidden`).
    static func isBylineCopy(_ el: DOMElement) -> Bool {
        if (el[attribute: "role"] ?? "").lowercased() == "tooltip" { return true }
        guard let value = el[attribute: "class"]?.lowercased() else { return false }
        return ["tooltip", "popover", "tippy", "hovercard", "sr-only", "screen-reader", "visually-hidden", "visuallyhidden"]
            .contains { TextSearch.contains(value, $0) }
    }
}
