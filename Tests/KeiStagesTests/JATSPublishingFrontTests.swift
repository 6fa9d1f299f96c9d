import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiTestSupport
@testable import KeiStages

/// The publishing front matter of emit.jats (issue 10): facts from ``ArticlePublication``, the
/// corresponding author's `author-notes`, and the warnings for what only the editor can supply.
@Suite struct JATSPublishingFrontTests {
    static let page = """
        <html><head><title>T</title><meta name="citation_author" content="Lee Jae Myung"></head><body><article><h1>T</h1>
        <p>Some text that is long enough to count as the article body of this page.</p></article></body></html>
        """

    static func journal(elocation: String?) throws -> IssueInfo {
        var issue = JATSFixtures.issue
        issue.journal.elocationPattern = try elocation.map { try PublishingPattern($0) }
        return issue
    }

    @Test func aJournalWithoutElocationSchemeGetsAWarningAndNoElement() throws {
        let (context, text) = try JATSStageTests.runKeepingOutput(html: Self.page, issue: try Self.journal(elocation: nil))
        let xml = try #require(text)
        #expect(!xml.contains("<elocation-id"))
        let rules = context.diagnostics.map(\.rule)
        #expect(rules.contains("emit.jats.no-elocation-id"))
        #expect(rules.contains("emit.jats.placeholder-issn"), "JATSFixtures.issue's print ISSN is 0000-0000")
        #expect(rules.filter { $0 == "emit.jats.unsplit-name" }.count == 1)
        #expect(xml.contains("<string-name>Lee Jae Myung</string-name>"), "never a guessed surname")
    }

    @Test func theJournalsSchemeGivesTheElocationID() throws {
        var issue = try Self.journal(elocation: "e{volume}{number}{order:2}")
        let (context, text) = try JATSStageTests.runKeepingOutput(html: Self.page, issue: issue)
        #expect(try #require(text).contains("<elocation-id>e3200</elocation-id>"), "order 0 outside a workflow")
        #expect(!context.diagnostics.map(\.rule).contains("emit.jats.no-elocation-id"))
        issue.volume = nil
        let (without, _) = try JATSStageTests.runKeepingOutput(html: Self.page, issue: issue)
        let warning = try #require(without.diagnostics.first { $0.rule == "emit.jats.no-elocation-id" })
        #expect(warning.message.contains("no volume"))
    }

    @Test func workflowAuthorsGiveNamesAffiliationsORCIDAndCorrespondence() throws {
        let article = try JATSStageTests.runKeepingOutput(html: Self.page).0.article
        var entry = ArticleEntry(id: "kp-1", source: nil, sourceURL: nil, status: .received)
        var lee = ContributorEntry(name: "Lee Jae Myung", affiliation: "Seoul <National> University", orcid: "0000-0002-1825-0097",
                                   email: "lee@example.org", corresponding: true)
        lee.surname = "Lee"
        lee.givenNames = "Jae Myung"
        entry.contributors = [lee, ContributorEntry(name: "Jane Doe", affiliation: "Seoul <National> University", email: "j@example.org")]
        entry.subject = "Commentary & Analysis"
        entry.keywords = ["alliance", "ALLIANCE", "trade"]
        let issue = try Self.journal(elocation: "e{volume}{number}{order:2}")
        let publication = ArticlePublication(entry: entry, article: try #require(article), issue: issue)
        let xml = JATSWriter.write(try #require(article), issue: issue, publication: publication)
        #expect(xml.contains("<surname>Lee</surname>\n            <given-names>Jae Myung</given-names>"))
        #expect(xml.contains("<subject>Commentary &amp; Analysis</subject>"))
        #expect(xml.components(separatedBy: "<kwd>").count - 1 == 2, "keywords without repeats")
        #expect(xml.components(separatedBy: "<aff id=").count - 1 == 1, "one aff per distinct affiliation")
        #expect(xml.contains("<aff id=\"aff1\">Seoul &lt;National&gt; University</aff>"))
        #expect(xml.components(separatedBy: "<xref ref-type=\"aff\" rid=\"aff1\"/>").count - 1 == 2)
        #expect(xml.contains("<contrib contrib-type=\"author\" corresp=\"yes\">"))
        #expect(xml.contains("<corresp id=\"cor1\">Corresponding author: <email>lee@example.org</email></corresp>"))
        #expect(xml.contains("<xref ref-type=\"corresp\" rid=\"cor1\"/>"))
        #expect(xml.contains("<email>j@example.org</email>"), "other authors keep their email in contrib")
        #expect(!xml.contains("<email>lee@example.org</email>\n"), "the corresponding email is written once, in author-notes")
        if XMLLint.dtdsAvailable {
            let lint = try XMLLint.validate(xml: xml)
            #expect(lint.passed, "\(lint.stderr)")
        }
        if PMCStyleChecker.available {
            let findings = PMCStyleChecker.findings(try PMCStyleChecker.check(xml: xml))
            #expect(findings.errors.isEmpty, "\(findings.errors)")
        }
    }
}
