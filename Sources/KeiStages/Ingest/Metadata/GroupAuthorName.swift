import Foundation
import KeiDocument

/// Tells a group author's name ("The Editorial Board", "The Standard Staff", "Reuters", "Korea
/// Economic Institute of America") from a person's, so that it becomes a JATS `<collab>` and is never
/// split into given names and surname.
///
/// A name is a group when it is a known news agency or wire service; or one all-capital word of 2–6
/// letters (`KEI`, `CSIS`); or it starts with "The" and has at least two words; or one of its words
/// names a body of people (`Board`, `Staff`, `Desk`, `Institute`, `University`, `Agency` …); or it
/// ends in a word that names a publication or organisation when last (`Press`, `News`, `Times`,
/// `Group`, `Bank` …); or it joins capitalised words with `of`, `for`, `on`, `and` or `&`, which
/// personal names do not (`Bank of Korea`).
enum GroupAuthorName {
    /// Whether `name` (as displayed) names a group rather than a person.
    static func isGroup(_ name: String) -> Bool {
        let normalized = MetadataText.normalize(name)
        let words = normalized.split(separator: " ").map { String($0) }
        guard let first = words.first else { return false }
        let lower = words.map { word -> String in
            let bare = TextTrimming.trim(word.lowercased(), .punctuationCharacters)
            return bare.isEmpty ? word.lowercased() : bare
        }
        if agencies.contains(lower.joined(separator: " ")) { return true }
        if words.count == 1 {
            let letters = first.filter(\.isLetter)
            return bodyWords.contains(lower[0])
                || ((2...6).contains(letters.count) && letters.allSatisfy(\.isUppercase) && letters.count == first.count)
        }
        if lower.first == "the" { return true }
        if lower.contains(where: { bodyWords.contains($0) }) { return true }
        if let last = lower.last, lastWords.contains(last) { return true }
        if lower.count >= 3, lower.dropFirst().dropLast().contains(where: { connectors.contains($0) }),
           words.first?.first?.isUppercase ?? false, words.last?.first?.isUppercase ?? false {
            return true
        }
        return false
    }

    /// Whether `name` signs for a newsroom's people (`KEI Staff`, `The Foreign Desk`, `Yonhap
    /// Correspondents`): it ends in one of ``collectiveWords``. Such a name after a person's in a byline
    /// ("Minho Kim, KEI Staff") is a second author, never that person's affiliation.
    static func isCollectiveSignature(_ name: String) -> Bool {
        guard let last = MetadataText.normalize(name).split(separator: " ").last else { return false }
        return collectiveWords.contains(TextTrimming.trim(last.lowercased(), .punctuationCharacters))
    }

    /// Words that, last in a name, make it a collective signature (``isCollectiveSignature(_:)``).
    static let collectiveWords: Set<String> = [
        "staff", "staffers", "desk", "newsroom", "reporters", "correspondents", "writers", "contributors", "editors",
    ]

    /// News agencies and wire services that sign articles (lower case, as whole names).
    static let agencies: Set<String> = [
        "reuters", "ap", "the associated press", "associated press", "afp", "agence france-presse", "agence france presse",
        "yonhap", "yonhap news", "yonhap news agency", "bloomberg", "bloomberg news", "xinhua", "kyodo", "kyodo news",
        "kcna", "upi", "united press international", "dpa", "tass", "efe", "ansa", "pti", "press trust of india",
        "jiji", "jiji press", "newsis", "news1", "aap", "cna", "ani", "bernama", "antara", "anadolu",
    ]

    /// Words that make any name containing them a group (bodies of people, organisations).
    static let bodyWords: Set<String> = [
        "staff", "staffers", "board", "team", "desk", "editors", "editorial", "newsroom", "committee", "bureau",
        "correspondents", "reporters", "contributors", "writers", "institute", "institution", "university", "college",
        "centre", "center", "foundation", "council", "agency", "association", "society", "corporation", "ministry",
        "department", "commission", "organization", "organisation", "academy", "laboratory", "secretariat",
        "federation", "coalition", "initiative", "programme", "government", "embassy", "inc", "ltd", "llc", "gmbh",
        "consortium", "taskforce", "panel", "observatory",
    ]

    /// Words that make a name of two or more words a group when they come last.
    static let lastWords: Set<String> = [
        "press", "news", "times", "group", "bank", "network", "forum", "office", "service", "media", "journal",
        "review", "magazine", "daily", "herald", "tribune", "gazette", "weekly", "monthly", "radio", "television",
        "tv", "broadcasting", "studies", "research", "policy", "project", "partners", "fund", "union", "alliance",
        "school", "library", "museum", "archive", "archives", "force", "command",
    ]

    /// Lower-case words that join the parts of an organisation's name, never a person's.
    static let connectors: Set<String> = ["of", "for", "on", "and", "&", "in", "at"]
}
