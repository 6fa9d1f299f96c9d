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
/// Articles without a model (ingest failed or did not run) are skipped: no file, no throw.
public struct EmitJATSStage: ArticleStage {
    /// Id `emit.jats`; options `validate` (default false) and `article-type` (default `research-article`);
    /// message `emit.jats-invalid`; examples run by the shared stage-example test.
    public static let description = StageDescription(
        id: "emit.jats",
        summary: "Write the article as JATS 1.3 Journal Publishing XML (jats/<article>.xml).",
        kind: .emit,
        options: [
            StageOption("validate", .bool, default: .bool(false),
                        "Parse the written XML again with libxml2 and check its structure (well-formed, required front matter, unique ids, resolvable rids, article-meta order); problems are reported as emit.jats-invalid. Off by default: the writer's output is valid by construction and checked against the DTD in the tests."),
            StageOption("article-type", .string, default: .string(JATSWriter.defaultArticleType),
                        "The article-type attribute of the root element (e.g. research-article, review-article, article-commentary, editorial)."),
        ],
        messages: [
            Messages.invalid,
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
            StageExample("without validation (the default) the article type can be chosen", html: """
                <html><head><title>T</title></head><body><article><h1>T</h1>
                <p>Some text that is long enough to count as the article body of this page.</p></article></body></html>
                """, options: ["article-type": .string("article-commentary")]),
        ]
    )

    enum Messages {
        static let invalid = StageMessage("emit.jats-invalid", .error,
            "The JATS written for the article fails the structural check (a writer bug or an unmappable model); the file is still written for inspection.")
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
        let xml = JATSWriter.write(article, issue: context.issue, articleType: articleType, citations: context.currentCitations())
        let relativePath = "jats/\(Self.fileStem(context.entry.id)).xml"
        if validate {
            Self.report(JATSStructureValidator.validate(xml), relativePath: relativePath, in: &context)
        }
        try context.writeArtifact(kind: "jats", relativePath: relativePath, data: Data(xml.utf8))
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
