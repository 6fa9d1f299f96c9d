import KeiCore
import KeiDocument

/// The `typography` rule kind: one typographic fault per rule, named by the rule's `check`. Each finding
/// spans the characters at fault and offers their replacement; the edit is safe only when the rule's
/// fix is `safe` and the characters stand in the source verbatim as one stretch (``StyleFinding``).
///
/// The checks (Chicago Manual of Style, 17th ed.; the house choices are KEI's and documented in
/// `Workflows/styles/kei.yml`):
/// - `straight-quotes` — a straight " or ' where a curly mark belongs (CMOS 6.9, 6.115, 13.28): a mark
///   that opens a quotation (``ScopeKind/quotation`` starts at it) becomes “ or ‘, one that closes it ” or
///   ’; an apostrophe (' between letters, after a letter before a space or punctuation as in "states'",
///   or before a two-digit year as in "'90s") becomes ’, as does each mark of an elision the rule's
///   `elisions` list names, standing as a word ("rock 'n' roll" → "rock ’n’ roll", "'em" → "’em"; CMOS
///   6.115, 7.29 on the apostrophe for omitted letters). A straight mark after a digit that delimits no
///   quotation is left alone: it may be a prime (5'10"), which is not a quotation mark. The marks that
///   delimit a quotation are the author's punctuation, not quoted words, so that quotation's scope does
///   not keep them from being reported; a mark inside another quotation, a cited title, URL or code is.
/// - `hyphen-as-dash` — " - " or "--" (spaced or not) between words used as a dash: an em dash closed up
///   (CMOS 6.85); between two figures an en dash (CMOS 6.78: "1990–2000"). Between two capitalized
///   words ("Seoul - Washington talks") it may be a relation (an en dash, CMOS 6.80) or an aside: the en
///   dash is only suggested, with both readings in the fix text.
/// - `en-dash-range` — a hyphen between two figures that make a range, score or vote: an en dash (CMOS
///   6.78, 9.58–9.59). See ``enDashRanges(_:unit:rule:)`` for what counts as one.
/// - `spaced-em-dash` — white space on either side of an em dash (CMOS 6.85: no space either side).
/// - `double-space` — two or more spaces in a row inside a line (the model collapses ordinary white
///   space, so these come from `&nbsp;`, `&emsp;` and the like beside a space, most often as two
///   spaces after a period): one ordinary space.
/// - `space-before-punctuation` — white space before , . ; : ? ! that is followed by a space, a closing
///   mark or the end (not ".5", ".NET", a spaced ellipsis ". . .", nor the colon of a ratio "3 : 1" with figures
///   on both sides).
/// - `ellipsis` — three periods in a row: the ellipsis character … (KEI house; four in a row, a period and
///   an ellipsis, become ". …" per CMOS 13.53; CMOS 13.50–13.51 and the
///   CMOS Q&A accept either Chicago's spaced periods or the character, used consistently; the character
///   keeps the dots on one line on the web). Spaced periods are left as they are.
///
/// Characters without a source of their own (a title taken from the page's `<title>` or metadata, where
/// " - " is usually the site's separator, has one origin for the whole value: ``KeiDocument/TextUnit/exactSpan(of:)``
/// is nil) are not reported: there is nothing in the source to point at or fix.
///
/// Offsets are UTF-8 bytes (0-based, half-open) into each unit's text; every check is linear in the
/// unit's length. Line breaks ("\n" from `<br>`) are never part of a reported run of white space.
struct TypographyChecker: StyleChecker {
    static let kind = StyleRuleKind.typography
    let rules: [StyleRule]

    init(rules: [StyleRule], sheet: StyleSheet) {
        self.rules = rules
    }

    /// A unit's text as Unicode scalars, with each scalar's UTF-8 offset (and the text's length last).
    struct Scalars {
        let s: [Unicode.Scalar]
        let o: [Int]

        init(_ string: String) {
            var s: [Unicode.Scalar] = [], o: [Int] = []
            var at = 0
            for c in string.unicodeScalars {
                s.append(c)
                o.append(at)
                at += UTF8.width(c)
            }
            o.append(at)
            self.s = s
            self.o = o
        }

        var count: Int { s.count }
        func at(_ i: Int) -> Unicode.Scalar? { i >= 0 && i < s.count ? s[i] : nil }
        /// The UTF-8 range of scalars `i..<j`.
        func range(_ i: Int, _ j: Int) -> Range<Int> { o[i]..<o[j] }
    }

    /// What one check found: the scalars `lower..<upper` and what replaces them.
    struct Fault {
        var lower: Int
        var upper: Int
        var replacement: String
        /// The fault is certain but its replacement is a guess between readings: the fix is only
        /// suggested (unsafe) whatever the rule's policy, with `advice` as the diagnostic's fix text.
        var advice: String? = nil
        /// For a mark of an elision ("'n'"): the scalars of the whole elision. Elision marks are
        /// apostrophes, so no quotation that any of them seems to open or close keeps one from being reported.
        var elision: Range<Int>? = nil
    }

    func check(_ article: StyleArticle) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for unit in article.analysis.units {
            let block = StyleScope.block(unit.scope)
            let live = rules.filter { $0.scopes.contains(block) }
            guard !live.isEmpty, !unit.text.string.isEmpty else { continue }
            let text = Scalars(unit.text.string)
            for rule in live {
                switch rule.string("check") {
                case "straight-quotes":
                    let elisions = rule.list("elisions").map { Array($0.unicodeScalars) }
                    let faults = Self.straightQuotes(text, unit: unit, elisions: elisions)
                    // Quotations that an elision's mark seems to open or close are no quotations.
                    let elided = faults.filter { $0.elision != nil }.map { text.range($0.lower, $0.upper) }
                        .reduce(unit) { Self.withoutQuotationDelimited(by: $1, in: $0) }
                    for f in faults {
                        let r = text.range(f.lower, f.upper)
                        let scoped = Self.withoutQuotationDelimited(by: r, in: f.elision == nil ? unit : elided)
                        guard unit.exactSpan(of: r) != nil, rule.scopes.applies(to: scoped, range: r) else { continue }
                        out.append(StyleFinding.make(rule, unit: unit, range: r, replacement: f.replacement))
                    }
                default:
                    let faults = rule.string("check") == "en-dash-range"
                        ? Self.enDashRanges(text, unit: unit, rule: rule) : Self.faults(rule.string("check"), text)
                    for f in faults {
                        let r = text.range(f.lower, f.upper)
                        guard unit.exactSpan(of: r) != nil, rule.scopes.applies(to: unit, range: r) else { continue }
                        var applied = rule
                        if f.advice != nil, applied.fix == .safe { applied.fix = .unsafe }
                        out.append(StyleFinding.make(applied, unit: unit, range: r, replacement: f.replacement, fixText: f.advice))
                    }
                }
            }
        }
        return out
    }

    static func faults(_ check: String?, _ t: Scalars) -> [Fault] {
        switch check {
        case "hyphen-as-dash": return hyphensAsDashes(t)
        case "spaced-em-dash": return spacedEmDashes(t)
        case "double-space": return doubleSpaces(t)
        case "space-before-punctuation": return spacesBeforePunctuation(t)
        case "ellipsis": return ellipses(t)
        default: return []
        }
    }

    // MARK: Character classes

    /// White space inside a line: space, tab, no-break and the fixed-width spaces (not line breaks).
    static func isSpace(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        if c == " " || c == "\t" { return true }
        return c.value > 0x7F && c.properties.isWhitespace && !isLineBreak(c)
    }

    static func isLineBreak(_ c: Unicode.Scalar) -> Bool {
        ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"].contains(c)
    }

    /// Any white space, line breaks included.
    static func isWhite(_ c: Unicode.Scalar?) -> Bool { c.map { $0.properties.isWhitespace } ?? false }

    static func isLetter(_ c: Unicode.Scalar?) -> Bool { c.map { $0.properties.isAlphabetic } ?? false }

    static func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { $0.properties.numericType == .decimal } ?? false }

    // MARK: Straight quotes

    /// Every straight mark that a curly one should replace (see the type's documentation).
    static func straightQuotes(_ t: Scalars, unit: TextUnit, elisions: [[Unicode.Scalar]] = []) -> [Fault] {
        var opens = Set<Int>(), closes = Set<Int>()
        for s in unit.scopes where s.kind == .quotation {
            opens.insert(s.range.lowerBound)
            closes.insert(s.range.upperBound)
        }
        var out: [Fault] = []
        var elided = 0   // scalars before this index belong to an elision already reported
        for i in 0..<t.count where (t.s[i] == "\"" || t.s[i] == "'") && i >= elided {
            if t.s[i] == "'", let e = elision(at: i, in: t, elisions) {
                for j in i..<i + e.count where t.s[j] == "'" {
                    out.append(Fault(lower: j, upper: j + 1, replacement: "\u{2019}", elision: i..<i + e.count))
                }
                elided = i + e.count
                continue
            }
            let double = t.s[i] == "\""
            let prev = t.at(i - 1), next = t.at(i + 1)
            var replacement: String?
            if opens.contains(t.o[i]) {
                replacement = double ? "\u{201C}" : "\u{2018}"
            } else if closes.contains(t.o[i + 1]) {
                replacement = double ? "\u{201D}" : "\u{2019}"
            } else if !double {
                let yearAfter = isDigit(next) && isDigit(t.at(i + 2)) && !isDigit(t.at(i + 3)) && !isLetter(prev) && !isDigit(prev)
                if (isLetter(prev) && !isDigit(next)) || yearAfter {
                    replacement = "\u{2019}"   // don't, states', '90s
                }
            }
            if let replacement { out.append(Fault(lower: i, upper: i + 1, replacement: replacement)) }
        }
        return out
    }

    /// The elision (a word with apostrophes for left-out letters, as the rule's `elisions` list gives it:
    /// "'n'", "'em", "'tis") that starts with the straight mark at scalar `i`, standing as a word of its
    /// own (no letter or figure touches it on either side); nil when none does. Letters compare without
    /// case; a straight or curly apostrophe in the text matches one in the list.
    static func elision(at i: Int, in t: Scalars, _ elisions: [[Unicode.Scalar]]) -> [Unicode.Scalar]? {
        let prev = t.at(i - 1)
        guard !isLetter(prev), !isDigit(prev) else { return nil }
        func fold(_ c: Unicode.Scalar) -> String { c == "\u{2019}" ? "'" : String(c).lowercased() }
        return elisions.first { e in
            guard i + e.count <= t.count, !isLetter(t.at(i + e.count)), !isDigit(t.at(i + e.count)) else { return false }
            return e.indices.allSatisfy { fold(t.s[i + $0]) == fold(e[$0]) }
        }
    }

    /// `unit` without the quotations that `mark` (a UTF-8 range) opens or closes, so that only the other
    /// scopes around the mark decide whether it is reported.
    static func withoutQuotationDelimited(by mark: Range<Int>, in unit: TextUnit) -> TextUnit {
        guard unit.scopes.contains(where: { $0.kind == .quotation && ($0.range.lowerBound == mark.lowerBound || $0.range.upperBound == mark.upperBound) })
        else { return unit }
        var copy = unit
        copy.scopes.removeAll { $0.kind == .quotation && ($0.range.lowerBound == mark.lowerBound || $0.range.upperBound == mark.upperBound) }
        return copy
    }

    // MARK: Dashes

    /// " - ", " -- " and "--" between words: an em dash closed up, or an en dash between figures.
    static func hyphensAsDashes(_ t: Scalars) -> [Fault] {
        var out: [Fault] = []
        var i = 0
        while i < t.count {
            guard t.s[i] == "-" else { i += 1; continue }
            var j = i
            while j < t.count, t.s[j] == "-" { j += 1 }
            defer { i = j }
            let hyphens = j - i
            let spaceBefore = isSpace(t.at(i - 1)), spaceAfter = isSpace(t.at(j))
            guard hyphens <= 2, spaceBefore == spaceAfter, hyphens == 2 || spaceBefore else { continue }
            let lower = spaceBefore ? i - 1 : i, upper = spaceAfter ? j + 1 : j
            guard let before = t.at(lower - 1), let after = t.at(upper), !isWhite(before), !isWhite(after),
                  before != "-", after != "-" else { continue }
            let figures = isDigit(before) && isDigit(after)
            if !figures, startsCapitalized(t, endingAt: lower), isUppercase(after) {
                // "Seoul - Washington talks": a relation between two names (an en dash) or an aside?
                out.append(Fault(lower: lower, upper: upper, replacement: "\u{2013}",
                                 advice: "Write “–” (an en dash, closed up) if the names stand in a relation (“Seoul–Washington talks”); an em dash “—” if the words between are an aside."))
                continue
            }
            out.append(Fault(lower: lower, upper: upper, replacement: figures ? "\u{2013}" : "\u{2014}"))
        }
        return out
    }

    /// Whether the word that ends before scalar `end` starts with a capital letter.
    static func startsCapitalized(_ t: Scalars, endingAt end: Int) -> Bool {
        var k = end
        while isLetter(t.at(k - 1)) || t.at(k - 1) == "." { k -= 1 }
        return k < end && isUppercase(t.at(k))
    }

    static func isUppercase(_ c: Unicode.Scalar?) -> Bool { c.map { $0.properties.isUppercase } ?? false }

    /// An em dash with white space on either side, between two non-space characters: closed up.
    static func spacedEmDashes(_ t: Scalars) -> [Fault] {
        var out: [Fault] = []
        for i in 0..<t.count where t.s[i] == "\u{2014}" {
            var lower = i, upper = i + 1
            while isSpace(t.at(lower - 1)) { lower -= 1 }
            while isSpace(t.at(upper)) { upper += 1 }
            guard lower < i || upper > i + 1, let before = t.at(lower - 1), let after = t.at(upper),
                  !isWhite(before), !isWhite(after), before != "\u{2014}", after != "\u{2014}" else { continue }
            out.append(Fault(lower: lower, upper: upper, replacement: "\u{2014}"))
        }
        return out
    }

    // MARK: Spaces

    /// Two or more spaces in a row between two non-space characters of one line.
    static func doubleSpaces(_ t: Scalars) -> [Fault] {
        var out: [Fault] = []
        var i = 0
        while i < t.count {
            guard isSpace(t.s[i]) else { i += 1; continue }
            var j = i
            while isSpace(t.at(j)) { j += 1 }
            defer { i = j }
            guard j - i >= 2, let before = t.at(i - 1), let after = t.at(j), !isWhite(before), !isWhite(after) else { continue }
            out.append(Fault(lower: i, upper: j, replacement: " "))
        }
        return out
    }

    /// White space before , . ; : ? ! (see the type's documentation for what is left alone).
    static func spacesBeforePunctuation(_ t: Scalars) -> [Fault] {
        var out: [Fault] = []
        for i in 0..<t.count where [",", ".", ";", ":", "?", "!"].contains(t.s[i]) {
            var lower = i
            while isSpace(t.at(lower - 1)) { lower -= 1 }
            guard lower < i, let before = t.at(lower - 1), !isWhite(before) else { continue }
            let next = t.at(i + 1)
            let ends = next == nil || isWhite(next) || [")", "]", "\u{201D}", "\u{2019}", "\"", "'", "\u{FFFC}"].contains(next!)
            guard ends, !["(", "[", "\u{2014}", "\u{2013}", "-", "/", "\u{201C}", "\u{2018}"].contains(before) else { continue }
            // A ratio or a time written with spaced colon ("3 : 1"): figures on both sides.
            if t.s[i] == ":", isDigit(before) {
                var k = i + 1
                while isSpace(t.at(k)) { k += 1 }
                if isDigit(t.at(k)) { continue }
            }
            // A spaced ellipsis (". . .") and the periods around it.
            if t.s[i] == ".", before == "." || next == "." || (isSpace(next) && t.at(i + 2) == ".") { continue }
            out.append(Fault(lower: lower, upper: i + 1, replacement: String(t.s[i])))
        }
        return out
    }

    // MARK: Ellipsis

    /// Exactly three periods in a row: the ellipsis character. Four in a row are a sentence's period and
    /// an ellipsis (CMOS 13.53: the period closed up to the word, then the ellipsis after a space): ". …".
    static func ellipses(_ t: Scalars) -> [Fault] {
        var out: [Fault] = []
        var i = 0
        while i < t.count {
            guard t.s[i] == "." else { i += 1; continue }
            var j = i
            while t.at(j) == "." { j += 1 }
            if j - i == 3 { out.append(Fault(lower: i, upper: j, replacement: "\u{2026}")) }
            if j - i == 4 { out.append(Fault(lower: i, upper: j, replacement: ". \u{2026}")) }
            i = j
        }
        return out
    }
}
