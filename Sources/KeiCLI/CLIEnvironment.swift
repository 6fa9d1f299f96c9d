import Foundation

/// Where a CLI invocation reads and writes: the working directory and the two output streams.
/// Tests drive the CLI in process with their own environment; `main` uses the process's.
public struct CLIEnvironment: Sendable {
    public var workingDirectory: URL
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void

    public init(workingDirectory: URL, out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
        self.workingDirectory = workingDirectory
        self.out = out
        self.err = err
    }

    /// The process's working directory, stdout and stderr.
    public static var process: CLIEnvironment {
        CLIEnvironment(
            workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            out: { s in FileHandle.standardOutput.write(Data(s.utf8)) },
            err: { s in FileHandle.standardError.write(Data(s.utf8)) })
    }

    @TaskLocal public static var current: CLIEnvironment = .process
}
