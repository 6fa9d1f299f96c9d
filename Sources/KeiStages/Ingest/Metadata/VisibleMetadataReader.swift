import Foundation
import KeiDocument
import KeiXML

/// Reads bylines, written dates, the series banner, a subtitle and a PDF link from the page's
/// visible body text. Navigation, asides, footers, forms and scripts are skipped.
enum VisibleMetadataReader {
    /// Elements whose content is never metadata: besides what is not rendered (``RenderedContent``),
    /// page chrome and the form controls, media and embeds that body extraction removes too.
    static let skipped: Set<String> = [
        "head", "script", "style", "noscript", "template", "svg", "nav", "aside", "footer", "form",
        "button", "select", "textarea", "iframe", "object", "input", "option", "embed", "canvas", "audio", "video",
        "map",
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

    /// Reads the visible metadata of the page at `root`. `title` is the line and start offset of the
    /// article's title heading (the first `<h1>`), which places the byline and is never other content.
    static func read(_ root: DOMElement?, title: (line: Int, start: Int?)?) -> VisibleMetadata {
        var v = VisibleMetadata()
        guard let root else { return v }
        let body = root.firstDescendant(named: "body") ?? root
        let isTitle = { (e: DOMElement) -> Bool in
            guard let title else { return false }
            return e.name == "h1" && e.line == title.line && e.sourceStart == title.start
        }
        if let group = bylineGroup(in: body, isTitle: isTitle, hasTitle: title != nil) {
            v.authors = dedupe(group.authors)
            v.authorsLine = group.line
        }
        var plainBy: (authors: [Author], line: Int)?
        body.walk { el in
            if skipped.contains(el.name) || isHidden(el) || OtherContentRegion.contains(el, isTitle: isTitle) { return false }
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
               let t = MetadataText.nonEmpty(renderedText(el).string), t.count <= 400 {
                v.subtitle = t
                v.subtitleLine = el.line
                v.subtitleOrigin = ValueOrigin(textOf: el)
            }
            if v.pdfURL == nil, el.name == "a", let href = el[attribute: "href"],
               href.lowercased().split(separator: "?").first?.hasSuffix(".pdf") ?? false {
                v.pdfURL = MetadataText.nonEmptyURL(href)
                v.pdfLine = el.line
                v.pdfOrigin = ValueOrigin(textOf: el)
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
                // A placeholder ("January 1, 1970", "December 31, 1969") is remembered for its warning; the
                // search goes on.
                if PlaceholderDate.describe(text, parsed: d) == nil {
                    v.date = d
                    v.dateText = text
                    v.dateLine = el.line
                    v.dateOrigin = ValueOrigin(textOf: el)
                } else if v.placeholderDate == nil {
                    v.placeholderDate = (text, el.line, ValueOrigin(textOf: el))
                }
            }
            if v.seriesName == nil, TextSearch.contains(lower(), "vol"), Self.fits(text, within: 120), let banner = seriesBanner(text) {
                v.seriesName = banner.name
                v.volume = banner.volume
                v.issue = banner.issue
                v.seriesLine = el.line
                v.seriesOrigin = ValueOrigin(textOf: el)
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

    /// The text a reader sees in `el` (its own attributes are not looked at): descendants that are
    /// not rendered (``RenderedContent``: scripts, styles, `noscript`, `hidden`, `display: none`, …)
    /// or ``skipped`` are left out, as body extraction leaves them out. Every value read from an
    /// element's text (the title `<h1>`, a subtitle, a date line, a tooltip) is read with this.
    static func renderedText(_ el: DOMElement) -> TextRun {
        var out = TextRun.empty
        func add(_ e: DOMElement) {
            for child in e.children {
                switch child {
                case .text(let t): out.append(t.run)
                case .element(let c): if !skipped.contains(c.name) && !isHidden(c) { add(c) }
                case .comment: break
                }
            }
        }
        add(el)
        return out
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

    /// The authors and line of the article's own byline: the first run of sibling byline blocks after
    /// the title `<h1>`, or,
    /// when none follows it, the last one before it (a byline above the title); the first one when
    /// the page has no `<h1>`. Blocks in other-content regions (related cards, sidebars, teasers,
    /// "More from this author"; ``OtherContentRegion``) are never the article's byline.
    static func bylineGroup(in body: DOMElement, isTitle: (DOMElement) -> Bool,
                            hasTitle: Bool) -> (authors: [Author], line: Int)? {
        var seenTitle = !hasTitle
        var before: (authors: [Author], line: Int)?
        func visit(_ el: DOMElement) -> (authors: [Author], line: Int)? {
            let kids = el.children
            for (i, node) in kids.enumerated() {
                guard case .element(let c) = node else { continue }
                if skipped.contains(c.name) || isHidden(c) || OtherContentRegion.isBylineCopy(c) { continue }
                if isTitle(c) {
                    seenTitle = true
                    continue
                }
                if isBylineBlock(c) {
                    var group = [c]
                    for case .element(let s) in kids[(i + 1)...] where isBylineBlock(s) && !isHidden(s) { group.append(s) }
                    let found = group.flatMap(authors(inBlock:))
                    if !found.isEmpty {
                        if seenTitle { return (found, c.line) }
                        before = (found, c.line)
                    }
                    continue
                }
                if OtherContentRegion.contains(c, isTitle: isTitle) { continue }
                if let g = visit(c) { return g }
            }
            return nil
        }
        return visit(body) ?? before
    }

    /// Authors in one byline block: marked name and affiliation elements when present, else its text.
    /// Tooltips and screen-reader copies in the block are not read as names (a name is never taken
    /// twice), but a tooltip that starts with an author's name gives that author's affiliation
    /// ("Dana Imaginary, Senior Fellow - Trade Program").
    static func authors(inBlock block: DOMElement) -> [Author] {
        var out: [Author] = []
        var copies: [DOMElement] = []
        func visit(_ el: DOMElement, isRoot: Bool) {
            let classes = el.classList.map { $0.lowercased() }
            let itemprop = (el[attribute: "itemprop"] ?? "").lowercased()
            let isAffiliation = itemprop == "affiliation" || itemprop == "worksfor"
                || classes.contains { TextSearch.contains($0, "affiliation") || TextSearch.contains($0, "institution") || $0.hasSuffix("-org") }
            let isName = itemprop == "name"
                || classes.contains { TextSearch.contains($0, "name") && !TextSearch.contains($0, "affiliation") }
                || (!isRoot && el.name == "a" && (el[attribute: "rel"] ?? "").lowercased().contains("author"))
            if !isRoot && isAffiliation {
                if let t = MetadataText.nonEmpty(bylineText(el)), let last = out.indices.last, t.count <= 200 {
                    out[last].affiliation = out[last].affiliation.map { $0 + "; " + t } ?? t
                }
                return
            }
            if !isRoot && isName {
                if let author = BylineParser.author(named: bylineText(el)) { out.append(author) }
                return
            }
            for c in el.childElements where !skipped.contains(c.name) && !isHidden(c) {
                if OtherContentRegion.isBylineCopy(c) { copies.append(c) } else { visit(c, isRoot: false) }
            }
        }
        visit(block, isRoot: true)
        if out.isEmpty {
            let itemprop = (block[attribute: "itemprop"] ?? "").lowercased()
            if itemprop == "author" || block.name == "a" {
                if let author = BylineParser.author(named: bylineText(block)) { out.append(author) }
            } else {
                out = BylineParser.authors(from: bylineText(block))
            }
        }
        for copy in copies { affiliation(from: copy, into: &out) }
        return out
    }

    /// The text of a byline element without tooltips, screen-reader copies, hidden or skipped elements.
    static func bylineText(_ el: DOMElement) -> String {
        var out = ""
        func add(_ e: DOMElement) {
            for child in e.children {
                switch child {
                case .text(let t): out += t.value
                case .element(let c):
                    if skipped.contains(c.name) || isHidden(c) || OtherContentRegion.isBylineCopy(c) {
                        out += " "  // what it separated stays apart ("Dana Imaginary<span …>…</span>October 2")
                        continue
                    }
                    // Block boundaries separate words ("Dana Imaginary<div>Senior Fellow</div>").
                    let isBlock = !inlineElements.contains(c.name)
                    if isBlock { out += " " }
                    add(c)
                    if isBlock { out += " " }
                case .comment: break
                }
            }
        }
        add(el)
        return out
    }

    /// Phrasing elements, which do not separate words.
    static let inlineElements: Set<String> = [
        "a", "span", "b", "i", "em", "strong", "small", "abbr", "time", "sup", "sub", "cite", "u", "font", "bdi",
        "bdo", "mark", "q", "s", "data", "dfn", "kbd", "code", "var", "ins", "del", "wbr",
    ]

    /// Sets an author's affiliation from a tooltip that repeats the name followed by a separator and
    /// a title or institution, when the author has none.
    static func affiliation(from tooltip: DOMElement, into authors: inout [Author]) {
        let text = MetadataText.normalize(renderedText(tooltip).string)
        for i in authors.indices where authors[i].affiliation == nil && authors[i].kind == .person {
            let name = authors[i].name
            guard text.count > name.count, text.lowercased().hasPrefix(name.lowercased()) else { continue }
            let rest = text.dropFirst(name.count)
            guard let first = rest.first, [",", "-", "–", "—", ":", "|", " "].contains(first) else { continue }
            let affiliation = BylineParser.trimSeparators(String(rest))
            if !affiliation.isEmpty, affiliation.count <= 200 { authors[i].affiliation = affiliation }
        }
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
