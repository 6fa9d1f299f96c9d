import Foundation
import Testing
import KeiTestSupport

/// Breaker 21's publishing-metadata findings through the real binary: one contributor per person whatever
/// the spelling, group authors as `collab`/`organization`, the page's language and DOI, names Crossref
/// refuses, and bad identifiers refused at load with exit 2. The JATS is checked against the DTD and the
/// PMC Style Checker, the deposit against Crossref's schema 5.3.1.
@Suite(.serialized) struct PublishingMetadataEndToEndTests {
    static let journal = """
    title: Korea Policy
    publisher: KEI
    issn-print: 0378-5955
    issn-online: 2049-3630
    doi-pattern: "10.5555/kp.{volume}.{number}.{order:2}"
    elocation-id: "e{volume}{number}{order:2}"
    resource-url: "https://keia.org/kp/{volume}/{number}/{id}/"
    crossref:
      depositor-name: KEI
      depositor-email: publications@keia.org
    """

    static func page(lang: String, authors: [String], doi: String? = nil) -> String {
        let metas = authors.map { "<meta name=\"citation_author\" content=\"\($0)\">" }.joined()
        let doiMeta = doi.map { "<meta name=\"citation_doi\" content=\"\($0)\">" } ?? ""
        return """
        <html lang="\(lang)"><head><meta charset="utf-8"><title>Alliance Costs</title><meta name="citation_title" content="Alliance Costs">\(metas)\(doiMeta)
        <meta name="citation_publication_date" content="2025/12/15"></head><body><article><h1>Alliance Costs</h1>
        <p>Body text of the article that is long enough to count as its content, with a second sentence.</p></article></body></html>
        """
    }

    @Test(.enabled(if: CrossrefSchema.available, "needs ../shared/crossref/5.3.1"))
    func spellingsMergeGroupsAreCollabsAndTheDepositStaysValid() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/journals/j.yml", Self.journal)
        try p.write("Samples/a.html", Self.page(lang: "ko", authors: ["Kwak, Min-seo", "서하나 (Hana Seo‑Whitfield)", "Jane Stranger"],
                                                doi: "10.9999/other.1"))
        try p.write("Samples/b.html", Self.page(lang: "en", authors: ["Lee, 123", "??"]))
        try p.write("Samples/c.html", Self.page(lang: "en", authors: []))
        try p.write("Workflows/w.yml", """
        journal: journals/j.yml
        volume: 3
        number: 2
        cover-date: 2025-12-15
        deposit:
          batch-id: kp-3-2-001
          timestamp: "20251215090000"
        articles:
          - id: a
            source: Samples/a.html
            status: approved
            authors:
              - {name: Min-seo Kwak, surname: Kwak, given-names: Min-seo, orcid: 0000-0002-1825-0097}
              - {name: Hana Seo-Whitfield, surname: Seo-Whitfield, given-names: Hana}
              - {name: 이재명, surname: 이, given-names: 재명}
          - id: b
            source: Samples/b.html
            status: approved
          - id: c
            source: Samples/c.html
            status: approved
            article-type: editorial
            authors:
              - The Editors
              - {name: Korea Policy Board, group: true}
        stages:
          - ingest.html
          - check.metadata
          - emit.jats
          - emit.crossref
        gates:
          fail-on: error
        """)
        let r = try CLIHarness.runBinary(["run", "w", "--output", "out"], in: p.root)
        let log = r.out + r.err
        #expect(r.code == 0, "\(log)")
        #expect(log.contains("The page names \"Jane Stranger\", whom the workflow's authors") && log.contains("[emit.jats.unmatched-author]"))
        #expect(log.components(separatedBy: "[emit.jats.unmatched-author]").count == 2, "only Jane Stranger is unmatched: \(log)")
        #expect(log.contains("The page's DOI 10.9999/other.1 (citation_doi) differs from the DOI 10.5555/kp.3.2.01"))
        #expect(log.contains("[emit.crossref.unwritable-name]") && !log.contains("[check.metadata.authors-missing]"), "\(log)")
        let out = p.root.appendingPathComponent("out")
        let a = try String(contentsOf: out.appendingPathComponent("jats/a.xml"), encoding: .utf8)
        #expect(a.components(separatedBy: "<contrib ").count == 5, "Kwak, Seo-Whitfield, 이재명, Stranger: \(a)")
        #expect(a.contains("<name name-style=\"eastern\">") && a.contains("<surname>이</surname>"))
        #expect(a.contains("xml:lang=\"ko\""))
        let c = try String(contentsOf: out.appendingPathComponent("jats/c.xml"), encoding: .utf8)
        #expect(c.contains("<collab>The Editors</collab>") && c.contains("<collab>Korea Policy Board</collab>") && !c.contains("<given-names>The"))
        #expect(c.contains("article-type=\"editorial\""))
        let deposit = out.appendingPathComponent("crossref/w-deposit.xml")
        let lint = try CrossrefSchema.validate(file: deposit)
        #expect(lint.passed, "\(lint.messages)")
        let xml = try String(contentsOf: deposit, encoding: .utf8)
        #expect(xml.contains("<journal_article publication_type=\"full_text\" language=\"ko\">"))
        #expect(xml.contains("<organization sequence=\"first\" contributor_role=\"author\">The Editors</organization>"))
        #expect(xml.contains("<surname>Lee</surname>") && !xml.contains("Lee,") && !xml.contains("??"))
        #expect(xml.contains("<doi>10.5555/kp.3.2.01</doi>") && !xml.contains("10.9999/other.1"))
        if PMCCleanJATSEndToEndTests.checkerAvailable() {
            _ = try PMCCleanJATSEndToEndTests.assertClean([out.appendingPathComponent("jats/a.xml"), out.appendingPathComponent("jats/c.xml")])
        }
    }

    @Test func badIdentifiersAndAddressesStopTheLoadAtTheirLine() throws {
        let p = try ProjectFixture(); defer { p.remove() }
        try p.write("Workflows/journals/j.yml", Self.journal
            .replacingOccurrences(of: "{order:2}\"\nresource", with: "\"\nresource")
            .replacingOccurrences(of: "https://keia.org/kp/", with: "javascript:alert(1)//"))
        try p.write("Workflows/w.yml", """
        journal: journals/j.yml
        volume: 3
        number: 2
        articles:
          - id: a
            source: Samples/a.html
            article-type: reserch-article
            authors:
              - {name: Min-seo Kwak, email: "a&b<c>@example.org"}
              - Kwak Min-seo
          - id: b
            source: Samples/a.html
            doi: "https://doi.org/10.5555/x"
        stages: [ingest.html]
        """)
        let r = try CLIHarness.runBinary(["run", "w"], in: p.root)
        let log = r.out + r.err
        #expect(r.code == 2, "\(log)")
        #expect(log.contains("Workflows/journals/j.yml:6:") && log.contains("elocation-id 'e{volume}{number}' has no {order} or {id}"), "\(log)")
        #expect(log.contains("Workflows/journals/j.yml:7:") && log.contains("does not give an absolute http(s) URL"), "\(log)")
        #expect(log.contains("Workflows/w.yml:7:") && log.contains("did you mean 'research-article'"), "\(log)")
        #expect(log.contains("Workflows/w.yml:9:") && log.contains("is not an e-mail address"), "\(log)")
        #expect(log.contains("Workflows/w.yml:10:") && log.contains("listed twice"), "\(log)")
        #expect(log.contains("Workflows/w.yml:13:") && log.contains("article doi 'https://doi.org/10.5555/x' is not a DOI"), "\(log)")
    }
}
