import Foundation
import Testing
import KeiTestSupport
@testable import KeiStages

/// The shared fixtures prove that both checks detect invalid files: the valid example passes,
/// the two broken ones fail with the messages the shared README documents.
@Suite(.enabled(if: TestPaths.sharedExists, "needs ../shared"))
struct JATSSharedExamplesTests {
    static var examples: URL { TestPaths.shared.appendingPathComponent("jats/examples") }

    static func example(_ name: String) -> URL { examples.appendingPathComponent(name) }

    @Test func xmllintIsInstalled() throws {
        // Not skippable: without xmllint the DTD tests would prove nothing.
        _ = try XMLLint.executable()
    }

    @Test func xmllintAcceptsTheMinimalArticle() throws {
        let result = try XMLLint.validate(file: Self.example("minimal-article.xml"))
        #expect(result.passed, "exit \(result.status): \(result.stderr)")
    }

    @Test func xmllintRejectsTheMissingTitleGroup() throws {
        let result = try XMLLint.validate(file: Self.example("broken-missing-title-group.xml"))
        #expect(result.status != 0)
        #expect(result.stderr.contains("Element article-meta content does not follow the DTD"))
        #expect(result.stderr.contains("title-group"))
    }

    @Test func xmllintRejectsTheDanglingFootnoteXref() throws {
        let result = try XMLLint.validate(file: Self.example("broken-dangling-fn-xref.xml"))
        #expect(result.status == 4)
        #expect(result.stderr.contains("IDREFS attribute rid references an unknown ID \"fn99\""))
    }

    @Test func xmllintRejectsAWriterOutputWithABrokenReference() throws {
        // The harness also catches a defect in our own output, not only in the fixtures.
        let xml = JATSWriter.write(JATSFixtures.richArticle(), issue: JATSFixtures.issue)
            .replacingOccurrences(of: "rid=\"fn2\"", with: "rid=\"nowhere\"")
        let result = try XMLLint.validate(xml: xml)
        #expect(!result.passed)
        #expect(result.stderr.contains("nowhere"))
        #expect(JATSStructureValidator.validate(xml).contains { $0.contains("rid \"nowhere\" does not match any id") })
    }

    @Test func structuralValidatorAcceptsTheMinimalArticle() throws {
        let problems = JATSStructureValidator.validate(data: try Data(contentsOf: Self.example("minimal-article.xml")))
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func structuralValidatorCatchesTheMissingTitleGroup() throws {
        let problems = JATSStructureValidator.validate(data: try Data(contentsOf: Self.example("broken-missing-title-group.xml")))
        #expect(problems.count == 1)
        #expect(problems.first?.contains("<article-meta> has no <title-group>") == true)
        #expect(problems.first?.hasPrefix("line ") == true && problems.first?.hasPrefix("line 0") == false)
    }

    @Test func structuralValidatorCatchesTheDanglingFootnoteXref() throws {
        let problems = JATSStructureValidator.validate(data: try Data(contentsOf: Self.example("broken-dangling-fn-xref.xml")))
        #expect(problems == ["line 79: <xref> rid \"fn99\" does not match any id"])
    }
}
