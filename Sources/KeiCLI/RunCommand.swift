import ArgumentParser
import Foundation
import KeiCore
import KeiStages

/// `kei-pipeline run WORKFLOW`: every article of an issue through the workflow's stages.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a workflow (an issue) end to end: ingest, checks, JATS, issue stages.",
        discussion: "WORKFLOW is a name under Workflows/ (issue-3-2 → Workflows/issue-3-2.yml) or a path. Exit codes: 0 gate passed, 1 gate failed, 2 usage, configuration or input error.")

    @Argument(help: "Workflow name under Workflows/ or path to a workflow file.")
    var workflow: String

    @OptionGroup var options: PipelineOptions

    func run() throws {
        let env = CLIEnvironment.current
        Interruption.install(for: env)
        let loader = WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: env.workingDirectory)
        let url = try loader.resolve(workflow)
        let wf = try loader.load(url, outputOverride: PipelineDriver.outputURL(options.output, env: env))
        let code = try PipelineDriver.execute(wf, options: options, env: env)
        if code != 0 { throw ExitCode(code) }
    }
}
