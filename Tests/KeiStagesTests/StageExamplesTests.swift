import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport

/// Runs every built-in stage's own pass/fail examples through the runner (SwiftLint-style: the
/// examples are the spec), checking the rules that fire and, where the example marks them with ⟦ ⟧,
/// exactly where each diagnostic starts and ends; then again with each ``ExampleMutation`` of the
/// page (an extra container, a block quote, multi-byte text and an entity before the span, a list
/// item, a note, CRLF line ends) to catch offset, nesting and escaping bugs.
///
/// Every stage is built as a workflow builds it, with the shipped house style (``ShippedStyle``):
/// `lint.style` cannot be built without one, and its rules (data) are the ones its examples may expect;
/// and with the shipped timeline (``ShippedTimeline``), which `check.dates`'s timeline examples read.
@Suite struct StageExamplesTests {
    static let articleStages = BuiltInStages.all.filter { $0.description.kind != .issue }

    /// The rules an instance of `type` built with the shipped style reports: its description's messages,
    /// or, for `lint.style`, the style's enabled rules except its manuscript rules (they judge a whole
    /// manuscript's length and parts, which no example page is; the house-style tests check them).
    static func ownRules(_ type: any Stage.Type) throws -> Set<String> {
        let sheet = try ShippedStyle.sheet()
        var options = StageOptions(defaultsOf: type.description)
        options.style = sheet
        return Set(try type.init(options: options).reportedRules.map(\.rule))
            .subtracting(sheet.rules(of: .manuscript).map(\.id))
    }

    /// Records `problems`: rules that fired other than expected, and marked spans without a diagnostic there.
    static func record(_ problems: (rules: [String], spans: [String]), _ prefix: String) {
        for p in problems.rules + problems.spans { Issue.record("\(prefix): \(p)") }
    }

    /// Runs a marked page and returns the problems: rules fired other than expected; marked spans
    /// without a diagnostic there, and located diagnostics that are not marked.
    static func problems(_ type: any Stage.Type, marked: String, example: StageExample) throws -> (rules: [String], spans: [String]) {
        let desc = type.description
        let (html, spans) = StageExample.strip(marked)
        let outcome = try RunnerHarness.run(html: html, stages: [type], options: [desc.id: example.options],
                                            style: try ShippedStyle.sheet(), timeline: try ShippedTimeline.timeline())
        let ownRules = try Self.ownRules(type)
        let own = outcome.diagnostics.filter { ownRules.contains($0.rule) && $0.stage == desc.id }
        var rules: [String] = []
        let fired = Set(own.map(\.rule))
        if fired != example.expectedRules {
            rules.append("fired \(fired.sorted()), expected \(example.expectedRules.sorted())")
        }
        var out: [String] = []
        guard !spans.isEmpty else { return (rules, out) }
        let index = SourceLineIndex(html)
        func shown(_ l: KeiDocument.SourceLocation?) -> String { l.map { "\($0.line):\($0.column ?? 0)" } ?? "?" }
        for span in spans {
            let s = index.position(of: span.start), e = index.position(of: span.end)
            let want = "\(s.line):\(s.column)-\(e.line):\(e.column)"
            let there = own.contains { example.expectedRules.contains($0.rule) && "\(shown($0.location))-\(shown($0.end))" == want }
            if !there {
                out.append("no diagnostic at the marked \(want) (“\(index.text(of: span))”); got "
                           + own.map { "\($0.rule) \(shown($0.location))-\(shown($0.end))" }.joined(separator: ", "))
            }
        }
        let located = own.filter { $0.end != nil }
        if located.count != spans.count {
            out.append("\(located.count) located diagnostics for \(spans.count) marked spans")
        }
        return (rules, out)
    }

    @Test(arguments: articleStages.map { $0.description.id })
    func examplesBehaveAsDeclared(id: String) throws {
        let type = try #require(BuiltInStages.registry.stage(id: id))
        let desc = type.description
        #expect(!desc.examples.isEmpty, "\(id) carries at least one example")
        #expect(desc.examples.contains { !$0.triggers } || desc.kind == .emit, "\(id) has a passing example")
        for example in desc.examples {
            Self.record(try Self.problems(type, marked: example.markedHTML, example: example), "\(id): \(example.note)")
            let own = try Self.ownRules(type)
            for rule in example.expectedRules {
                #expect(own.contains(rule), "\(id) declares \(rule)")
            }
            #expect(example.markedSpans.isEmpty || example.triggers, "\(id): \(example.note): marks in a passing example")
        }
    }

    /// The page changed by `mutation` (marks kept), or nil when the mutation does not apply to it.
    static func apply(_ mutation: ExampleMutation, to html: String) -> String? {
        ExampleMutator.apply(mutation, to: html)
    }

    @Test(arguments: articleStages.map { $0.description.id })
    func examplesSurviveMutation(id: String) throws {
        let type = try #require(BuiltInStages.registry.stage(id: id))
        for example in type.description.examples {
            for mutation in ExampleMutation.allCases where example.skipping[mutation] == nil {
                guard let marked = Self.apply(mutation, to: example.markedHTML) else { continue }
                Self.record(try Self.problems(type, marked: marked, example: example), "\(id): \(example.note), \(mutation)")
            }
            for (mutation, reason) in example.skipping {
                #expect(!reason.isEmpty, "\(id): \(example.note) gives a reason for skipping \(mutation)")
            }
        }
    }

    @Test func mutationsKeepTheMarksAroundTheSameText() throws {
        let marked = "<html><body><p>First.</p>\n<p class=\"x\">Some ⟦the the⟧ text.</p></body></html>"
        for mutation in ExampleMutation.allCases {
            let s = try #require(Self.apply(mutation, to: marked), "\(mutation) applies")
            let (html, spans) = StageExample.strip(s)
            #expect(spans.count == 1)
            let u = Array(html.utf8)
            #expect(spans.first.map { String(decoding: u[$0.range], as: UTF8.self) } == "the the", "\(mutation)")
        }
        #expect(Self.apply(.blockQuote, to: marked)?.contains("<blockquote><p class=\"x\">Some ⟦the the⟧ text.</p></blockquote>") == true)
        #expect(Self.apply(.multiByteBefore, to: marked)?.contains("<p class=\"x\">한국어 텍스트 🇰🇷 &amp; Some") == true)
        #expect(Self.apply(.listItem, to: "<body><p>A</p><p>B</p></body>") == "<body><ul><li><p>A</p></li></ul><p>B</p></body>")
        #expect(Self.apply(.note, to: marked) == "<html><body><p>First.</p>\n<p>\(ExampleMutator.noteCitingParagraph)<sup><a href=\"#fn1\" id=\"fnref1\">1</a></sup></p>"
                + "\n<h2>Notes</h2>\n<ol><li id=\"fn1\"><p class=\"x\">Some ⟦the the⟧ text. <a href=\"#fnref1\">↩</a></p></li></ol>\n</body></html>")
        #expect(Self.apply(.note, to: "<body><p>A<sup><a href=\"#fn1\">1</a></sup></p><ol><li id=\"fn1\">N</li></ol></body>") == nil,
                "a page with notes of its own gets no second note list")
    }

    /// The note mutation makes a real note: the moved text is a note unit of the analysis, cited from the text.
    @Test func theNoteMutationMakesANote() throws {
        let page = "<html><head><title>T</title></head><body><article><h1>T</h1>\n<p>The alliance held firm through the crisis.</p>\n</article></body></html>"
        let html = try #require(Self.apply(.note, to: page))
        let outcome = try RunnerHarness.run(html: html, stages: [])
        let article = try #require(outcome.article)
        #expect(article.notes.count == 1)
        let units = ArticleAnalysis(article).units
        #expect(units.contains { $0.scope == .note && $0.text.string.contains("The alliance held firm through the crisis.") },
                "\(units.map { "\($0.scope): \($0.text.string)" })")
        #expect(!units.contains { $0.scope == .paragraph && $0.text.string.contains("alliance") })
        #expect(outcome.diagnostics.filter { $0.rule.hasPrefix("ingest.note") }.isEmpty, "\(outcome.diagnostics.map(\.message))")
    }

    @Test func marksAreStrippedIntoUTF8Spans() {
        let (html, spans) = StageExample.strip("<p>한 ⟦a b⟧ c ⟦d⟧</p>")
        #expect(html == "<p>한 a b c d</p>")
        #expect(spans == [SourceSpan(start: 7, end: 10), SourceSpan(start: 13, end: 14)])
        let e = StageExample("x", html: "<p>⟦x⟧</p>", expect: ["r"])
        #expect(e.html == "<p>x</p>" && e.markedHTML == "<p>⟦x⟧</p>" && e.markedSpans == [SourceSpan(start: 3, end: 4)])
    }

    @Test func everyDiagnosticOfEveryExampleIsComplete() throws {
        for type in Self.articleStages {
            for example in type.description.examples {
                let outcome = try RunnerHarness.run(html: example.html, stages: [type], style: try ShippedStyle.sheet(), timeline: try ShippedTimeline.timeline())
                for d in outcome.diagnostics {
                    #expect(!d.rule.isEmpty && !d.message.isEmpty && d.location.file == "example.html" && d.stage != nil && d.article == "example",
                            "incomplete diagnostic \(d)")
                }
            }
        }
    }
}
