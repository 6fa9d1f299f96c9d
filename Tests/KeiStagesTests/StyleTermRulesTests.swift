import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport

/// The term rule kinds (substitution, existence, consistency, capitalization) run on every example of the
/// shipped KEI style's rules of those kinds, through the real runner (`lint.style` with the merged style):
/// a flag example gives exactly its marked spans, a pass example nothing, a fix example its text after
/// `--fix`, and a flag example inside a block quotation nothing (quotations are out of scope).
@Suite struct StyleTermRulesTests {
    static let kinds: Set<StyleRuleKind> = [.substitution, .existence, .consistency, .capitalization]

    static let sheet: StyleSheet = {
        let file = TestPaths.root.appendingPathComponent("Workflows/styles/korea-policy.yml")
        return (try? StyleLoader().load([file])) ?? StyleSheet()
    }()

    static var rules: [StyleRule] { sheet.enabledRules.filter { kinds.contains($0.kind) } }

    /// A page holding `fragment` where `rule` applies: a heading for heading rules, a paragraph otherwise
    /// (after an opening paragraph, so that a short first paragraph with a date is not read as a dateline).
    static func page(_ fragment: String, for rule: StyleRule, quoted: Bool = false) -> String {
        let block = !rule.scopes.contains(.paragraph) ? "<h2>\(fragment)</h2><p>Text of the section.</p>"
            : quoted ? "<blockquote><p>\(fragment)</p></blockquote>" : "<p>\(fragment)</p>"
        return "<html><head><title>Example</title></head><body><article><h1>Example</h1>"
            + "<p>The article opens with a paragraph of its own.</p>\(block)</article></body></html>"
    }

    static func run(_ html: String, rule: StyleRule, fix: Bool = false) throws -> ArticleOutcome {
        try RunnerHarness.run(html: html, stages: [LintStyleStage.self],
                              options: ["lint.style": ["rules": .stringList([rule.id])]], style: sheet, fix: fix)
    }

    @Test func theShippedStyleHasTheTermRules() {
        #expect(Self.rules.count >= 55)
        for rule in Self.rules {
            #expect(!rule.source.isEmpty && !rule.description.isEmpty, "\(rule.id) has no source or description")
            #expect(!rule.examples.flag.isEmpty, "\(rule.id) has no flag example")
        }
    }

    @Test(arguments: rules.map(\.id))
    func flagExamplesGiveExactlyTheMarkedSpans(_ id: String) throws {
        let rule = try #require(Self.sheet.rule(id: id))
        for example in rule.examples.flag {
            let (html, spans) = StageExample.strip(Self.page(example, for: rule))
            let found = try Self.run(html, rule: rule).diagnostics.filter { $0.rule == id }
            #expect(found.compactMap(\.span) == spans, "\(id): \(example) gave \(found.map { $0.excerpt ?? "-" })")
            #expect(found.allSatisfy { $0.location.line > 0 && $0.location.column != nil })
        }
    }

    @Test(arguments: rules.map(\.id))
    func passExamplesGiveNothing(_ id: String) throws {
        let rule = try #require(Self.sheet.rule(id: id))
        for example in rule.examples.pass {
            let found = try Self.run(Self.page(example, for: rule), rule: rule).diagnostics.filter { $0.rule == id }
            #expect(found.isEmpty, "\(id): \(example) gave \(found.map(\.message))")
        }
    }

    @Test(arguments: rules.filter { $0.scopes.contains(.paragraph) && !$0.scopes.contains(.quotation) }.map(\.id))
    func flagExamplesInABlockQuotationGiveNothing(_ id: String) throws {
        let rule = try #require(Self.sheet.rule(id: id))
        for example in rule.examples.flag {
            let (html, _) = StageExample.strip(Self.page(example, for: rule, quoted: true))
            #expect(try Self.run(html, rule: rule).diagnostics.filter { $0.rule == id }.isEmpty, "\(id): \(example)")
        }
    }

    @Test(arguments: rules.filter { !$0.examples.fix.isEmpty }.map(\.id))
    func fixExamplesGiveTheirText(_ id: String) throws {
        let rule = try #require(Self.sheet.rule(id: id))
        for example in rule.examples.fix {
            let outcome = try Self.run(Self.page(example.before, for: rule), rule: rule, fix: true)
            let article = try #require(outcome.article)
            let scope: TextScope = !rule.scopes.contains(.paragraph) ? .heading : .paragraph
            let text = ArticleAnalysis(article).units.last { $0.scope == scope && $0.text.string != "Text of the section." }?.text.string
            #expect(text == example.after, "\(id): \(example.before)")
            #expect(!outcome.changes.isEmpty)
        }
    }
}
