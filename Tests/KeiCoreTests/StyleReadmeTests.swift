import Foundation
import Testing
import KeiCore
import KeiTestSupport

/// `Workflows/styles/README.md` documents every rule kind with every key its rules may give, as
/// ``StyleRuleKind/parameters`` declares them, every scope, and every mutation a rule may opt out of.
@Suite struct StyleReadmeTests {
    static var readme: String {
        (try? String(contentsOf: TestPaths.workflows.appendingPathComponent("styles/README.md"), encoding: .utf8)) ?? ""
    }

    /// The README's table row of one kind's parameter.
    static func row(_ kind: StyleRuleKind, _ spec: StyleParameterSpec) -> String {
        "| `\(kind.rawValue)` | `\(spec.name)` | \(spec.type) | \(spec.required ? "yes" : "no") | "
            + spec.summary.replacingOccurrences(of: "|", with: "\\|") + " |"
    }

    @Test func everyKindAndParameterIsInTheTable() {
        let text = Self.readme
        #expect(!text.isEmpty, "Workflows/styles/README.md exists")
        let missing = StyleRuleKind.allCases.flatMap { kind in kind.parameters.map { Self.row(kind, $0) } }.filter { !text.contains($0) }
        #expect(missing.isEmpty, "rows missing from the kinds table of Workflows/styles/README.md (the table is generated from StyleRuleKind.parameters):\n\(missing.joined(separator: "\n"))")
        for kind in StyleRuleKind.allCases {
            #expect(text.contains("### `\(kind.rawValue)`"), "a section on the \(kind.rawValue) kind")
        }
    }

    @Test func everyScopeAndMutationIsNamed() {
        let text = Self.readme
        for scope in StyleScope.allCases { #expect(text.contains("`\(scope.rawValue)`"), "scope \(scope.rawValue)") }
        for m in ExampleMutation.allCases { #expect(text.contains("`\(m.key)`"), "mutation \(m.key)") }
        for p in StyleFixPolicy.allCases { #expect(text.contains("`\(p.rawValue)`"), "fix policy \(p.rawValue)") }
    }
}
