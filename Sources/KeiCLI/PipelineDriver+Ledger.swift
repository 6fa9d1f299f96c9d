import ArgumentParser
import Foundation
import KeiCore
import KeiLedger

extension PipelineDriver {
    /// The arguments of the running `KeiCLI.main` call (recorded in the ledger's `runs.command`).
    @TaskLocal static var arguments: [String] = []

    /// `kei-pipeline` and the arguments, space-separated.
    static var commandLine: String { (["kei-pipeline"] + arguments).joined(separator: " ") }

    /// Whether neither `--state-dir` nor `KEI_STATE_DIR` names the ledger folder (it is `.kei` under the project root).
    static func isDefaultStateDirectory(_ option: String?) -> Bool {
        option == nil && (ProcessInfo.processInfo.environment["KEI_STATE_DIR"] ?? "").isEmpty
    }

    /// The ledger folder: `--state-dir` (relative to the working directory), else `KEI_STATE_DIR`, else
    /// `.kei` under `projectRoot`.
    static func stateDirectory(_ option: String?, projectRoot: URL, env: CLIEnvironment) -> URL {
        if let dir = option ?? ProcessInfo.processInfo.environment["KEI_STATE_DIR"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return (dir.hasPrefix("/") ? URL(fileURLWithPath: dir) : env.workingDirectory.appendingPathComponent(dir)).standardizedFileURL
        }
        return projectRoot.appendingPathComponent(".kei").standardizedFileURL
    }

    /// The project root for commands that read the ledger without running: the nearest folder holding
    /// `Workflows/`, walking up from `start` (the working directory); `start` itself when none does.
    static func projectRoot(from start: URL) -> URL {
        var dir = start.standardizedFileURL
        while true {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Workflows").path, isDirectory: &isDir), isDir.boolValue {
                return dir
            }
            let parent = dir.deletingLastPathComponent().standardizedFileURL
            if parent.path == dir.path { return start.standardizedFileURL }
            dir = parent
        }
    }

    /// The ledger database for `status`/`history`: `ledger.sqlite` in ``stateDirectory(_:projectRoot:env:)``.
    /// Throws ``KeiError/input(path:_:)`` (exit 2) naming the state folder when it exists but is not a folder.
    static func ledgerDatabase(_ option: String?, projectRoot: URL, env: CLIEnvironment) throws -> URL {
        let dir = stateDirectory(option, projectRoot: projectRoot, env: env)
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), !isDir.boolValue {
            throw KeiError.input(path: FileIO.displayPath(dir, relativeTo: env.workingDirectory),
                                 "this is a file, not the ledger's folder: move or delete it, or pass --state-dir with another folder")
        }
        return dir.appendingPathComponent("ledger.sqlite")
    }

    /// `--state-dir ""` is refused (it would put the ledger in the working directory).
    static func validateStateDir(_ option: String?) throws {
        if option?.isEmpty == true { throw ValidationError("--state-dir needs a folder (an empty value is not one)") }
    }
}

extension LedgerSession {
    /// The session for a run of `workflow` with `options` (`--state-dir`, `--no-cache`, `--force`, and the
    /// flags that change results: `--fix`, `--check-links`, `--strict`).
    /// `ledgerName` is the name the run is recorded under (batch passes a back issue's name), else
    /// ``LedgerSession/workflowID(_:)``.
    convenience init(options: PipelineOptions, workflow: Workflow, env: CLIEnvironment, ledgerName: String? = nil) {
        var flags: [String] = []
        if options.fix { flags.append("fix") }
        if options.checkLinks { flags.append("check-links") }
        if options.strict { flags.append("strict") }
        self.init(directory: PipelineDriver.stateDirectory(options.stateDir, projectRoot: workflow.projectRoot, env: env),
                  readCache: !options.noCache && !options.force, writeCache: !options.noCache, flags: flags,
                  toolVersion: LedgerSession.toolVersion(KeiCLI.version),
                  confinedTo: PipelineDriver.isDefaultStateDirectory(options.stateDir) ? workflow.projectRoot : nil)
        workflowName = ledgerName ?? LedgerSession.workflowID(workflow)
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
