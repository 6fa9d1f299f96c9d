import KeiCore
import KeiDocument

/// Finds the people of the style's vocabulary in an article, for `full-name-first`: each full name and
/// each surname used alone, in reading order (places as ``FirstUsePlace`` gives them). Linear in the
/// article's tokens.
///
/// A full name matches in any case and with hyphens or spaces between its parts ("Lee Jae-myung" is Lee
/// Jae Myung's full name as far as first use goes; the romanization is the consistency rules' matter),
/// skipping middle initials ("Donald J. Trump") and with a possessive ending ("Lee Jae Myung’s").
/// A surname alone matches case-sensitively, with a possessive ending, and only when it is not part of
/// another name: not followed by a capitalized word ("Kim Yo Jong", "Lee Myung-bak") and not preceded by
/// a capitalized word that is neither a title ("President Lee") nor the first word of its sentence
/// ("Sung Kim", "Melania Trump").
struct NameScanner: Sendable {
    let people: [StylePerson]
    /// Each person's full name as normalized words, by its first word.
    let byFirst: [String: [(person: Int, words: [String])]]
    /// The people with each surname.
    let bySurname: [String: [Int]]

    /// Capitalized words that may stand before a surname without being a given name (lower-cased).
    static let titles: Set<String> = [
        "president", "presidents", "president-elect", "vice", "prime", "minister", "ministers", "secretary", "chairman",
        "chairwoman", "chair", "general", "gen.", "admiral", "adm.", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr",
        "ambassador", "amb.",
        "senator", "sen.", "representative", "rep.", "leader", "leaders", "director", "governor", "gov.", "speaker",
        "premier", "king", "queen", "emperor", "chancellor", "commissioner", "deputy", "envoy", "former", "then",
        "comrade", "marshal", "supreme", "lieutenant", "colonel", "col.", "lt.", "professor", "prof.", "justice", "mayor",
        "candidate", "nominee", "lady", "chief", "commander", "foreign", "defense", "unification", "state",
    ]

    init(vocabulary: StyleVocabulary) {
        people = vocabulary.people
        var byFirst: [String: [(Int, [String])]] = [:]
        var bySurname: [String: [Int]] = [:]
        for (i, person) in people.enumerated() {
            let words = AcronymScanner.words(person.fullName).map(AcronymScanner.normalized)
            if let first = words.first { byFirst[first, default: []].append((i, words)) }
            bySurname[person.surname, default: []].append(i)
        }
        self.byFirst = byFirst.mapValues { $0.sorted { $0.1.count > $1.1.count } }
        self.bySurname = bySurname
    }

    var isEmpty: Bool { people.isEmpty }

    /// Every mention in `analysis`, in reading order.
    /// `unitPieces[i]` are the word pieces of `analysis.units[i]` (``FirstUseChecker/pieces(of:)``: empty
    /// outside the first-use parts), cut once per article for both scanners.
    func scan(_ analysis: ArticleAnalysis, pieces unitPieces: [[WordPiece]]) -> [NameMention] {
        var out: [NameMention] = []
        for (index, unit) in analysis.units.enumerated() where FirstUsePlace.part(of: unit.scope) != nil {
            let pieces = unitPieces[index]
            var p = 0
            while p < pieces.count {
                if let (person, count, suffix) = fullName(at: p, in: pieces) {
                    let range = pieces[p].range.lowerBound..<pieces[p + count - 1].range.upperBound
                    if let place = FirstUsePlace.of(unit, range: range) {
                        out.append(NameMention(kind: .fullName, people: [person], unit: index, place: place, range: range,
                                               core: range.lowerBound..<(range.upperBound - suffix)))
                    }
                    p += count
                    continue
                }
                let (stem, suffix) = WordPiece.withoutPossessive(pieces[p].text)
                if let persons = bySurname[stem], standsAlone(p, in: pieces, unit: unit, possessive: suffix > 0),
                   let place = FirstUsePlace.of(unit, range: pieces[p].range) {
                    let range = pieces[p].range
                    out.append(NameMention(kind: .surname, people: persons, unit: index, place: place, range: range,
                                           core: range.lowerBound..<(range.upperBound - suffix)))
                }
                p += 1
            }
        }
        return out
    }

    /// The person whose full name starts at piece `p`, the pieces it takes and its possessive ending's bytes.
    func fullName(at p: Int, in pieces: [WordPiece]) -> (Int, Int, Int)? {
        for (person, words) in byFirst[AcronymScanner.normalized(pieces[p].text)] ?? [] {
            var q = p + 1, w = 1, suffix = 0
            while w < words.count, q < pieces.count {
                let text = pieces[q].text
                if Self.isInitial(text) { q += 1; continue }
                var normalized = AcronymScanner.normalized(text)
                if w == words.count - 1, normalized != words[w] {
                    let (stem, s) = WordPiece.withoutPossessive(text)
                    normalized = AcronymScanner.normalized(stem)
                    suffix = s
                }
                guard normalized == words[w] else { break }
                w += 1
                q += 1
            }
            if w == words.count { return (person, q - p, suffix) }
        }
        return nil
    }

    /// "J." in "Donald J. Trump".
    static func isInitial(_ text: String) -> Bool {
        text.count == 2 && text.hasSuffix(".") && text.first?.isUppercase == true
    }

    /// Whether the surname at piece `p` stands alone: not inside another person's name.
    func standsAlone(_ p: Int, in pieces: [WordPiece], unit: TextUnit, possessive: Bool) -> Bool {
        let piece = pieces[p]
        let tokens = unit.tokens
        // Inside a hyphenated word ("Trump-Kim") the neighbours are other names or words, not given names.
        if p + 1 < pieces.count, pieces[p + 1].token == piece.token + 1, !possessive,
           pieces[p + 1].range.lowerBound == tokens[piece.token + 1].range.lowerBound,
           pieces[p + 1].text.first?.isUppercase == true {
            return false
        }
        if p > 0, pieces[p - 1].token == piece.token - 1, piece.range.lowerBound == tokens[piece.token].range.lowerBound {
            let previous = tokens[piece.token - 1]
            let word = unit.string(of: previous.range)
            let isSentenceStart = unit.sentences.contains { $0.lowerBound == previous.range.lowerBound }
            if word.first?.isUppercase == true, !Self.titles.contains(word.lowercased()), !isSentenceStart {
                return false
            }
        }
        return true
    }
}
