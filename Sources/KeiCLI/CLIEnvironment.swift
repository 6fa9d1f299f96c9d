import Foundation

/// Where a CLI invocation reads and writes: the working directory and the two output streams.
/// Tests drive the CLI in process with their own environment; `main` uses the process's.
public struct CLIEnvironment: Sendable {
    public var workingDirectory: URL
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void
    /// True when `err` writes to a terminal (`isatty(2)` for the process): commands then draw progress
    /// bars there. Tests set it to force a bar without a terminal.
    public var errIsTerminal: Bool
    /// True for the process's own environment (``process``): `run`, `check` and `batch` then catch SIGINT
    /// and SIGTERM (``Interruption``). False for environments made by tests, which run the CLI in process.
    public var handlesSignals: Bool

    public init(workingDirectory: URL, out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
                errIsTerminal: Bool = false, handlesSignals: Bool = false) {
        self.workingDirectory = workingDirectory
        self.out = out
        self.err = err
        self.errIsTerminal = errIsTerminal
        self.handlesSignals = handlesSignals
    }

    /// The process's working directory, stdout and stderr.
    public static var process: CLIEnvironment {
        CLIEnvironment(
            workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            out: { s in FileHandle.standardOutput.write(Data(s.utf8)) },
            err: { s in FileHandle.standardError.write(Data(s.utf8)) },
            errIsTerminal: isatty(2) == 1, handlesSignals: true)
    }

    @TaskLocal public static var current: CLIEnvironment = .process
}
