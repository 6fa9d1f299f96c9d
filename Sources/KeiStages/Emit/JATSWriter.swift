import Foundation
import KeiCitations
import KeiCore
import KeiDocument

/// Serialises an article as one JATS 1.3 Journal Publishing article, valid against the official DTD.
///
/// Decisions (see also ``JATSInlineContext`` and ``JATSBlockContainer`` for content the DTD does
/// not allow in a place, which is mapped, never dropped):
/// - Front: journal facts from the workflow's ``IssueInfo`` (volume and issue from the issue win
///   over the article's metadata); an empty `<issn/>` when the journal has no ISSN (the DTD requires
///   one); an empty `<article-title/>` when the article has no title (the DTD requires
///   `title-group/article-title`; the check stages report the missing title).
/// - Publishing facts come from ``ArticlePublication`` (the ones emit.crossref, emit.fo and the TOC use):
///   DOI `article-id`, `article-categories` (`subj-group-type="heading"`), `elocation-id` from the journal's
///   scheme, `self-uri` to the resource URL, `kwd-group` (workflow keywords, then the page's), contributors
///   with the workflow's split names, one `aff` per distinct affiliation linked by `xref ref-type="aff"`,
///   ORCID as `contrib-id`, `corresp="yes"` and `author-notes/corresp` with the email.
/// - Names: the workflow's `surname:`/`given-names:`, else split only when unambiguous
///   (``JATSNameSplitter``), else `<string-name>` exactly as displayed (JATS 1.3 allows it; the PMC Style
///   Checker 5.31 does not, and has no sanctioned form for an unsplit name: its `name-alternatives` needs
///   two children, so the stage warns `emit.jats.unsplit-name` instead of guessing a surname).
/// - Note markers become `<xref ref-type="fn" rid="…"><sup>label</sup></xref>`; a marker whose
///   note does not exist becomes `<sup>label</sup>` so that no IDREF dangles.
/// - The sources the notes cite (``CitationIndex``) follow the page's own references in the `ref-list`,
///   each as `citation-alternatives` of an `element-citation` (``JATSCitationWriter``) and the note's
///   words as `mixed-citation`; each citation in a note is wrapped in `<xref ref-type="bibr">` to its
///   `ref` without changing the note's text (``JATSCitationLinker``).
/// - Ids are kept from the model when valid and unique, repaired otherwise (``JATSIDAllocator``).
/// - Output is deterministic: fixed attribute order, two-space indentation of structural elements,
///   mixed content on one line (line feeds in running text as `&#xA;`), UTF-8, no timestamps.
public enum JATSWriter {
    /// The formal public identifier of the Journal Publishing DTD v1.3.
    public static let publicIdentifier = "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN"
    /// The system identifier of the Journal Publishing DTD v1.3.
    public static let systemIdentifier = "https://jats.nlm.nih.gov/publishing/1.3/JATS-journalpublishing1-3.dtd"

    /// The `article-type` written when none is given.
    public static let defaultArticleType = "research-article"

    /// The article as a complete JATS XML document (UTF-8 text, ending in a newline).
    /// - Parameters:
    ///   - article: The article model.
    ///   - issue: The workflow's issue and journal facts (they win over the article's own metadata).
    ///   - articleType: The root's `article-type` (JATS suggests values such as `research-article`,
    ///     `review-article`, `article-commentary`, `editorial`); a blank value gives the default.
    ///   - citations: The notes read as citations (``CitationIndex``): their sources are written in the
    ///     `ref-list` and the notes' citations link to them (see ``JATSCitationWriter`` and
    ///     ``JATSCitationLinker``). Nil builds the index from the article (``ArticleAnalysis``).
    ///   - publication: The publishing facts (``ArticlePublication``: DOI, elocation-id, subject, keywords,
    ///     workflow authors) computed from the article's workflow entry; nil computes them from an entry
    ///     with the article's id only (no workflow authors, subject or keywords).
    public static func write(_ article: Article, issue: IssueInfo, articleType: String = defaultArticleType,
                             citations: CitationIndex? = nil, publication: ArticlePublication? = nil) -> String {
        let type = TextTrimming.whitespacesAndNewlines(articleType)
        let index = citations ?? CitationIndex(article: article, analysis: ArticleAnalysis(article))
        var renderer = JATSRenderer(article: article, issue: issue, articleType: type.isEmpty ? defaultArticleType : type,
                                    citations: index, publication: publication)
        return renderer.render()
    }
}
