import KeiDocument

/// GitHub Actions workflow commands: one annotation per finding, for the runner to show on the pull
/// request's files and the run's summary.
///
///     ::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE
///
/// `error`, `warning` or `notice` by severity (infos only with `--show-info`, as in the text report);
/// properties we do not know are left out (no line: a file-level annotation). Escaping follows the runner
/// (actions/toolkit `command.ts`, `escapeData`/`escapeProperty`): in the message `%` → `%25`, CR → `%0D`,
/// LF → `%0A`; in property values additionally `:` → `%3A` and `,` → `%2C`. Lines and columns are 1-based,
/// columns in Unicode scalars, `endColumn` exclusive as the runner reads it. The message ends with the fix
/// when the stage gave one. A last line (not a command) gives the counts and the gate, like the text report.
public struct GitHubReporter: Reporter {
    public static let id = "github"
    public static let summary = "GitHub Actions workflow commands (::error/::warning/::notice annotations) and a summary line."

    let options: ReportOptions

    public init(options: ReportOptions) {
        self.options = options
    }

    public func render(_ result: RunResult) -> String {
        var out = ""
        for d in result.diagnostics where options.showInfo || d.severity != .info {
            out += Self.command(for: d) + "\n"
        }
        let s = result.summary
        out += "\(Self.escapeData(result.workflowName)): \(s.errors) error(s), \(s.warnings) warning(s), \(s.infos) info(s); "
            + "gate: \(s.gatePassed ? "passed" : "FAILED") (fail-on: \(result.gate.name))\n"
        return out
    }

    /// The workflow command for one diagnostic (no trailing newline).
    public static func command(for d: Diagnostic) -> String {
        let name: String
        switch d.severity {
        case .error: name = "error"
        case .warning: name = "warning"
        case .info: name = "notice"
        }
        var properties: [(String, String)] = [("file", d.location.file)]
        if d.location.line > 0 {
            properties.append(("line", String(d.location.line)))
            if let c = d.location.column { properties.append(("col", String(c))) }
            if let end = d.end, end.line >= d.location.line {
                properties.append(("endLine", String(end.line)))
                if let c = end.column { properties.append(("endColumn", String(c))) }
            }
        }
        properties.append(("title", d.rule))
        var message = d.message
        if let fix = d.fix, !fix.isEmpty { message += " Fix: " + fix }
        return "::\(name) " + properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
            + "::" + escapeData(message)
    }

    /// A command's message: `%` → `%25`, CR → `%0D`, LF → `%0A`; bidi controls shown as `⟨U+202E⟩`
    /// (``BidiControls/visible(_:)``) so that a page's text cannot reorder the annotation, and the other
    /// control characters (ESC, BEL, DEL, C1 such as NEL U+0085, U+2028, U+2029; tab kept) shown as
    /// `⟨U+001B⟩` (``ControlCharacters``) so that it cannot end the command or colour the log.
    public static func escapeData(_ s: String) -> String {
        var out = ""
        for ch in BidiControls.visible(s).unicodeScalars {
            switch ch {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default:
                // ESC, BEL, NEL, U+2028 …: a workflow command is one line and the log renders ANSI codes.
                if ControlCharacters.contains(ch) && ch != "\t" { out += ControlCharacters.token(ch) } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }

    /// A property value: as ``escapeData(_:)``, and `:` → `%3A`, `,` → `%2C`.
    public static func escapeProperty(_ s: String) -> String {
        var out = ""
        for ch in escapeData(s).unicodeScalars {
            switch ch {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
