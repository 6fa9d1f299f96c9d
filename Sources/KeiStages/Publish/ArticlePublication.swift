import KeiCore
import KeiDocument

/// What publishing knows about one article, computed once from the workflow entry, the journal file and
/// the ingested page, so that JATS, XSL-FO, the table of contents and the Crossref deposit agree.
///
/// - Identifiers: `doi` is the entry's `doi:` or the journal's `doi-pattern` expanded (``PublishingPattern``);
///   `elocationID` and `resourceURL` likewise from `elocation-id` and `resource-url`. Nil when the journal
///   has no pattern or a placeholder has no value (no volume).
/// - Contributors: the page's authors in page order, each merged with the workflow author of the same
///   person (``PublishedContributor/matchKey(_:)``: the same sorted words, ignoring order, case,
///   diacritics, hyphens and initials): the workflow's split name, affiliation, ORCID, email
///   and corresponding flag win, the page fills gaps. A page author matching none of the workflow's
///   authors (when it lists some) is kept and flagged ``PublishedContributor/unmatchedPageAuthor``. Workflow authors missing from the page follow;
///   when the page names nobody, the workflow's list is used as is.
public struct ArticlePublication: Sendable, Hashable {
    public var id: String
    /// 1-based place in the issue (``ArticleEntry/order``).
    public var order: Int
    public var title: String?
    public var subtitle: String?
    public var doi: String?
    public var elocationID: String?
    public var resourceURL: String?
    /// JATS `subj-group-type="heading"`: the entry's `subject`, else the journal's `article-category`, else "Articles".
    public var subject: String
    /// JATS `@article-type`: the entry's `article-type`, else `research-article`.
    public var articleType: String
    /// The entry's keywords, then the page's, without repeats (compared without regard to case).
    public var keywords: [String]
    public var contributors: [PublishedContributor]
    public var publicationDate: PublicationDate?
    /// The article's online publication date as JATS writes it (`pub-date date-type="pub"`, electronic):
    /// the page's date when it has day and month, else the issue's cover date (the article is published
    /// online with its issue), else the page's partial date; nil when there is neither. PMC requires a
    /// full electronic date next to the collection (cover) date.
    public var onlinePublicationDate: PublicationDate?

    public init(entry: ArticleEntry, article: Article?, issue: IssueInfo) {
        let meta = article?.metadata
        let journal = issue.journal
        let values = PublishingPattern.values(issue: issue, articleID: entry.id, order: entry.order)
        id = entry.id
        order = entry.order
        title = Self.nonEmpty(meta?.title) ?? Self.nonEmpty(entry.title)
        subtitle = Self.nonEmpty(meta?.subtitle)
        doi = Self.nonEmpty(entry.doi) ?? journal.doiPattern?.expand(values) ?? Self.nonEmpty(meta?.doi)
        elocationID = journal.elocationPattern?.expand(values)
        resourceURL = journal.resourceURLPattern?.expand(values)
        subject = Self.nonEmpty(entry.subject) ?? Self.nonEmpty(journal.articleCategory) ?? "Articles"
        articleType = Self.nonEmpty(entry.articleType) ?? "research-article"
        var seen = Set<String>()
        keywords = (entry.keywords + (meta?.keywords ?? [])).compactMap { Self.nonEmpty($0) }
            .filter { seen.insert($0.lowercased()).inserted }
        contributors = Self.merge(page: meta?.authors ?? [], workflow: entry.contributors)
        publicationDate = meta?.publicationDate
        let cover = issue.coverDate.flatMap { PublicationDate(iso: $0) }
        if let page = publicationDate, page.day != nil, page.month != nil {
            onlinePublicationDate = page
        } else {
            onlinePublicationDate = cover ?? publicationDate
        }
    }

    static func merge(page: [Author], workflow: [ContributorEntry]) -> [PublishedContributor] {
        var remaining = workflow
        var out: [PublishedContributor] = []
        for author in page where Self.nonEmpty(author.name) != nil {
            let match = remaining.firstIndex { PublishedContributor.sameName($0.name, author.name) }
                .map { remaining.remove(at: $0) }
            var c = contributor(page: author, workflow: match)
            c.unmatchedPageAuthor = match == nil && !workflow.isEmpty
            out.append(c)
        }
        out += remaining.map { contributor(page: nil, workflow: $0) }
        return out
    }

    static func contributor(page: Author?, workflow: ContributorEntry?) -> PublishedContributor {
        let name = Self.nonEmpty(page?.name) ?? workflow?.name ?? ""
        let isGroup = workflow?.group ?? page?.isGroup ?? workflow.map { GroupAuthorName.isGroup($0.name) } ?? false
        var c = PublishedContributor(name: name, isGroup: isGroup, role: Self.nonEmpty(page?.role),
                                     affiliation: Self.nonEmpty(workflow?.affiliation) ?? Self.nonEmpty(page?.affiliation),
                                     orcid: workflow?.orcid, email: Self.nonEmpty(workflow?.email) ?? Self.nonEmpty(page?.email),
                                     corresponding: workflow?.corresponding ?? false, inWorkflow: workflow != nil)
        if let surname = Self.nonEmpty(workflow?.surname) {
            c.surname = surname
            c.givenNames = Self.nonEmpty(workflow?.givenNames)
        } else if !isGroup, let split = JATSNameSplitter.split(name) {
            c.surname = split.surname
            c.givenNames = split.givenNames
            c.suffix = split.suffix
        }
        return c
    }

    static func nonEmpty(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = TextTrimming.whitespacesAndNewlines(s)
        return t.isEmpty ? nil : t
    }
}
