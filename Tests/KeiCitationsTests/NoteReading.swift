import Foundation
import KeiCitations
import KeiCore
import KeiDocument
import KeiTestSupport

/// Reads a page's notes as the pipeline does (ingest through the runner, the shared analysis, the note
/// reader) for the note reader's tests.
struct NoteReading {
    var article: Article
    var index: CitationIndex

    init(html: String) throws {
        let outcome = try RunnerHarness.run(html: html, stages: [])
        guard let article = outcome.article else { throw KeiError.stage("no article") }
        self.article = article
        index = NoteReader().read(article, analysis: ArticleAnalysis(article))
    }

    /// A page file ingested as the pipeline reads it (its own encoding).
    init(file: URL) throws {
        let (article, _) = try StageHarness.ingest(file: file, display: file.lastPathComponent)
        self.article = article
        index = NoteReader().read(article, analysis: ArticleAnalysis(article))
    }

    /// A page whose notes are `notes` (inner HTML of each note), each cited once in order.
    init(notes: [String]) throws {
        try self.init(html: Self.page(notes: notes))
    }

    /// The page ``init(notes:)`` reads.
    static func page(notes: [String]) -> String {
        let markers = notes.indices.map { "Claim number \($0 + 1) of the argument.<sup><a href=\"#fn\($0 + 1)\" id=\"r\($0 + 1)\">\($0 + 1)</a></sup>" }
        let list = notes.enumerated().map { "<li id=\"fn\($0.offset + 1)\"><p>\($0.element)</p></li>" }
        return StageExample.articlePage("<p>" + markers.joined(separator: " ") + "</p>\n<h2>Notes</h2><ol>" + list.joined() + "</ol>")
    }

    /// The citations of the note labelled `label`.
    func note(_ label: String) -> [NoteCitation] {
        guard let n = article.notes.first(where: { $0.label == label }) else { return [] }
        return index.notes[n.id] ?? []
    }

    /// "kind:text→source" for each citation of the note labelled `label`.
    func summary(_ label: String) -> [String] {
        note(label).map { "\($0.kind.rawValue):\($0.text)→\($0.sourceID ?? "-")" }
    }

    /// Every note, one line each, for failure messages.
    var dump: String {
        article.notes.map { "\($0.label): " + summary($0.label).joined(separator: " | ") }.joined(separator: "\n")
    }
}
