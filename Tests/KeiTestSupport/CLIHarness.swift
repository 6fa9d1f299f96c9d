import Foundation
import KeiCLI

/// Drives the CLI in process and captures what it prints.
public enum CLIHarness {
    public struct Result: Sendable {
        public var code: Int32
        public var out: String
        public var err: String
    }

    final class Buffer: @unchecked Sendable {
        private var text = ""
        private let lock = NSLock()
        func append(_ s: String) { lock.lock(); text += s; lock.unlock() }
        var value: String { lock.lock(); defer { lock.unlock() }; return text }
    }

    /// `errIsTerminal` makes the command believe stderr is a terminal (progress bars).
    public static func run(_ arguments: [String], in directory: URL = TestPaths.root, errIsTerminal: Bool = false) -> Result {
        let out = Buffer(), err = Buffer()
        let env = CLIEnvironment(workingDirectory: directory, out: { out.append($0) }, err: { err.append($0) },
                                 errIsTerminal: errIsTerminal)
        let code = KeiCLI.main(arguments, environment: env)
        return Result(code: code, out: out.value, err: err.value)
    }

    /// Runs the built `kei-pipeline` binary (from `.build/debug`), for end-to-end tests; `input`, when
    /// given, is written to its standard input (which is closed after it); `environment`, when given,
    /// replaces the process environment.
    public static func runBinary(_ arguments: [String], in directory: URL = TestPaths.root, input: Data? = nil,
                                 environment: [String: String]? = nil) throws -> Result {
        try runCommand(TestPaths.root.appendingPathComponent(".build/debug/kei-pipeline").path, arguments, in: directory,
                       input: input, environment: environment)
    }

    /// Runs any program (e.g. `script` to give the binary a pseudo-terminal), as ``runBinary`` does.
    public static func runCommand(_ executable: String, _ arguments: [String], in directory: URL = TestPaths.root,
                                  input: Data? = nil, environment: [String: String]? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.currentDirectoryURL = directory
        if let environment { p.environment = environment }
        let outPipe = Pipe(), errPipe = Pipe()
        p.standardOutput = outPipe
        p.standardError = errPipe
        let inPipe = Pipe()
        if input != nil { p.standardInput = inPipe }
        try p.run()
        if let input {
            // Written from another thread so a large input cannot deadlock against a full output pipe.
            let writer = inPipe.fileHandleForWriting
            Thread.detachNewThread { writer.write(input); try? writer.close() }
        }
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        let errData = errPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(code: p.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                      err: String(decoding: errData, as: UTF8.self))
    }
}
