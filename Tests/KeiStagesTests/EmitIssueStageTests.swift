import Foundation
import Testing
import KeiCore
import KeiDocument
@testable import KeiStages
import KeiXML
import KeiTestSupport

@Suite struct EmitIssueStageTests {
    func outcome(_ id: String, title: String?, authors: [String] = [], order: Int = 1, artifacts: [Artifact]? = nil) -> ArticleOutcome {
        var article = Article(id: id, source: "\(id).html")
        article.metadata.title = title
        article.metadata.authors = authors.map { Author(name: $0) }
        article.metadata.publicationDate = PublicationDate(iso: "2025-12-15")
        var entry = ArticleEntry(id: id, source: "\(id).html", sourceURL: URL(fileURLWithPath: "/x/\(id).html"), status: .approved,
                                 declaredAt: SourceLocation(file: "Workflows/w.yml", line: 7, column: 5))
        entry.order = order
        return ArticleOutcome(entry: entry, sourceDisplayPath: "\(id).html", article: article, diagnostics: [],
                              artifacts: artifacts ?? [Artifact(kind: "jats", relativePath: "jats/\(id).xml")], failed: false)
    }

    func context(_ dir: URL, _ articles: [ArticleOutcome]) -> IssueContext {
        IssueContext(issue: StageExample.issue, workflowName: "w", articles: articles,
                     outputDirectory: dir.appendingPathComponent("out/w"), workingDirectory: dir, workflowDisplayPath: "Workflows/w.yml")
    }

    @Test func writesTheArticlesInOrderAndFlagsUntitledOnes() throws {
        let dir = TestPaths.temporaryDirectory("kei-toc"); defer { try? FileManager.default.removeItem(at: dir) }
        var context = context(dir, [outcome("b", title: "Second & <last>", authors: ["Laura J. Brennan", "Lee Jae-won"]), outcome("a", title: nil, order: 2)])
        try EmitIssueStage(options: StageOptions()).run(&context)
        #expect(context.artifacts.map(\.relativePath) == ["issue-toc.xml", "index.html"])
        #expect(context.diagnostics.map(\.rule) == ["emit.issue.untitled"])
        #expect(context.diagnostics.first?.location.description == "Workflows/w.yml:7:5")
        let data = try Data(contentsOf: dir.appendingPathComponent("out/w/issue-toc.xml"))
        let root = try #require(MarkupParser.parseXML(data).root, "well-formed")
        #expect(root[attribute: "volume"] == "3" && root[attribute: "number"] == "2")
        let articles = root.childElements.filter { $0.name == "article" }
        #expect(articles.map { $0[attribute: "id"] } == ["b", "a"])
        #expect(articles.first?.firstDescendant(named: "title")?.textContent == "Second & <last>")
        #expect(articles.first?.firstDescendant(named: "surname")?.textContent == "Brennan")
        #expect(articles.first?.firstDescendant(named: "string-name")?.textContent == "Lee Jae-won", "a Korean name is not split by guesswork")
        #expect(articles.first?.firstDescendant(named: "self-uri")?[attribute: "href"] == "jats/b.xml", "relative to the TOC, which sits in the output folder")
        #expect(articles.first?.firstDescendant(named: "fpage") == nil, "no PDF, no page range")
    }

    @Test func isAPublishingStageThatAnswersToItsFormerID() {
        #expect(EmitIssueStage.description.publishes && EmitIssueStage.description.kind == .issue)
        #expect(BuiltInStages.registry.stage(id: "issue.toc")?.description.id == "emit.issue")
    }

    /// A PDF as FOP writes its page tree: the root `/Pages` with `/Count`, page objects with `/Parent`.
    static func pdf(pages: Int, garbage: Bool = false) -> Data {
        var s = "%PDF-1.4\n%\u{E2}\u{E3}\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        s += "2 0 obj\n<< /Type /Pages /Kids [\((0..<pages).map { "\($0 + 3) 0 R" }.joined(separator: " "))] /Count \(pages) >>\nendobj\n"
        for i in 0..<pages { s += "\(i + 3) 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n" }
        if garbage { s += "99 0 obj\n<< /Length 5 >>\nstream\n\u{00}\u{FF}\u{80}/Count 7\nendstream\nendobj\n" }
        s += "trailer\n<< /Root 1 0 R >>\n%%EOF\n"
        return s.data(using: .isoLatin1)!
    }

    @Test func countsPagesFromThePageTreeRoot() {
        #expect(PDFPageCounter.pageCount(Self.pdf(pages: 1)) == 1)
        #expect(PDFPageCounter.pageCount(Self.pdf(pages: 12, garbage: true)) == 12)
        #expect(PDFPageCounter.pageCount(Data("not a pdf /Type /Pages /Count 3".utf8)) == nil)
        #expect(PDFPageCounter.pageCount(Data("%PDF-1.4\n<< /Type /Pages /Parent 1 0 R /Count 3 >>\nendobj".utf8)) == nil, "no root")
        #expect(PDFPageCounter.pageCount(Data([0x25, 0x50, 0x44, 0x46, 0x2D] + (0..<4096).map { UInt8(truncatingIfNeeded: $0 * 7919) })) == nil)
        #expect(PDFPageCounter.pageCount(Data()) == nil)
    }

    @Test func numbersTheIssueContinuouslyAndReportsAnUnreadablePDF() throws {
        let dir = TestPaths.temporaryDirectory("kei-toc-pages"); defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out/w/pdf")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Self.pdf(pages: 3).write(to: out.appendingPathComponent("a.pdf"))
        try Self.pdf(pages: 5).write(to: out.appendingPathComponent("b.pdf"))
        try Data("%PDF-1.7 truncated".utf8).write(to: out.appendingPathComponent("d.pdf"))
        func art(_ id: String, _ pdf: Bool) -> [Artifact] {
            [Artifact(kind: "jats", relativePath: "jats/\(id).xml")] + (pdf ? [Artifact(kind: "pdf", relativePath: "pdf/\(id).pdf")] : [])
        }
        var context = context(dir, [outcome("a", title: "A", artifacts: art("a", true)), outcome("c", title: "C", order: 2, artifacts: art("c", false)),
                                    outcome("b", title: "B", order: 3, artifacts: art("b", true)), outcome("d", title: "D", order: 4, artifacts: art("d", true)),
                                    outcome("e", title: "E", order: 5, artifacts: art("e", true))])
        // c has no PDF (its FOP run failed): b's first page is not known, so b and the rest get no range.
        let entries = EmitIssueStage.entries(&context)
        #expect(entries.map(\.pages) == [1...3, nil, nil, nil, nil])
        #expect(context.diagnostics.map(\.rule) == ["emit.issue.pdf-missing"], "one warning: the first article that breaks the numbering")
        #expect(context.diagnostics.first?.message.contains("'c' has no PDF") == true)
        var numbered = self.context(dir, [outcome("a", title: "A", artifacts: art("a", true)), outcome("b", title: "B", order: 2, artifacts: art("b", true)),
                                          outcome("d", title: "D", order: 3, artifacts: art("d", true)), outcome("e", title: "E", order: 4, artifacts: art("e", true))])
        #expect(EmitIssueStage.entries(&numbered).map(\.pages) == [1...3, 4...8, nil, nil])
        #expect(numbered.diagnostics.map(\.rule) == ["emit.issue.pdf-unreadable"], "one warning: the first unreadable PDF")
        try EmitIssueStage(options: StageOptions()).run(&numbered)
        let html = try String(contentsOf: dir.appendingPathComponent("out/w/index.html"), encoding: .utf8)
        #expect(html.contains("pp. 4–8") && html.contains("<a href=\"pdf/b.pdf\">PDF</a>"))
        let toc = try String(contentsOf: dir.appendingPathComponent("out/w/issue-toc.xml"), encoding: .utf8)
        #expect(toc.contains("<fpage>4</fpage>\n    <lpage>8</lpage>"))
        var unprinted = self.context(dir, [outcome("a", title: "A"), outcome("b", title: "B", order: 2)])
        #expect(EmitIssueStage.entries(&unprinted).map(\.pages) == [nil, nil] && unprinted.diagnostics.isEmpty, "no PDFs at all: no numbering, no warning")
    }

    @Test func theIndexEscapesHostileTextAndLoadsNothing() throws {
        let dir = TestPaths.temporaryDirectory("kei-index"); defer { try? FileManager.default.removeItem(at: dir) }
        let hostile = "<script>alert(1)</script> ]]> \"q\" & \u{0}\u{7}\u{FFFF}\u{200F}end"
        var context = context(dir, [outcome("x", title: hostile, authors: ["<img src=x onerror=alert(1)>"])])
        try EmitIssueStage(options: StageOptions()).run(&context)
        let html = try String(contentsOf: dir.appendingPathComponent("out/w/index.html"), encoding: .utf8)
        #expect(!html.contains("<script") && !html.contains("<img") && html.contains("&lt;script&gt;"))
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" } && !html.contains("\u{FFFF}"))
        #expect(html.contains("\u{200F}end"), "RTL marks are text, kept")
        #expect(!html.contains(" src=\"") && !html.contains("http-equiv=\"refresh\""))
        let csp = IssueIndexWriter.contentSecurityPolicy
        #expect(csp.hasPrefix("default-src 'none'; style-src 'sha256-") && html.contains(csp))
        #expect(try MarkupParser.parseXML(Data(contentsOf: dir.appendingPathComponent("out/w/issue-toc.xml"))).root != nil)
    }

    @Test func sha256MatchesTheFIPSExamples() {
        #expect(Digests.sha256Hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Digests.sha256Hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Digests.sha256Hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(Digests.sha256Hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func linksTheProofsAndTheDashboardWhenEmitProofRuns() throws {
        let dir = TestPaths.temporaryDirectory("kei-toc-proofs"); defer { try? FileManager.default.removeItem(at: dir) }
        var without = context(dir, [outcome("a", title: "A")])
        try EmitIssueStage(options: StageOptions()).run(&without)
        let plain = try String(contentsOf: dir.appendingPathComponent("out/w/index.html"), encoding: .utf8)
        #expect(!plain.contains("proof/"), "no emit.proof in the workflow: nothing to link")
        var with = context(dir, [outcome("a", title: "A"), outcome("b", title: "B", order: 2)])
        with.issueStages = ["emit.issue", "emit.proof"]
        try EmitIssueStage(options: StageOptions()).run(&with)
        let html = try String(contentsOf: dir.appendingPathComponent("out/w/index.html"), encoding: .utf8)
        #expect(html.contains("<a href=\"\(EmitProofStage.proofPath(for: "b"))\">Proof</a>") && html.contains("<a href=\"\(EmitProofStage.dashboardPath)\">"))
        let root = try #require(MarkupParser.parseXML(Data(contentsOf: dir.appendingPathComponent("out/w/issue-toc.xml"))).root)
        #expect(root.childElements.first { $0.name == "self-uri" }?[attribute: "href"] == EmitProofStage.dashboardPath)
        let links = root.childElements.filter { $0.name == "article" }.first?.childElements.filter { $0.name == "self-uri" }.map { $0[attribute: "href"] }
        #expect(links == ["jats/a.xml", "proof/a.html"])
    }

    @Test func authorListsReadUnambiguously() {
        func c(_ name: String, _ surname: String? = nil, _ given: String? = nil) -> PublishedContributor {
            PublishedContributor(name: name, surname: surname, givenNames: given, isGroup: false, corresponding: false, inWorkflow: true)
        }
        #expect(IssueIndexWriter.authorList([c("Kwak, Min-seo", "Kwak", "Min-seo"), c("Seo-Whitfield, Hana", "Seo-Whitfield", "Hana")])
                    == "Min-seo Kwak, Hana Seo-Whitfield")
        #expect(IssueIndexWriter.authorList([c("Lee Jae-won", "Lee", "Jae-won"), c("Laura J. Brennan")]) == "Lee Jae-won, Laura J. Brennan",
                "a name that is not inverted is shown as printed")
        #expect(IssueIndexWriter.authorList([c("Kwak, Min-seo"), c("Hana Seo-Whitfield")]) == "Kwak, Min-seo; Hana Seo-Whitfield",
                "an inverted name that could not be split: semicolons")
        #expect(IssueIndexWriter.authorList([c("")]) == nil)
    }
}
