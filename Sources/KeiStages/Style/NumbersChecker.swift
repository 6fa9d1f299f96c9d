import KeiCore
import KeiDocument

/// The `numbers` rule kind, from the word tokens of the shared analysis (a ``WordToken/Kind/number``
/// token is digits with internal "," or "." and an optional "%"; "5th", "5G" and "5-year" are words).
///
/// `check: spell-out` — a whole number from one to nine written as a single figure in running text is
/// spelled out (KEI house, the Korea Policy issue's "one to nine"; CMOS 17th ed. 9.2 spells out one
/// through one hundred, 9.3 allows the one-to-nine alternative; at the start of a sentence it is spelled
/// out with a capital, 9.5). The figure stays a figure, and nothing is reported, when:
/// - a unit follows it (the rule's `units`: "5 km", "3 percent", "2 million", "4 p.m."; CMOS 9.16–9.18);
/// - it is a label or reference number: after one of the rule's `labels` ("Article 5", "No. 3", "p. 7",
///   "Phase 2") or after a capitalized word inside the sentence ("Hwasong 5", "Track 2"); CMOS 9.28–9.30;
/// - it is part of a date ("June 5", "5 June"; CMOS 9.31);
/// - anything but white space touches it before ("$5", "(5", "-5", "2+2", "1/2") or anything but , . ;
///   ? ! ) or a closing quote or note marker touches it after ("5:30", "3–4", "5-year" is already a word),
///   or it is an enumerator at the start of a unit or line ("1. Introduction", "<br>2. Norway");
/// - a number or another figure stands next to it ("5 10" in data), or only a joining mark stands
///   between them (a ratio "3 : 1", a score or vote "5 - 4");
/// - its sentence also holds a figure of ten or more that is not a year (CMOS 9.7: numbers of one
///   category in one context are treated alike — "between 5 and 12 ships").
/// The fix writes the word ("three", "Three" at the start of a sentence).
///
/// `check: thousands-separator` — a number of five or more digits before the decimal point without
/// commas gets them ("12000" → "12,000"; CMOS 9.55). Four-digit numbers are left alone (CMOS 9.55 lets
/// them stand without a comma, and years never take one), as are numbers that are labels or
/// identifiers by the same tests as above ("No. 12345", "Executive Order 14024", "DC 20006") and numbers
/// touched by anything but sentence punctuation ("02-1234-5678", "20006-1234").
///
/// `check: digit-grouping` — a number whose commas do not group its digits in threes ("9,4 million",
/// "1,23,456"): a decimal comma becomes a point, other groupings are regrouped (CMOS 9.55; the fix is
/// only suggested, since the author's meaning decides). Labels are left alone as above.
///
/// A figure after one of the rule's `currencies` ("KRW 9000000000000") is an amount, not a label, though
/// the code is a capitalized word.
///
/// Scopes come from the rule (KEI leaves tables, captions and notes alone: figures there are data and
/// citations). Offsets are UTF-8 bytes into each unit's text; each rule is one pass over a unit's tokens.
struct NumbersChecker: StyleChecker {
    static let kind = StyleRuleKind.numbers
    let rules: [StyleRule]

    init(rules: [StyleRule], sheet: StyleSheet) {
        self.rules = rules
    }

    static let words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    static let months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december", "jan.", "feb.", "mar.", "apr.",
                                      "aug.", "sept.", "sep.", "oct.", "nov.", "dec."]
    /// Marks that join two figures read together: a ratio, a score or vote, a fraction, a product.
    static let joiners: Set<String> = [":", "-", "\u{2013}", "/", "\u{00D7}"]
    /// What may touch a figure on its right and leave it a number of running text.
    static let trailing: Set<String> = [",", ".", ";", "?", "!", ")", "\u{201D}", "\u{2019}", "\"", "\u{FFFC}"]

    func check(_ article: StyleArticle) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for rule in rules {
            let context = Context(rule: rule)
            for unit in article.analysis.units where rule.scopes.contains(StyleScope.block(unit.scope)) {
                for k in unit.tokens.indices where unit.tokens[k].kind == .number {
                    let range = unit.tokens[k].range
                    let replacement: String?
                    switch rule.string("check") {
                    case "spell-out": replacement = context.spelledOut(k, in: unit)
                    case "thousands-separator": replacement = context.separated(k, in: unit)
                    case "digit-grouping": replacement = context.regrouped(k, in: unit)
                    default: replacement = nil
                    }
                    guard let replacement, rule.scopes.applies(to: unit, range: range) else { continue }
                    out.append(StyleFinding.make(rule, unit: unit, range: range, replacement: replacement))
                }
            }
        }
        return out
    }

    /// One rule's word lists, and the tests on a number token's neighbours.
    struct Context {
        let units: Set<String>
        let labels: Set<String>
        let currencies: Set<String>

        init(rule: StyleRule) {
            units = Set(rule.list("units").map { $0.lowercased() })
            labels = Set(rule.list("labels").map { $0.lowercased() })
            currencies = Set(rule.list("currencies").map { $0.lowercased() })
        }

        /// The word for the figure at token `k` when the spell-out rule reports it, else nil.
        func spelledOut(_ k: Int, in unit: TextUnit) -> String? {
            let tokens = unit.tokens
            let text = unit.string(of: tokens[k].range)
            guard text.utf8.count == 1, let digit = Int(text), (1...9).contains(digit),
                  isRunningNumber(k, in: unit), !isNextToNumber(k, in: unit) else { return nil }
            if let next = nextWord(k, in: unit), units.contains(next.lowercased()) || NumbersChecker.months.contains(next.lowercased()) {
                return nil
            }
            guard let sentence = unit.sentenceIndex(containing: tokens[k].range) else { return nil }
            let bounds = unit.sentences[sentence]
            for t in sentenceTokens(around: k, in: unit, bounds: bounds) where t.kind == .number {
                let digits = unit.string(of: t.range).filter(\.isNumber)
                guard let value = Int(digits.prefix(18)) else { continue }
                if value >= 10 && !(digits.count == 4 && (1000...2100).contains(value)) { return nil }
            }
            let word = NumbersChecker.words[digit - 1]
            return isSentenceStart(k, in: unit) ? word.prefix(1).uppercased() + word.dropFirst() : word
        }

        /// The number at token `k` with thousands separators when the rule reports it, else nil.
        func separated(_ k: Int, in unit: TextUnit) -> String? {
            let text = unit.string(of: unit.tokens[k].range)
            guard !text.contains(",") else { return nil }
            var integer = Substring(text), rest = Substring("")
            if let dot = text.firstIndex(of: ".") { integer = text[..<dot]; rest = text[dot...] }
            if rest.filter({ $0 == "." }).count > 1 { return nil }   // 3.2.1: a section number
            guard integer.count >= 5, integer.allSatisfy(\.isASCII), integer.allSatisfy(\.isNumber),
                  isRunningNumber(k, in: unit) else { return nil }
            var grouped = ""
            for (i, c) in integer.enumerated() {
                if i > 0 && (integer.count - i) % 3 == 0 { grouped += "," }
                grouped.append(c)
            }
            return grouped + rest
        }

        /// The number at token `k` written right when its commas do not group the digits in threes (the
        /// digit-grouping rule), else nil: one comma before one or two digits is a decimal comma ("9,4"
        /// → "9.4"; CMOS 9.21, 9.55), any other wrong grouping is regrouped ("1,23,456" → "123,456").
        func regrouped(_ k: Int, in unit: TextUnit) -> String? {
            let text = unit.string(of: unit.tokens[k].range)
            guard text.contains(","), !text.hasSuffix("%"), isRunningNumber(k, in: unit) else { return nil }
            var integer = Substring(text), rest = Substring("")
            if let dot = text.firstIndex(of: ".") { integer = text[..<dot]; rest = text[dot...] }
            let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
            guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }), rest.filter({ $0 == "." }).count <= 1
            else { return nil }
            let right = groups.first!.count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 }
            guard !right else { return nil }
            if groups.count == 2, groups[1].count <= 2, rest.isEmpty { return "\(groups[0]).\(groups[1])" }
            let digits = groups.joined()
            var grouped = ""
            for (i, c) in digits.enumerated() {
                if i > 0 && (digits.count - i) % 3 == 0 { grouped += "," }
                grouped.append(c)
            }
            return grouped + rest
        }

        /// Whether the number at token `k` reads as a quantity in running text: nothing but white space
        /// touches it before, only sentence punctuation after, it is no list enumerator, and the word
        /// before it is no label, month or capitalized word inside the sentence.
        func isRunningNumber(_ k: Int, in unit: TextUnit) -> Bool {
            let tokens = unit.tokens
            let range = tokens[k].range
            if k > 0, tokens[k - 1].range.upperBound == range.lowerBound { return false }
            if k + 1 < tokens.count, tokens[k + 1].range.lowerBound == range.upperBound {
                let next = unit.string(of: tokens[k + 1].range)
                guard tokens[k + 1].kind == .punctuation || tokens[k + 1].kind == .marker,
                      NumbersChecker.trailing.contains(next) else { return false }
                // An enumerator at the start of a line: "1. Introduction", "<br>2) Norway".
                let lineStart = k == 0 || unit.string(of: tokens[k - 1].range.upperBound..<range.lowerBound).contains("\n")
                if lineStart && (next == "." || next == ")") { return false }
            }
            guard let (w, previous) = previousWord(k, in: unit) else { return true }
            let lower = previous.lowercased()
            if labels.contains(lower) || NumbersChecker.months.contains(lower) { return false }
            if currencies.contains(lower) { return true }
            return previous.first?.isUppercase != true || isSentenceStart(w, in: unit)
        }

        /// The word before token `k` (its token index and text), with the period that closes it when
        /// the tokenizer left that apart ("p." in "p. 5", "no." in "no. 3").
        func previousWord(_ k: Int, in unit: TextUnit) -> (Int, String)? {
            let tokens = unit.tokens
            guard k > 0 else { return nil }
            if tokens[k - 1].kind == .word { return (k - 1, unit.string(of: tokens[k - 1].range)) }
            guard k > 1, tokens[k - 2].kind == .word, tokens[k - 2].range.upperBound == tokens[k - 1].range.lowerBound,
                  unit.string(of: tokens[k - 1].range) == "." else { return nil }
            return (k - 2, unit.string(of: tokens[k - 2].range) + ".")
        }

        /// Whether token `k` is the first word of its sentence (after any opening punctuation).
        func isSentenceStart(_ k: Int, in unit: TextUnit) -> Bool {
            guard let s = unit.sentenceIndex(containing: unit.tokens[k].range) else { return false }
            let bounds = unit.sentences[s]
            var i = k - 1
            while i >= 0, unit.tokens[i].range.lowerBound >= bounds.lowerBound {
                if unit.tokens[i].kind != .punctuation { return false }
                i -= 1
            }
            return true
        }

        /// The other tokens of the sentence `bounds` that holds token `k` (walking out from `k`, so the
        /// cost is the sentence's length, not the unit's).
        func sentenceTokens(around k: Int, in unit: TextUnit, bounds: Range<Int>) -> [WordToken] {
            var out: [WordToken] = []
            var i = k - 1
            while i >= 0, unit.tokens[i].range.lowerBound >= bounds.lowerBound { out.append(unit.tokens[i]); i -= 1 }
            i = k + 1
            while i < unit.tokens.count, unit.tokens[i].range.lowerBound < bounds.upperBound { out.append(unit.tokens[i]); i += 1 }
            return out
        }

        /// Whether a number token stands right before or after token `k` with only white space between,
        /// or with only a joining mark between (a ratio "3 : 1", a score or vote "5 - 4", "5 – 4", "2 / 3",
        /// "3 × 4"): figures that are read together stay figures (CMOS 9.7, 6.78 on scores and votes).
        func isNextToNumber(_ k: Int, in unit: TextUnit) -> Bool {
            let tokens = unit.tokens
            if (k > 0 && tokens[k - 1].kind == .number) || (k + 1 < tokens.count && tokens[k + 1].kind == .number) { return true }
            func joins(_ j: Int) -> Bool {
                tokens[j].kind != .word && tokens[j].kind != .number && NumbersChecker.joiners.contains(unit.string(of: tokens[j].range))
            }
            return (k > 1 && tokens[k - 2].kind == .number && joins(k - 1))
                || (k + 2 < tokens.count && tokens[k + 2].kind == .number && joins(k + 1))
        }

        /// The word or unit sign after token `k`, if the next token is one (a word, or "%" alone).
        func nextWord(_ k: Int, in unit: TextUnit) -> String? {
            guard k + 1 < unit.tokens.count else { return nil }
            let next = unit.tokens[k + 1]
            guard next.kind == .word || next.kind == .punctuation else { return nil }
            return unit.string(of: next.range)
        }
    }
}
