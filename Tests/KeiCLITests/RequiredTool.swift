import Foundation
import Testing
import KeiTestSupport

/// External programs a test needs (fop, pdftotext, …). With `KEI_REQUIRE_TOOLS=1` (CI) a missing tool fails
/// the test; otherwise the test prints why it skips and passes.
enum RequiredTool {
    static var required: Bool { ToolRequirement.required }

    /// The tool's path on PATH, or nil (after recording a failure when tools are required).
    static func find(_ name: String, install package: String, for what: String,
                     sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
            return URL(fileURLWithPath: "\(folder)/\(name)")
        }
        if required {
            Issue.record("\(name) is missing (apt-get install \(package)) and KEI_REQUIRE_TOOLS=1: \(what) cannot be tested",
                         sourceLocation: sourceLocation)
        } else {
            print("skipping \(what): \(name) is not installed (apt-get install \(package))")
        }
        return nil
    }

    /// Runs `tool` with `arguments` and returns its standard output as text.
    static func output(_ tool: URL, _ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = tool
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
