import Foundation

/// Validates a Crossref deposit against the shared schema 5.3.1 with xmllint, as
/// `../shared/crossref/5.3.1/README.md` says (`XML_CATALOG_FILES=…/catalog.xml xmllint --noout --nonet --schema …`).
public enum CrossrefSchema {
    public static var folder: URL { TestPaths.shared.appendingPathComponent("crossref/5.3.1") }
    public static var available: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("schemas/crossref5.3.1.xsd").path)
    }

    /// (passed, xmllint's messages). Passing is exit 0 and "validates"; the README's one expected parser
    /// warning (MathML imported twice) is allowed.
    public static func validate(file: URL) throws -> (passed: Bool, messages: String) {
        let p = Process()
        p.executableURL = try XMLLint.executable()
        p.arguments = ["--noout", "--nonet", "--schema", folder.appendingPathComponent("schemas/crossref5.3.1.xsd").path, file.path]
        var env = ProcessInfo.processInfo.environment
        env["XML_CATALOG_FILES"] = folder.appendingPathComponent("catalog.xml").path
        p.environment = env
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let messages = String(decoding: data, as: UTF8.self)
        return (p.terminationStatus == 0 && messages.contains("validates"), messages)
    }

    /// Validates deposit text (written to a temporary file).
    public static func validate(xml: String) throws -> (passed: Bool, messages: String) {
        let dir = TestPaths.temporaryDirectory("kei-crossref-lint")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("deposit.xml")
        try Data(xml.utf8).write(to: file)
        return try validate(file: file)
    }
}
