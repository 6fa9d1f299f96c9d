import Foundation
import KeiCore
import KeiDocument

/// Writes one JATS 1.3 Journal Publishing article per input as `jats/<article-id>.xml`
/// (see ``JATSWriter``, whose output is valid by construction and checked in the tests against the
/// DTD and ``JATSStructureValidator``). With the `validate` option the written XML is parsed again
/// with libxml2 and checked by ``JATSStructureValidator``.
///
/// The notes are read as citations through the context's shared ``CitationIndex``
/// (``ArticleContext/currentCitations()``, the one `check.citations` checks): their sources become the
/// `ref-list` and each citation links to its `ref`.
///
/// Publishing facts (DOI, `article-categories`, `elocation-id`, resource URL, keywords, contributors) come
/// from ``ArticlePublication`` so that JATS, print, TOC and Crossref agree. Targets the PMC Style Checker
/// 5.31 with 0 errors; what only the editor can supply is reported instead of guessed:
/// `emit.jats.unsplit-name` (warning: a person's surname is unknown, written as `string-name`, which PMC
/// rejects), `emit.jats.no-elocation-id` (warning, for a journal set up for publishing: an ISSN, a DOI or
/// resource-URL pattern; the journal has no `elocation-id` scheme or the issue no volume, so no
/// `elocation-id`, which PMC requires), `emit.jats.placeholder-issn` (info: the journal's ISSN
/// is `0000-0000`; kept as written, the Crossref stage's publish gate fails on it).
///
/// Articles without a model (ingest failed or did not run) are skipped: no file, no throw.
public struct EmitJATSStage: ArticleStage {
    /// Id `emit.jats`; options `validate` (default false) and `article-type` (default `research-article`; the
    /// workflow entry's `article-type` wins); messages `emit.jats-invalid`, `emit.jats.unsplit-name`,
    /// `emit.jats.no-elocation-id`, `emit.jats.placeholder-issn`; examples run by the shared stage-example test.
    public static let description = StageDescription(
        id: "emit.jats",
        summary: "Write the article as JATS 1.3 Journal Publishing XML (jats/<article>.xml).",
        kind: .emit,
        options: [
            StageOption("validate", .bool, default: .bool(false),
                        "Parse the written XML again with libxml2 and check its structure (well-formed, required front matter, unique ids, resolvable rids, article-meta order); problems are reported as emit.jats-invalid. Off by default: the writer's output is valid by construction and checked against the DTD in the tests."),
            StageOption("article-type", .string, default: .string(JATSWriter.defaultArticleType),
                        "The article-type attribute of the root element (e.g. research-article, review-article, article-commentary, editorial) when the workflow entry gives no article-type."),
        ],
        messages: [
            Messages.invalid,
            Messages.unsplitName,
            Messages.noElocationID,
            Messages.placeholderISSN,
            Messages.unmatchedAuthor,
            Messages.pageDOIDiffers,
        ],
        examples: [
            StageExample("a small article page is written as structurally valid JATS", html: """
                <html lang="en"><head><title>A Title</title></head><body><main><article>
                <h1>A Title</h1><p>Some text that is long enough to count as the article body of this page.</p>
                </article></main></body></html>
                """, options: ["validate": .bool(true)]),
            StageExample("sections, a list, a table, a quotation and special characters are written as valid JATS", html: """
                <html lang="en"><head><meta charset="utf-8"><title>Trade &amp; Security</title></head><body><main><article>
                <h1>Trade &amp; Security</h1>
                <h2>Introduction</h2>
                <p>Korea&ndash;U.S. ties &ldquo;matter&rdquo; &lt;a lot&gt;: 한국어 text, <em>emphasis</em>, <a href="https://example.org/?a=1&amp;b=2">a link</a>.</p>
                <ul><li>first point</li><li>second point<ol><li>nested</li></ol></li></ul>
                <blockquote><p>A quotation long enough to be a quotation.</p><footer>Someone</footer></blockquote>
                <table><thead><tr><th>Year</th><th>Value</th></tr></thead><tbody><tr><td>2024</td><td>10</td></tr></tbody></table>
                <h2>Conclusion</h2><p>Closing text<br>on two lines.</p>
                </article></main></body></html>
                """, options: ["validate": .bool(true)]),
            StageExample("notes citing sources give a reference list the notes link to, structurally valid", html: """
                <html lang="en"><head><title>T</title></head><body><article><h1>T</h1>
                <p>A claim that needs a source and is long enough to be content.<sup><a href="#fn1" id="fnref1">1</a></sup>
                Another claim.<sup><a href="#fn2" id="fnref2">2</a></sup></p>
                <h2>Notes</h2><ol>
                <li id="fn1">Min-seo Kwak, “Subsidy Races,” <i>Korea Trade Review</i> 31, no. 2 (2025): 77–98, <a href="https://example.org/k">https://example.org/k</a>. <a href="#fnref1">↩</a></li>
                <li id="fn2">Kwak, “Subsidy Races,” 90. <a href="#fnref2">↩</a></li></ol>
                </article></body></html>
                """, options: ["validate": .bool(true)]),
            StageExample("an author name that cannot be split safely (surname first or given name first?) is written as string-name, with a warning", html: """
                <html><head><title>T</title><meta name="citation_author" content="Lee Jae Myung"></head><body><article><h1>T</h1>
                <p>Some text that is long enough to count as the article body of this page.</p></article></body></html>
                """, expect: ["emit.jats.unsplit-name"]),
            StageExample("without validation (the default) the article type can be chosen", html: """
                <html><head><title>T</title></head><body><article><h1>T</h1>
                <p>Some text that is long enough to count as the article body of this page.</p></article></body></html>
                """, options: ["article-type": .string("article-commentary")]),
        ]
    )

    enum Messages {
        static let invalid = StageMessage("emit.jats-invalid", .error,
            "The JATS written for the article fails the structural check (a writer bug or an unmappable model); the file is still written for inspection.")
        static let unsplitName = StageMessage("emit.jats.unsplit-name", .warning,
            "A person's name cannot be split safely into surname and given names, so the JATS holds it as <string-name>, which the PMC Style Checker rejects; give the workflow author surname: and given-names:.")
        static let noElocationID = StageMessage("emit.jats.no-elocation-id", .warning,
            "No <elocation-id> is written (the journal file has no elocation-id scheme, or the issue has no volume or number), and PMC requires an fpage or elocation-id.")
        static let placeholderISSN = StageMessage("emit.jats.placeholder-issn", .info,
            "The journal's ISSN is a placeholder (0000-0000); the JATS keeps it as written, and the Crossref deposit's publish gate fails until the real ISSN is in the journal file.")
        static let unmatchedAuthor = StageMessage("emit.jats.unmatched-author", .warning,
            "The page names an author whom the workflow's authors list does not (by PersonNameKey: same name words in any order, ignoring case, diacritics, hyphens and initials); the author is published as an extra contributor.")
        static let pageDOIDiffers = StageMessage("emit.jats.page-doi-differs", .warning,
            "The page's own DOI (citation_doi) differs from the DOI the workflow or the journal's doi-pattern gives; the outputs use the workflow's.")
    }

    let validate: Bool
    let articleType: String

    /// Builds the stage from its effective options.
    public init(options: StageOptions) throws {
        validate = options.bool("validate", default: false)
        articleType = options.string("article-type") ?? JATSWriter.defaultArticleType
    }

    /// Writes `jats/<article-id>.xml` (after the structural check of the written XML, when enabled); does nothing
    /// when the context has no article model. Throws only when the file cannot be written.
    public func run(_ context: inout ArticleContext) throws {
        guard let article = context.article else { return }
        let publication = ArticlePublication(entry: context.entry, article: article, issue: context.issue)
        let type = ArticlePublication.nonEmpty(context.entry.articleType) ?? articleType
        let xml = JATSWriter.write(article, issue: context.issue, articleType: type, citations: context.currentCitations(),
                                   publication: publication)
        let relativePath = "jats/\(Self.fileStem(context.entry.id)).xml"
        Self.reportPublishing(publication, in: &context)
        if validate {
            Self.report(JATSStructureValidator.validate(xml), relativePath: relativePath, in: &context)
        }
        try context.writeArtifact(kind: "jats", relativePath: relativePath, data: Data(xml.utf8))
    }

    /// The publishing warnings: unsplit names, page authors the workflow does not list, a page DOI that differs
    /// from the workflow's, a missing elocation-id, placeholder ISSNs.
    static func reportPublishing(_ publication: ArticlePublication, in context: inout ArticleContext) {
        let page = SourceLocation(file: context.sourceDisplayPath)
        let workflow = context.entry.declaredAt ?? page
        for person in publication.contributors where !person.isGroup && ArticlePublication.nonEmpty(person.surname) == nil {
            guard let name = ArticlePublication.nonEmpty(person.name) else { continue }
            let fix = person.inWorkflow
                ? "Give the workflow author \"\(name)\" surname: and given-names: in the article's authors list."
                : "Add {name: \"\(name)\", surname: …, given-names: …} to the article's authors list in the workflow."
            context.emit(Messages.unsplitName.diagnostic(
                "The author name \"\(name)\" cannot be split safely into surname and given names; the JATS holds it as <string-name>, which the PMC Style Checker rejects (contrib content check).",
                at: workflow,
                fix: fix))
        }
        for person in publication.contributors where person.unmatchedPageAuthor {
            let listed = context.entry.contributors.map { "\"\($0.name)\"" }.joined(separator: ", ")
            context.emit(Messages.unmatchedAuthor.diagnostic(
                "The page names \"\(person.name)\", whom the workflow's authors (\(listed)) do not list; the JATS, print and Crossref outputs add them as an extra contributor.",
                at: workflow,
                fix: "Add \"\(person.name)\" to the article's authors in the workflow, or correct the page's byline."))
        }
        if let own = ArticlePublication.nonEmpty(context.article?.metadata.doi), let doi = publication.doi,
           own.lowercased() != doi.lowercased() {
            context.emit(Messages.pageDOIDiffers.diagnostic(
                "The page's DOI \(own) (citation_doi) differs from the DOI \(doi) given by the workflow or the journal's doi-pattern; the outputs use \(doi).",
                at: page,
                fix: "Correct the page's citation_doi, or set the article's doi: in the workflow to \(own) if that is the registered one."))
        }
        if publication.elocationID == nil, Self.isSetUpForPublishing(context.issue.journal) {
            let reason = context.issue.journal.elocationPattern == nil
                ? "the journal file has no elocation-id scheme"
                : "the issue has no volume or number for the journal's elocation-id scheme"
            context.emit(Messages.noElocationID.diagnostic(
                "No <elocation-id> is written because \(reason); the PMC Style Checker requires an <fpage> or <elocation-id> in article-meta.",
                at: workflow,
                fix: "Add an elocation-id pattern (e.g. \"e{volume}{number}{order:2}\") to the journal file and give the issue a volume and number."))
        }
        let journal = context.issue.journal
        for issn in [journal.issnPrint, journal.issnOnline].compactMap({ ArticlePublication.nonEmpty($0) }) where issn == "0000-0000" {
            context.emit(Messages.placeholderISSN.diagnostic(
                "The journal's ISSN \(issn) is a placeholder; the JATS keeps it as written.",
                at: page,
                fix: "Put the journal's registered ISSN in the journal file (issn-print, issn-online) before depositing."))
            break
        }
    }

    /// Whether the journal file is set up for publishing (an ISSN, a DOI pattern or a resource URL pattern):
    /// only then is a missing elocation-id worth a warning (an ad-hoc `check` has no journal at all).
    static func isSetUpForPublishing(_ journal: JournalInfo) -> Bool {
        ArticlePublication.nonEmpty(journal.issnPrint) != nil || ArticlePublication.nonEmpty(journal.issnOnline) != nil
            || journal.doiPattern != nil || journal.resourceURLPattern != nil || journal.elocationPattern != nil
    }

    /// Emits one `emit.jats-invalid` error per structural problem, at the article's source file.
    static func report(_ problems: [String], relativePath: String, in context: inout ArticleContext) {
        for problem in problems {
            context.emit(Messages.invalid.diagnostic(
                "The JATS written to \(relativePath) is structurally invalid: \(problem).",
                at: SourceLocation(file: context.sourceDisplayPath),
                fix: "Report this as a kei-pipeline bug with the article's source; the JATS file was written for inspection."))
        }
    }

    /// The article id as a single safe path component (no separators, no `.`/`..`, not empty).
    static func fileStem(_ id: String) -> String {
        var s = ""
        for c in id.unicodeScalars {
            if c == "/" || c == "\\" || c == ":" || c.value < 0x20 || c.value == 0x7F { s += "_" } else { s.unicodeScalars.append(c) }
        }
        if s.isEmpty || s.allSatisfy({ $0 == "." }) { s = "article" + s }
        return s
    }
}
