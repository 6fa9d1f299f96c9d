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
    /// Has publication facts: place and publisher or a year in parentheses, a journal's volume and
    /// issue ("61, no. 2"), a URL or DOI, or a written date. A "full" citation without any that matches
    /// an earlier one by author and title start is a short form whatever its locator looks like.
    var hasPublicationFacts = false
    /// The final top-level comma part when it is not a locator (a figure that reads as a year, "1:120",
    /// "22 (emphasis added"): the locator of such a citation when it turns out to be a short form.
    var lastPart: String?
    /// For commentary that is only a quotation, with or without a locator (“North Korea Fires Ballistic
    /// Missile,” 2.): its words, which make it the title-only short form of an unsigned work when an
    /// earlier full citation's title starts with them (CMOS 17th ed., 14.32).
    var quotedTitleWords: [String] = []
    /// The citation's words without its final locator: two full citations with the same key cite the same source.
    var key: String = ""
}
