import Foundation
import KeiCore

/// The memory rows of `bench` (issue 12): the peak resident memory of a `kei-pipeline batch` child run
/// on generated pages at the default `limits.max-source-bytes` made only of tiny elements (`<p>a</p>`
/// repeated), the page shape that costs the most memory per byte; one page on one worker, and two
/// pages on two workers. The target is at most 1.5 GB per article.
///
/// The child is started with `posix_spawn` and reaped with `wait4`, so its figure is its own peak
/// (`ru_maxrss`), not the largest of every child the bench ran (`getrusage(RUSAGE_CHILDREN)`).
struct BenchMemoryRun {
    /// Wall-clock seconds from launch to exit.
    var wall: Double
    /// The child's peak resident set, in bytes.
    var peakBytes: Int
    /// The child's exit status (0 gate passed, 1 gate failed).
    var status: Int32
    /// The run's JSON report (empty when the child wrote none).
    var report: String

    /// The largest peak resident memory one article may take, in bytes (issue 12: 1.5 GB).
    static let target = 1_500_000_000

    /// A page of `bytes` bytes at most: a minimal head, then `<p>a</p>` repeated, then the closing tags.
    static func tinyElementPage(bytes: Int) -> Data {
        let head = Array("<html lang=\"en\"><head><title>T</title></head><body><article><h1>T</h1>\n".utf8)
        let tail = Array("</article></body></html>\n".utf8)
        let unit = Array("<p>a</p>".utf8)
        var page = head
        let n = max(0, (bytes - head.count - tail.count) / unit.count)
        page.reserveCapacity(head.count + n * unit.count + tail.count)
        for _ in 0..<n { page += unit }
        page += tail
        return Data(page)
    }

    /// Makes `folder` a run folder (``BenchCLIRun/prepare(_:project:files:)``) whose `pages/` holds
    /// `count` generated pages of `bytes` bytes each.
    static func prepare(_ folder: URL, project: URL, count: Int, bytes: Int) throws {
        let source = folder.appendingPathComponent("generated")
        try? FileManager.default.removeItem(at: source)
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        let page = tinyElementPage(bytes: bytes)
        var files: [URL] = []
        for i in 1...max(1, count) {
            let url = source.appendingPathComponent("tiny-\(i).html")
            try page.write(to: url)
            files.append(url)
        }
        try BenchCLIRun.prepare(folder.appendingPathComponent("run"), project: project, files: files)
    }

    /// Runs `binary batch pages --output out --report json:report.json --jobs JOBS --quiet` (plus `extra`)
    /// in `folder/run` (made by ``prepare(_:project:count:bytes:)``) and waits for it.
    /// - Throws: ``KeiError/input(path:_:)`` when the child cannot start, is killed, or exits with a status
    ///   other than 0 or 1.
    static func run(binary: URL, jobs: Int, in folder: URL, extra: [String] = []) throws -> BenchMemoryRun {
        let dir = folder.appendingPathComponent("run")
        // sh changes to the run folder and execs the binary: the waited-for process is kei-pipeline itself.
        let script = "cd \"$1\" && shift && exec \"$@\" >stdout.txt 2>stderr.txt"
        let args = ["/bin/sh", "-c", script, "sh", dir.path, binary.path, "batch", "pages", "--output", "out",
                    "--report", "json:report.json", "--jobs", String(jobs), "--quiet"] + extra
        var cargs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) }
        cargs.append(nil)
        var cenv: [UnsafeMutablePointer<CChar>?] = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") }
        cenv.append(nil)
        defer { for a in cargs + cenv { free(a) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let rc = posix_spawn(&pid, "/bin/sh", nil, nil, cargs, cenv)
        guard rc == 0 else {
            throw KeiError.input(path: binary.path, "cannot start the kei-pipeline binary: \(String(cString: strerror(rc)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw KeiError.input(path: binary.path, "cannot wait for the benchmark's child: \(String(cString: strerror(errno)))") }
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let signal = status & 0x7F, exit = (status >> 8) & 0xFF
        guard signal == 0, exit == 0 || exit == 1 else {
            let stderr = (try? String(contentsOf: dir.appendingPathComponent("stderr.txt"), encoding: .utf8)) ?? ""
            let tail = stderr.split(separator: "\n").suffix(5).joined(separator: "\n")
            let how = signal != 0 ? "was killed by signal \(signal)" : "exited with status \(exit)"
            throw KeiError.input(path: binary.path, "the benchmark's memory run \(how): \(tail)")
        }
        let report = (try? String(contentsOf: dir.appendingPathComponent("report.json"), encoding: .utf8)) ?? ""
        return BenchMemoryRun(wall: wall, peakBytes: Int(usage.ru_maxrss) * 1024, status: exit, report: report)
    }

    /// The memory rows: one page at `limits` on one worker, two at once on two workers, each with its
    /// peak, time, outcome and the target.
    static func rows(binary: URL, project: URL, scratch: URL, limits: Limits = Limits(), extra: [String] = []) throws -> String {
        let bytes = limits.maxSourceBytes
        var s = String(format: "memory: pages of %.0f MiB (limits.max-source-bytes) of <p>a</p>, limits.max-elements %d; target: at most %.1f GB per article\n",
                       Double(bytes) / 1_048_576, limits.maxElements, Double(target) / 1e9)
        for (count, jobs) in [(1, 1), (2, 2)] {
            let folder = scratch.appendingPathComponent("memory-\(count)")
            try prepare(folder, project: project, count: count, bytes: bytes)
            defer { try? FileManager.default.removeItem(at: folder) }
            let r = try run(binary: binary, jobs: jobs, in: folder, extra: extra)
            let outcome = r.report.contains("\"ingest.too-many-elements\"") ? "refused whole (ingest.too-many-elements)"
                : r.status == 0 ? "read, gate passed" : "read, gate failed"
            let verdict = r.peakBytes <= target * count ? "within" : "OVER"
            s += String(format: "  %d page(s), --jobs %d: peak %.0f MB resident, %.2f s, exit %d, ",
                         count, jobs, Double(r.peakBytes) / 1e6, r.wall, r.status)
            s += "\(outcome) (\(verdict) " + String(format: "%.1f GB", Double(target * count) / 1e9)
                + (count > 1 ? ", 1.5 GB per article)\n" : ")\n")
        }
        return s
    }
}
