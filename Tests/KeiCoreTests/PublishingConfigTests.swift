import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport

/// The journal's and the workflow's publishing settings (issue 10): patterns, authors, deposit.
@Suite struct PublishingConfigTests {
    static func workflow(authors: String = "[Kim Example]", extra: String = "") -> String {
        """
        journal: journals/j.yml
        volume: 3
        number: 2
        cover-date: 2025-12-15
        \(extra)
        articles:
          - id: a
            source: Samples/a.html
            authors: \(authors)
          - id: b
            source: Samples/a.html
        stages: [ingest.html]
        """
    }

    static let journal = """
    title: Korea Policy
    publisher: KEI
    doi-pattern: "10.5555/kp.{volume}.{number}.{order:2}"
    elocation-id: "e{volume}{number}{order:2}"
    resource-url: "https://example.org/{year}/{id}/"
    article-category: Articles
    print:
      notes: footnotes
      running-head: "Korea Policy · Vol. {volume}, Issue {number}"
    crossref:
      depositor-name: KEI
      depositor-email: pubs@example.org
      registrant: KEI
    """

    @Test func patternsExpandPerArticle() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/journals/j.yml", Self.journal)
        let wf = try p.load(Self.workflow())
        let j = wf.issue.journal
        #expect(wf.articles.map(\.order) == [1, 2])
        let pub = wf.articles.map { ArticlePublication(entry: $0, article: nil, issue: wf.issue) }
        #expect(pub.map(\.doi) == ["10.5555/kp.3.2.01", "10.5555/kp.3.2.02"])
        #expect(pub.map(\.elocationID) == ["e3201", "e3202"])
        #expect(pub[1].resourceURL == "https://example.org/2025/b/")
        #expect(pub[0].subject == "Articles" && pub[0].articleType == "research-article")
        #expect(j.print.notes == .footnotes)
        #expect(j.print.runningHead?.expand(PublishingPattern.values(issue: wf.issue, articleID: "a", order: 1)) == "Korea Policy · Vol. 3, Issue 2")
        #expect(j.crossref.depositorEmail == "pubs@example.org")
    }

    @Test func aPatternWithoutItsValueGivesNoIdentifier() throws {
        let pattern = try PublishingPattern("10.5555/kp.{volume}.{order}")
        #expect(pattern.expand(["order": "1"]) == nil)
        #expect(pattern.expand(["order": "1", "volume": "3"]) == "10.5555/kp.3.1")
        #expect(try PublishingPattern("e{order:3}").expand(["order": "12"]) == "e012")
        #expect(try PublishingPattern("e{order:3}").expand(["order": "1234"]) == "e1234")
    }

    @Test func badPatternsAreReportedAtTheirLine() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/journals/j.yml", "title: T\ndoi-pattern: \"10.5555/{issue}\"\nelocation-id: \"e{order\"\nresource-url: \"x{order:0}\"\n")
        let problems = p.problems(Self.workflow())
        #expect(problems.contains { $0.hasPrefix("Workflows/journals/j.yml:2:") && $0.contains("unknown placeholder '{issue}'") && $0.contains("{number}") })
        #expect(problems.contains { $0.hasPrefix("Workflows/journals/j.yml:3:") && $0.contains("unclosed '{'") })
        #expect(problems.contains { $0.hasPrefix("Workflows/journals/j.yml:4:") && $0.contains("width of 1 to 9") })
    }

    @Test func structuredAuthorsCarryAffiliationAndORCID() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let authors = """

              - {name: Min-seo Kwak, surname: Kwak, given-names: Min-seo, affiliation: SNU, orcid: "https://orcid.org/0000-0002-1825-0097", corresponding: true}
              - Laura J. Brennan
        """
        let wf = try p.load(Self.workflow(authors: authors))
        let c = wf.articles[0].contributors
        #expect(c.map(\.name) == ["Min-seo Kwak", "Laura J. Brennan"])
        #expect(c[0].surname == "Kwak" && c[0].givenNames == "Min-seo" && c[0].affiliation == "SNU")
        #expect(c[0].orcid == "0000-0002-1825-0097" && c[0].corresponding)
        #expect(wf.articles[0].commissionedAuthors == ["Min-seo Kwak", "Laura J. Brennan"])
    }

    @Test func aWrongORCIDCheckDigitIsRefused() throws {
        #expect(ContributorEntry.isValidORCID("0000-0002-1825-0097"))
        #expect(ContributorEntry.isValidORCID("0000-0002-1694-233X"))
        #expect(!ContributorEntry.isValidORCID("0000-0002-1825-0098"))
        #expect(!ContributorEntry.isValidORCID("0000000218250097"))
        let p = try ProjectFixture(); defer { p.remove() }
        let problems = p.problems(Self.workflow(authors: "\n      - {name: A B, orcid: 0000-0002-1825-0098}"))
        #expect(problems.count == 1)
        #expect(problems.first?.contains("ORCID iD '0000-0002-1825-0098' is not valid") == true)
    }

    @Test func depositTimestampMustBeDigits() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        let ok = try p.load(Self.workflow(extra: "deposit:\n  batch-id: kp-3-2-001\n  timestamp: \"20251215090000\""))
        #expect(ok.issue.deposit.batchID == "kp-3-2-001" && ok.issue.deposit.timestamp == "20251215090000")
        let problems = p.problems(Self.workflow(extra: "deposit:\n  timestamp: 2025-12-15"))
        #expect(problems.count == 1)
        #expect(problems.first?.contains("deposit.timestamp must be digits") == true)
    }

    @Test func pageAuthorsMergeWithWorkflowAuthorsByName() {
        let page = [KeiDocument.Author(name: "Daniel Okafor", affiliation: "Page U."), KeiDocument.Author(name: "Hana Seo-Whitfield")]
        let workflow = [ContributorEntry(name: "Hana Seo-Whitfield", surname: "Seo-Whitfield", givenNames: "Hana", affiliation: "KEI"),
                        ContributorEntry(name: "Daniel R. Okafor", affiliation: "Georgetown"),
                        ContributorEntry(name: "Only In Workflow")]
        var entry = ArticleEntry(id: "x", source: nil, sourceURL: nil, status: .received)
        entry.contributors = workflow
        let article = KeiDocument.Article(id: "x", source: "x.html", metadata: .init(title: "T", authors: page))
        let c = ArticlePublication(entry: entry, article: article, issue: IssueInfo()).contributors
        #expect(c.map(\.name) == ["Daniel Okafor", "Hana Seo-Whitfield", "Only In Workflow"])
        #expect(c[0].affiliation == "Georgetown" && c[0].surname == "Okafor" && c[0].givenNames == "Daniel")
        #expect(c[1].surname == "Seo-Whitfield" && c[1].affiliation == "KEI")
        #expect(c.map(\.inWorkflow) == [true, true, true])
    }
}
