import ArgumentParser
import Foundation
import KeiCore
import KeiStages

/// `kei-pipeline check FILE...`: ad-hoc article pages through the default workflow.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check ad-hoc article pages through the default workflow (Workflows/default.yml).",
        discussion: "Without Workflows/default.yml in the working directory, a built-in default is used (ingest.html, check.metadata, check.citations, emit.jats; fail on errors; output to out/check): it has no journal and so no house style (lint.style needs a project's Workflows/styles); the report then carries pipeline.style-not-checked (info) and a note goes to stderr. Exit codes: 0 gate passed, 1 gate failed, 2 usage, configuration or input error.")

    @Argument(help: "HTML article pages to check.")
    var files: [String]

    @Option(name: .long, help: "Workflow whose stages and gates to use (name under Workflows/ or path).")
    var workflow: String?

    @OptionGroup var options: PipelineOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one article file to check") }
    }

    func run() throws {
        let env = CLIEnvironment.current
        Interruption.install(for: env)
        let loader = WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: env.workingDirectory)
        let sources = files.map { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : env.workingDirectory.appendingPathComponent($0) }
        let output = PipelineDriver.outputURL(options.output, env: env)
        let wf: Workflow
        var builtIn = false
        if let workflow {
            wf = try loader.load(try loader.resolve(workflow), extraSources: sources, outputOverride: output)
        } else if let url = try? loader.resolve("default") {
            wf = try loader.load(url, extraSources: sources, outputOverride: output)
        } else {
            builtIn = true
            wf = try loader.load(text: DefaultWorkflow.yaml, displayPath: "(built-in default workflow)",
                                 folder: env.workingDirectory, projectRoot: env.workingDirectory, defaultName: "check",
                                 extraSources: sources, outputOverride: output)
        }
        // Say so when no house style was checked: outside a project that is easy to miss.
        let notice = Runner.styleNotCheckedNotice(wf, builtIn: builtIn)
        if let notice { env.err(ControlCharacters.visible("note: \(notice.message) \(notice.fix ?? "")") + "\n") }
        let code = try PipelineDriver.execute(wf, options: options, env: env, notices: notice.map { [$0] } ?? [])
        if code != 0 { throw ExitCode(code) }
    }
}
