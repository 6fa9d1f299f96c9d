import KeiCore
import KeiDocument

/// Applies the house style's `consistency` rules across the whole issue: each group's forms are counted
/// over every article (where the rule's scopes apply), the form used most in the issue is the majority
/// (a tie goes to the form listed first), and every occurrence of another form is reported with the
/// majority as its fix and, in the message, which articles use each form ("“%” (chips-trust-and-trade: 3)
/// vs “percent” (allying-against-adversaries: 12, consultation-before-crisis: 4)").
///
/// An occurrence that `lint.style` already reports with the same fix (the article's own minority form,
/// with the same majority) is not reported again. Findings carry the rule's id, its severity and the
/// article's id, and are located at the words in the article's source: the runner resolves an issue
/// stage's spans to line and column against that article's source, and applies its suppressions,
/// as it does for article stages. Fixes are only suggested (issue stages run after emission).
public struct IssueConsistencyStage: IssueStage {
    public static let description = StageDescription(
        id: "lint.issue-consistency",
        summary: "Across the issue, one form of each house-style consistency group; reports minority forms with the articles using each.",
        kind: .issue
    )

    let checker: ConsistencyChecker?
    let matcher: TermMatcher

    public init(options: StageOptions) throws {
        guard let sheet = options.style else {
            throw KeiError.stage("lint.issue-consistency needs a house style: name one with 'style:' in the journal file or in the workflow")
        }
        let rules = sheet.rules(of: .consistency)
        checker = rules.isEmpty ? nil : ConsistencyChecker(rules: rules, sheet: sheet)
        matcher = TermMatcher(checker?.terms ?? [])
    }

    public var reportedRules: [StageMessage] {
        checker?.rules.map { StageMessage($0.id, $0.severity, $0.description) } ?? []
    }

    /// One article's occurrences, with what is needed to report them.
    private struct Counted {
        var id: String
        var analysis: ArticleAnalysis
        var occurrences: [ConsistencyChecker.Occurrence]
    }

    public func run(_ context: inout IssueContext) throws {
        guard let checker else { return }
        let counted: [Counted] = context.articles.compactMap { outcome in
            guard let article = outcome.article else { return nil }
            let analysis = ArticleAnalysis(article)
            return Counted(id: outcome.entry.id, analysis: analysis,
                           occurrences: checker.occurrences(analysis, matches: matcher.matches(in: analysis)))
        }
        for rule in checker.rules {
            for (g, forms) in rule.groups("groups").enumerated() {
                let perArticle = counted.map { a in
                    ConsistencyChecker.counts(a.occurrences.filter { $0.rule.id == rule.id && $0.group == g }, forms: forms.count)
                }
                let total = forms.indices.map { f in perArticle.reduce(0) { $0 + $1[f] } }
                guard let majority = ConsistencyChecker.majority(total) else { continue }
                let usage = forms.indices.filter { total[$0] > 0 }.map { f in
                    "“\(forms[f])” (" + counted.indices.filter { perArticle[$0][f] > 0 }
                        .map { "\(counted[$0].id): \(perArticle[$0][f])" }.joined(separator: ", ") + ")"
                }.joined(separator: " vs ")
                for (a, article) in counted.enumerated() {
                    let local = ConsistencyChecker.majority(perArticle[a])
                    for o in article.occurrences where o.rule.id == rule.id && o.group == g && o.form != majority {
                        // lint.style reports this one already, with the same fix.
                        if local == majority { continue }
                        var d = checker.finding(o, unit: article.analysis.units[o.unit], majority: forms[majority],
                                                values: ConsistencyChecker.countValues(total[o.form], majority: total[majority], forms: usage))
                        d.message = "Issue-wide: " + d.message + " Across the issue: \(usage)."
                        if let local, local != majority {
                            d.message += " This supersedes lint.style’s advice for this article, which counts only the article and prefers “\(forms[local])”."
                        }
                        d = StyleFinding.suggestedOnly(d)
                        d.article = article.id
                        context.emit(d)
                    }
                }
            }
        }
    }
}
