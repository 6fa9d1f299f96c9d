import KeiDocument

/// Case helpers shared by the term rule kinds (substitution, existence, consistency, proper nouns).
enum TermCase {
    /// `s` with every run of white space written as one space.
    static func spaced(_ s: String) -> String {
        guard s.contains(where: { $0.isWhitespace && $0 != " " }) || s.contains("  ") else { return s }
        return s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `s` with its first letter upper-cased ("defense" → "Defense"); unchanged when it has no letter first.
    static func capitalizingFirst(_ s: String) -> String {
        guard let first = s.first, first.isLowercase else { return s }
        return first.uppercased() + s.dropFirst()
    }

    /// Whether `s` starts with an upper-case letter.
    static func startsUpper(_ s: String) -> Bool { s.first?.isUppercase ?? false }

    /// Whether the unit is set in capitals: it has at least two cased letters and none is lower-case
    /// ("THE ALLIANCE AT SEVENTY").
    static func isAllCaps(_ unit: TextUnit) -> Bool {
        var upper = 0
        for c in unit.text.string where c.isCased {
            if c.isLowercase { return false }
            upper += 1
        }
        return upper >= 2
    }

    /// Whether the UTF-8 range `range` of `unit` starts a sentence: only non-letters and non-digits
    /// (an opening quotation mark or parenthesis, a note marker) stand between the sentence's start and
    /// it. A title or heading unit starts a sentence at its start.
    static func startsSentence(_ unit: TextUnit, _ range: Range<Int>) -> Bool {
        let start = unit.sentences.last(where: { $0.lowerBound <= range.lowerBound })?.lowerBound ?? 0
        return !unit.string(of: start..<range.lowerBound).contains { $0.isLetter || $0.isNumber }
    }

    /// The preferred form `preferred` as it should stand in place of `match` at `range` of `unit`:
    /// all capitals in a unit set in capitals, a capital first letter when the match has one and the
    /// preferred form starts lower-case (at a sentence start, or a capitalized word in a heading), else as written.
    static func fitted(_ preferred: String, replacing match: String, in unit: TextUnit) -> String {
        if isAllCaps(unit), match.contains(where: \.isCased), !match.contains(where: \.isLowercase) { return preferred.uppercased() }
        if startsUpper(match), !startsUpper(preferred) { return capitalizingFirst(preferred) }
        return preferred
    }

    /// Whether `match` already reads as `preferred` where it stands: equal, or `preferred` capitalized at a
    /// sentence start (or in a title or heading), or in capitals in a unit set in capitals.
    /// White space inside the match counts as one space (a no-break space keeping a name together is fine).
    static func reads(_ match: String, as preferred: String, in unit: TextUnit, at range: Range<Int>) -> Bool {
        let match = spaced(match)
        if match == preferred { return true }
        if match == capitalizingFirst(preferred),
           startsSentence(unit, range) || [.title, .subtitle, .heading].contains(unit.scope) { return true }
        return isAllCaps(unit) && match == preferred.uppercased()
    }
}
