import KeiDocument

/// What reports need of an article model once the model itself is released: the page's metadata and
/// the counts of sections, notes and references. Built by the runner when the article stages finish
/// (``ArticleOutcome/digest``), so the model can be dropped (batch runs) or never built (a cached
/// result, see ``ArticleResultCache``).
public struct ArticleDigest: Sendable, Hashable, Codable {
    public struct Author: Sendable, Hashable, Codable {
        public var name: String
        public var affiliation: String?
        /// ``AuthorKind`` raw value (`person`, `organization`).
        public var kind: String

        public init(name: String, affiliation: String?, kind: String) {
            self.name = name
            self.affiliation = affiliation
            self.kind = kind
        }
    }

    public var title: String?
    public var subtitle: String?
    public var authors: [Author]
    /// ISO 8601 (`2025-03-14`, `2025-03` or `2025`), as ``PublicationDate/iso``.
    public var publicationDate: String?
    public var journal: String?
    public var volume: String?
    public var issue: String?
    public var series: String?
    public var canonicalURL: String?
    public var language: String?
    public var keywords: [String]
    public var sections: Int
    public var notes: Int
    public var references: Int

    /// The digest of `article` (its metadata and the top-level counts).
    public init(_ article: Article) {
        let m = article.metadata
        title = m.title
        subtitle = m.subtitle
        authors = m.authors.map { Author(name: $0.name, affiliation: $0.affiliation, kind: $0.kind.rawValue) }
        publicationDate = m.publicationDate?.iso
        journal = m.journal
        volume = m.volume
        issue = m.issue
        series = m.series
        canonicalURL = m.canonicalURL
        language = m.language
        keywords = m.keywords
        sections = article.sections.count
        notes = article.notes.count
        references = article.references.count
    }
}
