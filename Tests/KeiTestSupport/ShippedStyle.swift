import Foundation
import KeiCore
import KeiStages

/// The shipped effective house style, loaded the way the `issue-3-2` workflow loads it: the workflow's
/// journal (`Workflows/journals/korea-policy.yml`) names the journal layer
/// (`Workflows/styles/korea-policy.yml`), which extends KEI's base layer (`kei.yml`); the workflow's own
/// `style:` overrides, if any, come on top. The sheet is the one the workflow loader hands to `lint.style`.
public enum ShippedStyle {
    /// The workflow the style is read through.
    public static let workflow = "issue-3-2"

    static let loaded: Result<StyleSheet, Error> = Result {
        let loader = WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: TestPaths.root)
        let wf = try loader.load(try loader.resolve(workflow))
        guard let style = wf.stages.lazy.compactMap(\.options.style).first else {
            throw KeiError.stage("the \(workflow) workflow names no house style")
        }
        return style
    }

    /// The merged sheet (every rule, enabled or not).
    public static func sheet() throws -> StyleSheet { try loaded.get() }

    /// The ids of the enabled rules, sorted (for parameterised tests; empty when the style does not load,
    /// which ``sheet()`` then reports).
    public static var enabledRuleIDs: [String] { ((try? loaded.get())?.enabledRules ?? []).map(\.id) }
}
