import ArgumentParser
import Foundation
import KeiCore

/// Entry point of the command-line interface, usable in process (tests) and from `main`.
public enum KeiCLI {
    public static let version = "0.1.0"

    /// Runs `kei-pipeline` with `arguments` (without the program name) and returns the exit code:
    /// 0 gate passed, 1 gate failed, 2 usage, configuration or input error.
    public static func main(_ arguments: [String], environment: CLIEnvironment = .process) -> Int32 {
        CLIEnvironment.$current.withValue(environment) { PipelineDriver.$arguments.withValue(arguments) {
            do {
                var command = try KeiPipelineCommand.parseAsRoot(arguments)
                try command.run()
                return 0
            } catch let e as WorkflowError {
                environment.err(e.description + "\n")
                return 2
            } catch let e as KeiError {
                environment.err(e.description + "\n")
                return e.exitCode
            } catch {
                let code = KeiPipelineCommand.exitCode(for: error).rawValue
                let message = KeiPipelineCommand.fullMessage(for: error)
                if code == 0 {
                    if !message.isEmpty { environment.out(message + "\n") }
                    return 0
                }
                if error is ExitCode { return code }
                if !message.isEmpty { environment.err(ControlCharacters.visibleLines(message) + "\n") }
                return 2
            }
        } }
    }
}
