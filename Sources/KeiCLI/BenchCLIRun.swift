import Foundation
import KeiCore

/// One timed run of `kei-pipeline batch` as a child process, the way users run it over a back issue, for
/// `bench`: every run gets a fresh folder with a copy of the project's `Workflows/` (so `batch` finds the
/// same default workflow, house style and timeline, and the cache kept under the run's `.kei/` starts
/// cold) and a `pages/` folder of hard links to the pages measured (one back issue), writes its outputs
/// to `out/`, its JSON report to `report.json` and its standard output and error to files there.
struct BenchCLIRun {
    /// Wall-clock seconds from launch to exit.
    var wall: Double
    /// User + system CPU seconds of the child (from `getrusage(RUSAGE_CHILDREN)` before and after).
    var cpu: Double
    /// The child's exit status (0 gate passed, 1 gate failed; anything else is an error).
    var status: Int32
    /// The run's folder (the child's working directory).
    var folder: URL
    /// The articles the run took from its cache (the `N cached` of batch's total line); nil when the
    /// summary has no such line.
    var cached: Int?

    /// Makes `folder` a run folder: `Workflows/` of `project` copied in when the project has one, and
    /// `pages/` holding `files` (hard links, copies where a link cannot be made).
    static func prepare(_ folder: URL, project: URL, files: [URL]) throws {
        let fm = FileManager.default
        try? fm.removeItem(at: folder)
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let workflows = project.appendingPathComponent("Workflows")
        if fm.fileExists(atPath: workflows.path) {
            try fm.copyItem(at: workflows, to: folder.appendingPathComponent("Workflows"))
        }
        let pages = folder.appendingPathComponent("pages")
        try fm.createDirectory(at: pages, withIntermediateDirectories: true)
        for file in files {
            let to = pages.appendingPathComponent(file.lastPathComponent)
            do { try fm.linkItem(at: file, to: to) } catch { try fm.copyItem(at: file, to: to) }
        }
    }

    /// Runs `binary batch pages --output out --report json:report.json --jobs JOBS --quiet` (plus `extra`)
    /// in `folder` and waits for it.
    /// - Throws: ``KeiError/input(path:_:)`` when the child cannot start or exits with a status other
    ///   than 0 or 1 (its standard error's last lines are quoted).
    static func run(binary: URL, jobs: Int, in folder: URL, extra: [String] = []) throws -> BenchCLIRun {
        let p = Process()
        p.executableURL = binary
        p.arguments = ["batch", "pages", "--output", "out", "--report", "json:report.json", "--jobs", String(jobs), "--quiet"] + extra
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
            throw KeiError.input(path: binary.path, "the benchmark's batch run exited with status \(status): \(tail)")
        }
        let summary = (try? String(contentsOf: stdout, encoding: .utf8)) ?? ""
        return BenchCLIRun(wall: wall, cpu: childCPUSeconds() - cpuBefore, status: status, folder: folder,
                           cached: cachedCount(summary))
    }

    /// The `M` of batch's total line (`… N article(s), M cached, …`), or nil without one.
    static func cachedCount(_ summary: String) -> Int? {
        guard let line = summary.split(separator: "\n").last(where: { $0.hasPrefix("total: ") }),
              let end = line.range(of: " cached,") else { return nil }
        return Int(line[..<end.lowerBound].split(separator: " ").last ?? "")
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
