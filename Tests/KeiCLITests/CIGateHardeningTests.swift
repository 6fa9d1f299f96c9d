import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import KeiCLI
import KeiCore
import KeiDocument
import KeiTestSupport

/// The CI gates against hostile input: file names git would quote, a revision that looks like a git option,
/// several reports into one stream, bidi controls in findings, broken baselines, and the SARIF rule catalog
/// of a house style.
@Suite(.serialized) struct CIGateHardeningTests {
    typealias Project = CIGatesEndToEndTests.Project

    // MARK: --changed-since

    /// A page whose name git quotes (Hangul, double quotes) is found changed, committed or untracked.
    @Test func changedSinceFindsNamesGitWouldQuote() throws {
        let p = try Project()
        defer { p.remove() }
        let odd = "Samples/issue-3-2/정책 \"q\".html"
        let chips = p.page("chips-trust-and-trade")
        try FileManager.default.moveItem(at: p.root.appendingPathComponent(chips), to: p.root.appendingPathComponent(odd))
        let workflow = try p.read("Workflows/gates.yml")
        try p.write("Workflows/gates.yml", workflow.replacingOccurrences(of: "source: \(chips)", with: "source: '\(odd)'"))
        try p.git("init", "-q")
        try p.git("add", "-A")
        try p.git("commit", "-q", "-m", "issue")
        // Untracked, not yet committed.
        try p.write("Samples/issue-3-2/새 'x'.html", "<p>new</p>")
        let untracked = try ArticleSelection.changedFiles(since: "HEAD", root: p.root)
        #expect(untracked == [p.root.appendingPathComponent("Samples/issue-3-2/새 'x'.html").standardizedFileURL.path])
        // The renamed page changes.
        try (p.bytes(odd) + Data("\n".utf8)).write(to: p.root.appendingPathComponent(odd))
        #expect(try ArticleSelection.changedFiles(since: "HEAD", root: p.root).contains(p.root.appendingPathComponent(odd).standardizedFileURL.path))
        let one = try p.binary(["--changed-since", "HEAD", "--report", "json"])
        let o = try #require(try JSONSerialization.jsonObject(with: Data(one.out.utf8)) as? [String: Any])
        let ids = (o["articles"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == ["chips-trust-and-trade"], "\(one.out)\(one.err)")
    }

    /// A revision starting with `-` never reaches git as an option: exit 2, a plain message, no file written.
    @Test func changedSinceRefusesARevisionThatLooksLikeAnOption() throws {
        let p = try Project()
        defer { p.remove() }
        try p.git("init", "-q")
        try p.git("add", "-A")
        try p.git("commit", "-q", "-m", "issue")
        let target = p.root.appendingPathComponent("pwned.txt")
        let r = try p.binary(["--changed-since=--output=\(target.path)"])
        #expect(r.code == 2)
        #expect(r.err.contains("cannot start with '-'"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: target.path), "git wrote no file")
        #expect(ArticleSelection.revisionProblem("origin/main") == nil)
        #expect(ArticleSelection.revisionProblem("") != nil && ArticleSelection.revisionProblem("-p") != nil)
        #expect(throws: KeiError.self) { try ArticleSelection.changedFiles(since: "--output=\(target.path)", root: p.root) }
        #expect(!FileManager.default.fileExists(atPath: target.path))
        let batch = CLIHarness.run(["batch", "Workflows/gates.yml", "--changed-since=-x"], in: p.root)
        #expect(batch.code == 2 && batch.err.contains("cannot start with '-'"), "\(batch.err)")
    }

    // MARK: report destinations

    @Test func atMostOneReportGoesToStdoutAndNoTwoToOneFile() throws {
        let p = try Project()
        defer { p.remove() }
        let many = try p.binary(["--report", "sarif", "--report", "github", "--report", "json"])
        #expect(many.code == 2)
        #expect(many.err.contains("at most one report can go to stdout") && many.err.contains("--report sarif")
                && many.err.contains("--report github") && many.err.contains("--report json"), "\(many.err)")
        #expect(many.out.isEmpty, "nothing ran")
        let dash = p.run(["--report", "text:-", "--report", "json"])
        #expect(dash.code == 2 && dash.err.contains("stdout"), "'-' is stdout too: \(dash.err)")
        let same = p.run(["--report", "sarif:r.out", "--report", "json:./sub/../r.out"])
        #expect(same.code == 2 && same.err.contains("write the same file"), "\(same.err)")
        #expect(!FileManager.default.fileExists(atPath: p.root.appendingPathComponent("r.out").path))
        // check and batch share the validation.
        let check = CLIHarness.run(["check", p.page("chips-trust-and-trade"), "--report", "json", "--report", "github"], in: p.root)
        #expect(check.code == 2 && check.err.contains("at most one report"), "\(check.err)")
        let batch = CLIHarness.run(["batch", "Workflows/gates.yml", "--report", "junit:a.xml", "--report", "checkstyle:a.xml"], in: p.root)
        #expect(batch.code == 2 && batch.err.contains("write the same file"), "\(batch.err)")
        // One to stdout and the others to distinct files is fine.
        let ok = p.run(["--report", "github", "--report", "sarif:r.sarif", "--report", "json:r.json"])
        #expect(ok.code == 0, "\(ok.err)")
        #expect(ok.out.contains("::warning "))
    }

    // MARK: bidi controls

    static let controls: [Unicode.Scalar] = ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}",
                                             "\u{2068}", "\u{2069}", "\u{200E}", "\u{200F}", "\u{061C}"]

    func bidiResult() -> RunResult {
        let message = "before " + String(String.UnicodeScalarView(Self.controls)) + " after"
        let entry = ArticleEntry(id: "a", source: "a\u{202E}.html", sourceURL: URL(fileURLWithPath: "/x/a.html"), status: .approved)
        let d = Diagnostic(rule: "check.x.bad", severity: .error, message: message,
                           location: SourceLocation(file: "a\u{202E}.html", line: 2, column: 1), stage: "check.x", article: "a",
                           fix: "drop \u{2067}it")
        var r = RunResult(workflowName: "w\u{202E}", workflowDisplayPath: "Workflows/w.yml", outputDisplayPath: "out/w", gate: GatePolicy(),
                          outcomes: [ArticleOutcome(entry: entry, sourceDisplayPath: "a\u{202E}.html", article: nil, diagnostics: [d], artifacts: [], failed: false)],
                          issueDiagnostics: [], issueArtifacts: [])
        r.articleStages = ["check.x"]
        return r
    }

    func render(_ type: any Reporter.Type) -> String { type.init(options: ReportOptions()).render(bidiResult()) }

    func hasRawControl(_ s: String) -> Bool { s.unicodeScalars.contains { Self.controls.contains($0) } }

    @Test func textAndGitHubReportsShowBidiControls() {
        for type in [TextReporter.self, GitHubReporter.self] as [any Reporter.Type] {
            let out = render(type)
            #expect(!hasRawControl(out), "\(type.id)")
            #expect(out.contains("before ⟨U+202A⟩⟨U+202B⟩⟨U+202C⟩⟨U+202D⟩⟨U+202E⟩⟨U+2066⟩⟨U+2067⟩⟨U+2068⟩⟨U+2069⟩⟨U+200E⟩⟨U+200F⟩⟨U+061C⟩ after"), "\(type.id): \(out)")
            #expect(out.contains("a⟨U+202E⟩.html"), "the file name too: \(type.id)")
        }
    }

    @Test func jsonAndSARIFEscapeBidiControls() throws {
        for type in [JSONReporter.self, SARIFReporter.self] as [any Reporter.Type] {
            let out = render(type)
            #expect(!hasRawControl(out), "\(type.id)")
            #expect(out.contains("before \\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c after"), "\(type.id): \(out)")
            // Still the same text once parsed.
            let parsed = try JSONSerialization.jsonObject(with: Data(out.utf8))
            let back = String(decoding: try JSONSerialization.data(withJSONObject: parsed), as: UTF8.self)
            #expect(back.unicodeScalars.contains("\u{202E}"), "\(type.id) reads back intact")
        }
    }

    @Test func xmlReportsWriteBidiControlsAsCharacterReferences() throws {
        for type in [JUnitReporter.self, CheckstyleReporter.self] as [any Reporter.Type] {
            let out = render(type)
            #expect(!hasRawControl(out), "\(type.id)")
            #expect(out.contains("before &#x202A;&#x202B;&#x202C;&#x202D;&#x202E;&#x2066;&#x2067;&#x2068;&#x2069;&#x200E;&#x200F;&#x061C; after"), "\(type.id): \(out)")
            let doc = try XMLDocument(data: Data(out.utf8))
            let text = try doc.nodes(forXPath: "//@message").compactMap(\.stringValue).joined()
            #expect(text.unicodeScalars.contains("\u{202E}") && text.unicodeScalars.contains("\u{061C}"), "\(type.id) parses back to the characters")
        }
    }

    /// Through the binary: a page whose title carries an override; no report shows it raw.
    @Test func bidiControlsFromAPageNeverReachAReportRaw() throws {
        let p = try Project()
        defer { p.remove() }
        let chips = p.page("chips-trust-and-trade")
        // Every copy of the title (title, citation_title, og:title, h1) starts with an override, written as
        // character references (the page is not read as UTF-8).
        var edited = try p.bytes(chips)
        let title = Data("Chips, Trust, and Trade:".utf8), evil = Data("&#x202E;evil&#x202C; Chips, Trust, and Trade:".utf8)
        var from = edited.startIndex
        while let r = edited.range(of: title, in: from..<edited.endIndex) {
            edited.replaceSubrange(r, with: evil)
            from = r.lowerBound + evil.count
        }
        #expect(edited.count > (try p.bytes(chips)).count)
        try edited.write(to: p.root.appendingPathComponent(chips))
        let r = try p.binary(["--show-info", "--report", "text", "--report", "json:r.json", "--report", "sarif:r.sarif", "--report", "junit:r.xml",
                              "--report", "github:r.gh", "--report", "checkstyle:r.cs"])
        #expect(r.code == 0 || r.code == 1, "\(r.err)")
        for file in ["r.json", "r.sarif", "r.xml", "r.gh", "r.cs"] {
            let text = try p.read(file)
            #expect(!hasRawControl(text), "\(file)")
        }
        #expect(try p.read("r.json").contains("\\u202eevil\\u202c"), "the title reached the JSON report, escaped")
        #expect(!hasRawControl(r.out))
    }

    // MARK: baselines

    @Test func brokenBaselinesAreRefusedWithTheirLine() throws {
        let p = try Project()
        defer { p.remove() }
        func load(_ text: String) -> String {
            try? p.write("b.json", text)
            do { _ = try Baseline.load(p.root.appendingPathComponent("b.json"), display: "b.json"); return "" } catch { return "\(error)" }
        }
        let entry = { (fp: String) in "{\"fingerprint\": \"\(fp)\", \"rule\": \"r\", \"severity\": \"warning\", \"file\": \"f\", \"message\": \"m\"}" }
        let head = "{\n  \"version\": 1,\n  \"tool\": \"kei-pipeline 0.1.0\",\n  \"fingerprint_scheme\": \"keiFingerprint/v1\",\n  \"entries\": [\n"
        #expect(load(head + "    " + entry("0123456789abcdef") + "\n  ]\n}\n") == "", "a valid baseline loads")
        let string = load(head.replacingOccurrences(of: "\"version\": 1", with: "\"version\": \"1\"") + "  ]\n}\n")
        #expect(string.hasPrefix("b.json:2: error: baseline \"version\" must be the number 1, not the string \"1\""), "\(string)")
        let scheme = load(head.replacingOccurrences(of: "keiFingerprint/v1", with: "other/v9") + "  ]\n}\n")
        #expect(scheme.hasPrefix("b.json:4: error: baseline fingerprint_scheme \"other/v9\" is not supported"), "\(scheme)")
        let upper = load(head + "    " + entry("0123456789ABCDEF") + "\n  ]\n}\n")
        #expect(upper.hasPrefix("b.json:6: error: baseline fingerprint \"0123456789ABCDEF\" is not 16 lowercase hex digits"), "\(upper)")
        let short = load(head + "    " + entry("0123456789abcdef") + ",\n    " + entry("abc") + "\n  ]\n}\n")
        #expect(short.hasPrefix("b.json:7: error: baseline fingerprint \"abc\""), "\(short)")
        let twice = load(head + "    " + entry("0123456789abcdef") + ",\n    " + entry("0123456789abcdef") + "\n  ]\n}\n")
        #expect(twice.hasPrefix("b.json:7: error: baseline fingerprint 0123456789abcdef is listed twice"), "\(twice)")
        // Through the binary: exit 2, nothing runs.
        try p.write("s.json", head.replacingOccurrences(of: "\"version\": 1", with: "\"version\": \"1\"") + "  ]\n}\n")
        let r = try p.binary(["--baseline", "s.json"])
        #expect(r.code == 2 && r.err.contains("must be the number 1"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: p.root.appendingPathComponent("out/gates").path), "nothing ran")
    }

    // MARK: SARIF rule catalog

    /// A house-style rule (data in Workflows/styles, not in the built-in catalog) gets the style's own
    /// description as its SARIF shortDescription, not its bare id.
    @Test func sarifDescribesHouseStyleRules() throws {
        let p = try Project()
        defer { p.remove() }
        let r = try p.binary(["--report", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "\(r.err)")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let style = rules.filter { ($0["id"] as? String)?.hasPrefix("style.") == true }
        #expect(!style.isEmpty, "the sample pages have house-style findings")
        for rule in style {
            let id = try #require(rule["id"] as? String)
            let text = (rule["shortDescription"] as? [String: Any])?["text"] as? String
            #expect(text != nil && text != id && !(text ?? "").isEmpty, "\(id): \(text ?? "nil")")
        }
    }
}
