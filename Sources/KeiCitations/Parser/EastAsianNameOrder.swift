/// Decides whether a personal name written in natural order is East Asian, family name first
/// ("Yoon Suk Yeol", "Kim Jong Un", "Lee Jae-myung", "Xi Jinping"), as the Chicago Manual of Style
/// (17th ed., 8.14–8.16 and 14.81) says Korean, Chinese and Japanese names are written and alphabetised.
///
/// The rule, on the words of one name (2 or 3 words, no initials):
/// - the FIRST word is a common Korean family name (or an unambiguous Chinese one: Xi, Mao, Deng, Zhou,
///   Zhang, Wang, Liu, Zhao, Hu, Wen);
/// - every later word is one or two romanised syllables (Revised Romanization, McCune–Reischauer or
///   Pinyin spelling; hyphenated parts are read part by part): "Suk Yeol", "Jong Un", "Jae-myung", "Jinping";
/// - the LAST word is not itself a family name, unless it is hyphenated ("Kim Min-ji": a hyphenated
///   word is a given name; "Lee Han" with two family names stays in Western order).
/// A name whose first word is hyphenated ("Min-seo Kwak", "Tae-hoon Lim") or not a family name ("Hana
/// Seo-Whitfield", "Sue Mi Terry") is given-first. Known limit: a Western name made of a listed family
/// name and a syllable-shaped given name ("Han Solo") reads as family-first.
enum EastAsianNameOrder {
    static let koreanFamilyNames: Set<String> = [
        "kim", "lee", "yi", "rhee", "ri", "park", "pak", "bak", "choi", "choe", "jung", "jeong", "chung", "kang", "cho", "jo",
        "yoon", "yun", "jang", "chang", "lim", "im", "han", "oh", "seo", "suh", "shin", "sin", "kwon", "hwang", "ahn", "an",
        "song", "ryu", "yoo", "yu", "hong", "jeon", "chun", "ko", "go", "koh", "moon", "mun", "yang", "son", "sohn", "bae",
        "baek", "paik", "heo", "huh", "nam", "noh", "roh", "ha", "kwak", "sung", "cha", "woo", "min", "ban", "byun", "ku", "koo",
    ]
    static let chineseFamilyNames: Set<String> = ["xi", "mao", "deng", "zhou", "zhang", "wang", "liu", "zhao", "hu", "wen"]

    /// Whether `words` (a name's words in written order) is a family-first East Asian name.
    static func isFamilyFirst(_ words: [String]) -> Bool {
        guard (2...3).contains(words.count), isFamilyName(words[0]) else { return false }
        for w in words.dropFirst() {
            guard w.first?.isUppercase == true,
                  w.split(separator: "-").allSatisfy({ isSyllables(Array($0.lowercased()), maxCount: 2) }) else { return false }
        }
        let last = words[words.count - 1]
        return !isFamilyName(last) || last.contains("-")
    }

    static func isFamilyName(_ word: String) -> Bool {
        let w = word.lowercased()
        return koreanFamilyNames.contains(w) || chineseFamilyNames.contains(w)
    }

    static let initials = ["kk", "tt", "pp", "ss", "jj", "ch", "sh", "zh", "ts", "g", "k", "n", "d", "t", "r", "l", "m", "b",
                           "p", "s", "j", "h", "y", "w", "c", "z", "q", "x", "f", ""]
    static let vowels = ["yae", "yeo", "wae", "iao", "uai", "ae", "ya", "eo", "ye", "wa", "oe", "yo", "wo", "we", "wi", "yu",
                         "eu", "ui", "ai", "ao", "ei", "ia", "ie", "iu", "ou", "ua", "uo", "ue", "oo", "a", "e", "i", "o", "u"]
    static let finals = ["ng", "n", "k", "l", "m", "p", "t", "g", "b", "r", ""]

    /// Whether `letters` split into 1…`maxCount` romanised syllables (initial? vowel final?). Words
    /// longer than 12 letters are not tried; the search is bounded by the short lists above.
    static func isSyllables(_ letters: [Character], maxCount: Int) -> Bool {
        guard !letters.isEmpty, letters.count <= 12, maxCount > 0 else { return false }
        for initial in initials where letters.starts(with: initial) {
            let afterInitial = letters.dropFirst(initial.count)
            for vowel in vowels where afterInitial.starts(with: vowel) {
                let afterVowel = afterInitial.dropFirst(vowel.count)
                for final in finals where afterVowel.starts(with: final) {
                    let rest = Array(afterVowel.dropFirst(final.count))
                    if rest.isEmpty || isSyllables(rest, maxCount: maxCount - 1) { return true }
                }
            }
        }
        return false
    }
}
