/// Bibliographic metadata of one article, merged from the page's sources in a documented precedence.
public struct ArticleMetadata: Sendable, Hashable, Codable {
    /// The title with where it came from: the origins of the page's `<h1>` text when the title is that
    /// text, so that findings in it have spans and `--fix` edits reach it; else one non-verbatim origin
    /// covering the value it was read from (a `<meta>` attribute value, the `<title>` text), or none.
    public var titleRun: TextRun?
    /// The title's text (``titleRun``'s string). Setting it drops the origins.
    public var title: String? {
        get { titleRun?.string }
        set { titleRun = newValue.map { TextRun($0) } }
    }
    public var subtitle: String?
    public var authors: [Author]
    public var publicationDate: PublicationDate?
    public var journal: String?
    public var volume: String?
    public var issue: String?
    /// The series banner ("Korea Policy").
    public var series: String?
    public var publisher: String?
    public var canonicalURL: String?
    /// BCP 47 language tag ("en").
    public var language: String?
    public var keywords: [String]
    /// The page's description/summary meta, when present.
    public var summary: String?
    /// A link to the article's PDF, when the page offers one.
    public var pdfURL: String?
    public var doi: String?

    public init(title: String? = nil, subtitle: String? = nil, authors: [Author] = [],
                publicationDate: PublicationDate? = nil, journal: String? = nil, volume: String? = nil,
                issue: String? = nil, series: String? = nil, publisher: String? = nil,
                canonicalURL: String? = nil, language: String? = nil, keywords: [String] = [],
                summary: String? = nil, pdfURL: String? = nil, doi: String? = nil) {
        self.titleRun = title.map { TextRun($0) }
        self.subtitle = subtitle
        self.authors = authors
        self.publicationDate = publicationDate
        self.journal = journal
        self.volume = volume
        self.issue = issue
        self.series = series
        self.publisher = publisher
        self.canonicalURL = canonicalURL
        self.language = language
        self.keywords = keywords
        self.summary = summary
        self.pdfURL = pdfURL
        self.doi = doi
    }
}
