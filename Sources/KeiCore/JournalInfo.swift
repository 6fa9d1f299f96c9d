import Foundation
/// The journal a workflow publishes in, from `Workflows/journals/*.yml`.
public struct JournalInfo: Sendable, Hashable {
    public var id: String
    public var title: String
    public var abbreviatedTitle: String?
    public var publisher: String
    public var publisherLocation: String?
    public var issnPrint: String?
    public var issnOnline: String?
    public var license: String?
    public var licenseURL: String?
    /// The house-style file, relative to the working directory.
    public var styleFile: String?
    /// The house-style file itself (the top of its chain of layers).
    public var styleURL: URL?
    /// The timeline knowledge base the journal names (`timeline:`), resolved; a workflow's own `timeline:` overrides it.
    public var timelineURL: URL?
    /// What the journal asks of a manuscript (its `manuscript` section).
    public var manuscript = ManuscriptSpec()
    /// `doi-pattern`: each article's DOI, e.g. `10.5555/kp.{volume}.{number}.{order:2}` (see ``PublishingPattern``).
    public var doiPattern: PublishingPattern?
    /// `elocation-id`: each article's electronic location id in JATS (`<elocation-id>`), e.g. `e{volume}{number}{order:2}`.
    public var elocationPattern: PublishingPattern?
    /// `resource-url`: each article's landing page, e.g. `https://keia.org/korea-policy/{volume}/{number}/{id}`.
    public var resourceURLPattern: PublishingPattern?
    /// `article-category`: the JATS `subj-group-type="heading"` subject of an article that names none
    /// (workflow article `subject:`), e.g. "Articles".
    public var articleCategory: String?
    /// `print:`: the print layout (notes placement, stylesheet, running head).
    public var print = PrintSpec()
    /// `crossref:`: depositor and registrant for Crossref deposits.
    public var crossref = CrossrefSpec()
    /// The journal file as seen from the working directory (`Workflows/journals/korea-policy.yml`), for
    /// locating diagnostics about its values (placeholder ISSNs); nil for a journal built in code.
    public var displayPath: String?
    /// The journal file, once loaded (for ``Workflow/configurationFiles``).
    public var fileURL: URL?

    public init(id: String = "journal", title: String = "", abbreviatedTitle: String? = nil, publisher: String = "",
                publisherLocation: String? = nil, issnPrint: String? = nil, issnOnline: String? = nil,
                license: String? = nil, licenseURL: String? = nil, styleFile: String? = nil) {
        self.id = id
        self.title = title
        self.abbreviatedTitle = abbreviatedTitle
        self.publisher = publisher
        self.publisherLocation = publisherLocation
        self.issnPrint = issnPrint
        self.issnOnline = issnOnline
        self.license = license
        self.licenseURL = licenseURL
        self.styleFile = styleFile
    }
}
