import Foundation

/// Runs headless Chromium (`chromium`, `apt-get install chromium`) on a local file, bounded in time,
/// with a throw-away profile: `--dump-dom` for the DOM after the page loaded, `--screenshot` for a PNG.
public enum HeadlessChromium {
    public enum Failure: Error, CustomStringConvertible {
        case missing
        case timedOut(Double)
        case failed(Int32, String)
        public var description: String {
            switch self {
            case .missing: return "chromium was not found in PATH; install it with `apt-get install chromium`"
            case .timedOut(let s): return "chromium did not finish within \(Int(s)) s and was killed"
            case .failed(let code, let err): return "chromium exited with status \(code): \(err.suffix(500))"
            }
        }
    }

    /// Whether a test that needs chromium must fail rather than skip without it (`KEI_REQUIRE_TOOLS=1`).
    public static var required: Bool { ToolRequirement.required }

    /// The executable from PATH (`chromium`, else `chromium-browser`).
    public static func executable() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser"] {
            for dir in path.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    /// The DOM of `file` after it loaded, as Chromium serialises it.
    public static func dumpDOM(_ file: URL, timeout: Double = 90) throws -> String {
        String(decoding: try run(["--dump-dom", file.absoluteString], timeout: timeout), as: UTF8.self)
    }

    /// Writes a PNG screenshot of `file` to `png`.
    public static func screenshot(_ file: URL, to png: URL, width: Int = 1400, height: Int = 1000, timeout: Double = 90) throws {
        _ = try run(["--screenshot=\(png.path)", "--window-size=\(width),\(height)", "--hide-scrollbars", file.absoluteString], timeout: timeout)
    }

    private static func run(_ arguments: [String], timeout: Double) throws -> Data {
        guard let exe = executable() else { throw Failure.missing }
        let profile = TestPaths.temporaryDirectory("kei-chromium")
        defer { try? FileManager.default.removeItem(at: profile) }
        let p = Process()
        p.executableURL = exe
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                       "--disable-extensions", "--user-data-dir=\(profile.path)"] + arguments
        let outFile = profile.appendingPathComponent("stdout"), errFile = profile.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outFile.path, contents: nil)
        FileManager.default.createFile(atPath: errFile.path, contents: nil)
        let out = try FileHandle(forWritingTo: outFile), err = try FileHandle(forWritingTo: errFile)
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if p.isRunning {
            p.terminate()
            Thread.sleep(forTimeInterval: 1)
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            p.waitUntilExit()
            throw Failure.timedOut(timeout)
        }
        try out.close(); try err.close()
        guard p.terminationStatus == 0 else {
            throw Failure.failed(p.terminationStatus, String(decoding: (try? Data(contentsOf: errFile)) ?? Data(), as: UTF8.self))
        }
        return try Data(contentsOf: outFile)
    }
}
