import Foundation
import Testing
import KeiStages
import KeiTestSupport

/// Issue 10's issue-level stages through the real binary: `emit.issue` (table of contents and HTML index)
/// and `emit.crossref` (schema-valid deposit, deterministic, SOURCE_DATE_EPOCH, the deposit record).
@Suite(.serialized) struct PublishIssueEndToEndTests {
    /// A journal file with real ISSNs and every publishing pattern (for fixture projects).
    static let journal = """
    title: Korea Policy
    publisher: KEI
    style: ../styles/s.yml
    issn-print: 0378-5955
    issn-online: 2049-3630
    doi-pattern: "10.5555/kp.{volume}.{number}.{order:2}"
    elocation-id: "e{volume}{number}{order:2}"
    resource-url: "https://keia.org/kp/{volume}/{number}/{id}/"
    crossref:
      depositor-name: KEI
      depositor-email: publications@keia.org
    """

    static var requireTools: Bool { ToolRequirement.required }

    @Test(.enabled(if: CrossrefSchema.available, "needs ../shared/crossref/5.3.1"))
    func issue32WritesTheContentsTheIndexAndAValidDepositAndFailsOnlyOnPlaceholderISSNs() throws {
        let out = TestPaths.temporaryDirectory("kei-publish-e2e"); defer { try? FileManager.default.removeItem(at: out) }
        let r = try CLIHarness.runBinary(["run", "issue-3-2", "--output", out.path])
        let errors = (r.out + r.err).split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(r.code == 1, "the publish gate fails while the ISSNs are placeholders: \(r.err)")
        #expect(errors.count == 2 && errors.allSatisfy {
            $0.hasPrefix("Workflows/journals/korea-policy.yml: error: the journal file's `issn-") && $0.hasSuffix("[emit.crossref.placeholder-issn]")
        }, "\(errors)")
        let deposit = out.appendingPathComponent("crossref/issue-3-2-deposit.xml")
        let lint = try CrossrefSchema.validate(file: deposit)
        #expect(lint.passed, "\(lint.messages)")
        let xml = try String(contentsOf: deposit, encoding: .utf8)
        #expect(xml.components(separatedBy: "<journal_article ").count == 4)
        #expect(["10.5555/kp.3.2.01", "10.5555/kp.3.2.02", "10.5555/kp.3.2.03"].allSatisfy { xml.contains("<doi>\($0)</doi>") })
        #expect(xml.contains("<doi_batch_id>korea-policy-3-2-001</doi_batch_id>") && xml.contains("<timestamp>20251215090000</timestamp>"))
        #expect(xml.contains("<citation_list>") && xml.contains("<unstructured_citation>"))
        #expect(xml.contains("<ORCID>https://orcid.org/0000-0002-1825-0097</ORCID>"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("crossref/deposits.txt").path),
                "a deposit with placeholder ISSNs is not recorded as made")
        let toc = try String(contentsOf: out.appendingPathComponent("issue-toc.xml"), encoding: .utf8)
        let order = ["allying-against-adversaries", "consultation-before-crisis", "chips-trust-and-trade"]
        let positions = order.compactMap { toc.range(of: "<article id=\"\($0)\"")?.lowerBound }
        #expect(positions.count == 3 && positions == positions.sorted(), "workflow order")
        #expect(toc.contains("<elocation-id>e3203</elocation-id>") && toc.contains("<surname>Kwak</surname>"))
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("<a href=\"https://doi.org/10.5555/kp.3.2.02\">10.5555/kp.3.2.02</a>"))
        #expect(html.contains("<a href=\"jats/chips-trust-and-trade.xml\">JATS XML</a>") && !html.contains("<script"))
    }

    /// A project whose journal has real ISSNs and whose workflow gives no timestamp: the deposit takes it
    /// from SOURCE_DATE_EPOCH, is byte-identical from two working directories, and is recorded once.
    @Test(.enabled(if: CrossrefSchema.available, "needs ../shared/crossref/5.3.1"))
    func sourceDateEpochDeterminismAndTheDepositRecord() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/journals/j.yml", Self.journal)
        try p.write("Workflows/w.yml", """
        journal: journals/j.yml
        volume: 3
        number: 2
        cover-date: 2025-12-15
        articles:
          - id: a
            source: Samples/a.html
            authors: [Laura J. Brennan]
            status: approved
        stages:
          - ingest.html
          - emit.jats
          - issue.toc
          - emit.crossref
        """)
        var env = ProcessInfo.processInfo.environment
        env["SOURCE_DATE_EPOCH"] = "1765789200"
        let first = try CLIHarness.runBinary(["run", "w", "--output", "out/one"], in: p.root, environment: env)
        #expect(first.code == 0, "\(first.out)\(first.err)")
        let second = try CLIHarness.runBinary(["run", "../Workflows/w.yml", "--output", "../out/two"],
                                              in: p.root.appendingPathComponent("Samples"), environment: env)
        #expect(second.code == 0, "\(second.out)\(second.err)")
        for name in ["crossref/w-deposit.xml", "issue-toc.xml", "index.html", "crossref/deposits.txt"] {
            let one = try Data(contentsOf: p.root.appendingPathComponent("out/one/\(name)"))
            #expect(try Data(contentsOf: p.root.appendingPathComponent("out/two/\(name)")) == one, "\(name) byte-identical")
        }
        let deposit = p.root.appendingPathComponent("out/one/crossref/w-deposit.xml")
        let lint = try CrossrefSchema.validate(file: deposit)
        #expect(lint.passed, "\(lint.messages)")
        let xml = try String(contentsOf: deposit, encoding: .utf8)
        #expect(xml.contains("<timestamp>20251215090000</timestamp>") && xml.contains("<doi_batch_id>w-20251215090000</doi_batch_id>"))
        // Again into the same folder: the same deposit, not a new one.
        #expect(try CLIHarness.runBinary(["run", "w", "--output", "out/one"], in: p.root, environment: env).code == 0)
        let record = try String(contentsOf: p.root.appendingPathComponent("out/one/crossref/deposits.txt"), encoding: .utf8)
        #expect(record.split(separator: "\n").filter { !$0.hasPrefix("#") } == ["20251215090000 w-20251215090000 \(try sha256sum(deposit))"])
        // Without SOURCE_DATE_EPOCH and without `deposit: timestamp:`: an error, never the clock.
        env["SOURCE_DATE_EPOCH"] = nil
        let none = try CLIHarness.runBinary(["run", "w", "--output", "out/three"], in: p.root, environment: env)
        #expect(none.code == 1 && (none.out + none.err).contains("[emit.crossref.no-timestamp]"), "\(none.out)")
        #expect(!FileManager.default.fileExists(atPath: p.root.appendingPathComponent("out/three/crossref").path))
    }

    /// `sha256sum`'s digest of a file (coreutils), to check the record independently of our SHA-256.
    func sha256sum(_ file: URL) throws -> String {
        let proc = Process()
        proc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        proc.arguments = ["sha256sum", file.path]
        let pipe = Pipe()
        proc.standardOutput = pipe
        try proc.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        proc.waitUntilExit()
        return String(text.prefix(64))
    }

    static var fopAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/fop") }

    /// The page counter on a real FOP PDF, against poppler's `pdfinfo`. Needs fop and pdfinfo; with
    /// KEI_REQUIRE_TOOLS=1 their absence fails the test instead of skipping it.
    @Test(.enabled(if: fopAvailable || requireTools, "needs Apache FOP (apt-get install fop) and pdfinfo (poppler-utils)"))
    func pageCountAgreesWithPdfinfoOnFOPOutput() throws {
        #expect(Self.fopAvailable, "fop is required (KEI_REQUIRE_TOOLS=1): apt-get install fop")
        let pdfinfo = URL(fileURLWithPath: "/usr/bin/pdfinfo")
        #expect(FileManager.default.isExecutableFile(atPath: pdfinfo.path), "pdfinfo is required: apt-get install poppler-utils")
        guard Self.fopAvailable, FileManager.default.isExecutableFile(atPath: pdfinfo.path) else { return }
        let dir = TestPaths.temporaryDirectory("kei-fop-pages"); defer { try? FileManager.default.removeItem(at: dir) }
        let blocks = (1...3).map { "<fo:block break-before=\"page\">Page \($0) 김민서</fo:block>" }.joined()
        let fo = """
        <?xml version="1.0" encoding="UTF-8"?>
        <fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set>
        <fo:simple-page-master master-name="p" page-width="210mm" page-height="297mm"><fo:region-body margin="20mm"/></fo:simple-page-master>
        </fo:layout-master-set><fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">\(blocks)</fo:flow></fo:page-sequence></fo:root>
        """
        try Data(fo.utf8).write(to: dir.appendingPathComponent("x.fo"))
        func run(_ exe: String, _ args: [String]) throws -> String {
            let proc = Process()
            proc.executableURL = URL(fileURLWithPath: exe)
            proc.arguments = args
            let pipe = Pipe()
            proc.standardOutput = pipe
            proc.standardError = FileHandle.nullDevice
            try proc.run()
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            proc.waitUntilExit()
            return text
        }
        let pdf = dir.appendingPathComponent("x.pdf")
        _ = try run("/usr/bin/fop", ["-fo", dir.appendingPathComponent("x.fo").path, "-pdf", pdf.path])
        let info = try run(pdfinfo.path, [pdf.path])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
        #expect(pages == 3, "\(info)")
        #expect(PDFPageCounter.pageCount(file: pdf) == pages)
    }
}
