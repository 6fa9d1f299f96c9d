/// What an element's `class`, `id` and `role` attributes suggest about it.
///
/// Matching is by token (the attribute values split on anything that is not a letter or digit),
/// exact or by prefix, so `site-search` matches `search` but `research` does not.
struct ClassHints: Sendable {
    /// Chrome that is removed wherever it appears (unless it holds the article itself).
    var isChrome = false
    /// Weak chrome hints (`header`, `meta`, …): removed only when no positive hint is present.
    var isWeakChrome = false
    /// Small utility blocks (share, download, print, byline, date): removed when short.
    var isUtility = false
    /// Content hints (`article`, `content`, `entry`, `post`, …).
    var isPositive = false
    /// Footnote / endnote / reference container hints.
    var isNotes = false

    private static let chromeExact: Set<String> = [
        "nav", "navbar", "navigation", "sidebar", "signup", "mailing", "mailinglist", "consent", "gdpr",
        "comment", "comments", "commentlist", "pagination", "pager", "popup", "modal", "overlay",
        "ad", "ads", "adsense", "banner", "masthead", "toolbar", "skip", "disqus", "outbrain", "taboola",
        "login", "series", "about", "breadcrumbs", "breadcrumb", "subnav", "topbar", "offcanvas",
        "colophon", "copyright", "legal", "announcement", "alert", "newsletters", "signin", "register",
        "shoutbox", "skyscraper", "agegate", "dropdown", "submenu",
    ]
    private static let chromePrefixes: [String] = [
        "sidebar", "newsletter", "subscri", "cookie", "breadcrumb", "menu", "promo", "sponsor",
        "advert", "widget", "footer", "search", "related", "recommend", "comment-", "popular",
        "trending", "skiplink", "socialbar", "share-bar", "sitenav", "mainnav",
    ]
    private static let weakExact: Set<String> = [
        "header", "meta", "extra", "community", "supplemental", "hidden", "hid", "tags", "tag", "taxonomy",
        "categories", "category", "masthead", "aside", "sr", "screen", "visually", "remark",
    ]
    private static let utilityExact: Set<String> = [
        "print", "pdf", "embed", "tools", "byline", "dateline", "date", "posted", "published",
        "timestamp", "time", "author", "authors", "email", "rss", "btn", "button",
    ]
    private static let utilityPrefixes: [String] = ["share", "sharing", "social", "download", "byline", "author"]
    private static let positiveExact: Set<String> = [
        "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story",
        "prose", "articlebody", "postbody", "storybody", "copy",
    ]
    private static let positivePrefixes: [String] = ["article", "content", "entry", "story", "post-", "postcontent"]
    private static let notesExact: Set<String> = [
        "fn", "fns", "notes", "note", "endnote", "endnotes", "footnote", "footnotes", "references", "reference",
        "reflist", "refs", "citations", "bibliography", "works", "sources",
    ]
    private static let notesPrefixes: [String] = ["footnote", "endnote", "reflist", "references", "bibliograph"]
    private static let chromeRoles: Set<String> = [
        "navigation", "search", "banner", "contentinfo", "complementary", "menu", "menubar", "dialog",
        "alert", "alertdialog", "toolbar", "tooltip",
    ]

    /// Class names or ids with more parts than this are treated as slugs and ignored.
    static let maximumTokensPerName = 4

    /// Classifies an element by its `class`, `id` and `role` attributes.
    init(classValue: String?, id: String?, role: String?) {
        if let role, ClassHints.chromeRoles.contains(role.lowercased()) { isChrome = true }
        var raw = ""
        if let classValue { raw += classValue }
        if let id { raw += " " + id }
        if raw.isEmpty { return }
        let lower = raw.lowercased()
        var tokens: [Substring] = []
        // Whole class names (split on whitespace) are also matched as prefixes, so `comment-list`
        // and `share-bar` count even though their parts alone may not.
        let allWords = lower.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        var words: [Substring] = []
        for w in allWords {
            let parts = w.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            // Long slugs (`worrying-about-your-tail`) are headings turned into ids, not hints.
            guard parts.count <= ClassHints.maximumTokensPerName else { continue }
            words.append(w)
            tokens.append(contentsOf: parts)
        }
        for t in tokens {
            let s = String(t)
            if ClassHints.chromeExact.contains(s) { isChrome = true }
            if ClassHints.weakExact.contains(s) { isWeakChrome = true }
            if ClassHints.utilityExact.contains(s) { isUtility = true }
            if ClassHints.positiveExact.contains(s) { isPositive = true }
            if ClassHints.notesExact.contains(s) { isNotes = true }
        }
        for w in words.map(String.init) + tokens.map(String.init) {
            if !isChrome, ClassHints.chromePrefixes.contains(where: { w.hasPrefix($0) }) { isChrome = true }
            if !isUtility, ClassHints.utilityPrefixes.contains(where: { w.hasPrefix($0) }) { isUtility = true }
            if !isPositive, ClassHints.positivePrefixes.contains(where: { w.hasPrefix($0) }) { isPositive = true }
            if !isNotes, ClassHints.notesPrefixes.contains(where: { w.hasPrefix($0) }) { isNotes = true }
        }
        // "commentary" and "comments-free article" style names are content, not comment threads.
        if isNotes { isUtility = false }
    }

    /// No hints at all.
    init() {}

    /// Adds the hints of `other` (e.g. the id's to the class's).
    mutating func merge(_ other: ClassHints) {
        isChrome = isChrome || other.isChrome
        isWeakChrome = isWeakChrome || other.isWeakChrome
        isUtility = (isUtility || other.isUtility) && !(isNotes || other.isNotes)
        isPositive = isPositive || other.isPositive
        isNotes = isNotes || other.isNotes
    }

    /// Readability-style class weight: +25 for content hints, -25 for chrome hints.
    var weight: Double {
        var w = 0.0
        if isPositive { w += 25 }
        if isChrome || isWeakChrome || isUtility { w -= 25 }
        return w
    }
}
