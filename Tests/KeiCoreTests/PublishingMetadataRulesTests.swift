import Foundation
import Testing
import KeiCore
import KeiDocument
@testable import KeiStages
import KeiTestSupport

/// Breaker 21's publishing-metadata findings: one contributor per person, group authors, identifiers
/// and addresses checked at load, the page's DOI and language, names Crossref refuses.
@Suite struct PublishingMetadataRulesTests {
    static let journal = PublishingConfigTests.journal

    static func entry(_ authors: [ContributorEntry]) -> ArticleEntry {
        var e = ArticleEntry(id: "x", source: nil, sourceURL: nil, status: .received)
        e.contributors = authors
        return e
    }

    static func publication(page: [String], workflow: [ContributorEntry], language: String? = nil, doi: String? = nil) -> ArticlePublication {
        let meta = ArticleMetadata(title: "T", authors: page.map { KeiDocument.Author(name: $0) })
        var article = KeiDocument.Article(id: "x", source: "x.html", metadata: meta)
        article.metadata.language = language
        article.metadata.doi = doi
        return ArticlePublication(entry: entry(workflow), article: article, issue: IssueInfo())
    }

    @Test func spellingsOfOnePersonShareOneKey() {
        let kwak = ["Min-seo Kwak", "Kwak, Min-seo", "Kwak Min-seo", "KWAK Min Seo", "Min-seo R. Kwák", "Min\u{2010}seo Kwak", "Min\u{2011}seo Kwak"]
        #expect(Set(kwak.map(PersonNameKey.key)) == ["kwak min seo"])
        let seo = ["Hana Seo-Whitfield", "Seo-Whitfield, Hana", "Hana Seo Whitfield", "HANA SEO-WHITFIELD", "Seo-Whitfield Hana",
                   "Hana Seo\u{2011}Whitfield", "서하나 (Hana Seo-Whitfield)"]
        #expect(seo.allSatisfy { PersonNameKey.same($0, "Hana Seo-Whitfield") }, "\(seo.map(PersonNameKey.keys))")
        #expect(PersonNameKey.same("서하나 (Hana Seo-Whitfield)", "서하나"))
        #expect(!PersonNameKey.same("Min-seo Kwak", "Min-ji Kwak"))
        #expect(!PersonNameKey.same("??", "??"), "a name without words matches nobody")
    }

    @Test func pageAndWorkflowSpellingsMergeIntoOneContributorAndStrangersAreFlagged() {
        let workflow = [ContributorEntry(name: "Min-seo Kwak", surname: "Kwak", givenNames: "Min-seo", orcid: "0000-0002-1825-0097"),
                        ContributorEntry(name: "Hana Seo-Whitfield", surname: "Seo-Whitfield", givenNames: "Hana")]
        let p = Self.publication(page: ["Kwak Min-seo", "서하나 (Hana Seo\u{2011}Whitfield)", "Jane Stranger"], workflow: workflow)
        #expect(p.contributors.count == 3)
        #expect(p.contributors[0].surname == "Kwak" && p.contributors[0].orcid == "0000-0002-1825-0097")
        #expect(p.contributors[1].surname == "Seo-Whitfield" && p.contributors[1].inWorkflow)
        #expect(p.contributors.map(\.unmatchedPageAuthor) == [false, false, true])
        // No workflow authors: nobody is "unmatched".
        #expect(Self.publication(page: ["Jane Stranger"], workflow: []).contributors.map(\.unmatchedPageAuthor) == [false])
    }

    @Test func workflowGroupAuthorsAreCollabsNeverSplit() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/journals/j.yml", Self.journal)
        let wf = try p.load(PublishingConfigTests.workflow(authors: "\n      - The Editors\n      - {name: KP Board, group: true}\n      - {name: Jane Doe, group: false}"))
        let c = wf.articles[0].contributors
        #expect(c.map(\.group) == [nil, true, false])
        let pub = ArticlePublication(entry: wf.articles[0], article: nil, issue: wf.issue).contributors
        #expect(pub.map(\.isGroup) == [true, true, false])
        #expect(pub[0].givenNames == nil && pub[0].surname == nil, "\"The Editors\" is not given-names \"The\"")
        #expect(pub[2].surname == "Doe")
    }

    @Test func theSamePersonTwiceInTheWorkflowIsALoadError() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/journals/j.yml", Self.journal)
        let problems = p.problems(PublishingConfigTests.workflow(authors: "\n      - Min-seo Kwak\n      - {name: \"Kwak, Min-seo\", surname: Kwak}"))
        #expect(problems.count == 1 && problems.first?.contains("listed twice") == true, "\(problems)")
    }

    @Test func identifierPatternsAreCheckedAtTheirLine() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        func problems(_ journal: String, _ workflow: String = PublishingConfigTests.workflow()) throws -> [String] {
            try p.write("Workflows/journals/j.yml", "title: T\n" + journal)
            return p.problems(workflow)
        }
        #expect(try problems("doi-pattern: \"kp.{volume}.{order}\"").first?.contains("j.yml:2:") == true)
        #expect(try problems("doi-pattern: \"10.5555/kp {order}\"").first?.contains("does not give a DOI") == true)
        #expect(try problems("doi-pattern: \"10.55/kp.{order}\"").first?.contains("does not give a DOI") == true)
        #expect(try problems("resource-url: \"javascript:alert(1)//{id}\"").first?.contains("absolute http(s) URL") == true)
        #expect(try problems("resource-url: \"https://x.org/a b/{id}\"").first?.contains("absolute http(s) URL") == true)
        #expect(try problems("resource-url: \"ftp://x.org/{id}\"").first?.contains("absolute http(s) URL") == true)
        #expect(try problems("elocation-id: \"\"").first?.contains("the pattern is empty") == true)
        #expect(try problems("elocation-id: \"e{order:}\"").first?.contains("'{order:}'") == true)
        #expect(try problems("elocation-id: \"e{order:}\"").first?.contains("width -1") == false)
        let same = try problems("elocation-id: \"e{volume}\"\ndoi-pattern: \"10.5555/kp.{volume}\"")
        #expect(same.contains { $0.hasPrefix("Workflows/journals/j.yml:2:") && $0.contains("no {order} or {id}") }, "\(same)")
        #expect(same.contains { $0.hasPrefix("Workflows/journals/j.yml:3:") && $0.contains("no {order} or {id}") }, "\(same)")
        // One article: a pattern without {order} is fine.
        let one = "journal: journals/j.yml\nvolume: 3\narticles:\n  - id: a\n    source: Samples/a.html\nstages: [ingest.html]\n"
        #expect(try problems("doi-pattern: \"10.5555/kp.{volume}\"", one).isEmpty)
        #expect(try problems("doi-pattern: \"10.5555/kp.{volume}.{order}\"\nresource-url: \"https://x.org/{id}\"").isEmpty)
    }

    @Test func entryDOIsEmailsBatchIDsAndArticleTypesAreChecked() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/journals/j.yml", Self.journal)
        func problems(article: String = "", authors: String = "[Kim Example]", extra: String = "") -> [String] {
            p.problems(PublishingConfigTests.workflow(authors: authors + article, extra: extra))
        }
        #expect(problems(article: "\n    doi: \"10.5555/a b\"").first?.contains("is not a DOI") == true)
        #expect(problems(article: "\n    doi: \"https://doi.org/10.5555/x\"").first?.contains("is not a DOI") == true)
        let dup = problems(article: "\n    doi: \"10.5555/kp.3.2.02\"")
        #expect(dup.count == 1 && dup.first?.hasPrefix("Workflows/w.yml:") == true && dup.first?.contains("which article 'a' already has") == true, "\(dup)")
        #expect(problems(authors: "[{name: A B, email: \"a&b<c>@x.org\"}]").first?.contains("is not an e-mail address") == true)
        #expect(problems(authors: "[{name: A B, email: \"a b@x.org\"}]").first?.contains("is not an e-mail address") == true)
        #expect(problems(authors: "[{name: A B, email: ab@x.org}]").isEmpty)
        #expect(problems(extra: "deposit:\n  batch-id: ab").first?.contains("4 to 100 characters") == true)
        let type = problems(article: "\n    article-type: reserch-article")
        #expect(type.first?.contains("did you mean 'research-article'") == true, "\(type)")
        #expect(problems(article: "\n    article-type: editorial").isEmpty)
        try p.write("Workflows/journals/j.yml", Self.journal.replacingOccurrences(of: "pubs@example.org", with: "not-an-email"))
        #expect(problems().first?.contains("crossref.depositor-email 'not-an-email'") == true)
    }

    @Test func patternShapesAndAddresses() throws {
        #expect(IdentifierRules.isDOI("10.5555/kp.3.2.01") && !IdentifierRules.isDOI("10.555/x") && !IdentifierRules.isDOI("10.5555/")
                && !IdentifierRules.isDOI("10.5555/a\"b"))
        #expect(IdentifierRules.isHTTPURL("https://keia.org/x") && !IdentifierRules.isHTTPURL("http://") && !IdentifierRules.isHTTPURL("javascript:x"))
        #expect(try PublishingPattern("10.5555/kp.{volume}").missing(["order": "1"]) == ["volume"])
        #expect(try PublishingPattern("e{id}").isPerArticle && !(try PublishingPattern("e{volume}")).isPerArticle)
    }

    @Test func crossrefTakesThePageLanguageAndLeavesOutNamesItRefuses() throws {
        #expect(CrossrefLanguage.code(for: "ko-KR") == "ko" && CrossrefLanguage.code(for: "EN") == "en")
        #expect(CrossrefLanguage.code(for: "x-klingon") == nil && CrossrefLanguage.code(for: nil) == nil)
        #expect(CrossrefDepositWriter.namePart("Lee, 123") == "Lee")
        #expect(CrossrefDepositWriter.namePart("??") == nil && CrossrefDepositWriter.namePart("007") == nil)
        let p = Self.publication(page: ["Lee, 123", "??", "007", "Jane Doe"], workflow: [], language: "ko")
        var issue = IssueInfo(); issue.coverDate = "2025-12-15"
        issue.journal.title = "KP"
        issue.journal.publisher = "KEI"
        issue.journal.crossref.depositorName = "KEI"
        issue.journal.crossref.depositorEmail = "pubs@example.org"
        var pub = p; pub.doi = "10.5555/x.1"; pub.resourceURL = "https://x.org/1"
        let meta = ArticleMetadata(title: "T", language: "ko")
        let xml = CrossrefDepositWriter.write(head: .init(batchID: "kp-001", timestamp: "20251215090000"), issue: issue,
                                              items: [.init(publication: pub, article: KeiDocument.Article(id: "x", source: "x.html", metadata: meta), date: "2025-12-15")])
        #expect(xml.contains("<journal_article publication_type=\"full_text\" language=\"ko\">"))
        #expect(xml.contains("<surname>Lee</surname>") && !xml.contains("??") && !xml.contains("007"))
        #expect(xml.components(separatedBy: "<person_name").count == 3)
        #expect(CrossrefSchema.available || !ToolRequirement.required, "needs ../shared/crossref")
        if CrossrefSchema.available {
            let lint = try CrossrefSchema.validate(xml: xml)
            #expect(lint.passed, "\(lint.messages)")
        }
    }

    @Test func hangulNamesAreEastern() {
        #expect(JATSRenderer.nameStyle("이재명") == "eastern" && JATSRenderer.nameStyle("Kwak Min-seo") == "western")
    }
}
