import Foundation

/// Runs `xmllint --noout --nonet --valid` against the shared JATS 1.3 DTDs through their offline catalog.
public enum XMLLint {
    public struct Result: Sendable {
        public var status: Int32
        public var stderr: String
        /// Pass means exit 0 and nothing on stderr (as the shared README defines it).
        public var passed: Bool { status == 0 && stderr.isEmpty }
    }

    public enum Failure: Error, CustomStringConvertible {
        case missing
        public var description: String {
            "xmllint was not found in PATH; install it with `apt-get install libxml2-utils` (DTD validation cannot be skipped)"
        }
    }

    public static var catalog: URL { TestPaths.shared.appendingPathComponent("jats/1.3/catalog.xml") }

    /// Whether the shared JATS DTDs are present.
    public static var dtdsAvailable: Bool { FileManager.default.fileExists(atPath: catalog.path) }

    /// The xmllint executable from PATH.
    public static func executable() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("xmllint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Failure.missing
    }

    /// Validates a file.
    public static func validate(file: URL) throws -> Result {
        let r = try runWithCatalog(try executable(), ["--noout", "--nonet", "--valid", file.path])
        return Result(status: r.status, stderr: String(decoding: r.stderr, as: UTF8.self))
    }

    /// Runs a libxml2 tool (xmllint, xsltproc) with the shared JATS catalog (`XML_CATALOG_FILES`) and
    /// returns its exit status, standard output and standard error.
    public static func runWithCatalog(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: Data) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["XML_CATALOG_FILES"] = catalog.path
        process.environment = env
        let outFile = TestPaths.temporaryDirectory("kei-xml-tool").appendingPathComponent("stdout")
        defer { try? FileManager.default.removeItem(at: outFile.deletingLastPathComponent()) }
        FileManager.default.createFile(atPath: outFile.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outFile)
        process.standardOutput = outHandle
        let errPipe = Pipe()
        process.standardError = errPipe
        try process.run()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try outHandle.close()
        return (process.terminationStatus, (try? Data(contentsOf: outFile)) ?? Data(), err)
    }

    /// Validates XML text (written to a temporary file named `name`).
    public static func validate(xml: String, name: String = "article.xml") throws -> Result {
        let dir = TestPaths.temporaryDirectory("kei-jats-lint")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(name)
        try Data(xml.utf8).write(to: file)
        return try validate(file: file)
    }
}
