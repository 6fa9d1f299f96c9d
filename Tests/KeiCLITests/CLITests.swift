import Foundation
import Testing
import KeiCore
import KeiStages
import KeiTestSupport

/// The CLI driven in process.
@Suite struct CLITests {
    @Test func stagesListsEveryStageWithItsSummary() {
        let r = CLIHarness.run(["stages"])
        #expect(r.code == 0)
        for type in BuiltInStages.all {
            #expect(r.out.contains(type.description.id) && r.out.contains(type.description.summary))
        }
        let one = CLIHarness.run(["stages", "check.metadata"])
        #expect(one.code == 0 && one.out.contains("require-authors") && one.out.contains("check.metadata.title-missing [error]"))
        let unknown = CLIHarness.run(["stages", "nope"])
        #expect(unknown.code == 2 && unknown.err.contains("unknown stage id 'nope'"))
    }

    @Test func usageErrorsExitWith2() {
        #expect(CLIHarness.run(["frobnicate"]).code == 2)
        #expect(CLIHarness.run(["run"]).code == 2)
        let badReport = CLIHarness.run(["run", "issue-3-2", "--report", "xml"])
        #expect(badReport.code == 2 && badReport.err.contains("unknown report format 'xml'"))
        let missing = CLIHarness.run(["run", "issue-9-9"])
        #expect(missing.code == 2 && missing.err.contains("no workflow 'issue-9-9'"))
        #expect(CLIHarness.run(["--help"]).code == 0)
    }

    @Test func brokenWorkflowStopsBeforeAnyWork() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/bad.yml", "output: out/bad\narticles:\n  - {id: a, source: Samples/a.html, status: received}\nstages:\n  - ingest.html\n  - emit.jatz\n")
        let r = CLIHarness.run(["run", "bad"], in: p.root)
        #expect(r.code == 2)
        #expect(r.err.hasPrefix("Workflows/bad.yml:6:5: error: unknown stage id 'emit.jatz' (did you mean 'emit.jats'?)"))
        #expect(!FileManager.default.fileExists(atPath: p.root.appendingPathComponent("out/bad").path), "no work was done")
    }

    @Test func checkMissingFileIsAnInputError() throws {
        let dir = TestPaths.temporaryDirectory(); defer { try? FileManager.default.removeItem(at: dir) }
        let r = CLIHarness.run(["check", "nope.html"], in: dir)
        #expect(r.code == 2 && r.err == "nope.html: error: file not found\n")
        let device = CLIHarness.run(["check", "/dev/zero"], in: dir)
        #expect(device.code == 2 && device.err.hasPrefix("/dev/zero: error: is not a regular file"))
        let folder = CLIHarness.run(["check", "."], in: dir)
        #expect(folder.code == 2 && folder.err.contains("is a directory"))
    }

    @Test func checkAnAdHocPageWithTheBuiltInWorkflow() throws {
        let dir = TestPaths.temporaryDirectory(); defer { try? FileManager.default.removeItem(at: dir) }
        let page = """
        <html lang="en"><head><title>Alliance Notes</title><meta name="citation_author" content="Kim Example">
        <meta name="citation_publication_date" content="2025/12/15"></head>
        <body><main><article><h1>Alliance Notes</h1><p>The alliance matters a great deal to both countries and to the region.</p>
        </article></main></body></html>
        """
        try Data(page.utf8).write(to: dir.appendingPathComponent("page.html"))
        let r = CLIHarness.run(["check", "page.html", "--report", "json:-", "--report", "text:report.txt"], in: dir)
        #expect(r.code == 0 || r.code == 1, "stderr: \(r.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1 && json["workflow"] as? String == "check")
        let article = try #require((json["articles"] as? [[String: Any]])?.first)
        #expect(article["id"] as? String == "page" && article["source"] as? String == "page.html")
        #expect((article["artifacts"] as? [[String: Any]])?.first?["path"] as? String == "out/check/jats/page.xml")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/check/jats/page.xml").path))
        let text = try String(contentsOf: dir.appendingPathComponent("report.txt"), encoding: .utf8)
        #expect(text.contains("gate: "))
    }

    /// The same issue run from three working directories, into output folders at different depths,
    /// writes byte-identical JATS and tables of contents; reports show paths as seen from each.
    @Test func outputsDoNotDependOnTheWorkingDirectory() throws {
        let tmp = TestPaths.temporaryDirectory("kei-cwd"); defer { try? FileManager.default.removeItem(at: tmp) }
        let workflowFile = TestPaths.workflows.appendingPathComponent("issue-3-2.yml")
        let runs: [(cwd: URL, workflow: String, output: String, folder: URL)] = [
            (TestPaths.root, "issue-3-2", tmp.appendingPathComponent("one").path, tmp.appendingPathComponent("one")),
            (TestPaths.samples.appendingPathComponent("issue-3-2"), "../../Workflows/issue-3-2.yml",
             tmp.appendingPathComponent("a/b/c/two").path, tmp.appendingPathComponent("a/b/c/two")),
            (tmp, workflowFile.path, "deep/er/three", tmp.appendingPathComponent("deep/er/three")),
        ]
        var reports: [[String: Any]] = []
        for run in runs {
            let r = CLIHarness.run(["run", run.workflow, "--output", run.output, "--report", "json:-", "--jobs", "2"], in: run.cwd)
            #expect(r.code == 0 || r.code == 1, "stderr: \(r.err)")
            reports.append(try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]))
        }
        let jats = try FileManager.default.contentsOfDirectory(atPath: runs[0].folder.appendingPathComponent("jats").path).sorted()
        #expect(jats.count >= 3)
        for name in ["issue-toc.xml", "index.html", "crossref/issue-3-2-deposit.xml"] + jats.map({ "jats/" + $0 }) {
            let first = try Data(contentsOf: runs[0].folder.appendingPathComponent(name))
            for run in runs.dropFirst() {
                #expect(try Data(contentsOf: run.folder.appendingPathComponent(name)) == first, "\(name) in \(run.output)")
            }
        }
        let toc = try String(contentsOf: runs[0].folder.appendingPathComponent("issue-toc.xml"), encoding: .utf8)
        for name in jats { #expect(toc.contains("<self-uri content-type=\"jats\" href=\"jats/\(name)\"/>"), "the TOC links \(name) relative to itself") }
        // Reports: `path` as seen from the working directory, `relative_path` inside the output folder.
        let third = try #require((reports[2]["articles"] as? [[String: Any]])?.first?["artifacts"] as? [[String: Any]])
        #expect(third.first?["path"] as? String == "deep/er/three/jats/\(jats[0])")
        #expect(third.first?["relative_path"] as? String == "jats/\(jats[0])")
        let issue = try #require(reports[1]["issue_artifacts"] as? [[String: Any]])
        #expect(issue.first?["path"] as? String
                == FileIO.displayPath(tmp.appendingPathComponent("a/b/c/two/issue-toc.xml"), relativeTo: runs[1].cwd))
        #expect(issue.first?["relative_path"] as? String == "issue-toc.xml")
    }
}
