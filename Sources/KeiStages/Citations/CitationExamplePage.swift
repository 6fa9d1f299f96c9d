import KeiCore

/// Builds the pages of `check.citations` examples: a paragraph citing each note, then the notes.
enum CitationExamplePage {
    /// A page whose body is `body` (default: one sentence citing every note) and whose notes are `notes`
    /// (HTML of each note's text, written without a `<p>` so that the example mutations change the body).
    static func page(notes: [String], body: String? = nil) -> String {
        let markers = notes.indices.map { "<sup><a href=\"#fn\($0 + 1)\" id=\"fnref\($0 + 1)\">\($0 + 1)</a></sup>" }.joined()
        let text = body ?? "<p>The alliance has been tested many times over the decades since the armistice.\(markers)</p>"
        let items = notes.indices.map { "<li id=\"fn\($0 + 1)\">\(notes[$0]) <a href=\"#fnref\($0 + 1)\">↩</a></li>" }.joined()
        return StageExample.articlePage(text + "\n<h2>Notes</h2><ol>\(items)</ol>")
    }

    /// Mutations that leave the notes as they are but would move a body finding out of running text.
    static let bodySkips: [ExampleMutation: String] = [
        .blockQuote: "a block quotation quotes another text: its addresses are that text's, not running text",
        .note: "in a note a web address is the citation itself",
    ]
}
