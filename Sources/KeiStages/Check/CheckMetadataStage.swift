import KeiCore
import KeiDocument

/// Checks that an article has the metadata publication needs (title, authors), and that it agrees with
/// the issue. A missing date is reported by ingest.html (`ingest.metadata-missing`).
public struct CheckMetadataStage: CheckStage {
    public static let description = StageDescription(
        id: "check.metadata",
        summary: "Check the article has the title and authors publication needs, and that volume/issue agree with the workflow.",
        kind: .check,
        options: [
            StageOption("require-authors", .bool, default: .bool(true), "Report an article with no author as an error (false: a warning)."),
        ],
        messages: [Messages.titleMissing, Messages.authorsMissing, Messages.issueMismatch],
        examples: [
            StageExample("complete metadata", html: """
                <html lang="en"><head><title>A Title</title><meta name="citation_title" content="A Title">
                <meta name="citation_author" content="Jane Doe"><meta name="citation_publication_date" content="2025/12/15">
                </head><body><article><h1>A Title</h1><p>Body text of the article that is long enough to be content.</p></article></body></html>
                """),
            StageExample("no author", html: """
                <html lang="en"><head><title>A Title</title><meta name="citation_publication_date" content="2025/12/15"></head>
                <body><article><h1>A Title</h1>
                <p>Body text of the article that is long enough to be content.</p></article></body></html>
                """, expect: ["check.metadata.authors-missing"]),
            StageExample("the page says another issue", html: """
                <html lang="en"><head><title>A Title</title><meta name="citation_author" content="Jane Doe">
                <meta name="citation_publication_date" content="2025/12/15"><meta name="citation_volume" content="9">
                </head><body><article><h1>A Title</h1><p>Body text of the article that is long enough to be content.</p></article></body></html>
                """, expect: ["check.metadata.issue-mismatch"]),
        ]
    )

    enum Messages {
        static let titleMissing = StageMessage("check.metadata.title-missing", .error, "The article has no title.")
        static let authorsMissing = StageMessage("check.metadata.authors-missing", .error, "The article names no author.")
        static let issueMismatch = StageMessage("check.metadata.issue-mismatch", .warning,
            "The page's volume or issue differs from the workflow's.")
    }

    let requireAuthors: Bool

    public init(options: StageOptions) throws {
        requireAuthors = options.bool("require-authors", default: true)
    }

    /// An article without a byline is fine when its workflow entry lists `authors:` (publishing takes them
    /// from there); `check.metadata.authors-missing` fires only when neither names anyone.
    public func check(_ article: Article, context: ArticleContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let at = context.location(line: 1)
        let m = article.metadata
        // The file's name, not its path from the working directory: the message is the same from any directory.
        let name = context.sourceDisplayPath.split(separator: "/").last.map(String.init) ?? context.sourceDisplayPath
        if (m.title ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(Messages.titleMissing.diagnostic(
                "\(name) has no article title (no citation_title, og:title, <h1> or <title>).",
                at: at, fix: "Add <meta name=\"citation_title\" content=\"…\"> or an <h1> with the title."))
        }
        if m.authors.isEmpty, context.entry.contributors.isEmpty {
            var d = Messages.authorsMissing.diagnostic(
                "\(name) names no author (no citation_author, JSON-LD author or byline).",
                at: at, fix: "Add <meta name=\"citation_author\" content=\"…\"> for each author.")
            if !requireAuthors { d.severity = .warning }
            out.append(d)
        }
        for (what, page, workflow) in [("volume", m.volume, context.issue.volume), ("issue", m.issue, context.issue.number)] {
            if let page, let workflow, page != workflow {
                out.append(Messages.issueMismatch.diagnostic(
                    "the page gives \(what) \(page) but the workflow publishes it in \(what) \(workflow); the workflow's value is used in JATS.",
                    at: at, excerpt: page))
            }
        }
        return out
    }
}

import Foundation
