import KeiDocument

/// The default human report: one `file:line[:col]: severity: message [rule]` line per diagnostic
/// (infos only counted unless asked), then a summary table per article and the gate's verdict. Bidi
/// controls are shown as `⟨U+202E⟩` (``BidiControls/visible(_:marks:)``), and so are line breaks and
/// terminal controls from pages, workflows and file names (`⟨U+000A⟩`, `⟨U+001B⟩`,
/// ``ControlCharacters/visible(_:keeping:)``): one finding is always one line.
public struct TextReporter: Reporter {
    public static let id = "text"
    public static let summary = "Human-readable diagnostics and a per-article summary table (default, to stdout)."

    let options: ReportOptions

    public init(options: ReportOptions) {
        self.options = options
    }

    public func render(_ result: RunResult) -> String {
        var out = ""
        for d in result.diagnostics where options.showInfo || d.severity != .info {
            out += Self.line(for: d) + "\n"
        }
        if !out.isEmpty { out += "\n" }
        let changes = result.changes
        if !changes.isEmpty {
            out += "changes (--fix):\n"
            for c in changes { out += Self.line(for: c) + "\n" }
            out += "\n"
        }
        out += table(result)
        let s = result.summary
        out += "\n\(ControlCharacters.visible(result.workflowName)): \(s.errors) error(s), \(s.warnings) warning(s), \(s.infos) info(s)"
        if !options.showInfo && s.infos > 0 { out += " (infos hidden; --show-info lists them)" }
        if s.suppressed > 0 { out += ", \(s.suppressed) suppressed in the source" }
        if s.changes > 0 { out += ", \(s.changes) change(s) applied" }
        if s.superseded > 0 { out += ", \(s.superseded) finding(s) superseded by a fix" }
        if s.baselined > 0 { out += ", \(s.baselined) finding(s) in the baseline" }
        out += "\n"
        let all = result.outcomes.flatMap(\.artifacts) + result.issueArtifacts
        if !all.isEmpty { out += "outputs: \(all.count) file(s) in \(ControlCharacters.visible(result.outputDisplayPath))/\n" }
        out += "gate: \(s.gatePassed ? "passed" : "FAILED") (fail-on: \(result.gate.name))\n"
        // Text from pages and workflows cannot reorder the report in a terminal.
        return BidiControls.visible(out)
    }

    /// `file:line:col: severity: message [rule]`, omitting unknown line/column; one line (control
    /// characters in the path or message shown as `⟨U+000A⟩` tokens, tabs kept).
    public static func line(for d: Diagnostic) -> String {
        ControlCharacters.visible("\(d.location): \(d.severity.rawValue): \(d.message) [\(d.rule)]")
    }

    /// `file:line:col: fixed: “before” → “after” [rule]` for a change applied by `--fix`; one line.
    public static func line(for c: ChangeRecord) -> String {
        ControlCharacters.visible("\(c.location): fixed: “\(c.before)” → “\(c.after)” [\(c.rule)]")
    }

    func table(_ result: RunResult) -> String {
        var rows: [[String]] = [["article", "status", "state", "errors", "warnings", "infos", "output"]]
        for o in result.outcomes {
            let count = { (s: Severity) in String(o.diagnostics.filter { $0.severity == s }.count) }
            let state = o.entry.awaitingManuscript ? "awaiting" : (o.failed ? "failed" : "ok")
            let output = o.artifacts.map { $0.displayPath(inOutput: result.outputDisplayPath) }.joined(separator: ", ")
            rows.append([o.entry.id, o.entry.status.rawValue, state, count(.error), count(.warning), count(.info),
                         output.isEmpty ? "-" : output])
        }
        if !result.issueDiagnostics.isEmpty || !result.issueArtifacts.isEmpty {
            let count = { (s: Severity) in String(result.issueDiagnostics.filter { $0.severity == s }.count) }
            let output = result.issueArtifacts.map { $0.displayPath(inOutput: result.outputDisplayPath) }.joined(separator: ", ")
            rows.append(["(issue)", "-", "-", count(.error), count(.warning), count(.info), output.isEmpty ? "-" : output])
        }
        rows = rows.map { $0.map { ControlCharacters.visible($0, keeping: { _ in false }) } }
        var widths = Array(repeating: 0, count: rows[0].count)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        let numeric: Set<Int> = [3, 4, 5]
        var out = ""
        for r in rows {
            var cells: [String] = []
            for (i, c) in r.enumerated() {
                let padding = String(repeating: " ", count: widths[i] - c.count)
                if i == r.count - 1 { cells.append(c) } else { cells.append(numeric.contains(i) ? padding + c : c + padding) }
            }
            out += cells.joined(separator: "  ") + "\n"
        }
        return out
    }
}
