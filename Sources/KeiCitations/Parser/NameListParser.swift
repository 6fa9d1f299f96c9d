import Foundation

/// Turns the text of an author, editor or translator field into CSL names: "Schaal, S., & Atkeson, C.",
/// "M. Kitsuregawa, H. Tanaka, and T. Moto-oka", "Elena Marsh and Kim Dong-hyun, eds.", "In O. C. A.
/// and D. Card (Ed.),", "translated by Daniel W. Smith", "The White House".
///
/// Role words ("eds.", "edited by", "trans."…) and "et al." are removed and reported. A name written
/// "Family, Given" is split at the comma; one written in natural order takes its last word (with a
/// particle such as "van" or "de") as the family name, except an East Asian name written family-first
/// ("Kim Dong-hyun", "Yoon Suk Yeol", "Xi Jinping"; the rule and its source: ``EastAsianNameOrder``). Organisations
/// ("Ministry of …", "The White House", all-capital acronyms, names of more than four words) become
/// `literal` names.
public enum NameListParser {
    public struct Result: Sendable, Hashable {
        public var names: [CSLName]
        /// A role word marked the names as editors ("ed.", "eds.", "edited by", "(Ed.)").
        public var editors: Bool
        /// A role word marked the names as translators ("trans.", "translated by").
        public var translators: Bool
        /// "et al." followed the names.
        public var etAl: Bool
    }

    static let editorWords: Set<String> = ["ed", "eds", "editor", "editors", "edited", "(ed)", "(eds)", "hrsg", "hg", "éd", "éds", "(hrsg)"]
    static let translatorWords: Set<String> = ["trans", "translated", "translator", "translators", "tr", "(trans)"]
    static let dropWords: Set<String> = ["in", "by", "and", "&", "with", "et", "al", "others", "ibid", "see", "also", "cf", "eds", "ed"]
    static let particles: Set<String> = ["van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le", "bin", "ibn", "al", "st"]
    static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]
    static let organisationWords: Set<String> = ["house", "ministry", "department", "office", "council", "committee", "agency",
                                                 "government", "association", "bank", "nations", "center", "centre", "foundation",
                                                 "institute", "institution", "university", "commission", "service", "command",
                                                 "republic", "organization", "organisation", "congress", "senate", "assembly",
                                                 "administration", "forces", "staff", "bureau", "corporation", "company", "press",
                                                 "group", "union", "secretariat", "network", "state", "states", "party", "board",
                                                 "court", "parliament", "embassy", "mission", "news", "agency", "program", "project",
                                                 "society", "fund", "reuters", "yonhap", "kcna", "library", "museum", "forum"]

    public static func parse(_ text: String) -> Result {
        // "———." stands for the previous entry's author (CMOS 14.67): kept as written, as a literal.
        let bare = text.trimmingScalars { TextScan.isWhitespace($0) || $0 == "," || $0 == "." }
        if bare.count >= 2, bare.unicodeScalars.allSatisfy({ $0 == "—" || $0 == "–" || $0 == "-" || $0 == "_" }) {
            return Result(names: [CSLName(literal: bare)], editors: false, translators: false, etAl: false)
        }
        var editors = false
        var translators = false
        var etAl = false
        // Words, with role words, "et al." and leading "In" removed; "and"/"&"/";" kept as separators.
        var cleaned: [String] = []
        let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        var i = 0
        while i < words.count {
            let w = words[i]
            let bare = w.lowercased().trimmingScalars(in: [",", ".", ":", ";"])
            if editorWords.contains(bare) || editorWords.contains(bare.replacingAll(".", with: "")) {
                editors = true
                if i + 1 < words.count, words[i + 1].lowercased() == "by" { i += 1 }
                markComma(&cleaned); i += 1; continue
            }
            if translatorWords.contains(bare) || translatorWords.contains(bare.replacingAll(".", with: "")) {
                translators = true
                if i + 1 < words.count, words[i + 1].lowercased() == "by" { i += 1 }
                markComma(&cleaned); i += 1; continue
            }
            if bare == "et", i + 1 < words.count, words[i + 1].lowercased().hasPrefix("al") {
                etAl = true; markComma(&cleaned); i += 2; continue
            }
            if cleaned.isEmpty && (bare == "in" || bare == "by") { i += 1; continue }
            cleaned.append(w)
            i += 1
        }
        // Chunks separated by "and", "&", ";".
        var chunks: [[String]] = [[]]
        for w in cleaned {
            let lower = w.lowercased()
            if lower == "and" || lower == "&" || lower == "and," || lower == "with" {
                chunks.append([]); continue
            }
            if w.hasSuffix(";") {
                chunks[chunks.count - 1].append(String(w.dropLast()))
                chunks.append([]); continue
            }
            chunks[chunks.count - 1].append(w)
        }
        var names: [CSLName] = []
        for chunk in chunks where !chunk.isEmpty {
            names.append(contentsOf: namesInChunk(chunk.joined(separator: " ")))
        }
        return Result(names: names, editors: editors, translators: translators, etAl: etAl)
    }

    /// Marks the end of a name when a role word sat between names ("Smith, ed., and Jones").
    private static func markComma(_ cleaned: inout [String]) {
        if let last = cleaned.last, !last.hasSuffix(",") { cleaned[cleaned.count - 1] = last + "," }
    }

    static func namesInChunk(_ chunk: String) -> [CSLName] {
        let parts = chunk.split(separator: ",").map { clean(String($0)) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return [] }
        if parts.count == 1 { return [natural(parts[0])].compactMap { $0 } }
        // "M. Kitsuregawa, H. Tanaka": every part a name in natural order.
        let wordCounts = parts.map { $0.split(separator: " ").count }
        let looksNatural = wordCounts.allSatisfy { $0 >= 2 } && !isInitials(parts[1]) && !isSuffix(parts[1])
        if looksNatural || isOrganisation(parts.joined(separator: " ")) && parts.count == 1 {
            return parts.compactMap(natural)
        }
        // "Family, Given[, Family, Given…]", with "Jr." kept on the given name.
        var names: [CSLName] = []
        var i = 0
        while i < parts.count {
            let family = parts[i]
            if i + 1 < parts.count {
                var given = parts[i + 1]
                i += 2
                if i < parts.count, isSuffix(parts[i]) { given += ", " + parts[i]; i += 1 }
                if isOrganisation(family) && family.split(separator: " ").count > 1 {
                    names.append(CSLName(literal: family))
                    if let n = natural(given) { names.append(n) }
                } else {
                    names.append(CSLName(family: family, given: given))
                }
            } else {
                if let n = natural(family) { names.append(n) }
                i += 1
            }
        }
        return names
    }

    /// A name in natural order ("Daniel R. Okafor", "Kim Dong-hyun", "The White House").
    static func natural(_ text: String) -> CSLName? {
        let name = clean(text)
        guard !name.isEmpty else { return nil }
        let words = name.split(separator: " ").map(String.init)
        if words.count == 1 || isOrganisation(name) || words.count > 4 { return CSLName(literal: name) }
        if EastAsianNameOrder.isFamilyFirst(words) {
            return CSLName(family: words[0], given: words.dropFirst().joined(separator: " "))
        }
        var familyStart = words.count - 1
        if familyStart > 0, suffixes.contains(words[familyStart].lowercased().trimmingScalars(in: ["."])) {
            // "Martin Luther King Jr." → family King, given "Martin Luther, Jr." is over-fitting; keep it simple.
            familyStart -= 1
        }
        while familyStart > 1, particles.contains(words[familyStart - 1].lowercased()) { familyStart -= 1 }
        let family = words[familyStart...].joined(separator: " ")
        let given = words[..<familyStart].joined(separator: " ")
        return CSLName(family: family, given: given.isEmpty ? nil : given)
    }

    static func isOrganisation(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        if words.first?.lowercased() == "the" { return true }
        for w in words {
            let bare = w.lowercased().trimmingScalars(TextScan.isPunctuation)
            if organisationWords.contains(bare) { return true }
            if bare == "of" || bare == "for" { return true }
        }
        if words.count == 1, let w = words.first, w.count >= 2, w.allSatisfy({ $0.isUppercase || $0 == "-" || $0 == "&" }) {
            return true
        }
        return false
    }

    static func isInitials(_ s: String) -> Bool {
        let letters = s.filter { $0.isLetter }
        return !letters.isEmpty && letters.allSatisfy { $0.isUppercase } && letters.count <= 4 && (s.unicodeScalars.contains(".") || letters.count <= 2)
    }

    static func isSuffix(_ s: String) -> Bool {
        suffixes.contains(s.lowercased().trimmingScalars(in: ["."]))
    }

    /// Trims white space, brackets and the punctuation around a name ("(Ed.)," "“", trailing "." after
    /// a family name but not after an initial).
    static func clean(_ text: String) -> String {
        var s = text.trimmingScalars(TextScan.isWhitespace)
        s = s.trimmingScalars { TextScan.isWhitespace($0) || ",;:()[]“”\"‘’—–-".unicodeScalars.contains($0) }
        // A final period ends a family name; keep it after an initial ("Given R.").
        if s.hasSuffix("."), let last = s.split(separator: " ").last, last.filter({ $0.isLetter }).count > 1,
           !(last.dropLast().unicodeScalars.contains(".")) {
            s.removeLast()
        }
        return s
    }
}
