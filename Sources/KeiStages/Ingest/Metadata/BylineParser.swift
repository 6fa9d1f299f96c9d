import Foundation
import KeiDocument

/// Turns byline text into authors: `By Jane Doe and John Roe`, `Jane Doe, Korea University`,
/// `Written by A, B & C`. Text after a date, `|`, `Published`, `Updated` or `Edited by` is dropped.
enum BylineParser {
    /// Words that mark a comma-separated part as an affiliation rather than another name.
    static let institutionWords: Set<String> = [
        "university", "institute", "institution", "college", "center", "centre", "school", "foundation",
        "ministry", "academy", "council", "department", "kei", "corporation", "association", "agency",
        "laboratory", "hospital", "office", "program", "programme", "society", "organization",
        "organisation", "bank", "museum", "government", "embassy", "commission", "professor", "fellow",
        "director", "lecturer", "researcher", "president", "chair", "editor", "correspondent", "analyst",
        "inc", "ltd", "llc", "press", "times", "news", "post", "journal", "review", "studies",
        "affairs", "research", "policy", "economics", "forces", "army", "navy", "force",
    ]

    /// Authors named in `text`, or `[]` when it does not read as a byline.
    static func authors(from text: String) -> [Author] {
        var s = MetadataText.normalize(text)
        s = stripLeadingBy(s)
        s = cutTrailingNoise(s)
        if s.isEmpty || s.count > 300 { return [] }
        var parts: [String] = []
        var rest = s
        for sep in [" and ", " & ", ";", " AND "] {
            rest = TextSearch.replacing(sep, with: "\u{1F}", in: rest)
        }
        for chunk in rest.split(separator: "\u{1F}") {
            for p in chunk.split(separator: ",") { parts.append(String(p)) }
            parts.append("\u{1E}")
        }
        var authors: [Author] = []
        var lastChunkHasName = false
        for raw in parts {
            if raw == "\u{1E}" { lastChunkHasName = false; continue }
            let part = MetadataText.normalize(removeParentheses(raw))
            if part.isEmpty { continue }
            if isInstitution(part), lastChunkHasName, let last = authors.indices.last {
                let existing = authors[last].affiliation
                authors[last].affiliation = existing.map { $0 + ", " + part } ?? part
                continue
            }
            guard let name = cleanName(part) else { return [] }
            authors.append(Author(name: name))
            lastChunkHasName = true
        }
        return authors.count > 12 ? [] : authors
    }

    /// Removes `By`, `Written by`, `Author:`, `Authors:` at the start.
    static func stripLeadingBy(_ s: String) -> String {
        let lower = s.lowercased()
        for prefix in ["written by ", "posted by ", "story by ", "words by ", "by: ", "by ", "authors: ", "author: ",
                       "authors ", "author "] where lower.hasPrefix(prefix) {
            return TextTrimming.whitespaces(String(s.dropFirst(prefix.count)))
        }
        return s
    }

    /// Cuts the text at the first date, `|`, `•`, or a `Published`/`Updated`/`Edited by` phrase.
    static func cutTrailingNoise(_ s: String) -> String {
        var cut = s.endIndex
        let lower = s.lowercased()
        for marker in noiseMarkers {
            if let r = TextSearch.caseInsensitiveRange(of: marker, in: s, lowercased: lower), r.lowerBound < cut {
                cut = r.lowerBound
            }
        }
        var head = String(s[..<cut])
        // Cut before a written date ("March 25, 2015") or any number.
        let words = head.split(separator: " ", omittingEmptySubsequences: true)
        for (i, w) in words.enumerated() {
            let bare = TextTrimming.trim(String(w), .punctuationCharacters).lowercased()
            let nextIsDigit = i + 1 < words.count && (words[i + 1].first?.isNumber ?? false)
            if (HumanDateParser.months[bare] != nil && nextIsDigit) || (w.first?.isNumber ?? false) {
                head = words[..<i].joined(separator: " ")
                break
            }
        }
        return trimSeparators(MetadataText.normalize(head))
    }

    /// Markers after which byline text is noise (lower case; matched ignoring case).
    static let noiseMarkers = ["|", "•", "·", " published", " updated", " edited by", " posted", " photographs by",
                               " photos by", " illustrations by", " follow ", " email", " twitter", " http", "\u{2014}"]

    /// Separator punctuation and spaces trimmed from the ends of names and byline text.
    static let separatorCharacters = CharacterSet(charactersIn: ",;:-–— ")

    /// `s` without separator punctuation and spaces at its ends.
    static func trimSeparators(_ s: String) -> String {
        TextTrimming.trim(s, separatorCharacters)
    }

    static func removeParentheses(_ s: String) -> String {
        var out = ""
        var depth = 0
        for ch in s {
            if ch == "(" { depth += 1; continue }
            if ch == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(ch) }
        }
        return out
    }

    static func isInstitution(_ s: String) -> Bool {
        let words = s.lowercased().split(whereSeparator: { !$0.isLetter })
        return words.contains { institutionWords.contains(String($0)) }
    }

    /// Lower-case words allowed inside a name.
    static let nameParticles: Set<String> = ["de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "y", "del"]

    /// The name when `s` reads as a person's or organisation's name: 1–6 words starting with a
    /// letter, no digits, no `@`, no URL, at most 80 characters.
    static func cleanName(_ s: String) -> String? {
        let name = trimSeparators(MetadataText.normalize(s))
        guard !name.isEmpty, name.count <= 80, let first = name.first, first.isLetter,
              !name.contains("@"), !TextSearch.contains(name, "://"), !name.contains(where: { $0.isNumber }) else { return nil }
        let words = name.split(separator: " ")
        guard (1...6).contains(words.count) else { return nil }
        let lowerStarts = words.filter { $0.first?.isLowercase ?? false }
        guard lowerStarts.allSatisfy({ nameParticles.contains(String($0)) }) else { return nil }
        return name
    }
}
