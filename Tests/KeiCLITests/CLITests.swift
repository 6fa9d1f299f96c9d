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
}
