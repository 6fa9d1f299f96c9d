import Foundation
import KeiCore
import KeiStages

/// The effective house style of a workflow, for `kei-pipeline rules` and `explain`: the workflow is loaded
/// and validated as `run` loads it, and its style is the sheet the loader hands its stages (the journal's
/// chain of layers, then the workflow's own `style:`).
struct WorkflowStyle {
    /// The workflow used when none is named (`Workflows/default.yml`, the one `check` uses).
    static let defaultWorkflow = "default"

    var workflow: Workflow
    var sheet: StyleSheet

    /// Loads `name` (a name under `Workflows/` or a path; nil for the default workflow).
    /// - Throws: ``KeiError/usage(_:)`` when the workflow names no house style; the loader's errors otherwise.
    static func load(_ name: String?, env: CLIEnvironment) throws -> WorkflowStyle {
        let loader = WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: env.workingDirectory)
        let wf = try loader.load(try loader.resolve(name ?? defaultWorkflow))
        guard let sheet = wf.stages.lazy.compactMap(\.options.style).first else {
            throw KeiError.usage("workflow \(wf.displayPath) has no house style: name one with 'style:' in its journal file or in the workflow")
        }
        return WorkflowStyle(workflow: wf, sheet: sheet)
    }

    /// How a layer (a style file as shown in messages) is named in a listing: its file name, or its whole
    /// path when two layers share a file name.
    func shortName(_ layer: String) -> String {
        let name = URL(fileURLWithPath: layer).lastPathComponent
        return sheet.layers.filter { URL(fileURLWithPath: $0).lastPathComponent == name }.count > 1 ? layer : name
    }

    /// A rule's scopes in brief: `default`, the default with changes (`default -note +quotation`), or the list.
    static func scopes(_ scopes: Set<StyleScope>) -> String {
        let order = StyleScope.allCases
        let added = order.filter { scopes.contains($0) && !StyleScope.defaultScopes.contains($0) }.map { "+" + $0.rawValue }
        let removed = order.filter { !scopes.contains($0) && StyleScope.defaultScopes.contains($0) }.map { "-" + $0.rawValue }
        if added.isEmpty && removed.isEmpty { return "default" }
        if added.count + removed.count <= 3 { return (["default"] + removed + added).joined(separator: " ") }
        return order.filter(scopes.contains).map(\.rawValue).joined(separator: ",")
    }
}
