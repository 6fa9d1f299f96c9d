/// One stretch of a note paragraph as the note reader first reads it, before citations are resolved
/// across notes: its kind, its UTF-8 byte range (0-based) in the paragraph's text, and what resolution
/// compares (author name words, title words, the text without its locator).
struct RawCitation {
    var kind: NoteCitation.Kind
    var range: Range<Int>
    /// The author's name words (``CitationWords/nameWords(_:)``); empty when none was found.
    var authorWords: [String] = []
    /// The title's words (``CitationWords/titleWords(_:)``); empty when none was found.
    var titleWords: [String] = []
    /// The page or other locator ("62–64"), without "p." and the final period.
    var locator: String?
    /// An interview or personal communication ("Interviews with officials, Seoul, 2025").
    var isInterview = false
    /// Written with "Idem" for the author: the author is the one of the citation before it.
    var isIdem = false
    /// The citation's words without its final locator: two full citations with the same key cite the same source.
    var key: String = ""
}
