import Foundation
import Testing
@testable import KeiStages

@Suite struct JATSStructureValidatorTests {
    static let good = JATSWriter.write(JATSFixtures.richArticle(), issue: JATSFixtures.issue)

    @Test func malformedXMLIsReported() {
        let problems = JATSStructureValidator.validate("<article dtd-version=\"1.3\"><front></article>")
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.contains("not well-formed") })
        #expect(JATSStructureValidator.validate("").first?.contains("not well-formed") == true)
    }

    @Test func wrongRootAndVersionAreReported() {
        let problems = JATSStructureValidator.validate("<book dtd-version=\"1.2\"/>")
        #expect(problems.contains { $0.contains("expected <article>") })
        #expect(problems.contains { $0.contains("dtd-version \"1.2\"") })
        #expect(problems.contains { $0.contains("has no <front>") })
    }

    @Test func missingFrontMatterIsReported() {
        let xml = "<article dtd-version=\"1.3\">\n<front>\n<article-meta/>\n</front>\n</article>"
        let problems = JATSStructureValidator.validate(xml)
        #expect(problems.contains("line 2: <front> has no <journal-meta>"))
        #expect(problems.contains("line 3: <article-meta> has no <title-group> (required, with <article-title>)"))
    }

    @Test func duplicateAndInvalidIdsAreReported() {
        let xml = Self.good.replacingOccurrences(of: "<sec id=\"sec1.1\">", with: "<sec id=\"sec1\">")
            .replacingOccurrences(of: "<sec id=\"sec1.1.1\">", with: "<sec id=\"1bad\">")
        let problems = JATSStructureValidator.validate(xml)
        #expect(problems.contains { $0.contains("id \"sec1\" on <sec> is already used at line") })
        #expect(problems.contains { $0.contains("id \"1bad\" on <sec> is not a valid XML name") })
        #expect(problems.count == 2)
    }

    @Test func articleMetaOrderIsChecked() {
        let xml = Self.good.replacingOccurrences(of: "<volume>3</volume>", with: "")
            .replacingOccurrences(of: "</kwd-group>", with: "</kwd-group><volume>3</volume>")
        let problems = JATSStructureValidator.validate(xml)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("<volume> comes after <kwd-group>") == true)
    }

    @Test func multipleRidTokensAreEachResolved() {
        let xml = Self.good.replacingOccurrences(of: "rid=\"fn2\"", with: "rid=\"fn1  fn2 ghost\"")
        let problems = JATSStructureValidator.validate(xml)
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.contains("rid \"ghost\"") })
    }
}
