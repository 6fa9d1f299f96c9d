import Foundation
import Testing
import KeiTestSupport

/// Issue 10, deliverable 2 (print) through the real binary: `emit.fo` turns each article's JATS into XSL-FO
/// with Workflows/print/jats-to-fo.xsl (libxslt), `render.pdf` runs Apache FOP on it. The PDFs are checked
/// with poppler: pages > 0, the title, the first section heading and Korean text come back from pdftotext,
/// and the Korean font is embedded. Tests needing fop/poppler fail under KEI_REQUIRE_TOOLS=1, else skip.
@Suite(.serialized) struct PrintEndToEndTests {
    static let articles = ["allying-against-adversaries", "consultation-before-crisis", "chips-trust-and-trade"]

    /// Whitespace collapsed, so text wrapped over lines in the PDF compares with the JATS.
    static func flat(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The text of the first `<tag>` inside `after` in `xml`, with inline markup removed.
    static func firstText(_ xml: String, tag: String, after marker: String) -> String? {
        guard let start = xml.range(of: marker), let open = xml.range(of: "<\(tag)>", range: start.upperBound..<xml.endIndex),
              let close = xml.range(of: "</\(tag)>", range: open.upperBound..<xml.endIndex) else { return nil }
        let inner = String(xml[open.upperBound..<close.lowerBound])
        let plain = inner.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        return plain.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
    }

    static func diagnostics(_ json: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return object["diagnostics"] as? [[String: Any]] ?? []
    }

    /// A throwaway project with the shipped journal, style, timeline and print stylesheet, the chips sample
    /// with its first author written in Hangul (the sample is windows-1252, so as character references),
    /// and a workflow running `stages`.
    static func hangulProject(stages: String, notes: String = "endnotes") throws -> URL {
        let root = TestPaths.temporaryDirectory("kei-print")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("Workflows"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("Samples"), withIntermediateDirectories: true)
        for item in ["journals", "styles", "timeline.yml", "print"] {
            try fm.copyItem(at: TestPaths.workflows.appendingPathComponent(item), to: root.appendingPathComponent("Workflows/\(item)"))
        }
        let journal = root.appendingPathComponent("Workflows/journals/korea-policy.yml")
        let journalText = try String(contentsOf: journal, encoding: .utf8)
        try journalText.replacingOccurrences(of: "notes: endnotes", with: "notes: \(notes)").write(to: journal, atomically: true, encoding: .utf8)
        let page = try Data(contentsOf: TestPaths.samples.appendingPathComponent("issue-3-2/chips-trust-and-trade.html"))
        let hangul = String(decoding: page, as: UTF8.self).contains("Min-seo Kwak")
        #expect(hangul, "the sample still names Min-seo Kwak")
        var bytes = [UInt8](page)
        let from = Array("Min-seo Kwak".utf8), to = Array("&#xACFD;&#xBBFC;&#xC11C;".utf8) // 곽민서
        var i = 0
        while i + from.count <= bytes.count {
            if Array(bytes[i..<i + from.count]) == from { bytes.replaceSubrange(i..<i + from.count, with: to); i += to.count } else { i += 1 }
        }
        try Data(bytes).write(to: root.appendingPathComponent("Samples/chips.html"))
        try """
            name: hangul
            journal: journals/korea-policy.yml
            volume: 3
            number: 2
            cover-date: 2025-12-15
            output: out
            articles:
              - id: chips-hangul
                source: Samples/chips.html
            stages:
            \(stages)
            """.write(to: root.appendingPathComponent("Workflows/hangul.yml"), atomically: true, encoding: .utf8)
        return root
    }

    @Test func issue32GivesXSLFOAndPDFs() throws {
        let out = TestPaths.temporaryDirectory("kei-print-e2e")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try CLIHarness.runBinary(["run", "issue-3-2", "--output", out.path])
        #expect(SampleIssueGate.failsOnlyOnPlaceholderISSNs(r), "exit \(r.code): \(r.err)")
        let fop = RequiredTool.find("fop", install: "fop", for: "PDF rendering")
        let pdftotext = RequiredTool.find("pdftotext", install: "poppler-utils", for: "PDF text")
        let pdfinfo = RequiredTool.find("pdfinfo", install: "poppler-utils", for: "PDF pages")
        for id in Self.articles {
            let jats = try String(contentsOf: out.appendingPathComponent("jats/\(id).xml"), encoding: .utf8)
            let fo = try String(contentsOf: out.appendingPathComponent("fo/\(id).fo"), encoding: .utf8)
            let title = try #require(Self.firstText(jats, tag: "article-title", after: "<title-group>"))
            let heading = try #require(Self.firstText(jats, tag: "title", after: "<body>"))
            #expect(fo.contains("<fo:root") && fo.contains("Korea Policy · Vol. 3, Issue 2"), "\(id): FO root and running head")
            #expect(fo.contains("<fo:page-number/>") && !fo.contains("<fo:footnote>"), "\(id): page numbers; the journal asks for endnotes")
            guard fop != nil, let pdftotext, let pdfinfo else { continue }
            let pdf = out.appendingPathComponent("pdf/\(id).pdf")
            let info = try RequiredTool.output(pdfinfo, [pdf.path])
            let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
            #expect(pages > 0, "\(id): \(info)")
            #expect(info.contains("CreationDate:    Mon Dec 15 00:00:00 2025"), "\(id): the cover date, not the clock: \(info)")
            let text = Self.flat(try RequiredTool.output(pdftotext, [pdf.path, "-"]))
            #expect(text.contains(Self.flat(title)), "\(id): title '\(title)' in the PDF text")
            #expect(text.contains(Self.flat(heading)), "\(id): first heading '\(heading)' in the PDF text")
            #expect(text.contains("Korea Policy · Vol. 3, Issue 2"), "\(id): running head")
            if id == "chips-trust-and-trade" { #expect(text.contains("반도체"), "Hangul in the body survives") }
        }
    }

    /// A Korean author name in Hangul prints (pdftotext gives it back) with an embedded Noto CJK font;
    /// footnotes mode puts the notes at the foot of the page; the FO is the same on a second run.
    @Test func hangulNamesPrintWithAnEmbeddedCJKFont() throws {
        let root = try Self.hangulProject(stages: "  - ingest.html\n  - emit.jats\n  - emit.fo\n  - render.pdf", notes: "footnotes")
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try CLIHarness.runBinary(["run", "hangul"], in: root)
        #expect(r.code == 0, "exit \(r.code): \(r.out) \(r.err)")
        let fo = try String(contentsOf: root.appendingPathComponent("out/fo/chips-hangul.fo"), encoding: .utf8)
        #expect(fo.contains("곽민서"), "the Hangul name reaches the FO")
        #expect(fo.contains("<fo:footnote>") && fo.contains("<fo:footnote-body>"), "print.notes: footnotes")
        let again = try CLIHarness.runBinary(["run", "hangul", "--output", "out2"], in: root)
        #expect(again.code == 0)
        #expect(try Data(contentsOf: root.appendingPathComponent("out2/fo/chips-hangul.fo")) == Data(fo.utf8), "FO is deterministic")

        guard RequiredTool.find("fop", install: "fop", for: "PDF rendering") != nil,
              let pdftotext = RequiredTool.find("pdftotext", install: "poppler-utils", for: "PDF text"),
              let pdffonts = RequiredTool.find("pdffonts", install: "poppler-utils", for: "PDF fonts") else { return }
        let pdf = root.appendingPathComponent("out/pdf/chips-hangul.pdf")
        let text = try RequiredTool.output(pdftotext, [pdf.path, "-"])
        #expect(text.contains("곽민서"), "the Hangul author name comes back from the PDF")
        let fonts = try RequiredTool.output(pdffonts, [pdf.path])
        let cjk = fonts.split(separator: "\n").filter { $0.contains("CJK") }
        #expect(!cjk.isEmpty && cjk.allSatisfy { $0.contains(" yes ") }, "an embedded Noto CJK font: \(fonts)")
    }

    /// Without FOP the run succeeds with a warning saying how to install it, unless PDF is required; a broken
    /// stylesheet is an emit.fo.failed error naming its line.
    @Test func missingFOPAndBrokenStylesheetAreReported() throws {
        let stages = """
              - ingest.html
              - emit.jats
              - emit.fo
              - id: render.pdf
                options: {fop: /nonexistent/fop}
            """
        let root = try Self.hangulProject(stages: stages)
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try CLIHarness.runBinary(["run", "hangul", "--report", "json:-"], in: root)
        #expect(r.code == 0, "a missing FOP does not fail the run: \(r.err)")
        let missing = try Self.diagnostics(r.out).filter { $0["rule"] as? String == "render.pdf.fop-missing" }
        #expect(missing.count == 1 && missing.first?["severity"] as? String == "warning", "\(missing)")
        #expect((missing.first?["fix"] as? String ?? "").contains("apt-get install fop"), "\(missing)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out/pdf").path))

        let workflow = root.appendingPathComponent("Workflows/hangul.yml")
        let text = try String(contentsOf: workflow, encoding: .utf8)
        try text.replacingOccurrences(of: "{fop: /nonexistent/fop}", with: "{fop: /nonexistent/fop, required: true}")
            .write(to: workflow, atomically: true, encoding: .utf8)
        let required = try CLIHarness.runBinary(["run", "hangul", "--report", "json:-"], in: root)
        #expect(required.code == 1, "a required PDF that cannot be made fails the gate")
        #expect(try Self.diagnostics(required.out).contains { $0["rule"] as? String == "render.pdf.fop-missing" && $0["severity"] as? String == "error" })

        try """
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
            <xsl:template match="/">
              <xsl:value-of select="count(("/>
            </xsl:template>
            </xsl:stylesheet>
            """.write(to: root.appendingPathComponent("Workflows/print/jats-to-fo.xsl"), atomically: true, encoding: .utf8)
        let broken = try CLIHarness.runBinary(["run", "hangul", "--report", "json:-"], in: root)
        let failed = try Self.diagnostics(broken.out).filter { $0["rule"] as? String == "emit.fo.failed" }
        #expect(broken.code == 1 && failed.count == 1, "\(failed)")
        #expect((failed.first?["message"] as? String ?? "").contains("line 3"), "\(failed)")
    }
}
