import Foundation
import KeiDocument

/// SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format, errata 01) for code scanning
/// (GitHub `upload-sarif`, Azure DevOps, GitLab): one log with one run.
///
/// - `tool.driver`: name `kei-pipeline`, `version` (``ReportOptions/toolVersion``) and `rules`: one
///   `reportingDescriptor` per rule id that appears in the results (in order of first appearance), with
///   `shortDescription` (the rule's ``StageMessage/summary`` from ``ReportOptions/rules``, or the id when the
///   catalog lacks it) and `defaultConfiguration.level`. Only the rules used are listed: the full catalog
///   would add hundreds of entries no result points at. No `informationUri`/`helpUri`: the project has no
///   public address (`kei-pipeline explain RULE` documents a rule).
/// - `results`, in ``RunResult/diagnostics`` order: `ruleId`, `ruleIndex`, `level` (error → `error`,
///   warning → `warning`, info → `note`), `message.text` (the message, then `Fix: …` when the stage gave one),
///   one location whose `artifactLocation.uri` is the path as reported, percent-encoded as a relative URI
///   reference against `uriBaseId` `%SRCROOT%` (an absolute path becomes a `file://` URI without a base),
///   and a `region` with `startLine`, `startColumn`, `endLine`, `endColumn` (1-based; `endColumn` is
///   exclusive; columns count Unicode scalars, declared by the run's `columnKind: unicodeCodePoints`);
///   fields we do not know are left out and a finding without a line has no region.
///   `partialFingerprints` carries ``DiagnosticFingerprint`` under its ``DiagnosticFingerprint/version`` key;
///   `properties` the article and stage ids.
/// - No `fixes`: our edits are UTF-8 offsets into the *decoded* source, and SARIF replacements need offsets
///   into the file's bytes (or characters) as stored, which differ whenever the page is not UTF-8 or the
///   decoder replaced characters. `--fix` and the JSON report carry the edits instead.
/// - `invocations[0].executionSuccessful` is false when a stage threw on some article (the run's findings
///   are then incomplete), true otherwise, whatever the gate says.
///
/// GitHub code scanning limits (docs "SARIF results exceed limits"): 25,000 results and 25,000 rules per run
/// are hard limits (a file over them is rejected; only the top 5,000 results by severity are shown), 10 MB
/// per gzip-compressed upload. This reporter writes every result regardless; split a large batch with
/// `--shard K/N` or record known findings with `--baseline` to stay under them. No timestamps: the output is
/// byte-identical for the same result.
public struct SARIFReporter: Reporter {
    public static let id = "sarif"
    public static let summary = "SARIF 2.1.0 log for code scanning (rules, results with regions and fingerprints)."
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    let options: ReportOptions

    public init(options: ReportOptions) {
        self.options = options
    }

    public func render(_ result: RunResult) -> String {
        json(result).serialized()
    }

    public func json(_ result: RunResult) -> JSONValue {
        let diagnostics = result.diagnostics
        let fingerprints = DiagnosticFingerprint.fingerprints(diagnostics)
        var ruleIndex: [String: Int] = [:]
        var rules: [JSONValue] = []
        for d in diagnostics where ruleIndex[d.rule] == nil {
            ruleIndex[d.rule] = rules.count
            let known = options.rules[d.rule]
            rules.append(.object([
                ("id", .string(d.rule)),
                ("shortDescription", .object([("text", .string(known?.summary ?? d.rule))])),
                ("defaultConfiguration", .object([("level", .string(Self.level(known?.severity ?? d.severity)))])),
            ]))
        }
        let results: [JSONValue] = zip(diagnostics, fingerprints).map { d, fp in
            var fields: [(String, JSONValue)] = [
                ("ruleId", .string(d.rule)),
                ("ruleIndex", .int(ruleIndex[d.rule] ?? 0)),
                ("level", .string(Self.level(d.severity))),
                ("message", .object([("text", .string(Self.text(d)))])),
                ("locations", .array([location(d)])),
                ("partialFingerprints", .object([(DiagnosticFingerprint.version, .string(fp))])),
            ]
            var properties: [(String, JSONValue)] = []
            if let a = d.article { properties.append(("article", .string(a))) }
            if let s = d.stage { properties.append(("stage", .string(s))) }
            if !properties.isEmpty { fields.append(("properties", .object(properties))) }
            return .object(fields)
        }
        var driver: [(String, JSONValue)] = [("name", .string("kei-pipeline"))]
        if !options.toolVersion.isEmpty { driver.append(("version", .string(options.toolVersion))) }
        driver.append(("rules", .array(rules)))
        let successful = !result.outcomes.contains(where: \.failed)
        return .object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object(driver))])),
                ("invocations", .array([.object([("executionSuccessful", .bool(successful))])])),
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ])
    }

    /// The SARIF `level` of a severity.
    public static func level(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    static func text(_ d: Diagnostic) -> String {
        guard let fix = d.fix, !fix.isEmpty else { return d.message }
        return d.message + " Fix: " + fix
    }

    func location(_ d: Diagnostic) -> JSONValue {
        var artifact: [(String, JSONValue)]
        if d.location.file.hasPrefix("/") {
            artifact = [("uri", .string("file://" + Self.uriReference(d.location.file)))]
        } else {
            artifact = [("uri", .string(Self.uriReference(d.location.file))), ("uriBaseId", .string("%SRCROOT%"))]
        }
        var physical: [(String, JSONValue)] = [("artifactLocation", .object(artifact))]
        if d.location.line > 0 {
            var region: [(String, JSONValue)] = [("startLine", .int(d.location.line))]
            if let c = d.location.column, c > 0 { region.append(("startColumn", .int(c))) }
            if let end = d.end, end.line >= d.location.line, end.line > 0 {
                region.append(("endLine", .int(end.line)))
                if let c = end.column, c > 0, end.line > d.location.line || c > (d.location.column ?? 0) {
                    region.append(("endColumn", .int(c)))
                }
            }
            physical.append(("region", .object(region)))
        }
        return .object([("physicalLocation", .object(physical))])
    }

    /// Allowed unescaped in a path of a relative URI reference (RFC 3986 `pchar` and `/`, minus `:`, which
    /// in a first segment would read as a scheme).
    private static let pathCharacters: CharacterSet = {
        var set = CharacterSet()
        set.insert(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=@/")
        return set
    }()

    /// `path` percent-encoded (UTF-8) as a URI reference path: `Samples/a b.html` → `Samples/a%20b.html`.
    public static func uriReference(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: pathCharacters) ?? path
    }
}
