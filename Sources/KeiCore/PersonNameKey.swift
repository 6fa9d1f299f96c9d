import Foundation

/// The rule that tells whether two spellings of a name (the page's byline, the workflow's `authors:`)
/// name the same person, so that publishing merges them into one contributor.
///
/// The rule: take the Latin part in parentheses when there is one (`서하나 (Hana Seo-Whitfield)` →
/// `Hana Seo-Whitfield`; the part outside the parentheses is a second key), fold case, diacritics and
/// width, split into words at anything that is not a letter or digit (spaces, commas, periods, hyphens
/// of every kind: `-`, U+2010, U+2011), drop single-letter words (initials), and sort the words. So
/// "Kwak, Min-seo", "Min-seo Kwak", "Kwak Min-seo", "KWAK Min Seo" and "Min-seo R. Kwák" all give the
/// key `kwak min seo`: the same multiset of name words is the same person.
public enum PersonNameKey {
    /// The first key of `name` (see the rule above); empty when the name has no word of two letters or more.
    public static func key(_ name: String) -> String { keys(name)[0] }

    /// Every key under which `name` matches: for a bilingual `서하나 (Hana Seo-Whitfield)`, the Latin part's
    /// key first, then the key of the part outside the parentheses; otherwise one key.
    public static func keys(_ name: String) -> [String] {
        guard let open = name.firstIndex(of: "("), let close = name[open...].firstIndex(of: ")") else {
            return [words(name)]
        }
        let inner = String(name[name.index(after: open)..<close])
        let outer = String(name[..<open]) + " " + String(name[name.index(after: close)...])
        let keys = [words(inner), words(outer)].filter { !$0.isEmpty }
        return keys.isEmpty ? [""] : keys
    }

    /// Whether `a` and `b` name the same person: a non-empty key in common.
    public static func same(_ a: String, _ b: String) -> Bool {
        let x = keys(a).filter { !$0.isEmpty }
        return !x.isEmpty && keys(b).contains { x.contains($0) }
    }

    static func words(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        let words = folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        return words.filter { $0.count > 1 }.map(String.init).sorted().joined(separator: " ")
    }
}
