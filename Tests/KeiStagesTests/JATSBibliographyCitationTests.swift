import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiTestSupport
@testable import KeiCitations
@testable import KeiStages

/// Short notes citing an entry of the page's own reference list link, in JATS, to that entry's `ref`
/// (which is written once, as the page's reference): no second `ref` is written for it.
@Suite struct JATSBibliographyCitationTests {
    static let html = StageExample.articlePage("""
        <p>One.<sup><a href="#fn1" id="r1">1</a></sup> Two.<sup><a href="#fn2" id="r2">2</a></sup> Three.<sup><a href="#fn3" id="r3">3</a></sup></p>
        <h2>Bibliography</h2><ul>
        <li>Cha, Victor D. <em>The Impossible State: North Korea, Past and Future</em>. New York: Ecco, 2012.</li>
        <li>Cumings, Bruce. <em>Korea’s Place in the Sun: A Modern History</em>. New York: Norton, 1997.</li>
        </ul>
        <section class="footnotes"><h2>Notes</h2><ol>
        <li id="fn1">Cha, <em>Impossible State</em>, 45.</li>
        <li id="fn2">Cumings, <em>Korea’s Place in the Sun</em>, 4.</li>
        <li id="fn3">Ibid., 5.</li>
        </ol></section>
        """)

    /// The id of the `ref` whose text contains `words`.
    static func refID(containing words: String, in xml: String) -> String? {
        for part in xml.components(separatedBy: "<ref id=\"").dropFirst() {
            guard let end = part.range(of: "</ref>"), part[..<end.lowerBound].contains(words) else { continue }
            return String(part.prefix { $0 != "\"" })
        }
        return nil
    }

    @Test func theXrefPointsAtTheBibliographyEntry() throws {
        let outcome = try RunnerHarness.run(html: Self.html, stages: [])
        let article = try #require(outcome.article)
        #expect(article.references.count == 2)
        let index = CitationIndex(article: article, analysis: ArticleAnalysis(article))
        let xml = try JATSCitationTests.written(article, index)
        let cha = try #require(Self.refID(containing: "The Impossible State", in: xml), "\(xml)")
        let cumings = try #require(Self.refID(containing: "Korea’s Place in the Sun", in: xml), "\(xml)")
        #expect(cha != cumings)
        let fn = { (id: String) in JATSCitationTests.fn(id, in: xml) }
        #expect(fn("fn1").contains("rid=\"\(cha)\""), "\(fn("fn1"))")
        #expect(fn("fn2").contains("rid=\"\(cumings)\""), "\(fn("fn2"))")
        #expect(fn("fn3").contains("rid=\"\(cumings)\""), "\(fn("fn3"))")
        // The entries are written once each: no ref for the notes' copies.
        #expect(JATSCitationTests.count("<ref id=", in: xml) == 2, "\(xml)")
    }
}
