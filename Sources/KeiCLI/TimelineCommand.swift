import ArgumentParser
import Foundation
import KeiCore
import KeiDates
import KeiStages

/// `kei-pipeline timeline [--workflow W]`: loads a workflow's timeline knowledge base as `run` loads it
/// and prints what it holds (events by kind, offices with their terms, unverified entries), or every
/// error in it with file:line:column (exit 2), so editors can validate an edit to `timeline.yml`.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Validate a workflow's timeline knowledge base and print its counts.",
        discussion: "The timeline is the workflow's 'timeline:' file, else its journal's. Exit codes: 0 loaded, 2 usage or configuration error (each timeline error with file:line:column).")

    @Option(help: "Workflow name under Workflows/ or path to a workflow file (default: default).")
    var workflow: String?

    func run() throws {
        let env = CLIEnvironment.current
        let loader = WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: env.workingDirectory)
        let wf = try loader.load(try loader.resolve(workflow ?? WorkflowStyle.defaultWorkflow))
        guard let timeline = wf.stages.lazy.compactMap(\.options.timeline).first else {
            throw KeiError.usage("workflow \(wf.displayPath) has no timeline: name one with 'timeline:' in its journal file or in the workflow")
        }
        env.out(ControlCharacters.visibleLines(Self.text(timeline)))
    }

    /// The counts: entries, events by kind (in the schema's order), offices with their terms, unverified entries.
    static func text(_ t: Timeline) -> String {
        let terms = t.offices.flatMap(\.holders)
        var s = "\(t.file): \(t.entryCount) entries (\(t.events.count) events, \(terms.count) office terms in \(t.offices.count) offices)\n"
        s += "events by kind:\n"
        for kind in TimelineEventKind.allCases {
            let n = t.events.filter { $0.kind == kind }.count
            if n > 0 { s += "  \(kind.rawValue): \(n)\n" }
        }
        s += "offices:\n"
        for o in t.offices {
            let current = o.holders.filter { $0.end == nil }.map(\.person)
            s += "  \(o.id) (\(o.office)): \(o.holders.count) term\(o.holders.count == 1 ? "" : "s")"
            s += current.isEmpty ? "\n" : ", in office: \(current.joined(separator: ", "))\n"
        }
        let unverified = t.events.filter { !$0.verified }.count + terms.filter { !$0.verified }.count
        s += "unverified entries: \(unverified)\n"
        return s
    }
}
