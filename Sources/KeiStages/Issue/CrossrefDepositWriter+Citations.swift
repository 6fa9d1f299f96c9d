import KeiCitations
import KeiDocument

/// The deposit's `citation_list`: what the article cites, with structure where the reference parser
/// (``ReferenceParser``, the citations issue) found it.
extension CrossrefDepositWriter {
    /// The article's references in the order its JATS `ref-list` has them: the page's own reference list,
    /// then the sources its notes cite in full (``CitationIndex``; a short form of a reference-list entry adds
    /// nothing). Each is (the reference as written, its structured fields).
    static func citations(_ article: Article) -> [(text: String, item: CSLItem)] {
        var out: [(text: String, item: CSLItem)] = []
        for ref in article.references {
            let text = JATSRenderer.referenceText(ref.inlines)
            if !clean(text).isEmpty { out.append((text, ReferenceParser.shared.parse(text).item)) }
        }
        let index = CitationIndex(article: article, analysis: ArticleAnalysis(article))
        for source in index.sources where source.pageReference == nil && !clean(source.reference.text).isEmpty {
            out.append((source.reference.text, source.reference.item))
        }
        return out
    }

    /// One `citation` (`key` = `ref` + its 1-based place in the list): `unstructured_citation` always, and
    /// `journal_title`, `author` (the first author's family name, or a literal name), `volume`, `issue`, `cYear`,
    /// `doi` (only one that matches Crossref's DOI pattern) and `article_title` when the parser found them.
    static func citation(_ key: Int, _ ref: (text: String, item: CSLItem), into x: inout XMLTextBuilder) {
        let item = ref.item
        let isArticle = [.journalArticle, .magazineArticle, .newsArticle].contains(item.type)
        x.open("citation", [("key", "ref\(key)")], 5)
        if isArticle { x.leaf("journal_title", [], nonBlank(item.containerTitle), 6) }
        if let first = item.author?.first { x.leaf("author", [], nonBlank(first.family ?? first.literal), 6) }
        if isArticle {
            x.leaf("volume", [], nonBlank(item.volume).map { cut($0, 32) }, 6)
            x.leaf("issue", [], nonBlank(item.issue).map { cut($0, 32) }, 6)
        }
        if let year = item.issued?.year { x.leaf("cYear", [], String(year), 6) }
        if let doi = nonBlank(item.doi), EmitCrossrefStage.isCrossrefDOI(doi) { x.leaf("doi", [], doi, 6) }
        if isArticle { x.leaf("article_title", [], nonBlank(item.title), 6) }
        x.leaf("unstructured_citation", [], clean(ref.text), 6)
        x.close("citation", 5)
    }

    static func nonBlank(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = clean(s)
        return t.isEmpty ? nil : t
    }
}
