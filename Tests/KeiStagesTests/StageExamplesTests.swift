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
/// item, CRLF line ends) to catch offset, nesting and escaping bugs.
@Suite struct StageExamplesTests {
    static let articleStages = BuiltInStages.all.filter { $0.description.kind != .issue }

    /// Records `problems`: rules that fired other than expected, and marked spans without a diagnostic there.
    static func record(_ problems: (rules: [String], spans: [String]), _ prefix: String) {
        for p in problems.rules + problems.spans { Issue.record("\(prefix): \(p)") }
    }

    /// Runs a marked page and returns the problems: rules fired other than expected; marked spans
    /// without a diagnostic there, and located diagnostics that are not marked.
    static func problems(_ type: any Stage.Type, marked: String, example: StageExample) throws -> (rules: [String], spans: [String]) {
        let desc = type.description
        let (html, spans) = StageExample.strip(marked)
        let outcome = try RunnerHarness.run(html: html, stages: [type], options: [desc.id: example.options])
        let ownRules = Set(desc.messages.map(\.rule))
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
            for rule in example.expectedRules {
                #expect(desc.messages.contains { $0.rule == rule }, "\(id) declares \(rule)")
            }
            #expect(example.markedSpans.isEmpty || example.triggers, "\(id): \(example.note): marks in a passing example")
        }
    }

    /// The paragraph holding the first mark (or the first paragraph): from its `<p` to the end of its `</p>`.
    static func targetParagraph(_ html: String) -> Range<String.Index>? {
        let anchor = html.firstIndex(of: StageExample.openMark)
        var start: String.Index?
        var from = html.startIndex
        while let r = html.range(of: "<p", range: from..<html.endIndex) {
            if let a = anchor, r.lowerBound > a { break }
            let next = r.upperBound < html.endIndex ? html[r.upperBound] : " "
            if next == ">" || next == " " {
                start = r.lowerBound
                if anchor == nil { break }
            }
            from = r.upperBound
        }
        guard let start, let end = html.range(of: "</p>", range: start..<html.endIndex) else { return nil }
        return start..<end.upperBound
    }

    /// The page changed by `mutation` (marks kept), or nil when the mutation does not apply to it.
    static func apply(_ mutation: ExampleMutation, to html: String) -> String? {
        var s = html
        switch mutation {
        case .wrappedInDiv:
            guard let r = s.range(of: "<body>"), let e = s.range(of: "</body>", options: .backwards) else { return nil }
            s.replaceSubrange(e, with: "</div></body>")
            s.replaceSubrange(r, with: "<body><div class=\"wrapper\">")
        case .blockQuote, .listItem:
            guard let p = targetParagraph(s) else { return nil }
            let (open, close) = mutation == .blockQuote ? ("<blockquote>", "</blockquote>") : ("<ul><li>", "</li></ul>")
            s.replaceSubrange(p, with: open + s[p] + close)
        case .multiByteBefore:
            guard let p = targetParagraph(s), let tagEnd = s[p].firstIndex(of: ">") else { return nil }
            s.insert(contentsOf: "한국어 텍스트 🇰🇷 &amp; ", at: s.index(after: tagEnd))
        case .crlf:
            s = s.replacingOccurrences(of: "\n", with: "\r\n")
        }
        return s
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
                let outcome = try RunnerHarness.run(html: example.html, stages: [type])
                for d in outcome.diagnostics {
                    #expect(!d.rule.isEmpty && !d.message.isEmpty && d.location.file == "example.html" && d.stage != nil && d.article == "example",
                            "incomplete diagnostic \(d)")
                }
            }
        }
    }
}
