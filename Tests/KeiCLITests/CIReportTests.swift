import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import KeiCore
import KeiDocument
import KeiTestSupport

/// The sarif, junit, github and checkstyle reporters on constructed results (hostile text included),
/// checked against their formats' rules, and `check` writing them in process.
@Suite struct CIReportTests {
    /// Characters every format must survive: C0 controls (forbidden in XML 1.0), `]]>`, quotes, `&`, `<`,
    /// a bidi override, CR/LF, and the workflow-command separators `%`, `::`, `,`, `:`.
    static let hostile = "bad \u{1}\u{8}ctl ]]> \"q\" 'a' & <b> \u{202E}rtl\u{202C} 50% a::b, c:d\r\nnext"
    static let hostilePath = "Samples/we ird,:%#?.html"

    /// Two articles (one with an error, a warning, an info and a thrown stage; one awaiting its manuscript)
    /// and one issue finding.
    func result(gate: GatePolicy = GatePolicy()) -> RunResult {
        let a = ArticleEntry(id: "a", source: Self.hostilePath, sourceURL: URL(fileURLWithPath: "/x/a.html"), status: .approved)
        let b = ArticleEntry(id: "b", source: nil, sourceURL: nil, status: .commissioned)
        var located = Diagnostic(rule: "check.x.bad", severity: .error, message: Self.hostile, location: KeiDocument.SourceLocation(file: Self.hostilePath, line: 3, column: 7),
                                 stage: "check.x", article: "a", excerpt: "words here", fix: "fix & <it>")
        located.end = KeiDocument.SourceLocation(file: Self.hostilePath, line: 3, column: 12)
        let diagnostics = [
            located,
            Diagnostic(rule: "check.x.warn", severity: .warning, message: "a warning", location: KeiDocument.SourceLocation(file: Self.hostilePath, line: 5), stage: "check.x", article: "a"),
            Diagnostic(rule: "check.y.info", severity: .info, message: "an info", location: KeiDocument.SourceLocation(file: Self.hostilePath), stage: "check.y", article: "a"),
            Diagnostic(rule: "pipeline.stage-failed", severity: .error, message: "stage check.y failed", location: KeiDocument.SourceLocation(file: Self.hostilePath), stage: "check.y", article: "a"),
        ]
        let outcomeA = ArticleOutcome(entry: a, sourceDisplayPath: Self.hostilePath, article: nil, diagnostics: diagnostics, artifacts: [], failed: true)
        let awaiting = Diagnostic(rule: "pipeline.awaiting-manuscript", severity: .warning, message: "awaiting", location: KeiDocument.SourceLocation(file: "Workflows/w.yml", line: 9),
                                  stage: "pipeline", article: "b")
        let outcomeB = ArticleOutcome(entry: b, sourceDisplayPath: nil, article: nil, diagnostics: [awaiting], artifacts: [], failed: false)
        let issue = Diagnostic(rule: "emit.z.bad", severity: .error, message: "issue problem", location: KeiDocument.SourceLocation(file: "Workflows/j.yml"), stage: "emit.z")
        var r = RunResult(workflowName: "w", workflowDisplayPath: "Workflows/w.yml", outputDisplayPath: "out/w", gate: gate,
                          outcomes: [outcomeA, outcomeB], issueDiagnostics: [issue], issueArtifacts: [])
        r.articleStages = ["ingest.html", "check.x", "check.y", "check.z"]
        r.issueStages = ["emit.z"]
        return r
    }

    var options: ReportOptions {
        ReportOptions(rules: ["check.x.bad": StageMessage("check.x.bad", .error, "Something is bad.")], toolVersion: "1.2.3")
    }

    // MARK: SARIF

    @Test func sarifValidatesAgainstTheSchemaWithHostileText() throws {
        let text = SARIFReporter(options: options).render(result())
        let file = try CIReportFormats.write(text, name: "out.sarif")
        if let errors = try CIReportFormats.sarifErrors(file) { #expect(errors.isEmpty, "\(errors)") }
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["version"] as? String == "1.2.3")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == result().diagnostics.count)
        #expect(Set(rules.compactMap { $0["id"] as? String }) == Set(result().diagnostics.map(\.rule)), "only the rules used")
        for r in results {
            let index = try #require(r["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == r["ruleId"] as? String)
        }
        #expect((rules[0]["shortDescription"] as? [String: Any])?["text"] as? String == "Something is bad.")
        let first = results[0]
        #expect((first["message"] as? [String: Any])?["text"] as? String == Self.hostile + " Fix: fix & <it>")
        let physical = try #require(((first["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        let artifact = try #require(physical["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "Samples/we%20ird,%3A%25%23%3F.html")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        let region = try #require(physical["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 3 && region["startColumn"] as? Int == 7)
        #expect(region["endLine"] as? Int == 3 && region["endColumn"] as? Int == 12)
        let fp = try #require((first["partialFingerprints"] as? [String: Any])?[DiagnosticFingerprint.version] as? String)
        #expect(fp == DiagnosticFingerprint.fingerprints(result().diagnostics)[0])
        #expect(results.map { $0["level"] as? String } == ["error", "warning", "note", "error", "warning", "error"])
        // A finding without a line has no region.
        let noLine = try #require(((results[2]["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        #expect(noLine["region"] == nil)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false, "a stage threw")
    }

    // MARK: JUnit

    @Test func junitValidatesAndCountsAddUp() throws {
        let text = JUnitReporter(options: ReportOptions()).render(result())
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "raw control characters (CR included) never reach the XML")
        let file = try CIReportFormats.write(text, name: "junit.xml")
        if let errors = try CIReportFormats.junitErrors(file) { #expect(errors.isEmpty, "\(errors)") }
        let doc = try XMLDocument(data: Data(text.utf8))
        let root = try #require(doc.rootElement())
        let suites = root.elements(forName: "testsuite")
        #expect(suites.map { $0.attribute(forName: "name")?.stringValue } == ["a", "b", "(issue)"])
        var total = 0, failures = 0, errors = 0
        for s in suites {
            let cases = s.elements(forName: "testcase")
            #expect(Int(s.attribute(forName: "tests")?.stringValue ?? "") == cases.count)
            #expect(Int(s.attribute(forName: "failures")?.stringValue ?? "") == cases.filter { !$0.elements(forName: "failure").isEmpty }.count)
            #expect(Int(s.attribute(forName: "errors")?.stringValue ?? "") == cases.filter { !$0.elements(forName: "error").isEmpty }.count)
            #expect(Int(s.attribute(forName: "skipped")?.stringValue ?? "") == cases.filter { !$0.elements(forName: "skipped").isEmpty }.count)
            total += cases.count
            failures += cases.filter { !$0.elements(forName: "failure").isEmpty }.count
            errors += cases.filter { !$0.elements(forName: "error").isEmpty }.count
        }
        #expect(Int(root.attribute(forName: "tests")?.stringValue ?? "") == total)
        #expect(Int(root.attribute(forName: "failures")?.stringValue ?? "") == failures)
        #expect(Int(root.attribute(forName: "errors")?.stringValue ?? "") == errors)
        // One test case per article × stage.
        let a = suites[0].elements(forName: "testcase")
        #expect(a.map { $0.attribute(forName: "name")?.stringValue } == ["ingest.html", "check.x", "check.y", "check.z"])
        #expect(a.allSatisfy { $0.attribute(forName: "classname")?.stringValue == "w.a" })
        let failure = try #require(a[1].elements(forName: "failure").first)
        #expect(failure.attribute(forName: "type")?.stringValue == "check.x.bad")
        #expect(failure.stringValue?.contains("]]> \"q\" 'a' & <b> \u{202E}rtl") == true, "escaped, read back intact")
        #expect(a[1].elements(forName: "system-out").first?.stringValue?.contains("a warning [check.x.warn]") == true, "warnings do not fail")
        #expect(a[2].elements(forName: "error").count == 1, "check.y threw")
        #expect(a[3].elements(forName: "skipped").count == 1, "not run after check.y threw")
        #expect(suites[1].elements(forName: "testcase").allSatisfy { $0.elements(forName: "skipped").count == 1 }, "awaiting its manuscript")
        #expect(suites[2].elements(forName: "testcase").first?.elements(forName: "failure").count == 1)
    }

    @Test func junitStrictGateFailsOnWarnings() throws {
        let text = JUnitReporter(options: ReportOptions()).render(result(gate: GatePolicy().strict))
        let doc = try XMLDocument(data: Data(text.utf8))
        let failure = try #require(try doc.nodes(forXPath: "//testsuite[@name='a']/testcase[@name='check.x']/failure").first as? XMLElement)
        #expect(failure.stringValue?.contains("a warning [check.x.warn]") == true)
        #expect(failure.attribute(forName: "message")?.stringValue?.hasPrefix("2 finding(s)") == true)
    }

    // MARK: GitHub

    @Test func githubCommandsEscapeDataAndProperties() {
        #expect(GitHubReporter.escapeData("50% a\r\nb::c, d:e") == "50%25 a%0D%0Ab::c, d:e")
        #expect(GitHubReporter.escapeProperty("we ird,:%.html\n") == "we ird%2C%3A%25.html%0A")
        let lines = GitHubReporter(options: ReportOptions()).render(result()).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "::error file=Samples/we ird%2C%3A%25#?.html,line=3,col=7,endLine=3,endColumn=12,title=check.x.bad::"
            + "bad ⟨U+0001⟩⟨U+0008⟩ctl ]]> \"q\" 'a' & <b> ⟨U+202E⟩rtl⟨U+202C⟩ 50%25 a::b, c:d%0D%0Anext Fix: fix & <it>")
        #expect(lines[1] == "::warning file=Samples/we ird%2C%3A%25#?.html,line=5,title=check.x.warn::a warning")
        #expect(!lines.contains { $0.hasPrefix("::notice") }, "infos only with --show-info")
        #expect(lines.filter { $0.hasPrefix("::") }.count == 5, "every non-info finding")
        #expect(lines[lines.count - 2] == "w: 3 error(s), 2 warning(s), 1 info(s); gate: FAILED (fail-on: error)")
        let withInfo = GitHubReporter(options: ReportOptions(showInfo: true)).render(result())
        #expect(withInfo.contains("::notice file=Samples/we ird%2C%3A%25#?.html,title=check.y.info::an info\n"))
    }

    // MARK: Checkstyle

    @Test func checkstyleIsWellFormedAndGroupsByFile() throws {
        let text = CheckstyleReporter(options: ReportOptions()).render(result())
        let doc = try XMLDocument(data: Data(text.utf8))
        let root = try #require(doc.rootElement())
        #expect(root.name == "checkstyle" && root.attribute(forName: "version")?.stringValue == "4.3")
        let files = root.elements(forName: "file")
        #expect(files.map { $0.attribute(forName: "name")?.stringValue } == [Self.hostilePath, "Workflows/w.yml", "Workflows/j.yml"])
        let errors = files[0].elements(forName: "error")
        #expect(errors.count == 3, "the info is left out")
        #expect(errors[0].attribute(forName: "line")?.stringValue == "3" && errors[0].attribute(forName: "column")?.stringValue == "7")
        #expect(errors[0].attribute(forName: "severity")?.stringValue == "error")
        #expect(errors[0].attribute(forName: "source")?.stringValue == "check.x.bad")
        #expect(errors[0].attribute(forName: "message")?.stringValue == "bad ⟨U+0001⟩⟨U+0008⟩ctl ]]> \"q\" 'a' & <b> \u{202E}rtl\u{202C} 50% a::b, c:d\r\nnext Fix: fix & <it>",
                "C0 controls XML cannot carry shown as tokens, CR and LF kept as references")
        #expect(errors[2].attribute(forName: "line") == nil, "unknown line left out")
        let total = root.elements(forName: "file").reduce(0) { $0 + $1.elements(forName: "error").count }
        #expect(total == result().diagnostics.filter { $0.severity != .info }.count)
    }

    @Test func reportsAreDeterministic() {
        for reporter in [SARIFReporter.self, JUnitReporter.self, GitHubReporter.self, CheckstyleReporter.self] as [any Reporter.Type] {
            #expect(reporter.init(options: options).render(result()) == reporter.init(options: options).render(result()))
        }
    }

    // MARK: Through the CLI, in process

    @Test func checkWritesEveryCIFormatInProcess() throws {
        let dir = TestPaths.temporaryDirectory("kei-ci-check")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sarif = dir.appendingPathComponent("o.sarif"), junit = dir.appendingPathComponent("j.xml")
        let cs = dir.appendingPathComponent("cs.xml")
        let r = CLIHarness.run(["check", "Samples/issue-3-2/allying-against-adversaries.html", "--output", dir.appendingPathComponent("out").path,
                                "--report", "sarif:\(sarif.path)", "--report", "junit:\(junit.path)", "--report", "github",
                                "--report", "checkstyle:\(cs.path)"])
        #expect(r.code == 0 || r.code == 1, "\(r.err)")
        #expect(r.out.contains("::warning file=Samples/issue-3-2/allying-against-adversaries.html,line="))
        if let errors = try CIReportFormats.sarifErrors(sarif) { #expect(errors.isEmpty, "\(errors)") }
        if let errors = try CIReportFormats.junitErrors(junit) { #expect(errors.isEmpty, "\(errors)") }
        let doc = try XMLDocument(contentsOf: cs)
        #expect(doc.rootElement()?.elements(forName: "file").first?.attribute(forName: "name")?.stringValue
                == "Samples/issue-3-2/allying-against-adversaries.html")
    }
}
