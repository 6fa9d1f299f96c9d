import Foundation
import KeiDates
import KeiDocument

/// Reads a date as references write it into a ``CSLDate``: "April 26, 2023", "26 April 2023",
/// "Apr. 2023", "(Fall 2011)", "2023-04-26", "19-Oct-2017", "(1999).", "2009;108(2):" (the year; the
/// volume and issue after the semicolon are read by the normaliser). The date is the first mention with a
/// year from 1400 to 2100 that ``DateExtractor`` finds reading the text as a date field
/// (``DateExtractor/readsBareYears``): its year, month and day as written (a range gives its start; an
/// impossible day is dropped); a season gives `season` (spring 1, summer 2, fall/autumn 3, winter 4).
/// A year glued to letters ("2019a") is read when the extractor finds none. Text with no year becomes a
/// `literal` date ("n.d.", "forthcoming"). Linear in the length of the text.
public enum ReferenceDateParser {
    static let reader = DateExtractor(readsBareYears: true)

    /// Whether a word names a month ("April", "apr", "Sept."), for the normaliser's field repairs.
    static func isMonth(_ word: String) -> Bool { DateExtractor.month(word) != nil }

    public static func parse(_ text: String) -> CSLDate? {
        let mention = reader.mentions(in: text).first {
            $0.kind != .relative && $0.parts.year.map { (1400...2100).contains($0) } == true
        }
        guard let mention, let year = mention.parts.year else {
            if let year = gluedYear(text) { return CSLDate(year: year) }
            let literal = text.trimmingScalars(in: Set(" .,;:()[]".unicodeScalars))
            return literal.isEmpty ? nil : CSLDate(literal: literal)
        }
        let start = mention.value?.start
        let dated: Set<DateMentionKind> = [.date, .month, .monthDay, .range]
        let month = dated.contains(mention.kind) ? start?.month ?? mention.parts.month.flatMap { $0 <= 12 ? $0 : nil } : nil
        var date = CSLDate(year: year, month: month, day: dated.contains(mention.kind) ? start?.day : nil)
        if mention.kind == .season, let m = start?.month { date.season = [3: 1, 6: 2, 9: 3, 12: 4][m] }
        return date
    }

    /// The first word that starts with a four-digit year (1400–2100) and has at most one letter after it
    /// ("2019a", the author-date suffix).
    static func gluedYear(_ text: String) -> Int? {
        var word = ""
        for ch in text + " " {
            if ch.isLetter || ch.isNumber { word.append(ch); continue }
            let digits = word.prefix { $0.isASCII && $0.isNumber }
            if digits.count == 4, word.count <= 5, let v = Int(digits), (1400...2100).contains(v) { return v }
            word = ""
        }
        return nil
    }
}
