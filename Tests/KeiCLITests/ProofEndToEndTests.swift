import Foundation
import Testing
import KeiCore
import KeiDocument
@testable import KeiStages
import KeiTestSupport

/// emit.proof through the real binary on issue-3-2, and its pages in a real browser (headless Chromium).
@Suite(.serialized) struct ProofEndToEndTests {
    struct Run {
        var output: URL
        var report: [String: Any]
    }

    func runIssue(cwd: URL = TestPaths.root, workflow: String = "issue-3-2") throws -> Run {
        let out = TestPaths.temporaryDirectory("kei-proof")
        let r = try CLIHarness.runBinary(["run", workflow, "--output", out.path, "--report", "json:\(out.path)/report.json"], in: cwd)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json")))
        // issue-3-2's gate fails only on the journal's placeholder ISSNs (see SampleIssueGate).
        let errors = ((json as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []).filter { $0["severity"] as? String == "error" }
        #expect(r.code == 1 && !errors.isEmpty && errors.allSatisfy { $0["rule"] as? String == "emit.crossref.placeholder-issn" },
                "exit \(r.code): \(errors) \(r.err)")
        return Run(output: out, report: json as? [String: Any] ?? [:])
    }

    /// The excerpt as a browser shows it: tags dropped, references decoded, white space collapsed.
    static func rendered(_ excerpt: String) -> String {
        let noTags = excerpt.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        return collapsed(ProofHTMLReader.decode(noTags))
    }

    static func collapsed(_ s: String) -> String {
        s.replacingOccurrences(of: "[ \t\r\n\u{C}]+", with: " ", options: .regularExpression)
    }

    /// The panel's anchor (`d-N`) of the entry with this rule at this line:column.
    static func anchor(in html: String, rule: String, line: Int, column: Int) -> String? {
        let pattern = "id=\"p-(d-[0-9]+)\">[^\n]*?<span class=\"rule\"><bdi>\(NSRegularExpression.escapedPattern(for: rule))</bdi></span>[^\n]*?<span class=\"loc\"><bdi>line \(line):\(column)</bdi></span>"
        guard let re = try? NSRegularExpression(pattern: pattern),
              let m = re.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)),
              let r = Range(m.range(at: 1), in: html) else { return nil }
        return String(html[r])
    }

    @Test func everySpannedDiagnosticIsMarkedOnItsWords() throws {
        let run = try runIssue()
        defer { try? FileManager.default.removeItem(at: run.output) }
        let diagnostics = run.report["diagnostics"] as? [[String: Any]] ?? []
        var checked = 0
        for d in diagnostics {
            // A span resolves to an end; ingest's spans are the markup it removed or ignored (not rendered text).
            guard let id = d["article"] as? String, d["end_line"] != nil, let excerpt = d["excerpt"] as? String,
                  let rule = d["rule"] as? String, !rule.hasPrefix("ingest."),
                  let line = d["line"] as? Int, let column = d["column"] as? Int else { continue }
            let html = try String(contentsOf: run.output.appendingPathComponent("proof/\(id).html"), encoding: .utf8)
            let anchor = try #require(Self.anchor(in: html, rule: rule, line: line, column: column), "\(rule) at \(line):\(column) in \(id)")
            let reader = ProofHTMLReader(html)
            #expect(reader.nesting.isEmpty, "\(id): \(reader.nesting)")
            #expect(html.contains("<mark class=\"d sev-\(d["severity"] as? String ?? "")"))
            #expect(html.contains("id=\"\(anchor)\""), "\(rule) in \(id) is not marked")
            #expect(reader.markText[anchor].map(Self.collapsed) == Self.rendered(excerpt), "\(rule) in \(id)")
            checked += 1
        }
        #expect(checked >= 10, "only \(checked) spanned diagnostics were checked")
        let index = try String(contentsOf: run.output.appendingPathComponent(EmitProofStage.dashboardPath), encoding: .utf8)
        for id in ["allying-against-adversaries", "consultation-before-crisis", "chips-trust-and-trade"] {
            #expect(index.contains("<a href=\"\(id).html\">proof</a>"))
            #expect(index.contains("<a href=\"../jats/\(id).xml\">jats</a>"))
        }
        #expect(index.contains("<a href=\"../issue-toc.xml\"><bdi>issue-toc.xml</bdi></a>"))
        // The verdict is the run's (exit 1 on emit.crossref's placeholder ISSNs, an issue stage before
        // emit.proof); it said "passed" before the issue stages' findings were counted (breaker23 #1).
        #expect(index.contains("<strong class=\"failed\">failed</strong>: <bdi>the issue (emit.crossref)</bdi>"))
        #expect(!index.contains("passed"))
    }

    /// Two runs into different output folders give byte-identical proofs that name neither folder.
    @Test func proofsAreTheSameInAnyOutputFolder() throws {
        let a = try runIssue()
        let b = try runIssue()
        defer { [a.output, b.output].forEach { try? FileManager.default.removeItem(at: $0) } }
        let files = try FileManager.default.contentsOfDirectory(atPath: a.output.appendingPathComponent("proof").path).sorted()
        #expect(files.count == 4)
        for f in files {
            let x = try Data(contentsOf: a.output.appendingPathComponent("proof/\(f)"))
            let y = try Data(contentsOf: b.output.appendingPathComponent("proof/\(f)"))
            #expect(x == y, "proof/\(f) differs between runs")
            let text = String(decoding: x, as: UTF8.self)
            #expect(!text.contains(a.output.path) && !text.contains(TestPaths.root.path))
        }
    }

    /// From the project root and from another directory (the workflow given by its absolute path) the
    /// proofs are byte-identical: check.dates names the timeline relative to the project root and
    /// check.metadata names an article by its file name (breaker23 #4). The text report keeps its own
    /// cwd-relative file:line prefixes.
    @Test func proofsAreTheSameFromAnyWorkingDirectory() throws {
        let a = try runIssue()
        let elsewhere = TestPaths.temporaryDirectory("kei-proof-cwd")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let b = try runIssue(cwd: elsewhere, workflow: TestPaths.root.appendingPathComponent("Workflows/issue-3-2.yml").path)
        defer { [a.output, b.output, elsewhere].forEach { try? FileManager.default.removeItem(at: $0) } }
        let files = try FileManager.default.contentsOfDirectory(atPath: a.output.appendingPathComponent("proof").path).sorted()
        #expect(files.count == 4 && files.contains("_dashboard.html"))
        var timelineQuoted = false
        for f in files {
            let x = try Data(contentsOf: a.output.appendingPathComponent("proof/\(f)"))
            let y = try Data(contentsOf: b.output.appendingPathComponent("proof/\(f)"))
            #expect(x == y, "proof/\(f) differs between working directories")
            timelineQuoted = timelineQuoted || String(decoding: x, as: UTF8.self).contains("Workflows/timeline.yml:")
        }
        #expect(timelineQuoted, "issue-3-2's check.dates findings quote timeline entries")
    }

    /// An article whose ingest fails: its proof path holds a "no proof" page (not a stale proof), its
    /// later stages say "did not run"; an article whose id is `index` does not collide with the dashboard.
    @Test func anArticleWithoutAModelAndAnArticleNamedIndex() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try Data().write(to: p.root.appendingPathComponent("Samples/bad.html"))   // ingest.empty: no model
        try p.write("Workflows/w.yml", """
        journal: journals/j.yml
        volume: 1
        number: 1
        output: out/w
        articles:
          - id: index
            source: Samples/a.html
          - id: bad
            source: Samples/bad.html
        stages:
          - ingest.html
          - check.metadata
          - emit.jats
          - emit.proof
        """)
        let stale = p.root.appendingPathComponent("out/w/proof")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try Data("stale proof".utf8).write(to: stale.appendingPathComponent("bad.html"))
        let r = try CLIHarness.runBinary(["run", "w"], in: p.root)
        let out = p.root.appendingPathComponent("out/w")
        let bad = try String(contentsOf: out.appendingPathComponent(EmitProofStage.proofPath(for: "bad")), encoding: .utf8)
        #expect(bad.contains("No proof: <bdi>bad</bdi>") && !bad.contains("stale proof"), "\(r.err)")
        let index = try String(contentsOf: out.appendingPathComponent(EmitProofStage.proofPath(for: "index")), encoding: .utf8)
        #expect(index.contains("<title>Proof: "))
        let dash = try String(contentsOf: out.appendingPathComponent(EmitProofStage.dashboardPath), encoding: .utf8)
        let row = try #require(dash.components(separatedBy: "<tr>").first { $0.hasPrefix("<th><bdi>bad</bdi>") })
        #expect(row.contains("<td class=\"errors\">") && row.components(separatedBy: "did not run").count == 3, "\(row)")
        #expect(dash.contains("<a href=\"index.html\">proof</a>"))
    }

    /// Skips (with the reason printed) without chromium, unless KEI_REQUIRE_TOOLS=1 makes it a failure.
    func chromiumOrSkip() -> Bool {
        if HeadlessChromium.executable() != nil { return true }
        if HeadlessChromium.required {
            Issue.record("\(HeadlessChromium.Failure.missing) (KEI_REQUIRE_TOOLS=1)")
        } else {
            print("ProofEndToEndTests: skipped the browser checks: \(HeadlessChromium.Failure.missing)")
        }
        return false
    }

    @Test func browserShowsTheMarks() throws {
        guard chromiumOrSkip() else { return }
        let run = try runIssue()
        defer { try? FileManager.default.removeItem(at: run.output) }
        let file = run.output.appendingPathComponent("proof/consultation-before-crisis.html")
        let html = try String(contentsOf: file, encoding: .utf8)
        let dom = try HeadlessChromium.dumpDOM(file)
        let ids = html.components(separatedBy: "<mark ").dropFirst().compactMap { ProofHTMLReader.attribute("id", in: " " + $0) }
        #expect(!ids.isEmpty)
        for id in ids { #expect(dom.contains("id=\"\(id)\""), "mark \(id) is not in the browser's DOM") }
        #expect(dom.components(separatedBy: "<mark ").count == html.components(separatedBy: "<mark ").count)
        #expect(dom.contains("<aside class=\"panel\">"))
    }

    @Test func browserRunsNothingFromThePage() throws {
        guard chromiumOrSkip() else { return }
        let hostile = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned2'</script></mark>\"'"
        var article = Article(id: "h", source: "h.html")
        article.metadata.titleRun = TextRun("Title " + hostile, source: SourceSpan(start: 0, end: 6 + hostile.utf8.count), verbatim: true)
        article.sections = [Section(id: "s", title: [.link(url: "javascript:document.title='pwned3'", children: [.text(TextRun(hostile))])],
                                    level: 1, location: SourceLocation(file: "h.html"))]
        let entry = ArticleEntry(id: "h", source: "h.html", sourceURL: URL(fileURLWithPath: "/x/h.html"), status: .received)
        let d = Diagnostic(rule: "x.<b>\"rule", severity: .warning, message: hostile, location: SourceLocation(file: "h.html", line: 1, column: 1),
                           span: SourceSpan(start: 6, end: 30))
        let outcome = ArticleOutcome(entry: entry, sourceDisplayPath: "h.html", article: article, diagnostics: [d], artifacts: [], failed: false)
        let page = ProofPage.render(outcome, article: article, issueDiagnostics: [],
                                    publication: ArticlePublication(entry: entry, article: article, issue: IssueInfo()))
        let dir = TestPaths.temporaryDirectory("kei-proof-hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("h.html")
        try Data(page.html.utf8).write(to: file)
        let dom = try HeadlessChromium.dumpDOM(file)
        #expect(dom.contains("<title>Proof: Title &lt;img src=x onerror="))
        #expect(!dom.contains("pwned</title>") && !dom.contains("<title>pwned"))
        #expect(!dom.contains("<img"))
        #expect(!dom.contains("<script"))
        #expect(!dom.contains("javascript:"))
        #expect(dom.contains("&lt;img src=x onerror=\"document.title='pwned'\"&gt;"), "the markup shows as text")
        #expect(dom.contains("id=\"d-1\""))
        let marked = try #require(ProofHTMLReader(dom).markText["d-1"])
        #expect(marked == "<img src=x onerror=\"docu")
    }
}
