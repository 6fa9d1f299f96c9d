import KeiDocument

/// The machine-readable report, schema version 1. Later versions only add fields.
///
///     {"version":1, "workflow":…, "articles":[…], "diagnostics":[…], "summary":{…}}
public struct JSONReporter: Reporter {
    public static let id = "json"
    public static let summary = "JSON report, schema version 1 (articles, metadata, artifacts, diagnostics, summary)."
    public static let schemaVersion = 1

    public init(options: ReportOptions) {}

    public func render(_ result: RunResult) -> String {
        json(result).serialized()
    }

    public func json(_ result: RunResult) -> JSONValue {
        let s = result.summary
        return .object([
            ("version", .int(Self.schemaVersion)),
            ("workflow", .string(result.workflowName)),
            ("workflow_file", .string(result.workflowDisplayPath)),
            ("output", .string(result.outputDisplayPath)),
            ("articles", .array(result.outcomes.map { article($0, output: result.outputDisplayPath) })),
            ("issue_artifacts", .array(result.issueArtifacts.map { artifact($0, output: result.outputDisplayPath) })),
            ("diagnostics", .array(result.diagnostics.map(diagnostic))),
            ("summary", .object([
                ("errors", .int(s.errors)),
                ("warnings", .int(s.warnings)),
                ("infos", .int(s.infos)),
                ("gate", .string(s.gatePassed ? "passed" : "failed")),
                ("fail_on", .string(result.gate.name)),
                ("suppressed", .int(s.suppressed)),
                ("changes", .int(s.changes)),
                ("superseded", .int(s.superseded)),
                ("baselined", .int(s.baselined)),
            ])),
            ("changes", .array(result.changes.map(change))),
        ])
    }

    func change(_ c: ChangeRecord) -> JSONValue {
        .object([
            ("article", .optional(c.article)),
            ("file", .string(c.location.file)),
            ("line", c.location.line > 0 ? .int(c.location.line) : .null),
            ("column", c.location.column.map(JSONValue.int) ?? .null),
            ("end_line", c.end.map { .int($0.line) } ?? .null),
            ("end_column", c.end?.column.map(JSONValue.int) ?? .null),
            ("rule", .string(c.rule)),
            ("stage", .optional(c.stage)),
            ("before", .string(c.before)),
            ("after", .string(c.after)),
        ])
    }

    func article(_ o: ArticleOutcome, output: String) -> JSONValue {
        let m = o.digest
        let state: String
        if o.entry.awaitingManuscript { state = "awaiting-manuscript" } else if o.failed { state = "failed" } else { state = "processed" }
        var metadata: [(String, JSONValue)] = [
            ("title", .optional(m?.title)),
            ("subtitle", .optional(m?.subtitle)),
            ("authors", .array((m?.authors ?? []).map { a in
                .object([("name", .string(a.name)), ("affiliation", .optional(a.affiliation)), ("kind", .string(a.kind))])
            })),
            ("pub_date", .optional(m?.publicationDate)),
            ("journal", .optional(m?.journal)),
            ("volume", .optional(m?.volume)),
            ("issue", .optional(m?.issue)),
            ("series", .optional(m?.series)),
            ("url", .optional(m?.canonicalURL)),
            ("language", .optional(m?.language)),
            ("keywords", .array((m?.keywords ?? []).map(JSONValue.string))),
        ]
        if m == nil { metadata = [] }
        return .object([
            ("id", .string(o.entry.id)),
            ("source", .optional(o.sourceDisplayPath)),
            ("status", .string(o.entry.status.rawValue)),
            ("state", .string(state)),
            ("metadata", m == nil ? .null : .object(metadata)),
            ("counts", .object([
                ("sections", .int(o.digest?.sections ?? 0)),
                ("notes", .int(o.digest?.notes ?? 0)),
                ("references", .int(o.digest?.references ?? 0)),
            ])),
            ("artifacts", .array(o.artifacts.map { artifact($0, output: output) })),
        ])
    }

    /// `path` as seen from the working directory (as in every version-1 report), then `relative_path`
    /// inside the output folder.
    func artifact(_ a: Artifact, output: String) -> JSONValue {
        .object([("kind", .string(a.kind)), ("path", .string(a.displayPath(inOutput: output))),
                 ("relative_path", .string(a.relativePath))])
    }

    func diagnostic(_ d: Diagnostic) -> JSONValue {
        .object([
            ("article", .optional(d.article)),
            ("file", .string(d.location.file)),
            ("line", d.location.line > 0 ? .int(d.location.line) : .null),
            ("column", d.location.column.map(JSONValue.int) ?? .null),
            ("rule", .string(d.rule)),
            ("severity", .string(d.severity.rawValue)),
            ("stage", .optional(d.stage)),
            ("message", .string(d.message)),
            ("excerpt", .optional(d.excerpt)),
            ("fix", .optional(d.fix)),
            ("end_line", d.end.map { .int($0.line) } ?? .null),
            ("end_column", d.end?.column.map(JSONValue.int) ?? .null),
            ("edits", .array(d.edits.map { e in
                .object([("start_offset", .int(e.span.start)), ("end_offset", .int(e.span.end)),
                         ("replacement", .string(e.replacement)), ("safe", .bool(e.isSafe))])
            })),
        ])
    }
}
