import Foundation
import Testing
import KeiTestSupport

/// Validators for the CI report formats against the committed schemas (Fixtures/README.md): SARIF with
/// python3 `jsonschema`, JUnit with `xmllint --schema`. A missing validator fails under KEI_REQUIRE_TOOLS=1.
enum CIReportFormats {
    static let fixtures = TestPaths.root.appendingPathComponent("Tests/KeiCLITests/Fixtures")
    static var sarifSchema: URL { fixtures.appendingPathComponent("sarif-schema-2.1.0.json") }
    static var junitSchema: URL { fixtures.appendingPathComponent("junit-10.xsd") }

    /// The schema's complaints about the SARIF log at `file` (empty when it validates), or nil when the
    /// validator is missing (a recorded failure when tools are required).
    static func sarifErrors(_ file: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String]? {
        guard let python = RequiredTool.find("python3", install: "python3", for: "SARIF schema validation",
                                             sourceLocation: sourceLocation) else { return nil }
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                sys.exit(3)
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            log = json.load(open(sys.argv[2], encoding="utf-8"))
            cls = jsonschema.validators.validator_for(schema)
            for e in cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(log):
                print("/".join(map(str, e.absolute_path)) + ": " + e.message)
            """
        let p = Process()
        p.executableURL = python
        p.arguments = ["-c", script, sarifSchema.path, file.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        if p.terminationStatus == 3 {
            let why = "python3-jsonschema is not installed (apt-get install python3-jsonschema)"
            if RequiredTool.required { Issue.record("\(why) and KEI_REQUIRE_TOOLS=1", sourceLocation: sourceLocation) } else { print("skipping SARIF schema validation: \(why)") }
            return nil
        }
        #expect(p.terminationStatus == 0, "the validator itself failed", sourceLocation: sourceLocation)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// xmllint's complaints about the JUnit file against junit-10.xsd (empty when valid), or nil when missing.
    static func junitErrors(_ file: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String]? {
        guard let xmllint = RequiredTool.find("xmllint", install: "libxml2-utils", for: "JUnit schema validation",
                                              sourceLocation: sourceLocation) else { return nil }
        let r = try XMLLint.runWithCatalog(xmllint, ["--noout", "--nonet", "--schema", junitSchema.path, file.path])
        let err = String(decoding: r.stderr, as: UTF8.self)
        return r.status == 0 ? [] : err.split(separator: "\n").map(String.init)
    }

    /// Writes `text` to a new temporary file named `name` and returns it.
    static func write(_ text: String, name: String) throws -> URL {
        let file = TestPaths.temporaryDirectory("kei-ci-report").appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file
    }
}
