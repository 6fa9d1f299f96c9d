/// One article of a workflow: its id, source file and editorial status.
public struct ArticleEntry: Sendable, Hashable {
    public var id: String
    /// The source path as written in the workflow (relative to the project root), nil while awaited.
    public var source: String?
    /// The resolved absolute path of the source, nil while awaited.
    public var sourceURL: URL?
    /// The authors the article was commissioned from (their names; ``contributors`` has the details).
    public var commissionedAuthors: [String]
    /// The same authors with what the workflow says about them (affiliation, ORCID, email), in order.
    public var contributors: [ContributorEntry] = []
    /// `subject`: the article's category for JATS `article-categories` (else the journal's `article-category`).
    public var subject: String?
    /// `article-type`: JATS `@article-type` (default `research-article`).
    public var articleType: String?
    /// `keywords`: written as JATS `kwd-group` in addition to the page's own keywords.
    public var keywords: [String] = []
    /// The article's 1-based place in the workflow (table-of-contents order), set by the loader;
    /// the `{order}` of ``PublishingPattern``. 0 for an entry built outside a workflow.
    public var order = 0
    /// `doi`: overrides the journal's `doi-pattern` for this article.
    public var doi: String?
    public var status: ArticleStatus
    public var title: String?
    /// Where the workflow declares this article (for diagnostics about the entry itself).
    public var declaredAt: SourceLocation?

    public init(id: String, source: String?, sourceURL: URL?, commissionedAuthors: [String] = [],
                status: ArticleStatus, title: String? = nil, declaredAt: SourceLocation? = nil) {
        self.id = id
        self.source = source
        self.sourceURL = sourceURL
        self.commissionedAuthors = commissionedAuthors
        self.status = status
        self.title = title
        self.declaredAt = declaredAt
    }

    /// True when the article has no manuscript yet.
    public var awaitingManuscript: Bool { sourceURL == nil }
}

import Foundation
import KeiDocument
