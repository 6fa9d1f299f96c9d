import Foundation
import Testing
import KeiCore
import KeiDocument

@Suite struct ReporterTests {
    func result() -> RunResult {
        let entry = ArticleEntry(id: "a", source: "Samples/a.html", sourceURL: URL(fileURLWithPath: "/x/Samples/a.html"), status: .approved)
        var article = Article(id: "a", source: "Samples/a.html")
        article.metadata.title = "A \"quoted\" title"
        article.metadata.authors = [Author(name: "Kim Example", affiliation: "KEI")]
        article.metadata.publicationDate = PublicationDate(iso: "2025-12-15")
        let diagnostics = [
            Diagnostic(rule: "x.warn", severity: .warning, message: "a warning", location: SourceLocation(file: "Samples/a.html", line: 3, column: 7), stage: "x", article: "a", fix: "do this"),
            Diagnostic(rule: "x.info", severity: .info, message: "an info", location: SourceLocation(file: "Samples/a.html", line: 4), stage: "x", article: "a"),
        ]
        let outcome = ArticleOutcome(entry: entry, sourceDisplayPath: "Samples/a.html", article: article, diagnostics: diagnostics,
                                     artifacts: [Artifact(kind: "jats", relativePath: "jats/a.xml")], failed: false)
        return RunResult(workflowName: "w", workflowDisplayPath: "Workflows/w.yml", outputDisplayPath: "out/w", gate: GatePolicy(),
                         outcomes: [outcome], issueDiagnostics: [], issueArtifacts: [Artifact(kind: "toc", relativePath: "issue-toc.xml")])
    }

    @Test func jsonReportFollowsSchemaVersion1() throws {
        let text = JSONReporter(options: ReportOptions()).render(result())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(object["workflow"] as? String == "w")
        let articles = try #require(object["articles"] as? [[String: Any]])
        #expect(articles.first?["id"] as? String == "a")
        #expect(articles.first?["source"] as? String == "Samples/a.html")
        #expect(articles.first?["status"] as? String == "approved")
        let metadata = try #require(articles.first?["metadata"] as? [String: Any])
        #expect(metadata["title"] as? String == "A \"quoted\" title")
        #expect(metadata["pub_date"] as? String == "2025-12-15")
        #expect((metadata["authors"] as? [[String: Any]])?.first?["name"] as? String == "Kim Example")
        let artifact = try #require((articles.first?["artifacts"] as? [[String: Any]])?.first)
        #expect(artifact["kind"] as? String == "jats")
        #expect(artifact["path"] as? String == "out/w/jats/a.xml", "as seen from the working directory")
        #expect(artifact["relative_path"] as? String == "jats/a.xml", "inside the output folder")
        let toc = try #require((object["issue_artifacts"] as? [[String: Any]])?.first)
        #expect(toc["path"] as? String == "out/w/issue-toc.xml" && toc["relative_path"] as? String == "issue-toc.xml")
        let diags = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diags.count == 2)
        for key in ["article", "file", "line", "column", "rule", "severity", "stage", "message", "excerpt", "fix"] {
            #expect(diags[0].keys.contains(key), "diagnostic has \(key)")
        }
        #expect(diags[0]["column"] as? Int == 7 && diags[1]["column"] is NSNull)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 0 && summary["warnings"] as? Int == 1 && summary["infos"] as? Int == 1)
        #expect(summary["gate"] as? String == "passed")
    }

    @Test func textReportHidesInfosUnlessAsked() {
        let text = TextReporter(options: ReportOptions()).render(result())
        #expect(text.contains("Samples/a.html:3:7: warning: a warning [x.warn]\n"))
        #expect(!text.contains("an info"))
        #expect(text.contains("gate: passed (fail-on: error)"))
        #expect(text.contains("  out/w/jats/a.xml\n") && text.contains("  out/w/issue-toc.xml\n"))
        #expect(text.contains("outputs: 2 file(s) in out/w/\n"))
        let verbose = TextReporter(options: ReportOptions(showInfo: true)).render(result())
        #expect(verbose.contains("Samples/a.html:4: info: an info [x.info]"))
    }

    @Test func jsonEscapesControlCharacters() {
        #expect(JSONValue.string("a\"b\\c\n\u{1}").serialized(pretty: false) == "\"a\\\"b\\\\c\\n\\u0001\"")
    }
}

@Suite struct DisplayPathTests {
    @Test func artifactPathsAreShownFromTheWorkingDirectoryAndLinkedWithinTheOutput() {
        let jats = Artifact(kind: "jats", relativePath: "jats/a.xml")
        #expect(jats.displayPath(inOutput: "out/w") == "out/w/jats/a.xml")
        #expect(jats.displayPath(inOutput: "/tmp/o/") == "/tmp/o/jats/a.xml")
        #expect(jats.displayPath(inOutput: "../../o") == "../../o/jats/a.xml")
        #expect(jats.displayPath(inOutput: ".") == "jats/a.xml")
        #expect(jats.link(from: "issue-toc.xml") == "jats/a.xml")
        #expect(jats.link(from: "jats/b.xml") == "a.xml")
        #expect(jats.link(from: "toc/issue.xml") == "../jats/a.xml")
        #expect(jats.link(from: "jats/x/y.xml") == "../a.xml")
        #expect(Artifact(kind: "jats", relativePath: "jats").link(from: "jats/x.xml") == "../jats")
    }

    @Test func pathsAreRelativeToTheWorkingDirectory() {
        let cwd = URL(fileURLWithPath: "/work/main")
        #expect(FileIO.displayPath(URL(fileURLWithPath: "/work/main/Samples/a.html"), relativeTo: cwd) == "Samples/a.html")
        #expect(FileIO.displayPath(URL(fileURLWithPath: "/work/shared/x/a.html"), relativeTo: cwd) == "../shared/x/a.html")
        #expect(FileIO.displayPath(URL(fileURLWithPath: "/work/main"), relativeTo: cwd) == ".")
        #expect(FileIO.displayPath(URL(fileURLWithPath: "/tmp/out/a.xml"), relativeTo: cwd) == "/tmp/out/a.xml")
        #expect(FileIO.displayPath(URL(fileURLWithPath: "/work/main/../main/b"), relativeTo: cwd) == "b")
    }
}
