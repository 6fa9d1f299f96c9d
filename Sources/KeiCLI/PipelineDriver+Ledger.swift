import Foundation
import KeiCore
import KeiLedger

extension PipelineDriver {
    /// The arguments of the running `KeiCLI.main` call (recorded in the ledger's `runs.command`).
    @TaskLocal static var arguments: [String] = []

    /// `kei-pipeline` and the arguments, space-separated.
    static var commandLine: String { (["kei-pipeline"] + arguments).joined(separator: " ") }

    /// The ledger folder: `--state-dir` (relative to the working directory), else `KEI_STATE_DIR`, else
    /// `.kei` under `projectRoot`.
    static func stateDirectory(_ option: String?, projectRoot: URL, env: CLIEnvironment) -> URL {
        if let dir = option ?? ProcessInfo.processInfo.environment["KEI_STATE_DIR"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return (dir.hasPrefix("/") ? URL(fileURLWithPath: dir) : env.workingDirectory.appendingPathComponent(dir)).standardizedFileURL
        }
        return projectRoot.appendingPathComponent(".kei").standardizedFileURL
    }
}

extension LedgerSession {
    /// The session for a run of `workflow` with `options` (`--state-dir`, `--no-cache`, `--force`, and the
    /// flags that change results: `--fix`, `--check-links`, `--strict`).
    convenience init(options: PipelineOptions, workflow: Workflow, env: CLIEnvironment) {
        var flags: [String] = []
        if options.fix { flags.append("fix") }
        if options.checkLinks { flags.append("check-links") }
        if options.strict { flags.append("strict") }
        self.init(directory: PipelineDriver.stateDirectory(options.stateDir, projectRoot: workflow.projectRoot, env: env),
                  readCache: !options.noCache && !options.force, writeCache: !options.noCache, flags: flags,
                  toolVersion: LedgerSession.toolVersion(KeiCLI.version))
    }
}

extension PipelineDriver {
    /// `value` as pretty JSON with sorted keys (deterministic).
    static func json<T: Encodable>(_ value: T) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? e.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }
}
