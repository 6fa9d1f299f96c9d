import KeiDocument

/// JUnit XML as Jenkins (junit and xUnit plugins, `junit-10.xsd`), GitLab (`artifacts:reports:junit`) and
/// Azure Pipelines (`PublishTestResults`, JUnit format) read it:
///
///     <testsuites name=WORKFLOW tests failures errors>
///       <testsuite name=ARTICLE tests failures errors skipped>
///         <testcase classname="WORKFLOW.ARTICLE" name=STAGE> [<failure message type=RULE>…</failure>
///                                                            | <error …> | <skipped message/>] [<system-out>]
///
/// - One `<testsuite>` per article (workflow order) with one `<testcase>` per article stage of the workflow
///   (``RunResult/articleStages``), then a suite named `(issue)` with one test case per issue stage when the
///   workflow has issue stages or the issue has findings.
/// - A test case fails (`<failure>`) when its stage emitted findings the gate fails on (``GatePolicy``, so
///   `--strict` turns warnings into failures): `message` counts them and quotes the first, `type` is the
///   first one's rule id, and the element's text lists every failing finding, one
///   `file:line:col: severity: message [rule]` line each. A stage that threw (`pipeline.stage-failed`) is an
///   `<error>`; the stages it kept from running are `<skipped>`, as is every stage of an article awaiting its
///   manuscript. Findings that do not fail the gate (warnings; infos only with `--show-info`) are listed in
///   the test case's `<system-out>`.
/// - The runner's own findings (stage `pipeline`, e.g. unknown suppression rules) go to a test case named
///   `pipeline`, present only when there are such findings.
/// - No `time`, `timestamp` or `hostname` (all optional in `junit-10.xsd`): the output is byte-identical for
///   the same result. Text is XML 1.0-escaped (``XMLEscaper``): characters XML cannot carry are dropped; bidi controls are written as character references (``BidiControls``).
public struct JUnitReporter: Reporter {
    public static let id = "junit"
    public static let summary = "JUnit XML: a test suite per article, a test case per article × stage (Jenkins, GitLab, Azure)."

    let options: ReportOptions

    public init(options: ReportOptions) {
        self.options = options
    }

    /// One test case before it is written.
    struct Case {
        var name: String
        var failing: [Diagnostic] = []
        var crashed: Diagnostic?
        var skipped: String?
        var passing: [Diagnostic] = []
    }

    public func render(_ result: RunResult) -> String {
        var suites: [(name: String, cases: [Case])] = []
        for o in result.outcomes {
            suites.append((o.entry.id, cases(stages: result.articleStages, diagnostics: o.diagnostics, gate: result.gate,
                                             awaiting: o.entry.awaitingManuscript)))
        }
        if !result.issueStages.isEmpty || !result.issueDiagnostics.isEmpty {
            suites.append(("(issue)", cases(stages: result.issueStages, diagnostics: result.issueDiagnostics,
                                            gate: result.gate, awaiting: false)))
        }
        let all = suites.flatMap(\.cases)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(attr(result.workflowName))\" tests=\"\(all.count)\""
            + " failures=\"\(all.filter { !$0.failing.isEmpty && $0.crashed == nil }.count)\""
            + " errors=\"\(all.filter { $0.crashed != nil }.count)\">\n"
        for suite in suites {
            let c = suite.cases
            out += "  <testsuite name=\"\(attr(suite.name))\" tests=\"\(c.count)\""
                + " failures=\"\(c.filter { !$0.failing.isEmpty && $0.crashed == nil }.count)\""
                + " errors=\"\(c.filter { $0.crashed != nil }.count)\" skipped=\"\(c.filter { $0.skipped != nil }.count)\">\n"
            for tc in c {
                out += "    <testcase classname=\"\(attr(result.workflowName + "." + suite.name))\" name=\"\(attr(tc.name))\""
                var body = ""
                if let crash = tc.crashed {
                    body += "      <error message=\"\(attr(crash.message))\" type=\"\(attr(crash.rule))\">"
                        + text(tc.failing.map(TextReporter.line(for:)).joined(separator: "\n")) + "</error>\n"
                } else if let first = tc.failing.first {
                    body += "      <failure message=\"\(attr("\(tc.failing.count) finding(s); first: \(first.message)"))\""
                        + " type=\"\(attr(first.rule))\">"
                        + text(tc.failing.map(TextReporter.line(for:)).joined(separator: "\n")) + "</failure>\n"
                } else if let why = tc.skipped {
                    body += "      <skipped message=\"\(attr(why))\"/>\n"
                }
                if !tc.passing.isEmpty {
                    body += "      <system-out>" + text(tc.passing.map(TextReporter.line(for:)).joined(separator: "\n") + "\n")
                        + "</system-out>\n"
                }
                out += body.isEmpty ? "/>\n" : ">\n" + body + "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    /// The test cases of one suite: one per stage in `stages`, plus `pipeline` for findings of no listed stage.
    func cases(stages: [String], diagnostics: [Diagnostic], gate: GatePolicy, awaiting: Bool) -> [Case] {
        var list = stages.map { Case(name: $0) }
        if awaiting {
            for i in list.indices { list[i].skipped = "the article awaits its manuscript; it was not processed" }
            return list
        }
        var index: [String: Int] = [:]
        for (i, s) in stages.enumerated() where index[s] == nil { index[s] = i }
        for d in diagnostics {
            let i: Int
            if let s = d.stage, let known = index[s] {
                i = known
            } else {
                if index["pipeline"] == nil { index["pipeline"] = list.count; list.append(Case(name: "pipeline")) }
                i = index["pipeline"]!
            }
            if d.rule == "pipeline.stage-failed" && list[i].crashed == nil { list[i].crashed = d }
            if gate.fails(d.severity) {
                list[i].failing.append(d)
            } else if d.severity != .info || options.showInfo {
                list[i].passing.append(d)
            }
        }
        // Stages after one that threw did not run.
        if let crashed = list.firstIndex(where: { $0.crashed != nil && $0.name != "pipeline" }) {
            for i in list.indices where i > crashed && i < stages.count && list[i].failing.isEmpty {
                list[i].skipped = "not run: stage \(list[crashed].name) failed earlier on this article"
            }
        }
        return list
    }

    /// An attribute value: XML-escaped, C0 controls XML cannot carry as visible tokens, DEL, C1 and
    /// bidi controls as character references (``ControlCharacters``).
    func attr(_ s: String) -> String {
        BidiControls.xmlReferences(ControlCharacters.xmlReferences(XMLEscaper.attribute(ControlCharacters.visibleForXML(s))))
    }
    /// Character data, escaped as ``attr(_:)`` (line feeds kept: the body lists one finding a line).
    func text(_ s: String) -> String {
        BidiControls.xmlReferences(ControlCharacters.xmlReferences(XMLEscaper.text(ControlCharacters.visibleForXML(s), lineFeeds: .keep)))
    }
}
