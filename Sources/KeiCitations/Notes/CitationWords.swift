import Foundation

/// How the note reader compares names and titles across notes: words folded to lower case without
/// diacritics, curly and straight quotation marks and all other punctuation dropped, so that
/// “Secrets among Friends,” and *Secrets among Friends: Classification…* start with the same words.
enum CitationWords {
    /// Words that never identify an author ("The White House" is identified by "white" and "house";
    /// "eds." and "trans." are roles, not names).
    static let nameStopWords: Set<String> = [
        "the", "of", "and", "for", "a", "an", "ed", "eds", "edited", "trans", "translated", "comp", "et", "al",
        "by", "with", "in", "on", "at", "idem", "eadem",
    ]

    /// The words of `text`: runs of letters and digits, lower-cased and without diacritics. Hyphens,
    /// apostrophes and every other mark separate words ("Seo-Whitfield" → seo, whitfield).
    static func words(_ text: some StringProtocol) -> [String] {
        let folded = String(text).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var out: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// The words of a name list that can identify an author (``nameStopWords`` left out).
    static func nameWords(_ text: some StringProtocol) -> [String] {
        words(text).filter { !nameStopWords.contains($0) }
    }

    /// The words of a title without a leading article ("The Geography…" and "Geography…" start alike;
    /// CMOS 17th ed., 14.31 lets a short title drop an initial A, An or The).
    static func titleWords(_ text: some StringProtocol) -> [String] {
        var w = words(text)
        if let first = w.first, ["a", "an", "the"].contains(first) { w.removeFirst() }
        return w
    }

    /// Whether the title `short` is the start of the title `full`, word for word.
    static func titleStarts(_ full: [String], with short: [String]) -> Bool {
        !short.isEmpty && short.count <= full.count && Array(full.prefix(short.count)) == short
    }
}
