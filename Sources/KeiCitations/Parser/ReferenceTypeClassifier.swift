/// Picks the CSL item type of a parsed reference from its fields, in this order:
/// a thesis genre ("PhD diss.", "thesis") → thesis; "interview" in the genre or title → interview;
/// "remarks", "speech", "address", "statement", "testimony" in the genre or title → speech; a report
/// genre ("report", "working paper", "brief") → report; a journal label, or a container with a volume
/// → journal article; an editor or "In" before a container → chapter; a container that is a newspaper
/// or news agency, or a container with a day-precise date and no volume → newspaper article; a
/// government or organisation author with no publisher → government document (organisations
/// that are not governments with a URL → web page); a URL or accessed date with no publisher →
/// web page; a publisher or place → book; otherwise `article`.
public enum ReferenceTypeClassifier {
    static let governmentWords = ["white house", "ministry", "department of", "government", "congress", "senate",
                                  "parliament", "president", "office of", "national assembly", "state department",
                                  "embassy", "united nations", "security council", "u.s.", "republic of korea",
                                  "commission", "bureau", "agency", "forces korea", "command", "pentagon"]
    static let newsWords = ["times", "post", "news", "herald", "daily", "tribune", "gazette", "reuters", "bloomberg",
                            "yonhap", "guardian", "associated press", "journal", "chosun", "joongang", "hankyoreh",
                            "korea joongang", "economist", "financial times", "nikkei", "politico", "axios", "cnn", "bbc"]

    public static func type(of item: CSLItem, fields: [ReferenceField]) -> ReferenceType {
        let genre = (item.genre ?? "").lowercased()
        let title = (item.title ?? "").lowercased()
        let container = (item.containerTitle ?? "").lowercased()
        let labels = Set(fields.map(\.label))
        if genre.includes("diss") || genre.includes("thesis") || genre.includes("phd") { return .thesis }
        if genre.includes("interview") || title.hasPrefix("interview") || title.includes("interview with") { return .interview }
        for word in ["remarks", "speech", "address by", "statement", "testimony", "press briefing", "press conference"]
        where genre.contains(word) || title.contains(word) && item.containerTitle == nil {
            return .speech
        }
        if genre.includes("report") || genre.includes("working paper") || genre.includes("brief") || genre.includes("white paper") {
            return .report
        }
        let fullDate = item.issued?.day != nil
        let newsContainer = !container.isEmpty && newsWords.contains { container.includes($0) } && item.volume == nil
        if newsContainer && (fullDate || item.issued?.month != nil || item.url != nil) { return .newsArticle }
        if labels.contains("journal") || (!container.isEmpty && (item.volume != nil || item.issue != nil)) { return .journalArticle }
        let inBefore = fields.contains { $0.label == "editor" } || fields.contains { ($0.label == "container-title") && ($0.text.hasPrefix("In ") || $0.text.hasPrefix("in ")) }
        if !container.isEmpty && (inBefore || item.editor != nil) && (item.publisher != nil || item.publisherPlace != nil || item.page != nil) {
            return .chapter
        }
        if !container.isEmpty && fullDate && item.volume == nil && item.publisher == nil { return .newsArticle }
        let authorLiteral = (item.author ?? []).compactMap(\.literal).joined(separator: " ").lowercased()
        if !authorLiteral.isEmpty, item.publisher == nil, governmentWords.contains(where: { authorLiteral.includes($0) }) {
            return .governmentDocument
        }
        if (item.url != nil || item.accessed != nil) && item.publisher == nil { return .webpage }
        if !container.isEmpty && (inBefore || item.editor != nil) { return .chapter }
        if item.publisher != nil || item.publisherPlace != nil || item.isbn != nil { return .book }
        if !container.isEmpty { return .journalArticle }
        return .other
    }
}
