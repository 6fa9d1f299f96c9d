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
    private static let utilityPrefixes: [String] = [
        "share", "sharing", "social", "download", "byline", "author", "pdf", "print", "addtoany", "a2a",
    ]
    private static let positiveExact: Set<String> = [
        "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story",
        "prose", "articlebody", "postbody", "storybody", "copy",
    ]
    private static let positivePrefixes: [String] = ["article", "content", "entry", "story", "post-", "postcontent"]
    private static let notesExact: Set<String> = [
        "fn", "fns", "notes", "endnote", "endnotes", "footnote", "footnotes", "references", "reference",
        "reflist", "refs", "citations", "bibliography",
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
        if let classValue { scan(classValue) }
        if let id { scan(id) }
        // A notes container's class may also say "print" or "author" (`footnotes print-only`).
        if isNotes { isUtility = false }
    }

    // Flag bits used by the lookup tables.
    private static let chromeBit: UInt8 = 1, weakBit: UInt8 = 2, utilityBit: UInt8 = 4
    private static let positiveBit: UInt8 = 8, notesBit: UInt8 = 16

    /// Exact token → flags.
    private static let exactTable: [String: UInt8] = {
        var t: [String: UInt8] = [:]
        for w in chromeExact { t[w, default: 0] |= chromeBit }
        for w in weakExact { t[w, default: 0] |= weakBit }
        for w in utilityExact { t[w, default: 0] |= utilityBit }
        for w in positiveExact { t[w, default: 0] |= positiveBit }
        for w in notesExact { t[w, default: 0] |= notesBit }
        return t
    }()

    /// First byte → (prefix, flags), so a token is only compared with prefixes that could match.
    private static let prefixTable: [UInt8: [(String, UInt8)]] = {
        var t: [UInt8: [(String, UInt8)]] = [:]
        func add(_ list: [String], _ bit: UInt8) {
            for p in list { if let b = p.utf8.first { t[b, default: []].append((p, bit)) } }
        }
        add(chromePrefixes, chromeBit)
        add(utilityPrefixes, utilityBit)
        add(positivePrefixes, positiveBit)
        add(notesPrefixes, notesBit)
        return t
    }()

    private mutating func apply(_ flags: UInt8) {
        if flags & ClassHints.chromeBit != 0 { isChrome = true }
        if flags & ClassHints.weakBit != 0 { isWeakChrome = true }
        if flags & ClassHints.utilityBit != 0 { isUtility = true }
        if flags & ClassHints.positiveBit != 0 { isPositive = true }
        if flags & ClassHints.notesBit != 0 { isNotes = true }
    }

    private static func prefixFlags(_ word: String) -> UInt8 {
        guard let first = word.utf8.first, let candidates = prefixTable[first] else { return 0 }
        var flags: UInt8 = 0
        for (p, bit) in candidates where word.hasPrefix(p) { flags |= bit }
        return flags
    }

    /// Splits `value` into whitespace-separated names, each name into letter/digit tokens, and
    /// applies the exact-token and prefix tables. Names with more than
    /// `maximumTokensPerName` tokens are slugs and ignored.
    private mutating func scan(_ value: String) {
        let bytes = Array(value.utf8)
        var i = 0
        while i < bytes.count {
            while i < bytes.count, ClassHints.isSpace(bytes[i]) { i += 1 }
            let start = i
            while i < bytes.count, !ClassHints.isSpace(bytes[i]) { i += 1 }
            guard i > start else { continue }
            scanName(bytes[start..<i])
        }
    }

    private mutating func scanName(_ name: ArraySlice<UInt8>) {
        var lower: [UInt8] = []
        lower.reserveCapacity(name.count)
        var ranges: [Range<Int>] = []
        var tokenStart = -1
        for b in name {
            let c = (b >= 65 && b <= 90) ? b + 32 : b
            let isWordByte = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c >= 0x80
            if isWordByte {
                if tokenStart < 0 { tokenStart = lower.count }
            } else if tokenStart >= 0 {
                ranges.append(tokenStart..<lower.count)
                tokenStart = -1
            }
            lower.append(c)
        }
        if tokenStart >= 0 { ranges.append(tokenStart..<lower.count) }
        guard !ranges.isEmpty, ranges.count <= ClassHints.maximumTokensPerName else { return }
        let word = String(decoding: lower, as: UTF8.self)
        apply(ClassHints.prefixFlags(word))
        for r in ranges {
            let token = ranges.count == 1 && r.count == lower.count ? word : String(decoding: lower[r], as: UTF8.self)
            if let flags = ClassHints.exactTable[token] { apply(flags) }
            if ranges.count > 1 { apply(ClassHints.prefixFlags(token)) }
        }
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 }

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
