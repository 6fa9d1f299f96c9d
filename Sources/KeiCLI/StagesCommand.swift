import ArgumentParser
import KeiCore
import KeiStages

/// `kei-pipeline stages [ID]`: the stage ids with one-line summaries, or one stage in full.
struct StagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages",
        abstract: "List the stage ids with one-line summaries (or show one stage's options and rules).")

    @Argument(help: "A stage id to describe in full.")
    var id: String?

    func run() throws {
        let env = CLIEnvironment.current
        let stages = BuiltInStages.all.map { $0.description }
        if let id {
            guard let d = stages.first(where: { $0.id == id }) else {
                throw KeiError.usage("unknown stage id '\(id)'; known stages: \(stages.map(\.id).joined(separator: ", "))")
            }
            var s = "\(d.id) (\(d.kind.rawValue))\n  \(d.summary)\n"
            if !d.options.isEmpty {
                s += "options:\n"
                for o in d.options { s += "  \(o.name): \(o.type) (default \(o.defaultValue)) — \(o.summary)\n" }
            }
            if !d.messages.isEmpty {
                s += "rules:\n"
                for m in d.messages { s += "  \(m.rule) [\(m.severity.rawValue)] \(m.summary)\n" }
            }
            env.out(s)
            return
        }
        let width = stages.map(\.id.count).max() ?? 0
        var s = ""
        for d in stages {
            s += d.id + String(repeating: " ", count: width - d.id.count) + "  " + d.kind.rawValue
                + String(repeating: " ", count: 9 - d.kind.rawValue.count) + "  " + d.summary + "\n"
        }
        env.out(s)
    }
}
