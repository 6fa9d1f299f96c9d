import Foundation
import KeiCore

/// One timed run of `kei-pipeline check` as a child process, the way users run it, for `bench`: every
/// run gets a fresh folder with a copy of the project's `Workflows/` (so `check` finds the same default
/// workflow, house style and timeline, and a cache kept under the run's folder starts cold), writes its
/// outputs to `out/`, its JSON report to `report.json` and its standard output and error to files there.
struct BenchCLIRun {
    /// Wall-clock seconds from launch to exit.
    var wall: Double
    /// User + system CPU seconds of the child (from `getrusage(RUSAGE_CHILDREN)` before and after).
    var cpu: Double
    /// The child's exit status (0 gate passed, 1 gate failed; anything else is an error).
    var status: Int32
    /// The run's folder (the child's working directory).
    var folder: URL

    /// Makes `folder` a run folder: `Workflows/` of `project` copied in when the project has one.
    static func prepare(_ folder: URL, project: URL) throws {
        let fm = FileManager.default
        try? fm.removeItem(at: folder)
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let workflows = project.appendingPathComponent("Workflows")
        if fm.fileExists(atPath: workflows.path) {
            try fm.copyItem(at: workflows, to: folder.appendingPathComponent("Workflows"))
        }
    }

    /// Runs `binary check FILES --output out --report json:report.json --jobs JOBS` (plus `extra`) in
    /// `folder` and waits for it.
    /// - Throws: ``KeiError/input(path:_:)`` when the child cannot start or exits with a status other
    ///   than 0 or 1 (its standard error's last lines are quoted).
    static func run(binary: URL, files: [URL], jobs: Int, in folder: URL, extra: [String] = []) throws -> BenchCLIRun {
        let p = Process()
        p.executableURL = binary
        p.arguments = ["check"] + files.map(\.path) + ["--output", "out", "--report", "json:report.json", "--jobs", String(jobs)] + extra
        p.currentDirectoryURL = folder
        let stdout = folder.appendingPathComponent("stdout.txt"), stderr = folder.appendingPathComponent("stderr.txt")
        FileManager.default.createFile(atPath: stdout.path, contents: nil)
        FileManager.default.createFile(atPath: stderr.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: stdout), errHandle = try FileHandle(forWritingTo: stderr)
        defer { try? outHandle.close(); try? errHandle.close() }
        p.standardOutput = outHandle
        p.standardError = errHandle
        let cpuBefore = childCPUSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        do { try p.run() } catch {
            throw KeiError.input(path: binary.path, "cannot start the kei-pipeline binary: \(error.localizedDescription)")
        }
        p.waitUntilExit()
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let status = p.terminationStatus
        guard p.terminationReason == .exit, status == 0 || status == 1 else {
            let tail = ((try? String(contentsOf: stderr, encoding: .utf8)) ?? "").split(separator: "\n").suffix(5).joined(separator: "\n")
            throw KeiError.input(path: binary.path, "the benchmark's check run exited with status \(status): \(tail)")
        }
        return BenchCLIRun(wall: wall, cpu: childCPUSeconds() - cpuBefore, status: status, folder: folder)
    }

    /// User + system CPU seconds of every child waited for so far.
    static func childCPUSeconds() -> Double {
        let u = childUsage()
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }

    /// The largest peak resident set of any child waited for so far, in bytes (`ru_maxrss`, which Linux
    /// gives in KiB).
    static func peakChildBytes() -> Int {
        Int(childUsage().ru_maxrss) * 1024
    }

    private static func childUsage() -> rusage {
        var u = rusage()
        _ = getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &u)
        return u
    }
}
