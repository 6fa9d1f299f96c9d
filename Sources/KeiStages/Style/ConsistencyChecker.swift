import KeiCore
import KeiDocument

/// The `consistency` rule kind: each of a rule's `groups` lists forms that name one thing ("percent",
/// "per cent", "%"; "Lee Jae Myung", "Lee Jae-myung"). Within an article (and, through
/// `lint.issue-consistency`, across an issue) one form of each group should be used: the forms are counted
/// where the rule's scopes apply, the form used most is the majority (a tie goes to the form listed first
/// of those tied), and every occurrence of another form is reported with the majority form as its fix
/// (an edit, unsafe unless the rule's `fix` is `safe`).
///
/// Forms are found by the shared ``TermMatcher``, as written unless `case-sensitive: false`; overlapping
/// matches of one rule count once (the one starting first, then the longest). A form of symbols
/// ("%") and a word form ("percent") trade places with the space a figure needs: "3%" → "3 percent",
/// "3 percent" → "3%" (the edit takes the space too; the finding spans only the form).
/// An occurrence the rule's `in-names: skip` keeps out (inside a longer name: “Organisation for Economic
/// Co-operation and Development”, “ROK-U.S. Combined Forces Command”; see ``NameContext``) is neither
/// counted nor reported, and a case-sensitive rule counts nothing in a unit set in capitals.
/// Message placeholders: `{match}`, `{replacement}` and `{majority}` (the majority form), `{count}` (how
/// often the reported form is used), `{majorityCount}`, `{uses}` and `{majorityUses}` (the same counts
/// in words: “once”, “5 times”), `{forms}` (every form used, with its count).
struct ConsistencyChecker: StyleChecker {
    static let kind = StyleRuleKind.consistency
    let rules: [StyleRule]
    let terms: [TermPattern]

    /// One counted occurrence of a form.
    struct Occurrence {
        var rule: StyleRule
        var group: Int
        var form: Int
        var unit: Int
        var range: Range<Int>
    }

    init(rules: [StyleRule], sheet: StyleSheet) {
        self.rules = rules
        terms = rules.flatMap { rule in
            rule.groups("groups").enumerated().flatMap { g, forms in
                forms.enumerated().map { f, form in
                    TermPattern(rule: rule.id, index: Self.index(group: g, form: f), text: form,
                                caseSensitive: rule.bool("case-sensitive", default: true))
                }
            }
        }
    }

    static func index(group: Int, form: Int) -> Int { group << 16 | form }

    func check(_ article: StyleArticle) -> [Diagnostic] {
        let found = occurrences(article.analysis, matches: article.matches)
        var out: [Diagnostic] = []
        for rule in rules {
            let forms = rule.groups("groups")
            for (g, group) in forms.enumerated() {
                let these = found.filter { $0.rule.id == rule.id && $0.group == g }
                let counts = Self.counts(these, forms: group.count)
                guard let majority = Self.majority(counts) else { continue }
                let used = counts.enumerated().filter { $0.element > 0 }.map { "“\(group[$0.offset])” (\($0.element))" }
                for o in these where o.form != majority {
                    out.append(finding(o, unit: article.analysis.units[o.unit], majority: group[majority],
                                       values: Self.countValues(counts[o.form], majority: counts[majority],
                                                                forms: used.joined(separator: ", "))))
                }
            }
        }
        return out
    }

    /// Every occurrence of every form of every rule in `analysis`, where its rule's scopes apply, in
    /// reading order per rule (`matches` from ``TermMatcher``).
    /// A word form of a group that also has a symbol form ("percent" beside "%") counts only after a
    /// figure ("5 percent", not "a fraction of a percent"), where the symbol could stand.
    func occurrences(_ analysis: ArticleAnalysis, matches: [String: [TermMatch]]) -> [Occurrence] {
        rules.flatMap { rule in
            let groups = rule.groups("groups")
            return SubstitutionChecker.leftmostLongest(matches[rule.id] ?? []).compactMap { m -> Occurrence? in
                let unit = analysis.units[m.unit]
                guard rule.scopes.applies(to: unit, range: m.range) else { return nil }
                let o = Occurrence(rule: rule, group: m.index >> 16, form: m.index & 0xFFFF, unit: m.unit, range: m.range)
                let forms = groups[o.group]
                if NameContext.treatment(rule, caseSensitive: rule.bool("case-sensitive", default: true), unit, m.range,
                                         lowercaseTerm: !TermCase.startsUpper(forms[o.form])) == .skip { return nil }
                if Self.isWord(forms[o.form]), forms.contains(where: { !Self.isWord($0) }), !Self.followsFigure(unit, m.range) { return nil }
                return o
            }
        }
    }

    /// The count placeholders of a finding: `{count}`, `{majorityCount}` (figures), `{uses}`,
    /// `{majorityUses}` (“once”, “5 times”) and `{forms}`.
    static func countValues(_ count: Int, majority: Int, forms: String) -> [String: String] {
        ["count": String(count), "majorityCount": String(majority), "uses": times(count),
         "majorityUses": times(majority), "forms": forms]
    }

    /// “once”, “2 times”.
    static func times(_ n: Int) -> String { n == 1 ? "once" : "\(n) times" }

    /// Whether a form is written in letters ("percent"), not symbols ("%").
    static func isWord(_ form: String) -> Bool { form.first?.isLetter ?? false }

    /// Whether a figure and one space (or none) come right before the UTF-8 range `range` ("5 percent").
    static func followsFigure(_ unit: TextUnit, _ range: Range<Int>) -> Bool {
        let before = unit.string(of: max(0, range.lowerBound - 8)..<range.lowerBound)
        var rest = Substring(before)
        if let last = rest.last, last.isWhitespace { rest = rest.dropLast() }
        return rest.last?.isNumber ?? false
    }

    /// How often each of a group's `forms` forms occurs among `occurrences` (all of one group).
    static func counts(_ occurrences: [Occurrence], forms: Int) -> [Int] {
        var counts = Array(repeating: 0, count: forms)
        for o in occurrences { counts[o.form] += 1 }
        return counts
    }

    /// The majority form's index when at least two forms are used: the highest count, the first listed
    /// on a tie; nil when the group is used consistently (or not at all).
    static func majority(_ counts: [Int]) -> Int? {
        guard counts.filter({ $0 > 0 }).count >= 2, let top = counts.max() else { return nil }
        return counts.firstIndex(of: top)
    }

    /// The finding for an occurrence of a minority form, with `majority` as its fix.
    func finding(_ o: Occurrence, unit: TextUnit, majority: String, values: [String: String]) -> Diagnostic {
        var values = values
        values["majority"] = majority
        values["replacement"] = majority
        let found = unit.string(of: o.range)
        let text = Array(unit.text.string.utf8)
        let isWord = Self.isWord
        var editRange = o.range
        var replacement = o.rule.bool("case-sensitive", default: true) ? majority : TermCase.fitted(majority, replacing: found, in: unit)
        if isWord(majority), !isWord(found), o.range.lowerBound > 0, (0x30...0x39).contains(text[o.range.lowerBound - 1]) {
            replacement = " " + replacement
        } else if !isWord(majority), isWord(found), o.range.lowerBound >= 2, text[o.range.lowerBound - 1] == 0x20,
                  (0x30...0x39).contains(text[o.range.lowerBound - 2]) {
            editRange = o.range.lowerBound - 1..<o.range.upperBound
        }
        var d = StyleFinding.make(o.rule, unit: unit, range: o.range, replacement: replacement, values: values,
                                  fixText: "Write “\(majority)”.")
        if editRange != o.range {
            let edit = StyleFinding.make(o.rule, unit: unit, range: editRange, replacement: replacement).edits
            d.edits = edit
        }
        return d
    }
}
