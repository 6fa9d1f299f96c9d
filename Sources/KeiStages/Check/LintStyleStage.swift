import KeiCore
import KeiDocument

/// Lints the article against the workflow's house style (``StyleSheet``): every enabled rule of every
/// kind, from the shared analysis, term rules in one pass (see ``StyleEngine``).
///
/// The style comes from the journal file's `style:` and the workflow's `style:` (issue overrides),
/// merged by ``StyleLoader``; the stage cannot be built without one. Its findings use the rules' own
/// ids (`style.…`); `kei-pipeline rules` lists them and `kei-pipeline explain RULE-ID` explains one.
public struct LintStyleStage: CheckStage {
    public static let description = StageDescription(
        id: "lint.style",
        summary: "Lint the house style (KEI base, journal layer, issue overrides): terms, names, acronyms, capitals, typography, numbers.",
        kind: .check,
        options: [StageOption("rules", .stringList, default: .stringList([]),
                              "Run only these rule ids (or prefixes ending in '.'); empty runs every enabled rule.")],
        examples: examples,
        readsAnalysis: true
    )

    /// The stage's examples, run with the shipped house style (``StageOptions/style``) by the shared stage
    /// example test; every rule's own examples are run by the house-style example test.
    static let examples: [StageExample] = [
        StageExample("house style followed", html: StageExample.articlePage(
            "<p>The alliance’s defense posture changed after the summit in Washington.</p>")),
        StageExample("a British spelling", html: StageExample.articlePage(
            "<p>The alliance’s ⟦defence⟧ posture changed after the summit in Washington.</p>"),
            expect: ["style.defense-spelling"],
            skipping: [.blockQuote: "house-style rules do not apply inside quotations by default"]),
        StageExample("a name as KEI writes it, and one it does not", html: StageExample.articlePage(
            "<p>Lee Jae Myung met ⟦Kim Jong-un⟧ at the border after the summit in Washington.</p>"),
            expect: ["style.name-kim-jong-un"],
            skipping: [.blockQuote: "house-style rules do not apply inside quotations by default"]),
        StageExample("a word written twice, and a British spelling", html: StageExample.articlePage(
            "<p>The alliance’s ⟦defence⟧ posture held through ⟦the the⟧ crisis of the spring.</p>"),
            expect: ["style.defense-spelling", "style.repeated-word"],
            skipping: [.blockQuote: "house-style rules do not apply inside quotations by default"]),
        StageExample("a British spelling quoted (not the author’s words)", html: StageExample.articlePage(
            "<p>The minister spoke of <q>national defence</q> after the summit in London.</p>")),
        StageExample("a British spelling in a cited title", html: StageExample.articlePage(
            "<p>The paper <cite>Defence and Diplomacy</cite> was cited in the ministry’s review.</p>")),
        StageExample("a British spelling the page exempts (data-kei-ignore)", html: StageExample.articlePage(
            "<p data-kei-ignore=\"style.defense-spelling\">The alliance’s defence posture changed after the summit.</p>")),
        StageExample("only the rules the stage is told to run", html: StageExample.articlePage(
            "<p>The alliance’s defence posture changed after the summit in Washington.</p>"),
            options: ["rules": .stringList(["style.no-such-rule"])]),
    ]

    let engine: StyleEngine

    public init(options: StageOptions) throws {
        guard let sheet = options.style else {
            throw KeiError.stage("lint.style needs a house style: name one with 'style:' in the journal file or in the workflow")
        }
        let selected = options.stringList("rules")
        let ids: Set<String>? = selected.isEmpty ? nil : Set(sheet.rules.map(\.id).filter { id in
            selected.contains { $0.hasSuffix(".") ? id.hasPrefix($0) : id == $0 }
        })
        engine = StyleEngine(sheet: sheet, only: ids)
    }

    /// The rules this instance knows: every rule of the effective style (enabled or switched off).
    public var reportedRules: [StageMessage] {
        // Every rule of the sheet, switched off or not: a suppression naming a rule a layer switched off
        // names a known rule (it suppresses nothing today), not a typo.
        engine.sheet.rules.map { StageMessage($0.id, $0.severity, $0.description) }
    }

    public func check(_ article: Article, context: ArticleContext) -> [Diagnostic] {
        guard let analysis = context.analysis else { return [] }
        return engine.check(article, analysis: analysis, issue: context.issue)
    }
}
