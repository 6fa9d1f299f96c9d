import Dispatch
import Foundation
import KeiCore

/// What `run`, `check` and `batch` do when SIGINT (Ctrl-C) or SIGTERM arrives during a run: remove the
/// temporary files being written (``TemporaryFiles/removeAll()``; every output already renamed into place
/// is whole, see ``FileIO/writeAtomically(_:to:display:)``), run the cleanups registered with
/// ``addCleanup(_:)``, print one plain line to stderr
///
///     interrupted (SIGINT): 12 articles done, outputs written so far are complete; run again to finish
///
/// and exit 130 (SIGINT) or 143 (SIGTERM), the shell's 128 + signal number. Reports are written only at
/// the end of a run, so an interrupted run writes none and leaves the previous ones as they were.
///
/// The signals are caught with Dispatch signal sources on a queue of their own (after `signal(_, SIG_IGN)`),
/// so the work is done in ordinary code, not in an async-signal handler. Installed only by the executable's
/// commands (``CLIEnvironment/handlesSignals``), never when the CLI runs inside a test process.
enum Interruption {
    /// Exit status for an interrupted run: 130 after SIGINT, 143 after SIGTERM.
    static func exitCode(for signal: Int32) -> Int32 { 128 + signal }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    nonisolated(unsafe) private static var cleanups: [@Sendable () -> Void] = []
    nonisolated(unsafe) private static var finished = 0
    private static let queue = DispatchQueue(label: "kei-pipeline.signals")

    /// Catches SIGINT and SIGTERM for the rest of the process (idempotent).
    static func install() {
        lock.lock(); defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { interrupted(by: number, name: name) }
            source.resume()
            sources.append(source)
        }
    }

    /// Installs the handlers when `env` is the process's own (``CLIEnvironment/handlesSignals``).
    static func install(for env: CLIEnvironment) {
        if env.handlesSignals { install() }
    }

    /// Counts one finished article (for the interruption line).
    static func articleFinished() {
        lock.lock(); defer { lock.unlock() }
        finished += 1
    }

    /// Runs `cleanup` when the run is interrupted (before the process exits), e.g. to remove a lock file.
    static func addCleanup(_ cleanup: @escaping @Sendable () -> Void) {
        lock.lock(); defer { lock.unlock() }
        cleanups.append(cleanup)
    }

    /// The line printed on stderr after `name` (`SIGINT`, `SIGTERM`) with `done` articles finished.
    static func message(signal name: String, done: Int) -> String {
        "interrupted (\(name)): \(done) article\(done == 1 ? "" : "s") done, outputs written so far are complete; run again to finish"
    }

    private static func interrupted(by number: Int32, name: String) -> Never {
        // Workers go on while this runs: a write that registered its temporary file just before the first
        // pass may create it just after, so a second pass follows a short pause.
        let first = TemporaryFiles.current
        TemporaryFiles.removeAll()
        usleep(50_000)
        for path in first { unlink(path) }
        TemporaryFiles.removeAll()
        lock.lock()
        let done = finished, toRun = cleanups
        lock.unlock()
        for cleanup in toRun { cleanup() }
        let line = Array((message(signal: name, done: done) + "\n").utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        _exit(exitCode(for: number))
    }
}
