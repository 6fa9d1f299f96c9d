import Foundation
import Testing
import KeiTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// What the hostile-input tests share: the inputs they write at run time into a temporary folder, the
/// run of the real binary under a per-case timeout, and the checks every case makes (no crash, no hang,
/// a documented exit code).
enum Hostile {
    /// Whether the full-size cases run (`KEI_HOSTILE_FULL=1`, set by `make hostile`); the default suite
    /// runs smaller inputs of the same shape.
    static var full: Bool { ProcessInfo.processInfo.environment["KEI_HOSTILE_FULL"] == "1" }

    /// Seconds after which a case's child is killed: a hang fails the case instead of stalling the suite.
    /// Generous because the suite runs the debug build on loaded machines; it catches hangs, it is no benchmark.
    static let timeout: Double = 120

    /// The timeout of the full-size cases of `make hostile` (a million paragraphs took 21 minutes of a
    /// loaded two-core machine in the debug build, 105 s of CPU).
    static let fullTimeout: Double = 3600

    /// A page with a title, a byline and a date around `body` (HTML), so that only the hostile part is new.
    static func page(_ body: String, doctype: String = "<!DOCTYPE html>", charset: Bool = true) -> String {
        """
        \(doctype)
        <html><head>\(charset ? "<meta charset=\"utf-8\">" : "")<title>Hostile Page</title></head><body>
        <article><h1 class="entry-title">Hostile Input Test Page</h1>
        <p class="byline">By Test Author</p>
        <p class="entry-meta"><time class="entry-date published" datetime="2025-12-15T09:00:00+00:00">December 15, 2025</time></p>
        <div class="entry-content">
        \(body)
        </div></article></body></html>

        """
    }

    /// A workflow whose only stages are the ingest and the JATS (for cases where the rest of the chain is
    /// not the point), failing on errors.
    static let minimalWorkflow = """
        name: hostile
        output: out
        stages:
          - ingest.html
          - emit.jats
        gates:
          fail-on: error

        """

    /// One run of the binary, with how long it took and what it wrote.
    struct Run {
        var label: String
        var result: CLIHarness.Result
        var seconds: Double
        var output: URL

        var code: Int32 { result.code }
        var stderr: String { result.err }
        /// The JSON report on stdout, when stdout is one.
        var report: [String: Any]? { try? JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any] }
        var diagnostics: [[String: Any]] { report?["diagnostics"] as? [[String: Any]] ?? [] }
        var rules: [String] { diagnostics.compactMap { $0["rule"] as? String } }
        func diagnostics(_ rule: String) -> [[String: Any]] { diagnostics.filter { $0["rule"] as? String == rule } }

        /// Everything the run said and wrote: stdout, stderr and every file under its output folder.
        var everything: String {
            var text = result.out + "\n" + result.err
            if let files = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil) {
                for case let url as URL in files {
                    if let data = try? Data(contentsOf: url) { text += "\n" + String(decoding: data, as: UTF8.self) }
                }
            }
            return text
        }

        /// The JATS written for `article`, empty when none was.
        func jats(_ article: String) -> String {
            (try? String(contentsOf: output.appendingPathComponent("jats/\(article).xml"), encoding: .utf8)) ?? ""
        }
    }

    /// Runs the binary with `arguments` in `folder` (its working directory) under ``timeout``, and prints
    /// how long the case took (the suite's durations are read from the test log, never asserted).
    static func run(_ label: String, _ arguments: [String], in folder: URL, output: URL? = nil,
                    executable: String = CLIHarness.binaryPath, prefix: [String] = [],
                    timeout: Double = Hostile.timeout) throws -> Run {
        let start = Date()
        let r = try CLIHarness.runCommand(prefix.isEmpty ? executable : prefix[0],
                                          prefix.isEmpty ? arguments : Array(prefix.dropFirst()) + [executable] + arguments,
                                          in: folder, timeout: timeout)
        let seconds = Date().timeIntervalSince(start)
        print("hostile: \(label): \(String(format: "%.2f", seconds)) s, exit \(r.code)\(r.timedOut ? " (killed after \(Int(timeout)) s)" : "")")
        return Run(label: label, result: r, seconds: seconds, output: output ?? folder.appendingPathComponent("out"))
    }

    /// `check PAGE --output out --report json:-` in `folder` (with `--workflow` when given).
    static func check(_ label: String, _ page: String, in folder: URL, workflow: String? = nil,
                      extra: [String] = [], timeout: Double = Hostile.timeout) throws -> Run {
        let out = folder.appendingPathComponent("out")
        var args = ["check", page, "--output", out.path, "--report", "json:-", "--no-cache"]
        if let workflow { args += ["--workflow", workflow] }
        return try run(label, args + extra, in: folder, output: out, timeout: timeout)
    }

    /// The checks of every case: it ended by itself (no timeout), not by a signal, without a Swift runtime
    /// trap, with a documented exit code.
    static func expectNoCrash(_ run: Run, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!run.result.timedOut, "\(run.label): still running at its timeout (killed)", sourceLocation: sourceLocation)
        #expect(run.result.signal == nil, "\(run.label): died of signal \(run.result.signal ?? 0); stderr: \(run.stderr.prefix(2000))",
                sourceLocation: sourceLocation)
        #expect(!run.stderr.contains("Fatal error"), "\(run.label): \(run.stderr.prefix(2000))", sourceLocation: sourceLocation)
        #expect([0, 1, 2].contains(run.code), "\(run.label): exit \(run.code)", sourceLocation: sourceLocation)
    }

    /// Processed with diagnostics: exit 0 or 1, a JSON report that parses, and a diagnostic `rule` in it.
    static func expectProcessed(_ run: Run, rule: String?, sourceLocation: SourceLocation = #_sourceLocation) {
        expectNoCrash(run, sourceLocation: sourceLocation)
        #expect(run.code == 0 || run.code == 1, "\(run.label): exit \(run.code); stderr: \(run.stderr.prefix(2000))",
                sourceLocation: sourceLocation)
        #expect(run.report != nil, "\(run.label): no JSON report on stdout: \(run.result.out.prefix(500))", sourceLocation: sourceLocation)
        if let rule {
            #expect(run.rules.contains(rule), "\(run.label): no \(rule) among \(Set(run.rules).sorted())", sourceLocation: sourceLocation)
        }
    }

    /// Refused: exit 2 with a message naming `file` (and holding every one of `words`, without regard to case).
    static func expectRefused(_ run: Run, naming file: String, saying words: [String] = [],
                              sourceLocation: SourceLocation = #_sourceLocation) {
        expectNoCrash(run, sourceLocation: sourceLocation)
        #expect(run.code == 2, "\(run.label): exit \(run.code), expected 2; stderr: \(run.stderr.prefix(2000))",
                sourceLocation: sourceLocation)
        #expect(run.stderr.contains(file), "\(run.label): the message does not name \(file): \(run.stderr.prefix(2000))",
                sourceLocation: sourceLocation)
        for word in words {
            #expect(run.stderr.lowercased().contains(word.lowercased()),
                    "\(run.label): the message does not say \"\(word)\": \(run.stderr.prefix(2000))", sourceLocation: sourceLocation)
        }
    }

    /// Writes `contents` as `name` in `folder` and returns the name.
    @discardableResult
    static func write(_ contents: String, _ name: String, in folder: URL) throws -> String {
        try write(Data(contents.utf8), name, in: folder)
    }

    @discardableResult
    static func write(_ data: Data, _ name: String, in folder: URL) throws -> String {
        try data.write(to: folder.appendingPathComponent(name))
        return name
    }

    /// `count` pseudo-random bytes, the same on every run (a linear congruential generator from `seed`).
    static func garbage(_ count: Int, seed: UInt64 = 12) -> Data {
        var state = seed
        var bytes = [UInt8](repeating: 0, count: count)
        for i in 0..<count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            bytes[i] = UInt8(truncatingIfNeeded: state >> 56)
        }
        return Data(bytes)
    }
}
