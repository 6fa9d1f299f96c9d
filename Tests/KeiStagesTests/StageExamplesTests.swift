import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport

/// Runs every built-in stage's own pass/fail examples (SwiftLint-style: the examples are the spec),
/// then again with each example mutated (wrapped in an extra container, multi-byte text before it,
/// an entity added) to catch offset, nesting and escaping bugs.
@Suite struct StageExamplesTests {
    static let articleStages = BuiltInStages.all.filter { $0.description.kind != .issue }

    static func firedRules(_ type: any Stage.Type, html: String, options: [String: OptionValue]) throws -> Set<String> {
        let desc = type.description
        let context = try StageHarness.run(html: html, stages: [type], options: [desc.id: options], issue: StageExample.issue)
        let own = Set(desc.messages.map(\.rule))
        return Set(context.diagnostics.filter { own.contains($0.rule) && $0.stage == desc.id }.map(\.rule))
    }

    @Test(arguments: articleStages.map { $0.description.id })
    func examplesBehaveAsDeclared(id: String) throws {
        let type = try #require(BuiltInStages.registry.stage(id: id))
        let desc = type.description
        #expect(!desc.examples.isEmpty, "\(id) carries at least one example")
        #expect(desc.examples.contains { !$0.triggers } || desc.kind == .emit, "\(id) has a passing example")
        for example in desc.examples {
            let fired = try Self.firedRules(type, html: example.html, options: example.options)
            #expect(fired == example.expectedRules, "\(id): \(example.note): fired \(fired.sorted()), expected \(example.expectedRules.sorted())")
            for rule in example.expectedRules {
                #expect(desc.messages.contains { $0.rule == rule }, "\(id) declares \(rule)")
            }
        }
    }

    /// Mutations that must not change which rules fire.
    static func mutations(of html: String) -> [(String, String)] {
        var out: [(String, String)] = []
        if let r = html.range(of: "<body>") {
            var s = html
            s.replaceSubrange(r, with: "<body><div class=\"wrapper\">")
            if let e = s.range(of: "</body>", options: .backwards) { s.replaceSubrange(e, with: "</div></body>") }
            out.append(("wrapped in a div", s))
        }
        if let r = html.range(of: "<p>") {
            var s = html
            s.replaceSubrange(r, with: "<p>한국어 텍스트 🇰🇷 &amp; ")
            out.append(("multi-byte text and an entity", s))
        }
        out.append(("CRLF line ends", html.replacingOccurrences(of: "\n", with: "\r\n")))
        return out
    }

    @Test(arguments: articleStages.map { $0.description.id })
    func examplesSurviveMutation(id: String) throws {
        let type = try #require(BuiltInStages.registry.stage(id: id))
        for example in type.description.examples {
            for (what, html) in Self.mutations(of: example.html) {
                let fired = try Self.firedRules(type, html: html, options: example.options)
                #expect(fired == example.expectedRules, "\(id): \(example.note), \(what): fired \(fired.sorted())")
            }
        }
    }

    @Test func everyDiagnosticOfEveryExampleIsComplete() throws {
        for type in BuiltInStages.all where type.description.kind != .issue {
            for example in type.description.examples {
                let ctx = try StageHarness.run(html: example.html, stages: [type], issue: StageExample.issue)
                for d in ctx.diagnostics {
                    #expect(!d.rule.isEmpty && !d.message.isEmpty && d.location.file == "example.html" && d.stage != nil && d.article == "example",
                            "incomplete diagnostic \(d)")
                }
            }
        }
    }
}
