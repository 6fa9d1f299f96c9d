import Foundation
import Testing
import KeiCore
import KeiStages
import KeiTestSupport

/// The real `kei-pipeline` binary on the samples: what `make run` does, with outputs in a temp folder.
@Suite(.serialized) struct EndToEndTests {
    static var snapshots: URL { TestPaths.root.appendingPathComponent("Tests/KeiCLITests/Snapshots") }

    /// Runs issue-3-2 into a fresh folder and returns (result, output folder).
    func runIssue(_ extra: [String] = []) throws -> (CLIHarness.Result, URL) {
        let out = TestPaths.temporaryDirectory("kei-e2e")
        let r = try CLIHarness.runBinary(["run", "issue-3-2", "--output", out.path, "--report", "text", "--report", "json:\(out.path)/report.json"] + extra)
        return (r, out)
    }

    @Test func runIssue32WritesOneValidJATSFilePerArticle() throws {
        let (r, out) = try runIssue()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(r.code == 0 || r.code == 1, "exit \(r.code), stderr: \(r.err)")
        #expect(r.out.contains("article ") && r.out.contains("gate: "), "prints a per-article summary:\n\(r.out)")
        let loader = WorkflowLoader(registry: BuiltInStages.registry, workingDirectory: TestPaths.root)
        let wf = try loader.load(try loader.resolve("issue-3-2"))
        let withSources = wf.articles.filter { !$0.awaitingManuscript }
        #expect(withSources.count >= 3)
        for a in withSources {
            let file = out.appendingPathComponent("jats/\(a.id).xml")
            #expect(FileManager.default.fileExists(atPath: file.path), "\(a.id).xml written")
            if XMLLint.dtdsAvailable {
                let lint = try XMLLint.validate(file: file)
                #expect(lint.passed, "\(a.id).xml DTD-valid: \(lint.stderr)")
            }
            let xml = try String(contentsOf: file, encoding: .utf8)
            #expect(JATSStructureValidator.validate(xml).isEmpty)
            if let problem = Snapshot.mismatch(xml, snapshot: Self.snapshots.appendingPathComponent("\(a.id).jats.xml")) {
                Issue.record("\(problem)")
            }
        }
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any])
        #expect((report["articles"] as? [[String: Any]])?.count == wf.articles.count)
    }

    @Test func runsAreByteIdentical() throws {
        let (r1, out1) = try runIssue()
        let (r2, out2) = try runIssue()
        defer { try? FileManager.default.removeItem(at: out1); try? FileManager.default.removeItem(at: out2) }
        #expect(r1.code == r2.code)
        // Reports name the output folder as seen from the working directory: absolute when the clone and
        // the temporary folder share only `/`, relative (`../../../kei-e2e-…`) when they share more. The
        // folder's own name is what differs between the two runs, whichever form is shown.
        let strip = { (s: String, dir: URL) in s.replacingOccurrences(of: dir.lastPathComponent, with: "OUT") }
        #expect(strip(r1.out, out1) == strip(r2.out, out2))
        let report1 = try String(contentsOf: out1.appendingPathComponent("report.json"), encoding: .utf8)
        let report2 = try String(contentsOf: out2.appendingPathComponent("report.json"), encoding: .utf8)
        #expect(strip(report1, out1) == strip(report2, out2), "report.json is identical but for the output folder")
        let jatsFiles = (try? FileManager.default.contentsOfDirectory(atPath: out1.appendingPathComponent("jats").path)) ?? []
        #expect(jatsFiles.count >= 3)
        // The outputs themselves never mention where they were written.
        for name in ["issue-toc.xml"] + jatsFiles.map({ "jats/" + $0 }) {
            let a = try Data(contentsOf: out1.appendingPathComponent(name))
            let b = try Data(contentsOf: out2.appendingPathComponent(name))
            #expect(a == b, "\(name) is byte-identical across runs")
        }
    }

    @Test(.enabled(if: TestPaths.sharedExists, "needs ../shared"))
    func checkAPageItHasNeverSeen() throws {
        let page = TestPaths.shared.appendingPathComponent("testdata/readability/aclu/source.html")
        let out = TestPaths.temporaryDirectory("kei-e2e-check")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try CLIHarness.runBinary(["check", page.path, "--output", out.path, "--report", "json:-"])
        #expect(r.code == 0 || r.code == 1, "stderr: \(r.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let article = try #require((json["articles"] as? [[String: Any]])?.first)
        let metadata = try #require(article["metadata"] as? [String: Any])
        #expect((metadata["title"] as? String)?.contains("Facebook") == true)
        let jats = out.appendingPathComponent("jats/source.xml")
        #expect(article["source"] as? String == "../shared/testdata/readability/aclu/source.html")
        #expect(JATSStructureValidator.validate(try String(contentsOf: jats, encoding: .utf8)).isEmpty)
        if XMLLint.dtdsAvailable {
            let lint = try XMLLint.validate(file: jats)
            #expect(lint.passed, "\(lint.stderr)")
        }
    }

    @Test func configurationErrorsExit2FromTheBinary() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/broken.yml", "stages:\n  - ingest.html\n  - id: emit.jats\n    options:\n      validate: maybe\n")
        let r = try CLIHarness.runBinary(["run", "broken"], in: p.root)
        #expect(r.code == 2)
        #expect(r.err == "Workflows/broken.yml:5:17: error: option 'validate' of emit.jats must be true or false, got 'maybe'\n")
        let bad = try CLIHarness.runBinary(["check", "missing.html"], in: p.root)
        #expect(bad.code == 2 && bad.err == "missing.html: error: file not found\n")
        // A huge page fails its own ingest stage by name (limit lowered for the test); the other pages still run.
        try p.write("Workflows/small.yml", "limits:\n  max-source-bytes: 64\nstages: [ingest.html]\n")
        try p.write("Samples/tiny.txt", "A Title\nPublished May 1, 2024\n\nText.\n")
        let huge = try CLIHarness.runBinary(["check", "Samples/a.html", "Samples/tiny.txt", "--workflow", "small"], in: p.root)
        #expect(huge.code == 1, "\(huge.err)")
        #expect(huge.out.contains("Samples/a.html: error: stage ingest.html failed on article 'a': Samples/a.html: error: file is ")
                && huge.out.contains("over the limit of 64 bytes") && huge.out.contains("[pipeline.stage-failed]"), "\(huge.out)")
        #expect(!huge.out.contains("Samples/tiny.txt: error"), "\(huge.out)")
        // Invalid UTF-8 and malformed HTML are warnings and infos, not crashes.
        try p.write("Samples/bad.html", "<html><body><article><h1>T</h1><p>caf\u{FFFD} <b>open")
        var bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><article><h1>Title</h1><p>Caf".utf8)
        bytes += [0xE9, 0xFF] + Array(" au lait and enough words for a body here.</p></article></body></html>".utf8)
        try Data(bytes).write(to: p.root.appendingPathComponent("Samples/latin.html"))
        let messy = try CLIHarness.runBinary(["check", "Samples/bad.html", "Samples/latin.html", "--report", "json:-"], in: p.root)
        #expect(messy.code == 0 || messy.code == 1, "stderr: \(messy.err)")
        #expect(messy.out.contains("\"rule\": \"ingest.encoding\""))
    }
}
