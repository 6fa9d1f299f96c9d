/// What a stretch of a ``TextUnit``'s text is, for the checks that must leave it alone or treat it
/// differently. A stretch may be in several scopes at once (a URL that is a link's text is `.link`
/// and `.url`; a quotation inside a block quotation is `.quotation` twice).
public enum ScopeKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Quoted words: a `<q>` (with the marks the projection adds), a whole block quotation's paragraph,
    /// or text between matching quotation marks in running text (Chicago Manual of Style, 17th ed.,
    /// 6.9 and 13.28–13.30: double marks, single marks for a quotation within a quotation; an opening
    /// mark without a closing one runs to the end of its paragraph, as in a quotation of several
    /// paragraphs). Includes the marks themselves.
    case quotation
    /// The title of a cited work: `<cite>`, and italic text in notes and reference entries, where
    /// italic sets titles of books, journals and reports (CMOS 17th ed., 8.171, 14.94).
    case citedTitle
    /// A URL: the text of a link that reads as a URL, and bare URLs and e-mail addresses in the text
    /// (as ``WordTokenizer`` finds them).
    case url
    /// Computer code (`<code>`, `<kbd>`, `<samp>`, `<tt>`).
    case code
    /// A note marker: the one U+FFFC character standing for a ``NoteRef``.
    case noteMarker
    /// An inline image: the one U+FFFC character standing for an ``InlineImage`` (its alt text is not
    /// running text).
    case image
    /// The text of a hyperlink (running text; listed so that checks can tell link boundaries).
    case link
    /// Italic or emphasis (`<i>`, `<em>`) in running text, where it may set a title or a foreign word
    /// (CMOS 8.171, 7.53) or stress; in notes and references italic is a ``citedTitle`` instead.
    /// Running text (listed so that checks that rewrite words can leave a possible title alone).
    case emphasis

    /// Scopes whose words are not the author's running prose: checks of wording skip them.
    public static let notRunningText: Set<ScopeKind> = [.quotation, .citedTitle, .url, .code, .noteMarker, .image]
}
