import KeiDocument

/// Gives the article title (``KeiDocument/ArticleMetadata/titleRun``) its place in the page's source,
/// so that style findings in the title have a span (line, column, excerpt), suppressions reach them,
/// and `--fix` edits the title (the JATS `<article-title>`).
enum TitleRun {
    /// The run for `title`, the merged title value.
    ///
    /// - Parameters:
    ///   - shown: the rendered text of the elements that show the title as the author wrote it, in
    ///     order of preference (the page's rendered `<h1>`s), with their origins.
    ///   - fallback: the source of the value the title was read from (a `<meta content>` value, the
    ///     `<title>` text, a JSON-LD property), used when no shown element spells the title.
    /// - Returns: the first of `shown` whose text, with ASCII white space collapsed as HTML renders it
    ///   and surrounding white space trimmed, is exactly `title` — with that text's origins (verbatim
    ///   where the source spells the characters as shown, so edits of single words apply); else `title`
    ///   with one non-verbatim origin covering `fallback` (findings are located there, their edits are
    ///   never safe); else `title` without a source.
    static func make(_ title: String, shown: [TextRun], fallback: SourceSpan?) -> TextRun {
        for run in shown {
            var lastWasSpace = true
            let collapsed = run.collapsingWhitespace(lastWasSpace: &lastWasSpace).trimming { $0.properties.isWhitespace }
            if collapsed.string == title { return collapsed }
        }
        return TextRun(title, source: fallback, verbatim: false)
    }
}
