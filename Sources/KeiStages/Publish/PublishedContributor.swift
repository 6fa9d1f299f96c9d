import KeiCore
import KeiDocument

/// A contributor as publishing writes it (JATS `contrib`, Crossref `person_name`, the print title block):
/// the page's author merged with what the workflow says about them.
public struct PublishedContributor: Sendable, Hashable {
    /// The name as printed.
    public var name: String
    /// The split name, when the workflow gives it or ``JATSNameSplitter`` finds it unambiguous; nil otherwise.
    public var surname: String?
    public var givenNames: String?
    public var suffix: String?
    public var isGroup: Bool
    /// JATS `contrib-type` (`author`, or the page's role: `editor`, `translator`).
    public var role: String?
    public var affiliation: String?
    /// `0000-0002-1825-0097` (see ``ContributorEntry/orcid``).
    public var orcid: String?
    public var email: String?
    public var corresponding: Bool
    /// True when the workflow lists this contributor (not only the page).
    public var inWorkflow: Bool

    /// `https://orcid.org/…`, the form JATS and Crossref both want.
    public var orcidURL: String? { orcid.map { "https://orcid.org/" + $0 } }

    /// True when this is a page author that matches none of the workflow's authors while the workflow
    /// lists some (``ArticlePublication`` still publishes them; `emit.jats.unmatched-author` warns).
    public var unmatchedPageAuthor: Bool = false

    /// A key for matching the page's and the workflow's spelling of one person's name (``PersonNameKey``).
    static func matchKey(_ name: String) -> String { PersonNameKey.key(name) }

    /// Whether two spellings name the same person (``PersonNameKey/same(_:_:)``).
    static func sameName(_ a: String, _ b: String) -> Bool { PersonNameKey.same(a, b) }
}
