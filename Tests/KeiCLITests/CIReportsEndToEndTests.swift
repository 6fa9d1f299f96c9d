import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import KeiTestSupport

/// `run issue-3-2` through the real binary writing every report format at once; each one parses and the
/// SARIF and JUnit files validate against their schemas.
@Suite struct CIReportsEndToEndTests {
    @Test func runWritesAllFormatsAtOnce() throws {
        let dir = TestPaths.temporaryDirectory("kei-ci-e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = { (name: String) in dir.appendingPathComponent(name) }
        let r = try CLIHarness.runBinary(["run", "Workflows/issue-3-2.yml", "--output", path("out").path,
                                          "--report", "sarif:\(path("o.sarif").path)", "--report", "junit:\(path("j.xml").path)",
                                          "--report", "github:\(path("gh.txt").path)", "--report", "checkstyle:\(path("cs.xml").path)",
                                          "--report", "json:\(path("o.json").path)"])
        #expect(r.code == 1, "the placeholder ISSNs fail the gate: \(r.err)")
        #expect(r.out.isEmpty, "every report went to a file")

        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: path("o.json"))) as? [String: Any])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])

        if let errors = try CIReportFormats.sarifErrors(path("o.sarif")) { #expect(errors.isEmpty, "\(errors)") }
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: path("o.sarif"))) as? [String: Any])
        let results = try #require(((sarif["runs"] as? [[String: Any]])?.first)?["results"] as? [[String: Any]])
        #expect(results.count == diagnostics.count)
        #expect(results.map { $0["ruleId"] as? String } == diagnostics.map { $0["rule"] as? String })

        if let errors = try CIReportFormats.junitErrors(path("j.xml")) { #expect(errors.isEmpty, "\(errors)") }
        let junit = try XMLDocument(contentsOf: path("j.xml"))
        let articles = try #require(json["articles"] as? [[String: Any]])
        let suites = junit.rootElement()?.elements(forName: "testsuite") ?? []
        #expect(suites.map { $0.attribute(forName: "name")?.stringValue } == articles.map { $0["id"] as? String } + ["(issue)"])
        let perArticle = Set(suites.dropLast().map { $0.elements(forName: "testcase").count })
        #expect(perArticle.count == 1 && (perArticle.first ?? 0) > 0, "the same article stages for every article")
        let failed = try junit.nodes(forXPath: "//testsuite[@name='(issue)']/testcase[@name='emit.crossref']/failure")
        #expect(failed.count == 1, "the placeholder ISSNs fail emit.crossref")

        let github = try String(contentsOf: path("gh.txt"), encoding: .utf8).split(separator: "\n")
        let shown = diagnostics.filter { $0["severity"] as? String != "info" }
        #expect(github.filter { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") }.count == shown.count)
        #expect(github.last?.hasPrefix("issue-3-2: ") == true)

        let checkstyle = try XMLDocument(contentsOf: path("cs.xml"))
        let errors = try checkstyle.nodes(forXPath: "/checkstyle/file/error")
        #expect(errors.count == shown.count)
    }
}
