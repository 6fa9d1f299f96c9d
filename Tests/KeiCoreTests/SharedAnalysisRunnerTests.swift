import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport

/// A check that reports what the shared analysis looks like when it runs.
struct AnalysisProbeStage: CheckStage {
    static let description = StageDescription(id: "test.analysis-probe", summary: "Reports the shared analysis it sees.", kind: .check,
                                              messages: [StageMessage("test.analysis-probe", .info, "The analysis seen.")],
                                              readsAnalysis: true)
    init(options: StageOptions) throws {}
    func check(_ article: Article, context: ArticleContext) -> [Diagnostic] {
        let units = context.analysis.map { String($0.units.count) } ?? "none"
        let first = context.analysis?.units.first?.text.string ?? "-"
        return [Self.description.messages[0].diagnostic("builds=\(context.analysisBuilds) units=\(units) first=\(first)",
                                                        at: context.location(line: 1))]
    }
}

/// A check that does not declare that it reads the analysis.
struct NotReadingProbeStage: CheckStage {
    static let description = StageDescription(id: "test.plain-probe", summary: "Reports whether an analysis was built.", kind: .check,
                                              messages: [StageMessage("test.plain-probe", .info, "Builds seen.")])
    init(options: StageOptions) throws {}
    func check(_ article: Article, context: ArticleContext) -> [Diagnostic] {
        [Self.description.messages[0].diagnostic("builds=\(context.analysisBuilds)", at: context.location(line: 1))]
    }
}

/// A transform that changes the model (its title), so the analysis must be built again.
struct RetitleStage: ArticleStage {
    static let description = StageDescription(id: "test.retitle", summary: "Changes the title.", kind: .transform)
    init(options: StageOptions) throws {}
    func run(_ context: inout ArticleContext) throws {
        context.article?.metadata.title = "Changed"
    }
}

@Suite struct SharedAnalysisRunnerTests {
    static let html = """
    <html><head><title>Original</title></head><body><article><h1>Original</h1>
    <p>The alliance held firm through the the crisis, enough words to be the body of an article.</p>
    </article></body></html>
    """

    @Test func theRunnerBuildsTheAnalysisOncePerVersionOfTheModel() throws {
        let outcome = try RunnerHarness.run(html: Self.html, stages: [
            AnalysisProbeStage.self, LintStyleStage.self, CheckCitationsStage.self, CheckMetadataStage.self, AnalysisProbeStage.self,
            RetitleStage.self, AnalysisProbeStage.self, LintStyleStage.self,
        ], options: KEIStyle.only(["style.repeated-word"]), style: KEIStyle.sheet)
        let probes = outcome.diagnostics.filter { $0.rule == "test.analysis-probe" }.map(\.message)
        #expect(probes == ["builds=1 units=2 first=Original", "builds=1 units=2 first=Original", "builds=2 units=2 first=Changed"],
                "built before the first check, shared by the next ones, rebuilt after the model changed")
        #expect(outcome.diagnostics.filter { $0.rule == "style.repeated-word" }.count == 2, "the check ran on both versions")
        // A workflow whose checks do not read the analysis never builds it.
        let plain = try RunnerHarness.run(html: Self.html, stages: [CheckMetadataStage.self, NotReadingProbeStage.self])
        #expect(plain.diagnostics.filter { $0.rule == "test.plain-probe" }.map(\.message) == ["builds=0"])
    }
}
