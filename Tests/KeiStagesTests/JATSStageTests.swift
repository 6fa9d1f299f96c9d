import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiTestSupport
import KeiXML
@testable import KeiStages

@Suite struct JATSStageTests {
    static let stageRules = Set(EmitJATSStage.description.messages.map(\.rule))

    @Test func examplesTriggerExactlyTheirRules() throws {
        let desc = EmitJATSStage.description
        #expect(!desc.examples.isEmpty)
        #expect(desc.examples.contains { !$0.triggers }, "at least one passing example")
        for example in desc.examples {
            let context = try StageHarness.run(html: example.html, stages: [EmitJATSStage.self],
                                               options: [desc.id: example.options])
            let fired = Set(context.diagnostics.map(\.rule)).intersection(Self.stageRules)
            #expect(fired == example.expectedRules, "\(example.note): \(context.diagnostics)")
            #expect(context.artifacts.map(\.kind) == ["jats"], "\(example.note)")
            #expect(context.article != nil)
        }
    }

    @Test func optionsAndMessagesAreDeclared() {
        let desc = EmitJATSStage.description
        #expect(desc.id == "emit.jats")
        #expect(desc.kind == .emit)
        #expect(desc.option(named: "validate")?.defaultValue == .bool(false))
        #expect(desc.option(named: "article-type")?.defaultValue == .string("research-article"))
        #expect(desc.messages.map(\.rule) == ["emit.jats-invalid", "emit.jats.unsplit-name", "emit.jats.no-elocation-id",
                                               "emit.jats.placeholder-issn", "emit.jats.unmatched-author", "emit.jats.page-doi-differs"])
        #expect(desc.messages.map(\.severity) == [.error, .warning, .warning, .info, .warning, .warning])
    }

    /// Ingests `html`, runs the stage with an output folder that outlives the run, and returns
    /// the context and the written file's text.
    static func runKeepingOutput(html: String, id: String = "kp-1", issue: IssueInfo = JATSFixtures.issue,
                                 options: [String: OptionValue] = [:]) throws -> (ArticleContext, String?) {
        let dir = TestPaths.temporaryDirectory("kei-jats-stage")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("page.html")
        try Data(html.utf8).write(to: file)
        let context = try StageHarness.run(file: file, display: "page.html", stages: [EmitJATSStage.self],
                                           options: ["emit.jats": options], id: id, issue: issue,
                                           output: dir.appendingPathComponent("out"), workingDirectory: dir)
        let written = dir.appendingPathComponent("out/jats/\(EmitJATSStage.fileStem(id)).xml")
        let text = FileManager.default.contents(atPath: written.path).map { String(decoding: $0, as: UTF8.self) }
        return (context, text)
    }

    @Test func writesTheArticleUnderJats() throws {
        let html = EmitJATSStage.description.examples[1].html
        let (context, text) = try Self.runKeepingOutput(html: html)
        #expect(context.artifacts == [Artifact(kind: "jats", relativePath: "jats/kp-1.xml")])
        let xml = try #require(text)
        #expect(xml == JATSWriter.write(try #require(context.article), issue: JATSFixtures.issue))
        #expect(JATSStructureValidator.validate(xml).isEmpty)
        let root = try #require(MarkupParser.parseXML(Data(xml.utf8)).root)
        #expect(root.firstDescendant(named: "article-title")?.textContent == "Trade & Security")
        #expect(root.firstDescendant(named: "volume")?.textContent == "3")
        let (_, commentary) = try Self.runKeepingOutput(html: html, options: ["article-type": .string("article-commentary")])
        #expect(commentary?.contains(" article-type=\"article-commentary\" ") == true)
        if XMLLint.dtdsAvailable {
            let result = try XMLLint.validate(xml: xml)
            #expect(result.passed, "exit \(result.status): \(result.stderr)")
        }
    }

    @Test func skipsWithoutAnArticleModel() throws {
        let dir = TestPaths.temporaryDirectory("kei-jats-skip")
        defer { try? FileManager.default.removeItem(at: dir) }
        let entry = ArticleEntry(id: "awaited", source: nil, sourceURL: nil, status: .received)
        var context = ArticleContext(entry: entry, issue: IssueInfo(), sourceDisplayPath: "awaited.html",
                                     outputDirectory: dir, workingDirectory: dir)
        let stage = try EmitJATSStage(options: StageOptions(defaultsOf: EmitJATSStage.description))
        try stage.run(&context)
        #expect(context.artifacts.isEmpty)
        #expect(context.diagnostics.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("jats").path))
    }

    @Test func structuralProblemsBecomeErrorsAtTheArticleSource() throws {
        let entry = ArticleEntry(id: "a", source: "a.html", sourceURL: nil, status: .received)
        var context = ArticleContext(entry: entry, issue: IssueInfo(), sourceDisplayPath: "articles/a.html",
                                     outputDirectory: URL(fileURLWithPath: "/nonexistent"), workingDirectory: URL(fileURLWithPath: "/"))
        context.currentStage = "emit.jats"
        let broken = JATSWriter.write(JATSFixtures.richArticle(), issue: JATSFixtures.issue)
            .replacingOccurrences(of: "rid=\"fn2\"", with: "rid=\"gone\"")
        EmitJATSStage.report(JATSStructureValidator.validate(broken), relativePath: "jats/a.xml", in: &context)
        #expect(!context.diagnostics.isEmpty)
        for d in context.diagnostics {
            #expect(d.rule == "emit.jats-invalid")
            #expect(d.severity == .error)
            #expect(d.location.file == "articles/a.html")
            #expect(d.message.contains("jats/a.xml") && d.message.contains("\"gone\""))
            #expect(d.stage == "emit.jats" && d.article == "a")
        }
    }

    @Test func fileNamesCannotEscapeTheJatsFolder() {
        #expect(EmitJATSStage.fileStem("kp-3-2-1") == "kp-3-2-1")
        #expect(EmitJATSStage.fileStem("../../etc/passwd") == ".._.._etc_passwd")
        #expect(EmitJATSStage.fileStem("..") == "article..")
        #expect(EmitJATSStage.fileStem("") == "article")
    }

    @Test(.enabled(if: TestPaths.sharedExists, "needs ../shared"))
    func realWebPagesBecomeValidJATS() throws {
        // Every page of the shared readability set, ingested and emitted, passes both checks.
        let root = TestPaths.shared.appendingPathComponent("testdata/readability")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        var checked = 0
        for name in names {
            let source = root.appendingPathComponent(name).appendingPathComponent("source.html")
            guard FileManager.default.fileExists(atPath: source.path) else { continue }
            let (article, _) = try StageHarness.ingest(file: source, display: "\(name)/source.html", id: name)
            let xml = JATSWriter.write(article, issue: JATSFixtures.issue)
            #expect(JATSStructureValidator.validate(xml).isEmpty, "\(name)")
            let result = try XMLLint.validate(xml: xml, name: "\(name).xml")
            #expect(result.passed, "\(name): exit \(result.status): \(result.stderr.prefix(2000))")
            checked += 1
        }
        #expect(checked >= 10)
    }
}
