import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport

/// The house style's examples are its tests (issue 7, point 5): every enabled rule of the shipped style
/// (``ShippedStyle``: KEI's base layer, Korea Policy's journal layer, as the `issue-3-2` workflow loads them)
/// runs its own examples through the real runner with `lint.style` told to run that rule alone.
///
/// - each `flag` example gives diagnostics of the rule exactly at its `⟦ ⟧` marks (line and column of
///   start and end, in the page as written) and no other diagnostic of the rule; each `pass` example
///   gives none;
/// - again after every ``ExampleMutation`` (an extra div, a block quote, multi-byte text and an entity
///   before the marks, a list item, a note, CRLF line ends). Where the mutation moves the text into a
///   block quote, a list item or a note, the rule must keep firing at the marks when its scopes include
///   that block's scope (`quotation`, `list-item`, `note`) and stay silent when they do not; a rule opts
///   out of a mutation only with a reason (`examples.skip-mutations`);
/// - each `fix` example, run with `--fix`, leaves the paragraph's text as `after` (a rule whose fix is
///   `unsafe`: `--fix` changes nothing, and the suggested edits, applied to the page, give `after`); the
///   fixed text, checked and fixed again, reaches a fixed point (a round with no change) within three
///   rounds; the JATS of every round is DTD-valid. A rule whose fix is `safe` (applied by `--fix`) needs
///   a fix example.
///
/// The examples are placed in the first block the rule's scopes allow: a paragraph, else a list item, a
/// heading, a note or a table cell. Manuscript rules are exempt (they judge a whole manuscript's length
/// and parts); the manuscript tests check them.
@Suite struct StyleRuleExamplesTests {
    /// Where an example's fragment is put in its page.
    enum Placement: CaseIterable {
        case paragraph, listItem, heading, note, tableCell

        /// The first placement `scopes` allow.
        static func first(for scopes: Set<StyleScope>) -> Placement? {
            allCases.first { scopes.contains($0.scope) }
        }

        var scope: StyleScope {
            switch self {
            case .paragraph: return .paragraph
            case .listItem: return .listItem
            case .heading: return .heading
            case .note: return .note
            case .tableCell: return .tableCell
            }
        }

        /// A neutral paragraph the article's body needs around a fragment that is not itself a paragraph.
        static let filler = "<p>The alliance held firm through the crisis of the spring.</p>"

        /// A section heading before a paragraph example: without it, a short first paragraph with a month
        /// and a year ("Kim Jong-il died in December 2011.") is taken for the page's dateline by the body
        /// builder and dropped.
        static let section = "<h2>Overview</h2>"

        /// The page with `fragment` in this placement.
        func page(_ fragment: String) -> String {
            switch self {
            case .paragraph, .note: return StageExample.articlePage("\(Self.section)\n<p>\(fragment)</p>")
            case .listItem: return StageExample.articlePage("\(Self.filler)\n<ul><li>\(fragment)</li></ul>")
            case .heading: return StageExample.articlePage("<h2>\(fragment)</h2>\n\(Self.filler)")
            case .tableCell: return StageExample.articlePage("\(Self.filler)\n<table><tr><td>\(fragment)</td></tr></table>")
            }
        }

        /// The mutation that makes this placement's page (a note example starts as a paragraph and is
        /// moved into a note).
        var base: ExampleMutation? { self == .note ? .note : nil }

        /// The mutations applied to the placed page: all of them to a paragraph; to the other placements
        /// only those that do not move or prefix a paragraph (the marked words are not in one).
        var mutations: [ExampleMutation] {
            self == .paragraph ? ExampleMutation.allCases : [.wrappedInDiv, .crlf]
        }
    }

    /// The block scope the example's words stand in after `mutation` (nil: the page as placed).
    static func scope(of placement: Placement, after mutation: ExampleMutation?) -> StyleScope {
        switch mutation {
        case .blockQuote? where placement == .paragraph: return .quotation
        case .listItem? where placement == .paragraph: return .listItem
        case .note? where placement == .paragraph: return .note
        default: return placement.scope
        }
    }

    static func rule(_ id: String) throws -> StyleRule {
        try #require(try ShippedStyle.sheet().rule(id: id), "\(id) is in the shipped style")
    }

    /// A marked page through the runner with `lint.style` running `rule` alone.
    static func run(_ html: String, rule: StyleRule, fix: Bool = false) throws -> ArticleOutcome {
        try RunnerHarness.run(html: html, stages: [LintStyleStage.self],
                              options: [LintStyleStage.description.id: ["rules": .stringList([rule.id])]],
                              style: try ShippedStyle.sheet(), fix: fix)
    }

    /// The rule's diagnostics on a marked page against its marks: an empty list when they agree, else what differs.
    /// `fires` false expects no diagnostic of the rule at all.
    static func mismatch(_ marked: String, rule: StyleRule, fires: Bool) throws -> [String] {
        let (html, spans) = StageExample.strip(marked)
        let outcome = try run(html, rule: rule)
        let index = SourceLineIndex(html)
        func shown(_ l: KeiDocument.SourceLocation?) -> String { l.map { "\($0.line):\($0.column ?? 0)" } ?? "?" }
        let got = outcome.diagnostics.filter { $0.rule == rule.id }.map { "\(shown($0.location))-\(shown($0.end))" }.sorted()
        let want = fires ? spans.map { span -> String in
            let s = index.position(of: span.start), e = index.position(of: span.end)
            return "\(s.line):\(s.column)-\(e.line):\(e.column)"
        }.sorted() : []
        guard got != want else { return [] }
        return ["expected \(want.isEmpty ? "no diagnostic" : want.joined(separator: ", ")), got \(got.isEmpty ? "none" : got.joined(separator: ", "))"
                + (got.isEmpty ? "" : ": " + outcome.diagnostics.filter { $0.rule == rule.id }.map(\.message).joined(separator: " | "))]
    }

    /// The pages of one example fragment: the placed page, then each mutation of it that applies and that
    /// the rule does not opt out of, with the scope the marked words stand in.
    static func pages(_ fragment: String, rule: StyleRule, placement: Placement) -> [(label: String, html: String, scope: StyleScope)] {
        var placed = placement.page(fragment)
        if let base = placement.base {
            guard let moved = ExampleMutator.apply(base, to: placed) else { return [] }
            placed = moved
        }
        var out = [("as written", placed, scope(of: placement, after: placement.base))]
        for mutation in placement.mutations where rule.examples.skipping[mutation] == nil {
            guard let html = ExampleMutator.apply(mutation, to: placed) else { continue }
            out.append((mutation.description, html, scope(of: placement, after: mutation)))
        }
        return out
    }

    /// The text of the first unit of the placement's scope in `article`.
    static func placedText(_ article: Article, placement: Placement) -> String? {
        let want: TextScope
        switch placement {
        case .paragraph: want = .paragraph
        case .listItem: want = .listItem
        case .heading: want = .heading
        case .note: want = .note
        case .tableCell: want = .tableCell
        }
        return ArticleAnalysis(article).units.first { $0.scope == want }?.text.string
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    // MARK: The tests

    @Test func theShippedStyleLoadsWithItsRules() throws {
        let sheet = try ShippedStyle.sheet()
        #expect(sheet.layerNames == ["KEI house style", "Korea Policy"], "\(sheet.layerNames)")
        #expect(!sheet.enabledRules.isEmpty)
    }

    /// Issue 7, point 7: at least 80 concrete rules.
    @Test func theShippedStyleHasAtLeastEightyRules() throws {
        #expect(try ShippedStyle.sheet().enabledRules.count >= 80)
    }

    @Test(arguments: ShippedStyle.enabledRuleIDs)
    func flagAndPassExamples(id: String) throws {
        let rule = try Self.rule(id)
        guard rule.kind != .manuscript else { return }
        let placement = try #require(Placement.first(for: rule.scopes),
                                     "\(id): its scopes \(rule.scopes.map(\.rawValue).sorted()) allow none of paragraph, list-item, heading, note, table-cell to place the examples in")
        #expect(!rule.examples.flag.isEmpty, "\(id) has a flag example")
        #expect(!rule.examples.pass.isEmpty, "\(id) has a pass example")
        for (mutation, reason) in rule.examples.skipping {
            #expect(!reason.isEmpty, "\(id) gives a reason for skipping \(mutation)")
        }
        for example in rule.examples.flag {
            #expect(!StageExample.strip(example).spans.isEmpty, "\(id): flag example without ⟦ ⟧ marks: \(example)")
            for page in Self.pages(example, rule: rule, placement: placement) {
                for problem in try Self.mismatch(page.html, rule: rule, fires: rule.scopes.contains(page.scope)) {
                    Issue.record("\(id): flag “\(example)”, \(page.label): \(problem)")
                }
            }
        }
        for example in rule.examples.pass {
            #expect(StageExample.strip(example).spans.isEmpty, "\(id): marks in a pass example: \(example)")
            for page in Self.pages(example, rule: rule, placement: placement) {
                for problem in try Self.mismatch(page.html, rule: rule, fires: false) {
                    Issue.record("\(id): pass “\(example)”, \(page.label): \(problem)")
                }
            }
        }
    }

    /// `html` with `edits` (UTF-8 spans into it) applied, last first; an edit overlapping one already
    /// applied is left out. Replacements are text, written escaped.
    static func applying(_ edits: [TextEdit], to html: String) -> String {
        var bytes = Array(html.utf8)
        var applied: [SourceSpan] = []
        for e in edits.sorted(by: { $0.span.start > $1.span.start })
        where !applied.contains(where: { $0.start < e.span.end && e.span.start < $0.end }) {
            bytes.replaceSubrange(e.span.start..<e.span.end, with: Array(escaped(e.replacement).utf8))
            applied.append(e.span)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One round of fixing a page: with a safe rule, `--fix` (the runner applies the edits to the model;
    /// the next round reads the fixed text as a page of its own); with an unsafe rule, `--fix` changes
    /// nothing and the suggested edits are applied to the page's source instead (what an editor accepting
    /// them does). Returns whether anything changed, the placed text and JATS after the round, and the
    /// page for the next round.
    static func fixRound(_ html: String, rule: StyleRule, placement: Placement) throws
        -> (changed: [String], text: String?, jats: String, next: String) {
        let outcome = try run(html, rule: rule, fix: true)
        var article = try #require(outcome.article, "\(rule.id): the fix example's page gives an article")
        var changed = outcome.changes.map { "\($0.rule): \($0.before) → \($0.after)" }
        var next = html
        if rule.fix == .safe {
            if let text = placedText(article, placement: placement) {
                next = placement.page(escaped(text))
                if let base = placement.base { next = try #require(ExampleMutator.apply(base, to: next)) }
            }
        } else {
            #expect(outcome.changes.isEmpty, "\(rule.id) (fix: \(rule.fix.rawValue)): --fix applied \(changed)")
            let edits = outcome.diagnostics.filter { $0.rule == rule.id }.flatMap(\.edits)
            #expect(edits.allSatisfy { !$0.isSafe }, "\(rule.id) (fix: \(rule.fix.rawValue)) offers a safe edit")
            if !edits.isEmpty {
                next = applying(edits, to: html)
                article = try #require(try run(next, rule: rule).article)
                changed += edits.map { "\(rule.id): suggested “\($0.replacement)”" }
            }
        }
        return (changed, placedText(article, placement: placement), JATSWriter.write(article, issue: StageExample.issue), next)
    }

    @Test(arguments: ShippedStyle.enabledRuleIDs)
    func fixExamplesReachAFixedPointWithValidJATS(id: String) throws {
        let rule = try Self.rule(id)
        guard rule.kind != .manuscript, let placement = Placement.first(for: rule.scopes) else { return }
        #expect(rule.fix != .safe || !rule.examples.fix.isEmpty, "\(id): --fix applies its fixes, so it needs a fix example")
        #expect(rule.fix != .none || rule.examples.fix.isEmpty, "\(id) has fix examples but no fix")
        guard rule.fix != .none else { return }
        for example in rule.examples.fix {
            var html = placement.page(example.before)
            if let base = placement.base { html = try #require(ExampleMutator.apply(base, to: html)) }
            var round = 0
            while true {
                round += 1
                let r = try Self.fixRound(html, rule: rule, placement: placement)
                if XMLLint.dtdsAvailable {
                    let lint = try XMLLint.validate(xml: r.jats)
                    #expect(lint.passed, "\(id): fix “\(example.before)”, round \(round): the JATS is not DTD-valid: \(lint.stderr)")
                }
                if round == 1 {
                    #expect(!r.changed.isEmpty && r.changed.allSatisfy { $0.hasPrefix(id + ":") },
                            "\(id): fix “\(example.before)” changes nothing (or another rule's words): \(r.changed)")
                    #expect(r.text == example.after, "\(id): fix “\(example.before)” gives “\(r.text ?? "no text")”, expected “\(example.after)”")
                }
                if r.changed.isEmpty { break }
                guard round < 3 else {
                    Issue.record("\(id): fix “\(example.before)” still changes the text in round 3: \(r.changed) (now “\(r.text ?? "")”)")
                    break
                }
                html = r.next
            }
        }
    }

    // MARK: The harness itself

    /// The scopes decide what a mutation expects: the same marks where the rule applies, silence elsewhere.
    @Test func mutationsMoveTheWordsIntoTheScopesTheHarnessExpects() throws {
        let page = Placement.paragraph.page("The alliance held firm through ⟦the crisis⟧ of the spring.")
        for mutation in ExampleMutation.allCases {
            let marked = try #require(ExampleMutator.apply(mutation, to: page), "\(mutation)")
            let (html, spans) = StageExample.strip(marked)
            let outcome = try RunnerHarness.run(html: html, stages: [])
            let article = try #require(outcome.article)
            let units = ArticleAnalysis(article).units
            let want = Self.scope(of: .paragraph, after: mutation)
            let unit = try #require(units.first { $0.text.string.contains("the crisis") }, "\(mutation): the words are in a unit")
            #expect(StyleScope.block(unit.scope) == want, "\(mutation): in \(unit.scope), expected \(want)")
            #expect(spans.count == 1 && String(decoding: Array(html.utf8)[spans[0].range], as: UTF8.self) == "the crisis")
        }
        for placement in Placement.allCases where placement != .note {
            let html = placement.page("The alliance held firm through the crisis of the spring")
            let article = try #require(try RunnerHarness.run(html: html, stages: []).article)
            #expect(Self.placedText(article, placement: placement)?.contains("the crisis") == true, "\(placement)")
        }
    }

    @Test func placementFollowsTheScopes() {
        #expect(Placement.first(for: StyleScope.defaultScopes) == .paragraph)
        #expect(Placement.first(for: [.heading, .title]) == .heading)
        #expect(Placement.first(for: [.note, .reference]) == .note)
        #expect(Placement.first(for: [.title]) == nil)
    }
}
