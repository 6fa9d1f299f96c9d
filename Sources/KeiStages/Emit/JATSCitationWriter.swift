import Foundation
import KeiCitations
import KeiDocument

/// The one place where a structured reference (``CSLItem``, CSL 1.0.2) becomes a JATS 1.3
/// `<element-citation>`, following the JATS 1.3 tag library and the JATS4R citation recommendations.
///
/// - `publication-type` from the ``ReferenceType``: book and chapter `book` (a chapter has a
///   `chapter-title`), journal article `journal`, magazine article `magazine`, news article
///   `newspaper`, `report`, web page `webpage`, government document `gov`, `thesis`, conference paper
///   `confproc`; speech, interview and anything else `other`.
/// - Names: one `person-group` per role (`author`, `editor`, `translator`), each person a `name` with
///   `surname` and `given-names` (or `given-names` alone, with `name-style="given-only"`), an
///   organisation or other literal name a `collab`.
/// - Titles: a chapter's title is `chapter-title`, an article's (journal, magazine, newspaper)
///   `article-title`; a book's or thesis's title is the `source`; for other types the title is the
///   `article-title` when the item has a container (the site of a web page, the series of a report)
///   and the `source` when it has none. The container title is the `source`; a collection title is the
///   `series` (for a book or thesis also its container title when it has no collection title).
/// - `edition`, `publisher-loc`, `publisher-name`, `volume`, `issue`.
/// - Date issued: `year` (with `iso-8601-date`, the fullest ISO 8601 date known), `month`, `day`
///   (two digits) or `season`; a date that is only a literal ("n.d.") is a `string-date`.
/// - Pages: a single page or a simple range gives `fpage` and `lpage` (an abbreviated last page is
///   completed: 211–29 gives 211 and 229); an electronic article number ("e0123") an `elocation-id`;
///   anything else (lists, notes: "12, 15–19", "45n3") a `page-range` as written.
/// - `isbn`, `pub-id pub-id-type="doi"`, the URL as `ext-link ext-link-type="uri"` (only an address
///   that ``SafeURL`` allows for a link), the date accessed as
///   `date-in-citation content-type="access-date"` (with `iso-8601-date`), the genre as
///   `comment content-type="genre"` and the note as `comment`.
///
/// Nothing is written for an item with no field (the caller then writes only the `mixed-citation`).
enum JATSCitationWriter {
    /// The `publication-type` for a CSL type.
    static func publicationType(_ type: ReferenceType) -> String {
        switch type {
        case .book, .chapter: return "book"
        case .journalArticle: return "journal"
        case .magazineArticle: return "magazine"
        case .newsArticle: return "newspaper"
        case .report: return "report"
        case .webpage: return "webpage"
        case .governmentDocument: return "gov"
        case .thesis: return "thesis"
        case .conferencePaper: return "confproc"
        case .speech, .interview, .other: return "other"
        }
    }

    /// The element-citation's children as (element, attributes, text), in writing order; person groups
    /// are written by ``write(_:to:depth:)`` before these.
    static func fields(_ item: CSLItem) -> [(String, [(String, String)], String)] {
        var out: [(String, [(String, String)], String)] = []
        func add(_ name: String, _ value: String?, _ attrs: [(String, String)] = []) {
            if let v = JATSRenderer.nonEmpty(value) { out.append((name, attrs, v)) }
        }
        let container = JATSRenderer.nonEmpty(item.containerTitle)
        var series = item.collectionTitle
        switch item.type {
        case .chapter:
            add("chapter-title", item.title)
            add("source", container)
        case .journalArticle, .magazineArticle, .newsArticle:
            add("article-title", item.title)
            add("source", container)
        case .book, .thesis:
            add("source", item.title)
            if JATSRenderer.nonEmpty(series) == nil { series = container }
        default:
            if container != nil {
                add("article-title", item.title)
                add("source", container)
            } else {
                add("source", item.title)
            }
        }
        add("series", series)
        add("edition", item.edition)
        add("publisher-loc", item.publisherPlace)
        add("publisher-name", item.publisher)
        if let issued = item.issued { out += dateFields(issued) }
        add("volume", item.volume)
        add("issue", item.issue)
        if let page = JATSRenderer.nonEmpty(item.page) { out += pageFields(page) }
        add("isbn", item.isbn)
        add("pub-id", item.doi, [("pub-id-type", "doi")])
        if let accessed = item.accessed, let text = displayDate(accessed) {
            var attrs = [("content-type", "access-date")]
            if let iso = accessed.iso8601 { attrs.append(("iso-8601-date", iso)) }
            out.append(("date-in-citation", attrs, text))
        }
        add("comment", item.genre, [("content-type", "genre")])
        add("comment", item.note)
        return out
    }

    /// Writes `<element-citation publication-type="…">` for `item` at `depth`; writes nothing and
    /// returns false when the item has no field to write.
    @discardableResult
    static func write(_ item: CSLItem, to r: inout JATSRenderer, depth: Int) -> Bool {
        let groups = [("author", item.author), ("editor", item.editor), ("translator", item.translator)]
            .compactMap { role, names in names.map { (role, $0.filter(hasName)) } }
            .filter { !$0.1.isEmpty }
        let fields = fields(item)
        let url = JATSRenderer.nonEmpty(item.url).flatMap(allowedURL)
        guard !groups.isEmpty || !fields.isEmpty || url != nil else { return false }
        r.open("element-citation", [("publication-type", publicationType(item.type))], depth)
        for (role, names) in groups {
            r.open("person-group", [("person-group-type", role)], depth + 1)
            for name in names { writeName(name, to: &r, depth: depth + 2) }
            r.close("person-group", depth + 1)
        }
        for (name, attrs, text) in fields where name != "comment" && name != "date-in-citation" {
            r.textLeaf(name, attrs, text, depth + 1)
        }
        if let url {
            r.startLine(depth + 1)
            r.write("<ext-link ext-link-type=\"uri\" xlink:href=\"")
            XMLEscaper.appendAttribute(url, to: &r.out)
            r.write("\">")
            r.writeText(url)
            r.writeEndTag("ext-link")
            r.endLine(depth + 1)
        }
        for (name, attrs, text) in fields where name == "comment" || name == "date-in-citation" {
            r.textLeaf(name, attrs, text, depth + 1)
        }
        r.close("element-citation", depth)
        return true
    }

    static func hasName(_ name: CSLName) -> Bool {
        JATSRenderer.nonEmpty(name.literal) != nil || JATSRenderer.nonEmpty(name.family) != nil || JATSRenderer.nonEmpty(name.given) != nil
    }

    /// A person as `name` (surname and given names, or given names alone), an organisation as `collab`.
    static func writeName(_ name: CSLName, to r: inout JATSRenderer, depth: Int) {
        let family = JATSRenderer.nonEmpty(name.family), given = JATSRenderer.nonEmpty(name.given)
        if family == nil && given == nil {
            if let literal = JATSRenderer.nonEmpty(name.literal) { r.textLeaf("collab", [], literal, depth) }
            return
        }
        r.leaf("name", family == nil ? [("name-style", "given-only")] : [], depth) { r in
            if let family { r.textLeaf("surname", [], family, nil) }
            if let given { r.textLeaf("given-names", [], given, nil) }
        }
    }

    /// An address ``SafeURL`` allows for a link, or nil.
    static func allowedURL(_ url: String) -> String? {
        if case .allowed(let u) = SafeURL.check(url, for: .link) { return u }
        return nil
    }

    static let seasons = [1: "Spring", 2: "Summer", 3: "Autumn", 4: "Winter"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]

    /// `year` (with `iso-8601-date`), `month`, `day` or `season`; a literal-only date as `string-date`.
    static func dateFields(_ date: CSLDate) -> [(String, [(String, String)], String)] {
        guard let year = date.year else {
            return JATSRenderer.nonEmpty(date.literal).map { [("string-date", [], $0)] } ?? []
        }
        var out: [(String, [(String, String)], String)] = [("year", date.iso8601.map { [("iso-8601-date", $0)] } ?? [], String(year))]
        if let month = date.month, (1...12).contains(month) {
            out.append(("month", [], JATSRenderer.zeroPadded(month, 2)))
            if let day = date.day, (1...31).contains(day) { out.append(("day", [], JATSRenderer.zeroPadded(day, 2))) }
        } else if let season = date.season.flatMap({ seasons[$0] }) {
            out.append(("season", [], season))
        }
        return out
    }

    /// A date as an editor reads it: "May 3, 2023", "May 2023", "2023", or the literal.
    static func displayDate(_ date: CSLDate) -> String? {
        guard let year = date.year else { return JATSRenderer.nonEmpty(date.literal) }
        guard let month = date.month, (1...12).contains(month) else { return String(year) }
        if let day = date.day, (1...31).contains(day) { return "\(months[month - 1]) \(day), \(year)" }
        return "\(months[month - 1]) \(year)"
    }

    /// `fpage`/`lpage` for a page or a simple range of numbers ("77–98", "211–29" → 211, 229; roman
    /// numerals "xi–xv"), `elocation-id` for an article number ("e0123"), else `page-range` as written.
    static func pageFields(_ page: String) -> [(String, [(String, String)], String)] {
        let parts = page.split(whereSeparator: { $0 == "–" || $0 == "-" || $0 == "—" }).map { String($0).trimmingCharacters(in: .whitespaces) }
        let isNumber = { (s: String) in !s.isEmpty && s.allSatisfy(\.isASCIIDigitCharacter) }
        let isRoman = { (s: String) in !s.isEmpty && s.lowercased().allSatisfy { "ivxlcdm".contains($0) } }
        if parts.count == 1, isNumber(parts[0]) || isRoman(parts[0]) {
            return [("fpage", [], parts[0])]
        }
        if parts.count == 2, isNumber(parts[0]) && isNumber(parts[1]) {
            var last = parts[1]
            if last.count < parts[0].count {
                let completed = String(parts[0].prefix(parts[0].count - last.count)) + last
                if Int(completed) ?? 0 > Int(parts[0]) ?? 0 { last = completed }
            }
            return [("fpage", [], parts[0]), ("lpage", [], last)]
        }
        if parts.count == 2, isRoman(parts[0]) && isRoman(parts[1]) {
            return [("fpage", [], parts[0]), ("lpage", [], parts[1])]
        }
        if parts.count == 1, let first = page.first, first.isLetter, page.dropFirst().allSatisfy(\.isASCIIDigitCharacter), page.count > 1 {
            return [("elocation-id", [], page)]
        }
        return [("page-range", [], page)]
    }
}

private extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
