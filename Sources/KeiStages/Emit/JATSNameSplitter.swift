import Foundation

/// Decides whether a displayed personal name can be split into surname and given names.
///
/// The article model only has the name as displayed. A wrong split is worse than none (it ends up
/// in citation metadata, e.g. "Lee Jae Myung" filed under surname "Myung"), so a name is split only
/// when it is unambiguous: two or three capitalised Latin-script words, no comma, no particle
/// ("van", "de"), no suffix ("Jr.", "III"), and no word before the last that is a common romanised
/// Korean surname (Korean names are often written surname first, "Kim Jong Un", "Lee Jae-won"), unless
/// that word is a hyphenated given name ("Min-seo Kwak"); a last word that is a hyphenated given name
/// ("Kim Min-seo") also says the surname came first. A Korean surname as the last word after a word
/// that is no surname is the given-name-first order ("Victor Cha", "Duyeon Kim"). The last word is
/// then the surname (western order). A name written "Surname, Given" (Highwire `citation_author`)
/// says its order and is split at the comma, a generational suffix after it ("Surname, Given, Jr.")
/// becoming the JATS `<suffix>`, a trailing lower-case particle ("Jong, Michiel de") the start of the
/// surname ("de Jong"). Everything else is written as `<string-name>`.
enum JATSNameSplitter {
    /// Romanised Korean surnames (the common spellings of the most frequent family names).
    static let koreanSurnames: Set<String> = [
        "kim", "gim", "lee", "yi", "rhee", "ri", "rhie", "park", "pak", "bak", "pae", "choi", "choe", "chey",
        "jung", "jeong", "chung", "cheong", "kang", "gang", "cho", "jo", "joe", "yoon", "yun", "jang", "chang",
        "lim", "im", "rim", "han", "oh", "o", "seo", "suh", "so", "shin", "sin", "shim", "sim", "kwon", "gwon",
        "hwang", "ahn", "an", "song", "jeon", "chun", "jun", "hong", "yoo", "yu", "ryu", "ryoo", "lyu", "you",
        "ko", "go", "koh", "moon", "mun", "yang", "son", "sohn", "bae", "pai", "baek", "paik", "back", "heo",
        "huh", "hur", "nam", "noh", "roh", "no", "ha", "kwak", "gwak", "sung", "seong", "cha", "joo", "ju",
        "woo", "u", "min", "koo", "ku", "gu", "na", "ra", "jin", "chin", "ji", "chi", "um", "eom", "uhm",
        "chae", "won", "bang", "pang", "pyo", "byun", "byeon", "pyun", "gil", "kil", "yeo", "yuh", "choo",
        "chu", "do", "doh", "tak", "hyun", "hyeon", "kong", "gong", "maeng", "myung", "myeong", "seok", "suk",
        "sul", "seol", "ok", "wang", "ban", "yeom", "yum", "hahm", "ham", "pyeon", "kyung", "gyeong", "bong",
        "ma", "jegal", "namgung", "hwangbo", "sunwoo", "dokgo", "seomun",
    ]

    /// Suffixes and degrees that make a simple split unsafe.
    static let suffixes: Set<String> = ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "md", "m.d."]

    /// The surname, given names and generational suffix (`Jr.`, only in the "Surname, Given" form)
    /// when the split is unambiguous, nil otherwise.
    static func split(_ displayName: String) -> (surname: String, givenNames: String, suffix: String?)? {
        let name = TextTrimming.whitespacesAndNewlines(displayName)
        if name.contains(",") { return splitInverted(name) }
        let words = name.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" || $0 == "\n" })
            .map(String.init)
        guard (2...3).contains(words.count) else { return nil }
        for (i, word) in words.enumerated() {
            guard isCapitalisedLatinWord(word) else { return nil }
            let lower = word.lowercased()
            if suffixes.contains(lower) { return nil }
            // A Korean surname in the last word is the western order ("Victor Cha", "Hana Seo-Whitfield").
            // Before the last word it may be a surname written first ("Kim Jong Un", "Lee Jae-won"): no split,
            // unless the word is a hyphenated given name ("Min-seo Kwak", "Ji-won Park"), which is never a surname.
            if i == words.count - 1 || isHyphenatedGivenName(word) { continue }
            for part in lower.split(separator: "-") where koreanSurnames.contains(String(part)) {
                return nil
            }
        }
        if words.count > 1, isHyphenatedGivenName(words[words.count - 1]) { return nil }
        return (words[words.count - 1], words[0..<(words.count - 1)].joined(separator: " "), nil)
    }

    /// A romanised Korean given name written with a hyphen between its two syllables: "Min-seo",
    /// "Jae-won", "Tae-hoon" (each part 1 to 5 letters, the second in lower case, as the Revised
    /// Romanization and McCune–Reischauer customs write given names). A hyphenated surname such as
    /// "Seo-Whitfield" capitalises its second part.
    static func isHyphenatedGivenName(_ word: String) -> Bool {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let second = parts[1].first, second.isLowercase else { return false }
        return parts.allSatisfy { (1...5).contains($0.count) && $0.allSatisfy(\.isLetter) }
    }

    /// Generational suffixes a "Surname, Given" name may end with, as written: `Jr`/`Sr` with or
    /// without the dot, Roman numerals in capitals (not `V`, which may be an initial).
    static let generationalSuffixes: Set<String> = ["Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"]

    /// The "Surname, Given Names" form (Highwire `citation_author`: "Lee, Jae-won", "Doe, Jane A."),
    /// which says which part is the surname, Korean names included: a surname of one or two
    /// capitalised Latin words, one to three given names, then optionally a generational suffix after
    /// a comma or a space ("Seo-Whitfield, Hana, Jr.", "Doe, John III"); no degree.
    static func splitInverted(_ name: String) -> (surname: String, givenNames: String, suffix: String?)? {
        let parts = name.split(separator: ",", omittingEmptySubsequences: false)
            .map { TextTrimming.whitespaces(String($0)) }
        guard (2...3).contains(parts.count) else { return nil }
        let surname = parts[0].split(separator: " ").map(String.init)
        var given = parts[1].split(separator: " ").map(String.init)
        var suffix: String?
        if parts.count == 3 {
            guard generationalSuffixes.contains(parts[2]) else { return nil }
            suffix = parts[2]
        } else if given.count > 1, let last = given.last, generationalSuffixes.contains(last) {
            suffix = given.removeLast()
        }
        // "Jong, Michiel de" (IETF, library catalogues): a trailing particle belongs to the surname, "de Jong".
        var particles: [String] = []
        while given.count > 1, let last = given.last, surnameParticles.contains(last) {
            particles.insert(given.removeLast(), at: 0)
        }
        guard (1...2).contains(surname.count), (1...3).contains(given.count),
              (surname + given).allSatisfy(isCapitalisedLatinWord),
              !given.contains(where: { suffixes.contains($0.lowercased()) }) else { return nil }
        return ((particles + surname).joined(separator: " "), given.joined(separator: " "), suffix)
    }

    /// Lower-case surname particles that an inverted name may put after the given names ("Jong, Michiel de").
    static let surnameParticles: Set<String> = ["de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "la", "le", "ter", "ten"]

    /// An upper-case Latin letter followed by Latin letters, hyphens, apostrophes or periods. Latin letters
    /// are ASCII and the letters of Latin-1 Supplement and Latin Extended-A/B ("Søren", "Ægidius-Nørby",
    /// "Łukasz"), precomposed (the ingest normalises to NFC).
    private static func isCapitalisedLatinWord(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, isLatinLetter(first), first.properties.isUppercase else { return false }
        for u in word.unicodeScalars.dropFirst() {
            let ok = isLatinLetter(u) || u == "-" || u == "'" || u == "\u{2019}" || u == "."
            if !ok { return false }
        }
        return true
    }

    /// ASCII letters and the letters of U+00C0–U+024F (Latin-1 Supplement without × and ÷, Latin Extended-A and -B).
    private static func isLatinLetter(_ u: Unicode.Scalar) -> Bool {
        (u >= "a" && u <= "z") || (u >= "A" && u <= "Z")
            || ((0xC0...0x24F).contains(u.value) && u.value != 0xD7 && u.value != 0xF7 && u.properties.isAlphabetic)
    }
}
