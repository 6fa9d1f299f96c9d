import KeiCore
import KeiDocument

extension TypographyChecker {
    /// The `en-dash-range` check: a hyphen between two figures that make a range, a score or a vote
    /// becomes an en dash (CMOS 17th ed., 6.78: "pp. 12–14", "1990–2000", "a 5–4 vote"; the CMOS Q&A on
    /// scores). Only pairs whose reading is certain are reported, so identifiers keep their hyphens:
    /// - the pair is two runs of ASCII digits joined by one hyphen, with nothing but white space or an
    ///   opening bracket before it and nothing but white space, sentence punctuation, a closing mark or a
    ///   note marker after it — so "F-35", "KN-23", "Hwasong-17", "COVID-19", ISO dates "2025-12-15",
    ///   phone numbers "02-1234-5678", "12-14.5" and "3/12-14" are never reported;
    /// - and one of: the word before is one of the rule's `labels` ("pp. 12-14", "pages 3-5", also after
    ///   a list "pp. 3, 12-14"); in a note or reference, it follows "):" (a journal's pages, "(2020):
    ///   12-34"); the word before (or before "was", "of", "by") is one of the rule's `scores` and both
    ///   figures have one to three digits ("the vote was 5-4"); or the figures are years, four digits
    ///   each (1000–2100) and the second larger ("1990-2000"), or four and two digits with the second
    ///   larger than the first's last two and than 12 ("1950-53"; "2011-12" may be a year and month).
    /// After "from" or "between" nothing is reported: CMOS 9.59 writes "from 1990 to 2000" there, not a
    /// dash. A pair touched by a letter ("FY2019-20") or after "No." is an identifier and is left alone.
    ///
    /// Offsets are scalar indices into `t`; linear in the unit's length (each hyphen looks at a bounded
    /// number of words before it).
    static func enDashRanges(_ t: Scalars, unit: TextUnit, rule: StyleRule) -> [Fault] {
        let labels = Set(rule.list("labels").map { $0.lowercased() })
        let scores = Set(rule.list("scores").map { $0.lowercased() })
        let citation = unit.scope == .note || unit.scope == .reference
        var out: [Fault] = []
        for i in 0..<t.count where t.s[i] == "-" {
            var ls = i
            while ls > 0, isASCIIDigit(t.s[ls - 1]) { ls -= 1 }
            var re = i + 1
            while re < t.count, isASCIIDigit(t.s[re]) { re += 1 }
            guard ls < i, re > i + 1, opensPair(t.at(ls - 1)), closesPair(t, at: re) else { continue }
            let left = String(String.UnicodeScalarView(t.s[ls..<i])), right = String(String.UnicodeScalarView(t.s[(i + 1)..<re]))
            let words = wordsBefore(t, ls, count: 2)
            let word = words.first ?? ""
            guard !["from", "between", "no.", "nos.", "#"].contains(word) else { continue }
            let isRange = labelsAround(t, ls, labels) || (citation && word.hasSuffix("):"))
            let scoreWord = ["was", "of", "by"].contains(word) ? (words.count > 1 ? words[1] : "") : word
            let isScore = scores.contains(scoreWord) && left.count <= 3 && right.count <= 3
            guard isRange || isScore || isYearRange(left, right) else { continue }
            out.append(Fault(lower: i, upper: i + 1, replacement: "\u{2013}"))
        }
        return out
    }

    static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool { c.isASCII && isDigit(c) }

    /// What may stand before a range's first figure: the start, white space, an opening bracket.
    static func opensPair(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return true }
        return isWhite(c) || c == "(" || c == "["
    }

    /// What may stand after a range's last figure (at scalar `k`): the end, white space, a closing mark,
    /// a note marker, or , . ; : ? ! followed by no figure.
    static func closesPair(_ t: Scalars, at k: Int) -> Bool {
        guard let c = t.at(k) else { return true }
        if isWhite(c) || [")", "]", "\u{201D}", "\u{2019}", "\u{FFFC}"].contains(c) { return true }
        return [",", ".", ";", ":", "?", "!"].contains(c) && !isDigit(t.at(k + 1))
    }

    /// Up to `count` words before scalar `k` (nearest first), lowercased, without opening brackets.
    static func wordsBefore(_ t: Scalars, _ k: Int, count: Int) -> [String] {
        var out: [String] = []
        var e = k
        while out.count < count {
            while e > 0, isWhite(t.s[e - 1]) || t.s[e - 1] == "(" || t.s[e - 1] == "[" { e -= 1 }
            var b = e
            while b > 0, !isWhite(t.s[b - 1]) { b -= 1 }
            guard b < e else { break }
            out.append(String(String.UnicodeScalarView(t.s[b..<e])).lowercased())
            e = b
        }
        return out
    }

    /// Whether a range label stands before scalar `k`, directly or before a list of figures and ranges
    /// ("pp. 3, 12-14"), looking back at most six words.
    static func labelsAround(_ t: Scalars, _ k: Int, _ labels: Set<String>) -> Bool {
        for word in wordsBefore(t, k, count: 6) {
            if labels.contains(word) { return true }
            let item = word.hasSuffix(",") ? word.dropLast() : Substring(word)
            guard word.hasSuffix(","), !item.isEmpty,
                  item.unicodeScalars.allSatisfy({ isASCIIDigit($0) || $0 == "-" || $0 == "\u{2013}" }) else { return false }
        }
        return false
    }

    /// Two year figures in order (see ``enDashRanges(_:unit:rule:)``).
    static func isYearRange(_ left: String, _ right: String) -> Bool {
        guard left.count == 4, let l = Int(left), (1000...2100).contains(l), let r = Int(right) else { return false }
        if right.count == 4 { return r > l && r <= 2100 }
        return right.count == 2 && r > l % 100 && r > 12
    }
}
