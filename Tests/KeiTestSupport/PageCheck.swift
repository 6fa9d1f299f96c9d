import Foundation
import KeiStages

/// One HTML page run through the real binary as an editor would: `kei-pipeline check PAGE --output DIR
/// --report json:-` (plus extra arguments), with the JSON report read and the JATS file checked by the
/// structure validator and, when `../shared/jats` is there, against the JATS 1.3 DTD with xmllint.
public struct PageCheck {
    /// The binary's exit status (0 gate passed, 1 gate failed, 2 input or configuration error).
    public var code: Int32
    /// The JSON report (schema version 1).
    public var report: [String: Any]
    public var stderr: String
    /// The article's JATS; empty when none was written.
    public var jats: String
    /// What the structure validator and xmllint found wrong in the JATS (empty when it is valid).
    public var jatsProblems: [String]

    public var diagnostics: [[String: Any]] { report["diagnostics"] as? [[String: Any]] ?? [] }
    public var articles: [[String: Any]] { report["articles"] as? [[String: Any]] ?? [] }

    /// The diagnostics whose rule id is `rule`.
    public func rules(_ rule: String) -> [[String: Any]] {
        diagnostics.filter { $0["rule"] as? String == rule }
    }

    /// The diagnostics whose rule id starts with `prefix`.
    public func rules(prefix: String) -> [[String: Any]] {
        diagnostics.filter { ($0["rule"] as? String)?.hasPrefix(prefix) == true }
    }

    /// The JATS between `<body>` and `</body>`; empty when there is none.
    public var body: String {
        guard let s = jats.range(of: "<body>"), let e = jats.range(of: "</body>") else { return "" }
        return String(jats[s.upperBound..<e.lowerBound])
    }

    /// The JATS `fn-group` (the notes) without the links from their citations to the reference list
    /// (``CitationLinks``); empty when there are no notes.
    public var notes: String { CitationLinks.notes(in: jats) }

    /// Runs `check` on `page` from `directory`, writing into a fresh folder that is removed afterwards.
    /// - Throws: when the binary cannot be started or its standard output is not a JSON object.
    public static func run(_ page: URL, in directory: URL = TestPaths.root, arguments extra: [String] = []) throws -> PageCheck {
        let out = TestPaths.temporaryDirectory("kei-page-check")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try CLIHarness.runBinary(["check", page.path, "--output", out.path, "--report", "json:-"] + extra, in: directory)
        guard let report = try? JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any] else {
            throw PageCheckFailure(message: "no JSON report for \(page.lastPathComponent): stdout \(r.out) stderr \(r.err)")
        }
        let file = out.appendingPathComponent("jats/\(page.deletingPathExtension().lastPathComponent).xml")
        var check = PageCheck(code: r.code, report: report, stderr: r.err, jats: "", jatsProblems: [])
        guard let jats = try? String(contentsOf: file, encoding: .utf8) else { return check }
        check.jats = jats
        check.jatsProblems = JATSStructureValidator.validate(jats)
        if XMLLint.dtdsAvailable {
            let lint = try XMLLint.validate(file: file)
            if !lint.passed { check.jatsProblems.append("DTD: \(lint.stderr)") }
        }
        return check
    }

    /// Writes `html` as `name`.html in `directory` and checks it.
    public static func run(html: String, name: String, in directory: URL, arguments extra: [String] = []) throws -> PageCheck {
        let page = directory.appendingPathComponent(name + ".html")
        try Data(html.utf8).write(to: page)
        return try run(page, in: directory, arguments: extra)
    }
}

public struct PageCheckFailure: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
