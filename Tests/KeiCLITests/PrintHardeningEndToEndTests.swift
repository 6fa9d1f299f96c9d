import Foundation
import Testing
import KeiTestSupport

/// Breaker 22's print failures, through the real binary: a note cited twice in footnotes mode (FOP refused
/// the duplicate id), an uncited note (silently lost), a hostile stylesheet making FOP fetch a URL or read
/// /etc/hostname (refused before FOP runs), a non-positive timeout. Tests needing fop/poppler fail under
/// KEI_REQUIRE_TOOLS=1, else skip.
@Suite(.serialized) struct PrintHardeningEndToEndTests {
    static let page = """
        <html lang="en"><head><meta charset="utf-8"><title>Notes Twice</title></head><body><main><article>
        <h1>Notes Twice</h1>
        <h2>First Section</h2>
        <p>A paragraph long enough to be the body of the article, citing a note.<sup><a href="#fn1" id="r1">1</a></sup>
        It cites the same note again later.<sup><a href="#fn1" id="r1b">1</a></sup> And a second one.<sup><a href="#fn2" id="r2">2</a></sup></p>
        <p>Another paragraph with enough words in it to count as text of the body.</p>
        <section class="footnotes"><h2>Notes</h2><ol>
        <li id="fn1"><p>The note cited twice. <a href="#r1">↩</a></p></li>
        <li id="fn2"><p>The second note. <a href="#r2">↩</a></p></li>
        <li id="fn3"><p>Uncitedzebra note that nothing refers to.</p></li>
        </ol></section>
        </article></main></body></html>
        """

    static func project(stylesheet: String? = nil, renderOptions: String = "") throws -> URL {
        let root = try PrintEndToEndTests.hangulProject(stages: "  - ingest.html", notes: "footnotes")
        try Self.page.write(to: root.appendingPathComponent("Samples/notes.html"), atomically: true, encoding: .utf8)
        if let stylesheet {
            try stylesheet.write(to: root.appendingPathComponent("Workflows/print/jats-to-fo.xsl"), atomically: true, encoding: .utf8)
        }
        try """
            name: notes
            journal: journals/korea-policy.yml
            volume: 3
            number: 2
            cover-date: 2025-12-15
            output: out
            articles:
              - id: notes
                source: Samples/notes.html
            stages:
              - ingest.html
              - emit.jats
              - emit.fo
              - id: render.pdf
                options: {required: true\(renderOptions)}
            """.write(to: root.appendingPathComponent("Workflows/notes.yml"), atomically: true, encoding: .utf8)
        return root
    }

    @Test func aNoteCitedTwicePrintsOnceAndUncitedNotesPrint() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try CLIHarness.runBinary(["run", "notes", "--report", "json:-"], in: root)
        let fo = try String(contentsOf: root.appendingPathComponent("out/fo/notes.fo"), encoding: .utf8)
        #expect(fo.components(separatedBy: "id=\"fn1\"").count == 2, "the note cited twice has one id")
        #expect(fo.components(separatedBy: "<fo:footnote>").count == 3, "two footnotes: fn1 at its first citation, fn2")
        #expect(fo.contains("internal-destination=\"fn1\""), "the second citation links to the footnote")
        #expect(fo.contains("Uncitedzebra"), "the uncited note is printed")
        guard RequiredTool.find("fop", install: "fop", for: "PDF rendering") != nil,
              let pdftotext = RequiredTool.find("pdftotext", install: "poppler-utils", for: "PDF text") else { return }
        #expect(r.code == 0, "exit \(r.code): \(r.out.prefix(2000)) \(r.err)")
        let text = try RequiredTool.output(pdftotext, [root.appendingPathComponent("out/pdf/notes.pdf").path, "-"])
        #expect(text.contains("The note cited twice") && text.contains("Uncitedzebra"), "\(text)")
    }

    @Test func anFOThatWouldMakeFOPFetchIsRefused() throws {
        let hostile = """
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:fo="http://www.w3.org/1999/XSL/Format">
            <xsl:template match="/"><fo:root><fo:layout-master-set><fo:simple-page-master master-name="p"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
            <fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body"><fo:block>x <fo:external-graphic src="url('/etc/hostname')"/></fo:block></fo:flow></fo:page-sequence></fo:root></xsl:template>
            </xsl:stylesheet>
            """
        // A fop that would leave a marker if it ran: the check must stop the run before.
        let root = try Self.project(stylesheet: hostile, renderOptions: ", fop: bin/fop")
        defer { try? FileManager.default.removeItem(at: root) }
        let bin = root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try "#!/bin/sh\ntouch \"$(dirname \"$0\")/ran\"\nexit 1\n".write(to: bin.appendingPathComponent("fop"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin.appendingPathComponent("fop").path)
        let r = try CLIHarness.runBinary(["run", "notes", "--report", "json:-"], in: root)
        let diagnostics = try PrintEndToEndTests.diagnostics(r.out)
        let unsafe = diagnostics.filter { $0["rule"] as? String == "render.pdf.unsafe-fo" }
        #expect(r.code == 1 && unsafe.count == 1, "\(diagnostics)")
        #expect((unsafe.first?["message"] as? String ?? "").contains("/etc/hostname"))
        #expect(!FileManager.default.fileExists(atPath: bin.appendingPathComponent("ran").path), "FOP was not run")
    }

    /// A FOP that exits 0 after writing a truncated PDF (verifier, breaker 24): an error, and no PDF is published.
    @Test func aTruncatedPDFIsAnErrorAndNotPublished() throws {
        let root = try Self.project(renderOptions: ", fop: bin/fop")
        defer { try? FileManager.default.removeItem(at: root) }
        let bin = root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try "#!/bin/sh\nfor a; do last=$a; done\nprintf '%%PDF-1.4\\ntruncated' > \"$last\"\nexit 0\n"
            .write(to: bin.appendingPathComponent("fop"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin.appendingPathComponent("fop").path)
        let r = try CLIHarness.runBinary(["run", "notes", "--report", "json:-"], in: root)
        let failed = try PrintEndToEndTests.diagnostics(r.out).filter { $0["rule"] as? String == "render.pdf.fop-failed" }
        #expect(r.code == 1 && failed.count == 1, "exit \(r.code): \(r.out)")
        #expect((failed.first?["message"] as? String ?? "").contains("not a readable PDF"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out/pdf/notes.pdf").path))
    }

    @Test func aTimeoutOfZeroIsAConfigError() throws {
        let root = try Self.project(renderOptions: ", timeout: 0")
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try CLIHarness.runBinary(["run", "notes"], in: root)
        #expect(r.code == 2 && r.err.contains("timeout must be"), "exit \(r.code): \(r.err)")
        #expect(r.err.contains("notes.yml:"), "located at the workflow: \(r.err)")
    }

    /// An unknown XSLT instruction fails emit.fo, located at the stylesheet's line; an absolute stylesheet
    /// option is refused at load (exit 2, at the option).
    @Test func stylesheetErrorsPointAtTheStylesheet() throws {
        let bad = """
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
            <xsl:template match="/">
              <out><xsl:frobnicate/></out>
            </xsl:template>
            </xsl:stylesheet>
            """
        let root = try Self.project(stylesheet: bad)
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try CLIHarness.runBinary(["run", "notes"], in: root)
        let all = r.out + r.err
        #expect(r.code == 1 && all.contains("Workflows/print/jats-to-fo.xsl:3: error") && all.contains("emit.fo.failed"), "exit \(r.code): \(all)")
        let workflow = root.appendingPathComponent("Workflows/notes.yml")
        let text = try String(contentsOf: workflow, encoding: .utf8)
        try text.replacingOccurrences(of: "  - emit.fo\n", with: "  - id: emit.fo\n    options: {stylesheet: /etc/passwd}\n")
            .write(to: workflow, atomically: true, encoding: .utf8)
        let absolute = try CLIHarness.runBinary(["run", "notes"], in: root)
        #expect(absolute.code == 2 && absolute.err.contains("notes.yml:") && absolute.err.contains("inside the project"), "exit \(absolute.code): \(absolute.err)")
        #expect(!absolute.err.contains("root:"), "no file content echoed")
    }
}
