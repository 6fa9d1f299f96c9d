import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs an external command (FOP) with a time limit that holds whatever the command does: the command is
/// started in a process group of its own (`posix_spawn` with `POSIX_SPAWN_SETPGROUP`), and when the limit
/// passes the whole group gets SIGTERM, then SIGKILL after `grace` seconds, so a wrapper script that forks
/// instead of `exec`-ing cannot keep the run waiting. Every wait is bounded (the exit status is polled).
/// stdin is /dev/null, stdout is discarded, stderr goes to a file. Members of the group still running when
/// the command itself exits are killed too.
struct BoundedProcess {
    enum Outcome: Equatable {
        /// The command exited with this status (a signal number + 128 when it was killed by one).
        case finished(Int32)
        /// The time limit passed; the process group was stopped.
        case timedOut
        /// The command could not be started (the reason, from `posix_spawn`).
        case notStarted(String)
    }

    var executable: URL
    var arguments: [String]
    /// Where the command's stderr goes (created or truncated).
    var stderr: URL
    /// Seconds the command may run.
    var timeout: Double
    /// Seconds between SIGTERM and SIGKILL.
    var grace: Double = 5

    func run() -> Outcome {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer { posix_spawn_file_actions_destroy(&actions); posix_spawnattr_destroy(&attributes) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderr.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv = ([executable.path] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var cArgv: [UnsafeMutablePointer<CChar>?] = argv + [nil]
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, &attributes, &cArgv, environ)
        guard spawned == 0 else { return .notStarted(String(cString: strerror(spawned))) }

        if let status = waitForExit(pid, seconds: timeout) {
            kill(-pid, SIGKILL) // stragglers of a wrapper that did not exec
            return .finished(status)
        }
        kill(-pid, SIGTERM)
        if waitForExit(pid, seconds: grace) == nil {
            kill(-pid, SIGKILL)
            _ = waitForExit(pid, seconds: grace)
        }
        kill(-pid, SIGKILL)
        return .timedOut
    }

    /// Polls `waitpid` until the process exits (its status) or `seconds` pass (nil).
    private func waitForExit(_ pid: pid_t, seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                let signal = status & 0x7f
                return signal == 0 ? (status >> 8) & 0xff : 128 + signal
            }
            if result < 0 && errno != EINTR { return -1 }
            if Date() >= deadline { return nil }
            usleep(20_000)
        }
    }
}
