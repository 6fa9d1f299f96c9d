import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiStages
import KeiXML
import KeiTestSupport

@Suite struct IssueTOCStageTests {
    func outcome(_ id: String, title: String?, authors: [String] = []) -> ArticleOutcome {
        var article = Article(id: id, source: "\(id).html")
        article.metadata.title = title
        article.metadata.authors = authors.map { Author(name: $0) }
        article.metadata.publicationDate = PublicationDate(iso: "2025-12-15")
        let entry = ArticleEntry(id: id, source: "\(id).html", sourceURL: URL(fileURLWithPath: "/x/\(id).html"), status: .approved,
                                 declaredAt: SourceLocation(file: "Workflows/w.yml", line: 7, column: 5))
        return ArticleOutcome(entry: entry, sourceDisplayPath: "\(id).html", article: article, diagnostics: [],
                              artifacts: [Artifact(kind: "jats", relativePath: "jats/\(id).xml")], failed: false)
    }

    @Test func writesTheArticlesInOrderAndFlagsUntitledOnes() throws {
        let dir = TestPaths.temporaryDirectory("kei-toc"); defer { try? FileManager.default.removeItem(at: dir) }
        var context = IssueContext(issue: StageExample.issue, workflowName: "w",
                                   articles: [outcome("b", title: "Second & <last>", authors: ["Lee Jae-won"]), outcome("a", title: nil)],
                                   outputDirectory: dir.appendingPathComponent("out/w"), workingDirectory: dir,
                                   workflowDisplayPath: "Workflows/w.yml")
        try IssueTOCStage(options: StageOptions()).run(&context)
        #expect(context.artifacts.map(\.relativePath) == ["issue-toc.xml"])
        #expect(context.diagnostics.map(\.rule) == ["issue.toc.untitled"])
        #expect(context.diagnostics.first?.location.description == "Workflows/w.yml:7:5")
        let data = try Data(contentsOf: dir.appendingPathComponent("out/w/issue-toc.xml"))
        let root = try #require(MarkupParser.parseXML(data).root, "well-formed")
        #expect(root[attribute: "volume"] == "3" && root[attribute: "number"] == "2")
        let articles = root.childElements.filter { $0.name == "article" }
        #expect(articles.map { $0[attribute: "id"] } == ["b", "a"])
        #expect(articles.first?.firstDescendant(named: "title")?.textContent == "Second & <last>")
        #expect(articles.first?.firstDescendant(named: "author")?.textContent == "Lee Jae-won")
        #expect(articles.first?.firstDescendant(named: "jats")?[attribute: "href"] == "jats/b.xml", "relative to the TOC, which sits in the output folder")
    }

    @Test func isAPublishingStage() {
        #expect(IssueTOCStage.description.publishes && IssueTOCStage.description.kind == .issue)
    }
}
