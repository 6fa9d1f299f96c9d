import ArgumentParser
import Foundation
import KeiCore

/// `kei-pipeline rules [WORKFLOW]`: the effective house-style rules of a workflow, each with the layer
/// that defined it and the layers that changed it.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the effective house-style rules of a workflow, with the layer each came from.",
        discussion: "WORKFLOW is a name under Workflows/ or a path; without one, Workflows/default.yml. The style is the journal's chain of layers (its 'style:' file and what that extends) with the workflow's own 'style:' on top. Exit codes: 0 listed, 2 usage or configuration error.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Workflow name under Workflows/ or path to a workflow file (default: default).")
    var workflow: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let env = CLIEnvironment.current
        let style = try WorkflowStyle.load(workflow, env: env)
        env.out(format == .json ? Self.json(style).serialized() : ControlCharacters.visibleLines(Self.text(style)))
    }

    /// The listing: the layers lowest first, then one line per rule sorted by id.
    static func text(_ style: WorkflowStyle) -> String {
        let sheet = style.sheet
        var s = "House style of \(style.workflow.name) (\(style.workflow.displayPath)), layers lowest first:\n"
        for (i, layer) in sheet.layers.enumerated() {
            s += "  \(i + 1). \(layer) — \(sheet.layerNames[i])\n"
        }
        let off = sheet.rules.count - sheet.enabledRules.count
        s += "\(sheet.rules.count) rule\(sheet.rules.count == 1 ? "" : "s"), \(sheet.enabledRules.count) enabled\(off > 0 ? ", \(off) off" : "")\n\n"
        let header = ["RULE", "KIND", "SEVERITY", "FIX", "SCOPES", "FROM", "CHANGED BY", "STATE"]
        let rows = sheet.rules.map { r -> [String] in
            let changed = r.layers.dropFirst().map(style.shortName)
            return [r.id, r.kind.rawValue, r.severity.rawValue, r.fix.rawValue, WorkflowStyle.scopes(r.scopes),
                    r.layers.first.map(style.shortName) ?? "-", changed.isEmpty ? "-" : changed.joined(separator: ", "),
                    r.enabled ? "on" : "off"]
        }
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        for row in [header] + rows {
            s += row.enumerated().map { c, cell in c == row.count - 1 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: "  ") + "\n"
        }
        s += "\n`kei-pipeline explain RULE-ID` shows a rule's description, source and examples.\n"
        return s
    }

    static func json(_ style: WorkflowStyle) -> JSONValue {
        let sheet = style.sheet
        let layers = sheet.layers.enumerated().map { i, file in
            JSONValue.object([("file", .string(file)), ("name", .string(sheet.layerNames[i]))])
        }
        let rules = sheet.rules.map { r in
            JSONValue.object([
                ("id", .string(r.id)), ("kind", .string(r.kind.rawValue)), ("severity", .string(r.severity.rawValue)),
                ("fix", .string(r.fix.rawValue)),
                ("scopes", .array(StyleScope.allCases.filter(r.scopes.contains).map { .string($0.rawValue) })),
                ("enabled", .bool(r.enabled)), ("defined_in", .optional(r.layers.first)),
                ("changed_in", .array(r.layers.dropFirst().map { .string($0) })),
                ("description", .string(r.description)),
            ])
        }
        return .object([("workflow", .string(style.workflow.name)), ("workflow_file", .string(style.workflow.displayPath)),
                        ("layers", .array(layers)), ("rules", .array(rules))])
    }
}
