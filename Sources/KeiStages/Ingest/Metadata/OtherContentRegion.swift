import KeiXML

/// Parts of a page that show *other* content beside the article — related-content cards, "More from
/// this author" boxes, sidebars, teasers of other articles, popular/trending lists — and parts of a
/// byline that repeat it for another audience (tooltips, screen-reader copies). Metadata read from
/// visible text (bylines, dates, banners) never comes from them.
enum OtherContentRegion {
    /// Starts of `class`/`id` tokens (split at anything but letters and digits) that mark other
    /// content: `related-posts`, `recommended`, `c-teaser`, `sidebar-card`, `widget_area` …
    static let tokenPrefixes = ["related", "recommend", "teaser", "recirc", "popular", "trending", "sidebar", "widget",
                                "promo", "suggest"]
    /// Whole `class`/`id` tokens that mark other content (`more-from-author`, `most-read`, `read-next`,
    /// `also-by`, `card`).
    static let tokens: Set<String> = ["card", "cards", "latest", "similar", "more", "morefrom", "moreby", "most", "mostread",
                                      "next", "readnext", "upnext", "also", "further", "others", "complementary"]
    /// Lower-cased starts of a region's heading that announce other content.
    static let headings = [
        "related", "more from", "more by", "more on ", "more in ", "more articles", "more stories", "also by",
        "also from", "also read", "also on", "recommended", "read next", "read more", "up next", "you may also",
        "you might also", "further reading", "latest", "most popular", "most read", "popular", "trending",
        "other articles", "other publications", "other posts", "similar", "see also", "explore more",
        "keep reading", "from the same author", "by the same author",
    ]

    /// Whether `el` (a container element) holds other content: `role="complementary"`, a marker in its `class`/`id`, or a
    /// heading (`h2`–`h6`) announcing related content as its first child element (or as the first
    /// child of that child: `<section><header><h2>Related</h2>…`).
    /// A region that holds the article's title (`isTitle`) is never other content.
    static func contains(_ el: DOMElement, isTitle: (DOMElement) -> Bool) -> Bool {
        guard containers.contains(el.name), isMarked(el) else { return false }
        var holdsTitle = false
        el.walk { e in
            if isTitle(e) { holdsTitle = true }
            return !holdsTitle
        }
        return !holdsTitle
    }

    /// Elements that can hold a region of other content (a card, a list of teasers, a sidebar).
    static let containers: Set<String> = [
        "div", "section", "article", "aside", "ul", "ol", "li", "header", "footer", "main", "dl", "details",
        "figure", "table", "tbody", "tr", "td", "nav", "center", "blockquote", "form",
    ]

    /// ``contains(_:isTitle:)`` without the title exception (any element).
    static func isMarked(_ el: DOMElement) -> Bool {
        for attribute in el.attributes {
            switch attribute.name {
            case "role":
                if attribute.value.lowercased() == "complementary" { return true }
            case "class", "id":
                if hasMarkerToken(attribute.value) { return true }
            default:
                break
            }
        }
        guard let first = firstChildElement(el) else { return false }
        let heading = headingNames.contains(first.name) ? first
            : firstChildElement(first).flatMap { headingNames.contains($0.name) ? $0 : nil }
        guard let heading else { return false }
        let text = MetadataText.normalize(VisibleMetadataReader.renderedText(heading).string).lowercased()
        return text.count <= 80 && headings.contains { text.hasPrefix($0) }
    }

    /// Whether a `class`/`id` value has a token (a run of ASCII letters and digits, compared ignoring
    /// ASCII case) in ``tokens`` or starting with one of ``tokenPrefixes``; reads the UTF-8 in place.
    static func hasMarkerToken(_ value: String) -> Bool {
        let bytes = value.utf8
        var i = bytes.startIndex
        while i != bytes.endIndex {
            guard isTokenByte(bytes[i]) else { i = bytes.index(after: i); continue }
            var end = i
            while end != bytes.endIndex, isTokenByte(bytes[end]) { end = bytes.index(after: end) }
            let token = bytes[i..<end]
            if markerBytes.contains(where: { marker in
                marker.exact ? equalIgnoringCase(token, marker.bytes) : startsIgnoringCase(token, marker.bytes)
            }) { return true }
            i = end
        }
        return false
    }

    /// ``tokens`` and ``tokenPrefixes`` as bytes.
    private static let markerBytes: [(bytes: [UInt8], exact: Bool)] =
        tokens.sorted().map { (Array($0.utf8), true) } + tokenPrefixes.map { (Array($0.utf8), false) }

    private static func isTokenByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }

    private static func startsIgnoringCase(_ token: Substring.UTF8View, _ word: [UInt8]) -> Bool {
        token.count >= word.count && zip(token, word).allSatisfy { $0 | 0x20 == $1 }
    }

    private static func equalIgnoringCase(_ token: Substring.UTF8View, _ word: [UInt8]) -> Bool {
        token.count == word.count && startsIgnoringCase(token, word)
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
