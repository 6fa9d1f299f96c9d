import Foundation
import KeiDocument
import KeiXML

/// Reads bylines, written dates, the series banner, a subtitle and a PDF link from the page's
/// visible body text. Navigation, asides, footers, forms and scripts are skipped.
enum VisibleMetadataReader {
    static let skipped: Set<String> = [
        "head", "script", "style", "noscript", "template", "svg", "nav", "aside", "footer", "form",
        "button", "select", "textarea", "iframe", "object",
    ]
    static let subtitleClasses: Set<String> = [
        "subtitle", "sub-title", "subtitles", "dek", "standfirst", "subheadline", "sub-headline", "subhead",
        "article-subtitle", "entry-subtitle", "post-subtitle", "article-dek", "article__dek", "article__subtitle",
    ]
    static let datePrefixes = ["published", "posted", "publication date", "date published", "released", "issued"]
    /// A class token containing one of these marks a byline block (unless it names a part of one).
    static let bylineWords = ["byline", "author", "contributor"]
    static let nonBylineParts = ["bio", "avatar", "image", "img", "photo", "thumb", "icon", "social", "follow",
                                 "more", "other", "related", "pic", "desc", "about", "box", "list-item-title"]

    static func read(_ root: DOMElement?) -> VisibleMetadata {
        var v = VisibleMetadata()
        guard let root else { return v }
        let body = root.firstDescendant(named: "body") ?? root
        if let group = firstBylineGroup(in: body) {
            for block in group {
                v.authors += authors(inBlock: block)
            }
            v.authorsLine = group.first?.line ?? 0
            v.authors = dedupe(v.authors)
        }
        var plainBy: (authors: [Author], line: Int)?
        body.walk { el in
            if skipped.contains(el.name) || isHidden(el) { return false }
            // Lower-cased class tokens, computed only when a check needs them.
            var lowerClasses: [String]?
            func classes() -> [String] {
                if let lowerClasses { return lowerClasses }
                let c = el.classList.map { $0.lowercased() }
                lowerClasses = c
                return c
            }
            if v.subtitle == nil, ["h2", "h3", "p", "div", "span"].contains(el.name),
               classes().contains(where: { subtitleClasses.contains($0) }),
               let t = MetadataText.nonEmpty(el.textContent), t.count <= 400 {
                v.subtitle = t
                v.subtitleLine = el.line
            }
            if v.pdfURL == nil, el.name == "a", let href = el[attribute: "href"],
               href.lowercased().split(separator: "?").first?.hasSuffix(".pdf") ?? false {
                v.pdfURL = MetadataText.normalize(href)
                v.pdfLine = el.line
            }
            // Only short elements can be a date line, a banner or a plain byline.
            if v.date != nil && v.seriesName != nil && plainBy != nil { return true }
            guard let raw = boundedText(el, limit: 400) else { return true }
            let text = MetadataText.normalize(raw)
            guard !text.isEmpty, Self.fits(text, within: 160) else { return true }
            // Lower-cased once, only when a check needs it.
            var lowered: String?
            func lower() -> String {
                if let lowered { return lowered }
                let l = text.lowercased()
                lowered = l
                return l
            }
            if v.date == nil, datePrefixes.contains(where: { lower().hasPrefix($0) })
                || (el.name != "time" && (classes().contains(where: isPublicationDateClass)
                                          || (el[attribute: "itemprop"] ?? "").lowercased() == "datepublished")),
               let d = HumanDateParser.firstDate(in: text) {
                v.date = d
                v.dateText = text
                v.dateLine = el.line
            }
            if v.seriesName == nil, TextSearch.contains(lower(), "vol"), Self.fits(text, within: 120), let banner = seriesBanner(text) {
                v.seriesName = banner.name
                v.volume = banner.volume
                v.issue = banner.issue
                v.seriesLine = el.line
            }
            if plainBy == nil, text.hasPrefix("By "), Self.fits(text, within: 120),
               ["p", "div", "span", "h3", "h4", "h5", "h6", "address", "em", "strong"].contains(el.name) {
                let a = BylineParser.authors(from: text)
                if !a.isEmpty, a.count <= 6 { plainBy = (a, el.line) }
            }
            return true
        }
        if v.authors.isEmpty, let plainBy {
            v.authors = plainBy.authors
            v.authorsLine = plainBy.line
        }
        return v
    }

    static let dateClasses: Set<String> = [
        "date", "dateline", "pubdate", "post-date", "entry-date", "article-date", "article__date", "story-date",
        "meta-date", "byline-date", "posted-on", "timestamp", "publication-date", "date-published", "published",
    ]

    /// Whether a class token marks the publication date (`date`, `pubdate`, `published-date`, …),
    /// not an access, modification or event date.
    static func isPublicationDateClass(_ token: String) -> Bool {
        if ["access", "modif", "updat", "event", "birth", "death", "expir", "retriev"].contains(where: { TextSearch.contains(token, $0) }) {
            return false
        }
        return dateClasses.contains(token) || TextSearch.contains(token, "publish") || token.hasPrefix("pubdate")
    }

    /// Whether the element is not rendered (hidden, or a script/template/…): the body's own test, ``RenderedContent``.
    static func isHidden(_ el: DOMElement) -> Bool {
        !RenderedContent.isRendered(el)
    }

    /// `Korea Policy Vol. 3, Issue 2` / `Vol. 3 No. 2` → (name, volume, issue).
    static func seriesBanner(_ text: String) -> (name: String?, volume: String, issue: String?)? {
        let lower = text.lowercased()
        guard TextSearch.contains(lower, "vol") else { return nil }
        var volRange: Range<String.Index>?
        for marker in ["volume ", "vol. ", "vol.", "vol "] {
            if let r = TextSearch.caseInsensitiveRange(of: marker, in: text, lowercased: lower) { volRange = r; break }
        }
        guard let vr = volRange else { return nil }
        let afterVol = text[vr.upperBound...]
        let volume = afterVol.prefix(while: { $0.isASCII && $0.isNumber })
        guard !volume.isEmpty, volume.count <= 4 else { return nil }
        let rest = String(afterVol.dropFirst(volume.count))
        let restLower = rest.lowercased()
        var issue: String?
        for marker in ["issue ", "no. ", "no.", "number ", "iss. "] {
            guard let r = TextSearch.caseInsensitiveRange(of: marker, in: rest, lowercased: restLower) else { continue }
            let between = rest[..<r.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: " ,.;:"))
            let n = rest[r.upperBound...].prefix(while: { $0.isASCII && $0.isNumber })
            if between.isEmpty, !n.isEmpty, n.count <= 4 { issue = String(n) }
            break
        }
        let prefix = String(text[..<vr.lowerBound]).trimmingCharacters(in: CharacterSet(charactersIn: " ,.;:|-–—"))
        let name: String? = prefix.isEmpty || prefix.count > 80 || prefix.contains(where: { $0.isNumber }) ? nil : prefix
        if name == nil && issue == nil { return nil }
        return (name, String(volume), issue)
    }

    /// Whether an element marks an author / byline block.
    static func isBylineBlock(_ el: DOMElement) -> Bool {
        if el.attributes.isEmpty { return false }
        let itemprop = (el[attribute: "itemprop"] ?? "").lowercased()
        if itemprop == "author" || itemprop == "creator" { return true }
        if el.name == "a", (el[attribute: "rel"] ?? "").lowercased().split(separator: " ").contains("author") { return true }
        guard let classAttribute = el[attribute: "class"]?.lowercased(),
              bylineWords.contains(where: { TextSearch.contains(classAttribute, $0) }) else { return false }
        for c in el.classList.map({ $0.lowercased() }) {
            guard bylineWords.contains(where: { TextSearch.contains(c, $0) }) else { continue }
            if nonBylineParts.contains(where: { TextSearch.contains(c, $0) }) { continue }
            return true
        }
        return false
    }

    /// The first run of sibling byline blocks in document order.
    static func firstBylineGroup(in el: DOMElement) -> [DOMElement]? {
        let kids = el.children
        for (i, node) in kids.enumerated() {
            guard case .element(let c) = node else { continue }
            if skipped.contains(c.name) || isHidden(c) { continue }
            if isBylineBlock(c) {
                var group = [c]
                for case .element(let s) in kids[(i + 1)...] where isBylineBlock(s) { group.append(s) }
                if group.contains(where: { !authors(inBlock: $0).isEmpty }) { return group }
                continue
            }
            if let g = firstBylineGroup(in: c) { return g }
        }
        return nil
    }

    /// Authors in one byline block: marked name and affiliation elements when present, else its text.
    static func authors(inBlock block: DOMElement) -> [Author] {
        var out: [Author] = []
        func visit(_ el: DOMElement, isRoot: Bool) {
            let classes = el.classList.map { $0.lowercased() }
            let itemprop = (el[attribute: "itemprop"] ?? "").lowercased()
            let isAffiliation = itemprop == "affiliation" || itemprop == "worksfor"
                || classes.contains { TextSearch.contains($0, "affiliation") || TextSearch.contains($0, "institution") || $0.hasSuffix("-org") }
            let isName = itemprop == "name"
                || classes.contains { TextSearch.contains($0, "name") && !TextSearch.contains($0, "affiliation") }
                || (!isRoot && el.name == "a" && (el[attribute: "rel"] ?? "").lowercased().contains("author"))
            if !isRoot && isAffiliation {
                if let t = MetadataText.nonEmpty(el.textContent), let last = out.indices.last, t.count <= 200 {
                    out[last].affiliation = out[last].affiliation.map { $0 + "; " + t } ?? t
                }
                return
            }
            if !isRoot && isName {
                if let name = BylineParser.cleanName(BylineParser.stripLeadingBy(MetadataText.normalize(el.textContent))) {
                    out.append(Author(name: name))
                }
                return
            }
            for c in el.childElements where !skipped.contains(c.name) && !isHidden(c) { visit(c, isRoot: false) }
        }
        visit(block, isRoot: true)
        if out.isEmpty {
            let itemprop = (block[attribute: "itemprop"] ?? "").lowercased()
            if itemprop == "author" || block.name == "a" {
                if let n = BylineParser.cleanName(BylineParser.stripLeadingBy(MetadataText.normalize(block.textContent))) {
                    out.append(Author(name: n))
                }
            } else {
                out = BylineParser.authors(from: block.textContent)
            }
        }
        return out
    }

    /// The element's text, or nil as soon as it exceeds `limit` characters (keeps the walk linear-ish).
    static func boundedText(_ el: DOMElement, limit: Int) -> String? {
        // The common leaf: one text node, used as it is.
        if el.children.count == 1, case .text(let t) = el.children[0] {
            guard t.value.utf8.count <= limit * 4 else { return nil }
            return fits(t.value, within: limit) ? t.value : nil
        }
        var out = ""
        var count = 0
        func add(_ e: DOMElement) -> Bool {
            for child in e.children {
                switch child {
                case .text(let t):
                    count += t.value.utf8.count
                    if count > limit * 4 { return false }
                    out += t.value
                case .element(let c):
                    if skipped.contains(c.name) || isHidden(c) { continue }
                    if !add(c) { return false }
                case .comment:
                    break
                }
            }
            return true
        }
        guard add(el) else { return nil }
        return fits(out, within: limit) ? out : nil
    }

    /// `s.count <= limit`, without counting characters when the UTF-8 length already settles it.
    static func fits(_ s: String, within limit: Int) -> Bool {
        s.utf8.count <= limit || s.count <= limit
    }

    static func dedupe(_ authors: [Author]) -> [Author] {
        var seen: Set<String> = []
        var out: [Author] = []
        for a in authors {
            let key = MetadataText.comparisonKey(a.name)
            if seen.insert(key).inserted { out.append(a) } else if let i = out.firstIndex(where: {
                MetadataText.comparisonKey($0.name) == key }), out[i].affiliation == nil {
                out[i].affiliation = a.affiliation
            }
        }
        return out
    }
}
