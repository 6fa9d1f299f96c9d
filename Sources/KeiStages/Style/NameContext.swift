import KeiCore
import KeiDocument

/// Whether a term match stands inside a longer proper name, from the capitals around it: the signal the
/// term kinds use to leave official names as their owners write them ("Department of Defence", "Institute
/// for Defence and Security Studies", "Pusan University Press", "Organisation for Economic Co-operation
/// and Development", "ROK-U.S. Combined Forces Command"). A name keeps its own spelling (The Chicago
/// Manual of Style, 17th ed., ch. 8: names of organizations as the organization writes them; section
/// number not verified).
///
/// **The signal.** The match starts with a capital letter and, in the same sentence and joined only by
/// spaces (no punctuation, no line break):
/// - the word right after it starts with a capital (“Pusan University”, “Defence Ministry”), or a
///   connective ("of", "for", "on", "the", "de") follows and then a word with a capital (“Co-operation
///   and Development” does not count, “Non-Proliferation of Nuclear” does); or
/// - the word right before it starts with a capital and does not start the sentence (“Australian Defence”,
///   “Food Programme”), or one or two connectives come before it and a capitalized word before them
///   (“Department of Defence”, “Treaty on the Non-Proliferation”).
/// With `lowercaseTerm` (the preferred form is a common word: "defense", "labor"), a capitalized match
/// that does not start its sentence is a name too (“the Labour government”, “Labour won”): a common
/// word is capitalized mid-sentence only as (part of) a name.
///
/// In a title or heading every word may be capitalized, so capitals say nothing there: ``isInsideName``
/// is false and callers use ``isHeadline`` to weaken a fix instead. Coordinating "and" is not a
/// connective: “the US and South Korea” is two names, not one.
/// Ranges are UTF-8 byte offsets (0-based, half-open) into the unit's text.
enum NameContext {
    /// Lower-case words that join the parts of a name ("Ministry of Defence", "Institute for Defence").
    static let connectives: Set<String> = ["of", "for", "on", "the", "de"]

    /// What a term rule does with a match, by where it stands.
    enum Treatment: Equatable {
        /// Report it with the rule's fix as the rule's fix policy says.
        case fix
        /// Report it with the fix only suggested (never applied by `--fix`).
        case suggest
        /// Do not report it.
        case skip
    }

    /// The rule's `in-names` policy (`fix`, `suggest` or `skip`; default `fix`) applied to the match at
    /// the UTF-8 range `range` of `unit`, whose preferred form starts lower-case when `lowercaseTerm`:
    /// - inside a longer name (``isInsideName``): the policy;
    /// - in a title or heading, where capitals give no signal: `suggest` unless the policy is `fix`;
    /// - a capitalized match in a note or reference entry: at most `suggest`: a citation gives names,
    ///   publishers and places of publication as the source prints them (The Chicago Manual of Style,
    ///   17th ed., ch. 14; section number not verified), which the text cannot tell from the author's prose;
    /// - a case-sensitive rule in a unit set in capitals (“WHAT IT MEANS FOR US”): `skip`, case tells
    ///   nothing there (“US” or “us”);
    /// - otherwise `fix`.
    static func treatment(_ rule: StyleRule, caseSensitive: Bool, _ unit: TextUnit, _ range: Range<Int>,
                          lowercaseTerm: Bool) -> Treatment {
        if caseSensitive, TermCase.isAllCaps(unit) { return .skip }
        let policy: Treatment
        switch rule.string("in-names") {
        case "skip": policy = .skip
        case "suggest": policy = .suggest
        default: policy = .fix
        }
        if policy != .fix, isInsideName(unit, range, lowercaseTerm: lowercaseTerm) { return policy }
        if policy != .fix, isHeadline(unit) { return .suggest }
        if [.note, .reference].contains(unit.scope), TermCase.startsUpper(unit.string(of: range)) { return .suggest }
        return .fix
    }

    /// Whether `unit` is a title, subtitle or heading, where every word may be capitalized.
    static func isHeadline(_ unit: TextUnit) -> Bool { [.title, .subtitle, .heading].contains(unit.scope) }

    /// Whether the match at the UTF-8 range `range` of `unit` stands inside a longer name (see the type).
    static func isInsideName(_ unit: TextUnit, _ range: Range<Int>, lowercaseTerm: Bool = false) -> Bool {
        guard !isHeadline(unit), !TermCase.isAllCaps(unit), TermCase.startsUpper(unit.string(of: range)) else { return false }
        let sentenceStart = TermCase.startsSentence(unit, range)
        if lowercaseTerm, !sentenceStart { return true }
        let tokens = unit.tokens
        guard let first = tokens.firstIndex(where: { $0.range.upperBound > range.lowerBound }),
              let last = tokens.lastIndex(where: { $0.range.lowerBound < range.upperBound }) else { return false }
        // After: a capitalized word, or connectives and then one.
        var i = last + 1
        var skipped = 0
        while i < tokens.count, joined(unit, tokens[i - 1], tokens[i]), tokens[i].kind == .word {
            let word = unit.string(of: tokens[i].range)
            if TermCase.startsUpper(word) { return true }
            guard connectives.contains(word), skipped < 2 else { break }
            skipped += 1
            i += 1
        }
        // Before: a capitalized word not starting the sentence, or connectives and then a capitalized word.
        var j = first - 1
        skipped = 0
        while j >= 0, joined(unit, tokens[j], tokens[j + 1]), tokens[j].kind == .word {
            let word = unit.string(of: tokens[j].range)
            if TermCase.startsUpper(word) { return skipped > 0 || !TermCase.startsSentence(unit, tokens[j].range) }
            guard connectives.contains(word), skipped < 2 else { break }
            skipped += 1
            j -= 1
        }
        return false
    }

    /// Whether only spaces (or no-break spaces) stand between two tokens: no punctuation, no line break.
    private static func joined(_ unit: TextUnit, _ a: WordToken, _ b: WordToken) -> Bool {
        guard a.range.upperBound < b.range.lowerBound else { return false }
        return unit.string(of: a.range.upperBound..<b.range.lowerBound).allSatisfy { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" }
    }
}
