import Foundation

/// Runs NCBI's PMC Style Checker 5.31 (`../shared/jats/pmc-stylechecker-5.31`, XSLT 1.0) with
/// `xsltproc --nonet --catalogs` and the shared JATS catalog, as its README describes. Its output is
/// the article copied into an `<ERR>` root with `<error>` and `<warning>` elements where rules fail.
public enum PMCStyleChecker {
    public static var stylesheet: URL { TestPaths.shared.appendingPathComponent("jats/pmc-stylechecker-5.31/nlm-stylechecker.xsl") }

    /// The `xsltproc` executable from PATH, or nil.
    public static var xsltproc: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("xsltproc") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Whether the checker can run here (xsltproc installed, the shared stylesheet present).
    public static var available: Bool { xsltproc != nil && FileManager.default.fileExists(atPath: stylesheet.path) && XMLLint.dtdsAvailable }

    /// True when `KEI_REQUIRE_TOOLS=1`: a test needing the checker then fails instead of skipping.
    public static var required: Bool { ToolRequirement.required }

    /// The checker's `<error>` and `<warning>` messages in a result document, in document order.
    public static func findings(_ result: String) -> (errors: [String], warnings: [String]) {
        func messages(_ tag: String) -> [String] {
            result.components(separatedBy: "<\(tag)>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        }
        return (messages("error"), messages("warning"))
    }

    /// The checker's result document for a JATS file.
    public static func check(file: URL) throws -> String {
        guard let xsltproc else { return "" }
        let r = try XMLLint.runWithCatalog(xsltproc, ["--nonet", "--catalogs", stylesheet.path, file.path])
        return String(decoding: r.stdout, as: UTF8.self)
    }

    /// The checker's result document for JATS text (written to a temporary file).
    public static func check(xml: String) throws -> String {
        let dir = TestPaths.temporaryDirectory("kei-pmc")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("article.xml")
        try Data(xml.utf8).write(to: file)
        return try check(file: file)
    }

    /// The `<error>` and `<warning>` messages the checker puts between the start of the notes
    /// (`<fn-group`, else `<ref-list`) and the end of the reference list.
    public static func findingsInNotesAndReferences(_ result: String) -> [String] {
        guard let start = result.range(of: "<fn-group") ?? result.range(of: "<ref-list"),
              let end = result.range(of: "</ref-list>", options: .backwards) ?? result.range(of: "</fn-group>", options: .backwards),
              start.lowerBound < end.upperBound else { return [] }
        let part = String(result[start.lowerBound..<end.upperBound])
        return part.components(separatedBy: "<error>").dropFirst().map { "error: " + $0.prefix { $0 != "<" } }
            + part.components(separatedBy: "<warning>").dropFirst().map { "warning: " + $0.prefix { $0 != "<" } }
    }
}
