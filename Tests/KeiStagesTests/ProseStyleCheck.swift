import Foundation
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport

/// Runs `lint.style` on the shipped KEI style, restricted to some rules, over one paragraph of inline
/// HTML (inside a page long enough to be an article), and returns each finding as the source text it
/// spans, its replacement and whether the edit is safe.
enum ProseStyleCheck {
    struct Finding: Equatable, CustomStringConvertible {
        var rule: String
        var match: String
        var replacement: String?
        var safe: Bool?
        var description: String { "\(rule) “\(match)” → \(replacement.map { "“\($0)”" } ?? "-") \(safe.map { $0 ? "safe" : "unsafe" } ?? "")" }
    }

    static func page(_ fragment: String) -> String { RenderFidelityTests.shortPage("<p>\(fragment)</p>") }

    static func run(_ fragment: String, rules: [String], wrap: (String) -> String = page) throws -> [Diagnostic] {
        let ctx = try StageHarness.run(html: wrap(fragment), stages: [LintStyleStage.self], options: KEIStyle.only(rules),
                                       style: KEIStyle.sheet)
        return ctx.diagnostics.filter { $0.rule.hasPrefix("style.") }
    }

    static func findings(_ fragment: String, rules: [String], wrap: (String) -> String = page) throws -> [Finding] {
        let html = Array(wrap(fragment).utf8)
        return try run(fragment, rules: rules, wrap: wrap).map { d in
            let match = d.span.map { String(decoding: html[$0.start..<$0.end], as: UTF8.self) } ?? ""
            return Finding(rule: d.rule, match: match, replacement: d.edits.first?.replacement, safe: d.edits.first?.isSafe)
        }
    }
}
