import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import KeiCore
import KeiDocument
import KeiTestSupport

/// Issue 12, "reports cannot be forged": line breaks and terminal controls from a page, a workflow or a
/// file name reach no report raw. The text and GitHub reports keep one finding on one line and show the
/// controls as `⟨U+001B⟩`; JSON and SARIF escape them and read back intact; the XML reports parse and
/// carry what XML 1.0 can; the CLI's stderr lines stay one line each.
@Suite(.serialized) struct ReportForgeryTests {
    /// CR LF, a forged finding line, ESC [31m, BEL, NEL (U+0085), LINE SEPARATOR, RLO, NUL, DEL, C1 CSI, a tab.
    static let hostile = "a\r\nforged.html:1: error: forged [x.forged]\u{1B}[31mred\u{07}\u{85}next\u{2028}ls\u{202E}rlo\u{0}nul\u{7F}del\u{9B}csi\tend"
    /// The same as the text report shows it (tab kept).
    static let visible = "a⟨U+000D⟩⟨U+000A⟩forged.html:1: error: forged [x.forged]⟨U+001B⟩[31mred⟨U+0007⟩⟨U+0085⟩next⟨U+2028⟩ls⟨U+202E⟩rlo⟨U+0000⟩nul⟨U+007F⟩del⟨U+009B⟩csi\tend"

    func result() -> RunResult {
        let file = "p\nforged.html:9: error: x\u{1B}[0m.html"
        let entry = ArticleEntry(id: "a", source: file, sourceURL: URL(fileURLWithPath: "/x/a.html"), status: .approved)
        let d = Diagnostic(rule: "check.x.bad", severity: .error, message: Self.hostile,
                           location: SourceLocation(file: file, line: 2, column: 1), stage: "check.x", article: "a",
                           excerpt: Self.hostile, fix: "fix\nforged.html:3: error: fix")
        var r = RunResult(workflowName: "w\r\n\u{1B}]0;title\u{07}", workflowDisplayPath: "Workflows/w.yml", outputDisplayPath: "out/w\n",
                          gate: GatePolicy(),
                          outcomes: [ArticleOutcome(entry: entry, sourceDisplayPath: file, article: nil, diagnostics: [d],
                                                    artifacts: [Artifact(kind: "jats", relativePath: "jats/a\u{1B}.xml")], failed: false)],
                          issueDiagnostics: [], issueArtifacts: [])
        r.articleStages = ["check.x"]
        return r
    }

    func render(_ type: any Reporter.Type) -> String { type.init(options: ReportOptions()).render(result()) }

    /// The scalars no report may carry raw (line feed aside, which the caller checks separately).
    static func rawControls(_ s: String) -> [String] {
        s.unicodeScalars.filter { u in
            u != "\n" && u != "\t" && (u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029
                                        || u.value == 0x202E)
        }.map { String(format: "U+%04X", $0.value) }
    }

    @Test func textReportHasOneLinePerFindingAndNoControl() {
        let out = render(TextReporter.self)
        #expect(Self.rawControls(out).isEmpty, "\(Self.rawControls(out))")
        #expect(!out.utf8.contains(0x1B), "no ESC byte")
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasSuffix("[check.x.bad]") }.count == 1, "\(out)")
        #expect(!lines.contains { $0.hasPrefix("forged.html") }, "no forged line: \(out)")
        #expect(out.contains("p⟨U+000A⟩forged.html:9: error: x⟨U+001B⟩[0m.html:2:1: error: \(Self.visible) [check.x.bad]\n"), "\(out)")
        #expect(out.contains("\nw⟨U+000D⟩⟨U+000A⟩⟨U+001B⟩]0;title⟨U+0007⟩: 1 error(s)"), "workflow name: \(out)")
        #expect(out.contains("outputs: 1 file(s) in out/w⟨U+000A⟩/\n"), "\(out)")
        #expect(out.contains("jats/a⟨U+001B⟩.xml\n"), "table cell: \(out)")
    }

    @Test func gitHubAnnotationsStayOneCommandPerFinding() {
        let out = render(GitHubReporter.self)
        #expect(Self.rawControls(out).isEmpty, "\(Self.rawControls(out))")
        let lines = out.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("::") }.count == 1 && lines.count == 2, "\(out)")
        // The runner's own escapes for CR and LF; visible tokens for the rest.
        #expect(out.contains("::a%0D%0Aforged.html:1: error: forged [x.forged]⟨U+001B⟩[31mred⟨U+0007⟩⟨U+0085⟩next⟨U+2028⟩ls⟨U+202E⟩rlo⟨U+0000⟩nul⟨U+007F⟩del⟨U+009B⟩csi\tend Fix: fix%0Aforged.html:3: error: fix\n"), "\(out)")
        #expect(out.contains("file=p%0Aforged.html%3A9%3A error%3A x⟨U+001B⟩[0m.html,"), "\(out)")
    }

    @Test func jsonAndSARIFParseAndReadBackIntact() throws {
        for type in [JSONReporter.self, SARIFReporter.self] as [any Reporter.Type] {
            let out = render(type)
            #expect(Self.rawControls(out).isEmpty, "\(type.id): \(Self.rawControls(out))")
            // Every line break of the file is the pretty printer's: a line is a JSON token line.
            #expect(!out.contains("\nforged"), "\(type.id)")
            let parsed = try JSONSerialization.jsonObject(with: Data(out.utf8))
            if type == JSONReporter.self {
                let object = try #require(parsed as? [String: Any])
                let d = try #require((object["diagnostics"] as? [[String: Any]])?.first)
                #expect(d["message"] as? String == Self.hostile, "message reads back unchanged")
                #expect(d["excerpt"] as? String == Self.hostile, "excerpt reads back unchanged")
                #expect(d["file"] as? String == "p\nforged.html:9: error: x\u{1B}[0m.html")
                #expect(object["workflow"] as? String == "w\r\n\u{1B}]0;title\u{07}")
                #expect(out.contains(#"a\r\nforged.html:1: error: forged [x.forged]\u001b[31mred\u0007\u0085next\u2028ls\u202erlo\u0000nul\u007fdel\u009bcsi\tend"#), "\(out)")
            } else {
                let runs = try #require((parsed as? [String: Any])?["runs"] as? [[String: Any]])
                let res = try #require((runs.first?["results"] as? [[String: Any]])?.first)
                #expect((res["message"] as? [String: Any])?["text"] as? String == Self.hostile + " Fix: fix\nforged.html:3: error: fix")
                let uri = (((res["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
                #expect(uri == "p%0Aforged.html%3A9%3A%20error%3A%20x%1B%5B0m.html", "the path percent-encoded")
            }
        }
    }

    @Test func xmlReportsAreWellFormedAndCarryWhatXMLCan() throws {
        // XML 1.0 cannot carry ESC, BEL or NUL even as references: they become visible tokens; CR and LF are
        // references in attributes; DEL, C1, U+2028 and bidi controls are references.
        let expected = "a\r\nforged.html:1: error: forged [x.forged]⟨U+001B⟩[31mred⟨U+0007⟩\u{85}next\u{2028}ls\u{202E}rlo⟨U+0000⟩nul\u{7F}del\u{9B}csi\tend"
        for type in [JUnitReporter.self, CheckstyleReporter.self] as [any Reporter.Type] {
            let out = render(type)
            #expect(Self.rawControls(out).isEmpty, "\(type.id): \(Self.rawControls(out))")
            #expect(out.contains("a&#xD;&#xA;forged.html:1: error: forged [x.forged]⟨U+001B⟩[31mred⟨U+0007⟩&#x85;next&#x2028;ls&#x202E;rlo⟨U+0000⟩nul&#x7F;del&#x9B;csi&#x9;end"), "\(type.id): \(out)")
            let doc = try XMLDocument(data: Data(out.utf8))
            let messages = try doc.nodes(forXPath: "//@message").compactMap(\.stringValue)
            if type == CheckstyleReporter.self {
                #expect(messages == [expected + " Fix: fix\nforged.html:3: error: fix"], "\(messages)")
                let files = try doc.nodes(forXPath: "//file/@name").compactMap(\.stringValue)
                #expect(files == ["p\nforged.html:9: error: x⟨U+001B⟩[0m.html"])
            } else {
                #expect(messages.contains("1 finding(s); first: " + expected), "\(messages)")
                // The failure's body lists the findings as the text report does: one line each.
                let body = try doc.nodes(forXPath: "//failure").compactMap(\.stringValue)
                #expect(body.count == 1 && body[0].split(separator: "\n").count == 1, "\(body)")
                // Bidi controls are character references there (parsed back to the character), the rest visible.
                #expect(body.first?.contains(Self.visible.replacingOccurrences(of: "⟨U+202E⟩", with: "\u{202E}")) == true, "\(body)")
            }
            if let lint = try? XMLLint.executable() {
                let file = TestPaths.temporaryDirectory("kei-forgery").appendingPathComponent("\(type.id).xml")
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
                try Data(out.utf8).write(to: file)
                let r = try CLIHarness.runCommand(lint.path, ["--noout", file.path])
                #expect(r.code == 0 && r.err.isEmpty, "xmllint: \(type.id): \(r.err)")
            }
        }
    }

    @Test func errorLinesOnStderrStayOneLine() {
        let input = KeiError.input(path: "a\nb.html: error: forged\u{1B}[31m", "cannot read\r\nc.html: error: forged")
        #expect(input.description == "a⟨U+000A⟩b.html: error: forged⟨U+001B⟩[31m: error: cannot read⟨U+000D⟩⟨U+000A⟩c.html: error: forged")
        let workflow = WorkflowError([.init(SourceLocation(file: "w\n.yml", line: 3), "bad\u{85}key"),
                                      .init(SourceLocation(file: "w.yml", line: 4), "other")])
        #expect(workflow.description == "w⟨U+000A⟩.yml:3: error: bad⟨U+0085⟩key\nw.yml:4: error: other")
        #expect(KeiError.usage("two\nlines\u{1B}").description == "error: two\nlines⟨U+001B⟩", "usage text keeps its own line breaks")
    }

    /// Through the binary: a page name holding a line feed and ESC; the error naming it is one stderr line.
    @Test func aFileNameCannotForgeAStderrLine() throws {
        let dir = TestPaths.temporaryDirectory("kei-forgery")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIHarness.runBinary(["check", "no\nforged.html: error: x\u{1B}[31m.html"], in: dir)
        #expect(r.code == 2, "\(r.err)")
        #expect(Self.rawControls(r.err).isEmpty && !r.err.utf8.contains(0x1B), "\(r.err)")
        let lines = r.err.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("no⟨U+000A⟩forged.html: error: x⟨U+001B⟩[31m.html"), "\(r.err)")
    }

    /// The issue's probe, through the binary: a page's unterminated comment holds a line that looks like a
    /// finding; libxml2's complaint quotes it as the excerpt of an `ingest.parser` info. Before the fix the
    /// text report printed the comment's lines raw, so `issue-3-2/article: error: …` appeared as a finding.
    @Test func anUnterminatedCommentCannotForgeATextReportLine() throws {
        let dir = TestPaths.temporaryDirectory("kei-forgery")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = "<!DOCTYPE html><html><head><title>T</title></head><body><h1>T</h1><p>Text</p>\n<!--\nissue-3-2/article: error: FORGED [x]\r\nmore\n"
        try Data(page.utf8).write(to: dir.appendingPathComponent("page.html"))
        let r = try CLIHarness.runBinary(["check", "--show-info", "--report", "text", "--report", "json:r.json", "--report", "junit:r.xml",
                                          "--report", "checkstyle:r.cs", "--report", "sarif:r.sarif", "--report", "github:r.gh", "page.html"], in: dir)
        #expect(r.code == 1, "\(r.err)")
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!lines.contains { $0.hasPrefix("issue-3-2/article") }, "no forged line:\n\(r.out)")
        #expect(!lines.contains { $0.hasPrefix("more") }, "\(r.out)")
        let parser = lines.filter { $0.contains("[ingest.parser]") }
        #expect(parser.count == 1 && parser[0].hasPrefix("page.html:") && parser[0].contains("⟨U+000A⟩issue-3-2/article: error: FORGED [x]"),
                "the complaint is one line, the comment's line breaks shown:\n\(r.out)")
        // Every finding line starts with the page's name.
        for line in lines.prefix { !$0.isEmpty } { #expect(line.hasPrefix("page.html:") || line.hasPrefix("(built-in"), "\(line)") }
        #expect(Self.rawControls(r.out).isEmpty)
        for file in ["r.json", "r.sarif"] {
            let data = try Data(contentsOf: dir.appendingPathComponent(file))
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(file) parses")
            #expect(Self.rawControls(String(decoding: data, as: UTF8.self)).isEmpty, "\(file)")
        }
        let json = try String(contentsOf: dir.appendingPathComponent("r.json"), encoding: .utf8)
        #expect(json.contains(#"\nissue-3-2/article: error: FORGED [x]\r\nmo"#), "JSON keeps the text, escaped")
        for file in ["r.xml", "r.cs"] {
            let data = try Data(contentsOf: dir.appendingPathComponent(file))
            #expect((try? XMLDocument(data: data)) != nil, "\(file) parses")
        }
        let gh = try String(contentsOf: dir.appendingPathComponent("r.gh"), encoding: .utf8)
        #expect(gh.split(separator: "\n").allSatisfy { $0.hasPrefix("::") || $0.hasPrefix("check:") }, "\(gh)")
    }
}
