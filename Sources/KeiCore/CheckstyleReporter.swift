import KeiDocument

/// Checkstyle XML (the `checkstyle` 4.3 result format) as reviewdog (`-f=checkstyle`) and Jenkins Warnings NG
/// read it:
///
///     <checkstyle version="4.3">
///       <file name=PATH><error line column severity message source=RULE/></file>
///     </checkstyle>
///
/// One `<file>` per reported path, in order of its first finding (``RunResult/diagnostics`` order), each
/// listing its findings in that order. `severity` is `error`, `warning` or `info`; `line` and `column`
/// (1-based, column in Unicode scalars) are left out when unknown; `message` ends with the fix when the
/// stage gave one; `source` is the rule id. Infos are included only with `--show-info`. Text is XML
/// 1.0-escaped (``XMLEscaper``: characters XML cannot carry are dropped); bidi controls are written as character references (``BidiControls``). No timestamps.
public struct CheckstyleReporter: Reporter {
    public static let id = "checkstyle"
    public static let summary = "Checkstyle XML (a <file> per source, an <error> per finding) for reviewdog and Jenkins Warnings NG."

    let options: ReportOptions

    public init(options: ReportOptions) {
        self.options = options
    }

    public func render(_ result: RunResult) -> String {
        var order: [String] = []
        var byFile: [String: [Diagnostic]] = [:]
        for d in result.diagnostics where options.showInfo || d.severity != .info {
            if byFile[d.location.file] == nil { order.append(d.location.file) }
            byFile[d.location.file, default: []].append(d)
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        for file in order {
            out += "  <file name=\"\(Self.attribute(file))\">\n"
            for d in byFile[file] ?? [] {
                out += "    <error"
                if d.location.line > 0 {
                    out += " line=\"\(d.location.line)\""
                    if let c = d.location.column { out += " column=\"\(c)\"" }
                }
                var message = d.message
                if let fix = d.fix, !fix.isEmpty { message += " Fix: " + fix }
                out += " severity=\"\(d.severity.rawValue)\" message=\"\(Self.attribute(message))\""
                    + " source=\"\(Self.attribute(d.rule))\"/>\n"
            }
            out += "  </file>\n"
        }
        out += "</checkstyle>\n"
        return out
    }

    /// An attribute value: XML-escaped, bidi controls as character references (``BidiControls/xmlReferences(_:)``).
    /// An attribute value: XML-escaped, C0 controls XML cannot carry as visible tokens, DEL, C1 and
    /// bidi controls as character references (``ControlCharacters``).
    static func attribute(_ s: String) -> String {
        BidiControls.xmlReferences(ControlCharacters.xmlReferences(XMLEscaper.attribute(ControlCharacters.visibleForXML(s))))
    }
}
