import Foundation
import KeiDocument

/// Turns byline text into authors: `By Jane Doe and John Roe`, `Jane Doe, Korea University`,
/// `Written by A, B & C`, `Dr. Jane Doe, PhD`, `By The Editorial Board`, `Reuters`, `Korea Economic
/// Institute of America`. Text after a date, `|`, `Published`, `Updated` or `Edited by` is dropped.
/// Honorifics before a name (`Dr.`, `Prof.`) and degrees after it (`, PhD`) are not part of the name;
/// `, Jr.` / `, III` are. A group byline (``GroupAuthorName``) is one group author, even when its name
/// contains `and` (`Center for Strategic and International Studies`). A group or institution after a
/// person's name is their affiliation (`Jane Doe, Reuters`), after a group author's another group
/// author (`Staff Reporter, Yonhap`), since a group has no affiliation.
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
        if let parsed = splitAuthors(s), parsed.allSatisfy({ $0.kind == .person || isSelfContainedGroup($0.name) }) {
            return parsed
        }
        // "Center for Strategic and International Studies": split on "and", its parts are not names.
        if !s.contains(","), !s.contains(";"), let group = groupName(s) {
            return [Author(name: group, kind: .group)]
        }
        return splitAuthors(s) ?? []
    }

    /// The one author an element marked as a name holds (`<span class="author-name">`, `<a rel="author">`):
    /// a group author when its text is a group's name, else a person without leading `By` or honorifics;
    /// nil when the text is neither.
    static func author(named text: String) -> Author? {
        let s = stripLeadingBy(MetadataText.normalize(text))
        if GroupAuthorName.isGroup(s), let group = groupName(s) { return Author(name: group, kind: .group) }
        return cleanName(stripHonorifics(s)).map { Author(name: $0) }
    }

    /// The authors a structured-data value names (meta `author`, `article:author`, a JSON-LD `author`
    /// string): read as a byline (`Jane Doe and John Roe`, `Dr. Jane Doe, PhD`), else one author named
    /// by the whole value, cleaned by ``structuredAuthor(named:)``.
    static func authors(fromStructured value: String) -> [Author] {
        let parsed = authors(from: value)
        return parsed.isEmpty ? [structuredAuthor(named: value)] : parsed
    }

    /// The author a structured-data name field names (`citation_author`, `DC.creator`, a JSON-LD
    /// `name`): a group author when ``GroupAuthorName`` says so, else a person whose name is cleaned
    /// by ``personName(_:)``.
    static func structuredAuthor(named name: String) -> Author {
        GroupAuthorName.isGroup(name) ? Author(name: name, kind: .group) : Author(name: personName(name))
    }

    /// A person's name as structured data writes it, cleaned as bylines are: without honorifics before
    /// it (`Dr.`, `Prof.`) and degrees after it (`, PhD`, `, M.D.`, ` Ph.D.`), keeping a generational
    /// suffix (`, Jr.`) and the comma of `Surname, Given`; `name` (normalised) when nothing would remain.
    static func personName(_ name: String) -> String {
        var parts = MetadataText.normalize(name).split(separator: ",").map { MetadataText.normalize(String($0)) }
            .filter { !$0.isEmpty }
        while parts.count > 1, let last = parts.last, degrees.contains(last.lowercased().filter(\.isLetter)) {
            parts.removeLast()
        }
        guard !parts.isEmpty else { return MetadataText.normalize(name) }
        // A degree written without a comma only when its spelling shows it is one (`Ph.D.`, `PhD`), not a
        // surname (`Ma`, `MA`).
        var words = parts[parts.count - 1].split(separator: " ")
        while words.count > 1, let last = words.last, degrees.contains(last.lowercased().filter(\.isLetter)),
              last.contains(".") || (last.contains(where: \.isLowercase) && last.filter(\.isUppercase).count >= 2) {
            words.removeLast()
        }
        parts[parts.count - 1] = words.joined(separator: " ")
        // `Dr. Park Ji-won`, and `Park, Dr. Ji-won` (surname first).
        return parts.map(stripHonorifics).joined(separator: ", ")
    }

    /// The byline split on `and`, `&`, `;` and commas into names, affiliations, degrees and suffixes;
    /// nil when a part is none of these.
    private static func splitAuthors(_ s: String) -> [Author]? {
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
            let bare = part.lowercased().filter { $0.isLetter }
            if lastChunkHasName, let last = authors.indices.last {
                if degrees.contains(bare) { continue }
                if nameSuffixes.contains(bare) {
                    authors[last].name += " " + part
                    continue
                }
                // "Minho Kim, KEI Staff": a collective signature is another author, not an affiliation.
                if GroupAuthorName.isCollectiveSignature(part) {
                    authors.append(Author(name: part, kind: .group))
                    continue
                }
                // "Staff Reporter, Yonhap": a group has no affiliation, so a group or institution after a
                // group author is another group author.
                if authors[last].kind == .group, isInstitution(part) || GroupAuthorName.isGroup(part) {
                    authors.append(Author(name: part, kind: .group))
                    continue
                }
                if isInstitution(part) || GroupAuthorName.isGroup(part) {
                    let existing = authors[last].affiliation
                    authors[last].affiliation = existing.map { $0 + ", " + part } ?? part
                    continue
                }
            }
            guard let author = author(named: part) else { return nil }
            authors.append(author)
            lastChunkHasName = true
        }
        return authors.count > 12 || authors.isEmpty ? nil : authors
    }

    /// Whether a group name found as one part of a split byline stands on its own (`The Editorial
    /// Board`, `Reuters`) rather than being a piece of a longer name cut at an `and`.
    private static func isSelfContainedGroup(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard let first = words.first, let last = words.last else { return false }
        let lowerLast = last.lowercased()
        return first.lowercased() == "the" || words.count == 1 || GroupAuthorName.agencies.contains(name.lowercased())
            || GroupAuthorName.bodyWords.contains(lowerLast) || GroupAuthorName.lastWords.contains(lowerLast)
    }

    /// The name when `s` reads as a group author's name: 1–15 words, starting with a letter, no
    /// `@` or URL, at most 120 characters, and a group by ``GroupAuthorName/isGroup(_:)``.
    static func groupName(_ s: String) -> String? {
        let name = trimSeparators(MetadataText.normalize(s))
        guard !name.isEmpty, name.count <= 120, let first = name.first, first.isLetter,
              !name.contains("@"), !TextSearch.contains(name, "://"), GroupAuthorName.isGroup(name) else { return nil }
        let words = name.split(separator: " ")
        return (1...15).contains(words.count) ? name : nil
    }

    /// Academic degrees and credentials written after a name (compared without dots and spaces).
    static let degrees: Set<String> = [
        "phd", "dphil", "md", "jd", "mba", "mpp", "mpa", "ma", "ms", "msc", "mphil", "ba", "bs", "bsc", "llm", "llb",
        "edd", "esq", "cfa", "cpa", "rn", "pe", "dds", "psyd", "facp", "frcp",
    ]

    /// Generational suffixes that belong to the name (`Martin Luther King, Jr.`).
    static let nameSuffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]

    /// Honorifics and titles written before a name, lower case without the dot.
    static let honorifics: Set<String> = [
        "dr", "prof", "professor", "mr", "mrs", "ms", "mx", "miss", "sir", "dame", "amb", "ambassador", "hon",
        "rev", "gen", "col", "adm", "lt", "capt", "sen", "rep", "gov",
    ]

    /// `s` without leading honorifics (`Dr. Jane Doe` → `Jane Doe`); unchanged when nothing would remain.
    static func stripHonorifics(_ s: String) -> String {
        var words = s.split(separator: " ")
        while words.count > 1, let first = words.first, first.first?.isUppercase ?? false,
              honorifics.contains(first.lowercased().filter { $0.isLetter }),
              first.count <= 11 {
            words.removeFirst()
        }
        return words.joined(separator: " ")
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
        var words = name.split(separator: " ")
        // A name written twice ("Dana Imaginary Dana Imaginary": a tooltip or screen-reader copy) is one name.
        if words.count >= 2, words.count % 2 == 0, words[..<(words.count / 2)].elementsEqual(words[(words.count / 2)...]) {
            words = Array(words[..<(words.count / 2)])
        }
        guard (1...6).contains(words.count) else { return nil }
        let lowerStarts = words.filter { $0.first?.isLowercase ?? false }
        guard lowerStarts.allSatisfy({ nameParticles.contains(String($0)) }) else { return nil }
        return words.joined(separator: " ")
    }
}
