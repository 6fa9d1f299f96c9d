import ArgumentParser
import Foundation
import KeiCore
import KeiDocument
import KeiStages

/// Runs a loaded workflow and writes its reports; shared by `run` and `check`.
enum PipelineDriver {
    /// Runs `workflow` and writes the reports; `notices` (the runner's own diagnostics about the run as
    /// a whole, such as `pipeline.style-not-checked`) are reported with the issue's diagnostics.
    static func execute(_ workflow: Workflow, options: PipelineOptions, env: CLIEnvironment, notices: [Diagnostic] = []) throws -> Int32 {
        var runner = Runner(jobs: options.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        runner.fix = options.fix
        runner.checkLinks = options.checkLinks
        runner.knownRules = Set(BuiltInStages.all.flatMap { $0.description.messages.map(\.rule) } + Runner.messages.map(\.rule))
        var result = runner.run(workflow, workingDirectory: env.workingDirectory, strict: options.strict)
        result.issueDiagnostics += notices
        let specs = options.report.isEmpty ? [ReportSpec(argument: "text")!] : options.report
        let reportOptions = ReportOptions(showInfo: options.showInfo)
        for spec in specs {
            guard let type = Reporters.reporter(id: spec.format) else { continue }
            let text = type.init(options: reportOptions).render(result)
            if let path = spec.path {
                let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : env.workingDirectory.appendingPathComponent(path)
                try FileIO.writeAtomically(Data(text.utf8), to: url, display: path)
            } else {
                env.out(text)
            }
        }
        return result.exitCode
    }

    static func outputURL(_ path: String?, env: CLIEnvironment) -> URL? {
        guard let path else { return nil }
        return (path.hasPrefix("/") ? URL(fileURLWithPath: path) : env.workingDirectory.appendingPathComponent(path)).standardizedFileURL
    }
}
