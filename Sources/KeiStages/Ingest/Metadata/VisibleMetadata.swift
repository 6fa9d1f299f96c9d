import KeiDocument

/// Metadata read from the page's visible text (the body, outside navigation, asides, footers and
/// other-content regions). `…Origin` say where each value's text is in the source.
struct VisibleMetadata {
    /// Authors from the first byline block, with the line of that block.
    var authors: [Author] = []
    var authorsLine: Int = 0
    /// A date written out near `Published`/`Posted` or in a date-classed element.
    var date: PublicationDate?
    var dateText: String?
    var dateLine: Int = 0
    var dateOrigin: ValueOrigin?
    /// The first date-like text that is a placeholder ("January 1, 1970"), skipped for ``date``.
    var placeholderDate: (text: String, line: Int, origin: ValueOrigin)?
    /// `Korea Policy Vol. 3, Issue 2` → name, volume, issue.
    var seriesName: String?
    var volume: String?
    var issue: String?
    var seriesLine: Int = 0
    var seriesOrigin: ValueOrigin?
    /// An element classed `subtitle`, `dek` or `standfirst`.
    var subtitle: String?
    var subtitleLine: Int = 0
    var subtitleOrigin: ValueOrigin?
    /// The first link to a PDF whose text or href mentions PDF.
    var pdfURL: String?
    var pdfLine: Int = 0
    var pdfOrigin: ValueOrigin?
}
