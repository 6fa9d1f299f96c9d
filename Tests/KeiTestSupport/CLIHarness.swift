import Foundation
import KeiCLI

/// Drives the CLI in process and captures what it prints.
public enum CLIHarness {
    public struct Result: Sendable {
        public var code: Int32
        public var out: String
        public var err: String
        /// The signal that ended the process, when one did (a crash, or the kill of a timeout).
        public var signal: Int32? = nil
        /// Whether the run was killed because it outlived its `timeout`.
        public var timedOut = false
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
    /// replaces the process environment; `timeout`, when given, is the seconds after which the child is
    /// killed (SIGKILL) and the result says `timedOut`, so a hang fails a test instead of stalling it.
    public static func runBinary(_ arguments: [String], in directory: URL = TestPaths.root, input: Data? = nil,
                                 environment: [String: String]? = nil, timeout: Double? = nil) throws -> Result {
        try runCommand(binaryPath, arguments, in: directory, input: input, environment: environment, timeout: timeout)
    }

    /// The `kei-pipeline` binary built with the running tests: the one next to the test executable (so a
    /// sanitizer build in `.build/asan` runs its own binary), else `.build/debug/kei-pipeline`.
    public static let binaryPath: String = {
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            let sibling = URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("kei-pipeline").path
            if FileManager.default.isExecutableFile(atPath: sibling) { return sibling }
        }
        return TestPaths.root.appendingPathComponent(".build/debug/kei-pipeline").path
    }()

    /// Runs any program (e.g. `script` to give the binary a pseudo-terminal), as ``runBinary`` does.
    public static func runCommand(_ executable: String, _ arguments: [String], in directory: URL = TestPaths.root,
                                  input: Data? = nil, environment: [String: String]? = nil,
                                  timeout: Double? = nil) throws -> Result {
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
        let killed = Locked(false)
        let pid = p.processIdentifier
        let killer = DispatchWorkItem { killed.value = true; kill(pid, SIGKILL) }
        if let timeout { DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer) }
        // stderr is drained on its own thread so that a child filling it cannot block on a full pipe.
        let errData = Locked(Data()), errDone = DispatchSemaphore(value: 0)
        let errReader = errPipe.fileHandleForReading
        Thread.detachNewThread { errData.value = errReader.readDataToEndOfFile(); errDone.signal() }
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        p.waitUntilExit()
        killer.cancel()
        var result = Result(code: p.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                            err: String(decoding: errData.value, as: UTF8.self))
        if p.terminationReason == .uncaughtSignal { result.signal = p.terminationStatus }
        result.timedOut = killed.value
        return result
    }

    /// A value shared between threads.
    final class Locked<Value>: @unchecked Sendable {
        private var stored: Value
        private let lock = NSLock()
        init(_ value: Value) { stored = value }
        var value: Value {
            get { lock.lock(); defer { lock.unlock() }; return stored }
            set { lock.lock(); stored = newValue; lock.unlock() }
        }
    }
}
