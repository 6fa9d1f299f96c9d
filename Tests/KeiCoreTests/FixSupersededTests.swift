import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport

/// A check that rewrites every "AB CD" as "EF" (safe) and also reports the "CD" inside it twice (once with
/// a safe edit of its own, "cd", once without an edit: a fact about the words, not their form) and, without
/// an edit, the "CD GH" that runs past it: a fix that supersedes one finding and not the others.
struct OverlapCheckStage: CheckStage {
    static let description = StageDescription(id: "test.overlap", summary: "Overlapping findings.", kind: .check,
                                               messages: [StageMessage("test.overlap", .warning, "Overlap.")], readsAnalysis: true)
    init(options: StageOptions) throws {}
    func check(_ article: Article, context: ArticleContext) -> [Diagnostic] {
        let message = Self.description.messages[0]
        var out: [Diagnostic] = []
        for unit in context.analysis?.units ?? [] {
            let s = unit.text.string
            guard let r = s.range(of: "AB CD GH") else { continue }
            let lo = s.utf8.distance(from: s.startIndex, to: r.lowerBound)
            func finding(_ range: Range<Int>, _ text: String, replacement: String? = nil) -> Diagnostic? {
                guard let span = unit.span(of: range) else { return nil }
                return message.diagnostic(text, at: context.location(line: 0), span: span,
                                          edits: replacement.map { [TextEdit(span: span, replacement: $0, isSafe: true)] } ?? [])
            }
            out += [finding(lo..<(lo + 5), "AB CD", replacement: "EF"), finding((lo + 3)..<(lo + 5), "CD inside", replacement: "cd"),
                    finding((lo + 3)..<(lo + 5), "CD fact"), finding((lo + 3)..<(lo + 8), "CD GH across")].compactMap { $0 }
        }
        return out
    }
}

/// `--fix` and the findings it makes stale; change records quote the page's words, not other fixes.
@Suite struct FixSupersededTests {
    @Test func aFindingInsideAnAppliedEditIsDroppedAndCounted() throws {
        let html = "<html><head><title>T</title></head><body><article><h1>T</h1>\n<p>Words before AB CD GH and enough words after to make it article text.</p>\n</article></body></html>"
        let fixed = try RunnerHarness.run(html: html, stages: [OverlapCheckStage.self], fix: true)
        let left = fixed.diagnostics.filter { $0.rule == "test.overlap" }.map(\.message)
        #expect(left == ["CD fact", "CD GH across"],
                "the form finding inside the rewritten words is gone; the fact about them and the one running past them stay: \(left)")
        #expect(fixed.superseded == 1 && fixed.changes.count == 1)
        let plain = try RunnerHarness.run(html: html, stages: [OverlapCheckStage.self], fix: false)
        #expect(plain.superseded == 0 && plain.diagnostics.filter { $0.rule == "test.overlap" }.count == 4)
    }

    /// The breaker's case: the name fix rewrites “Korean Workers' Party” (with its straight apostrophe)
    /// as “Workers’ Party of Korea”; no straight-quotes warning is left for the apostrophe that is gone.
    @Test func aNameFixLeavesNoStraightQuoteWarningForItsApostrophe() throws {
        let html = "<html lang=\"en\"><head><title>Parties in Review</title></head><body><article><h1>Parties in Review</h1>\n"
            + "<p>A think tank, the Korean Workers' Party and others all responded to the plan in the spring.</p>\n</article></body></html>"
        let o = try RunnerHarness.run(html: html, stages: [LintStyleStage.self], style: try ShippedStyle.sheet(), fix: true)
        #expect(o.article.map { ArticleAnalysis($0).units.contains { $0.text.string.contains("the Workers’ Party of Korea and") } } == true)
        #expect(o.diagnostics.filter { $0.rule == "style.straight-quotes" }.isEmpty, "\(o.diagnostics.map { "\($0.rule): \($0.message)" })")
        #expect(o.superseded == 1)
        let name = try #require(o.changes.first { $0.rule == "style.institution-names" })
        #expect(name.before.contains("the Korean Workers' Party and") && name.after.contains("the Workers’ Party of Korea and"), "\(name)")
    }

    /// Each change record shows the page's text around its edit with only that edit made, never the
    /// result of other fixes beside it.
    @Test func changeRecordsQuoteThePageNotOtherFixes() throws {
        let html = "<html><head><title>T</title></head><body><article><h1>T</h1>\n<p>Alpha XX and XX beta, enough words to be article text for the extractor.</p>\n</article></body></html>"
        let o = try RunnerHarness.run(html: html, stages: [XXCheckStage.self], fix: true)
        #expect(o.changes.count == 2)
        let shown = o.changes.map { "\($0.before.prefix(20)) → \($0.after.prefix(20))" }
        #expect(shown == ["Alpha XX and XX beta → Alpha YY and XX beta", "Alpha XX and XX beta → Alpha XX and YY beta"], "\(shown)")
    }
}
