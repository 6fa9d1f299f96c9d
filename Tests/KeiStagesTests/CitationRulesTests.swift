import Foundation
import Testing
@testable import KeiStages
import KeiCore
import KeiDocument
import KeiTestSupport

/// The quotation, URL and identifier rules of `check.citations`, rule by rule: what is and is not a
/// quotation without a source (news attribution patterns included), RFC 3986 syntax, ISO 2108 check
/// digits, DOI syntax, tracking parameters, access dates, balance; and linear behaviour on huge input.
@Suite struct CitationRulesTests {
    static func findings(_ body: String, rule: String) throws -> [Diagnostic] {
        let context = try StageHarness.run(html: StageExample.articlePage(body), stages: [CheckCitationsStage.self])
        return context.diagnostics.filter { $0.rule == rule }
    }

    static let quotation = "check.citations.quotation-without-source"

    @Test(arguments: [
        // Credited: a speaker with a verb of saying, either side, with auxiliaries, pronouns and anonymous speakers.
        "<p>“We will not accept a nuclear North Korea under any circumstances at all,” Lee said.</p>",
        "<p>“We will not accept a nuclear North Korea under any circumstances at all,” said the foreign minister.</p>",
        "<p>Lee said that “we will not accept a nuclear North Korea under any circumstances at all.”</p>",
        "<p>Lorenz had written, “Special thanks are due to Miss Ellen Fetter for handling the numerical computations.”</p>",
        "<p>“We will not accept a nuclear North Korea under any circumstances at all,” officials said.</p>",
        "<p>The talks were tense. “We will not accept a nuclear North Korea under any circumstances at all,” he added.</p>",
        // A speaker named by a noun phrase, an appositive or a possessive; "puts it" in the present.
        "<p>“The alliance must be ready to fight tonight and every night after that,” the defense ministry said.</p>",
        "<p>“The alliance must be ready to fight tonight and every night after that,” the North Korean foreign ministry said.</p>",
        "<p>“The alliance must be ready to fight tonight and every night after that,” the national security adviser said.</p>",
        "<p>“North Korea will never be recognized as a nuclear weapons state under any circumstances,” Kim Hong-kyun, the first vice foreign minister, told reporters.</p>",
        "<p>“A nuclear-armed North Korea will never be accepted as a permanent fact of life,” Cho Tae-yul, the foreign minister, said on Monday.</p>",
        "<p>Lee Jae-myung’s office said on Tuesday that “the alliance must be ready to fight tonight and every night after that.”</p>",
        "<p>As the joint statement puts it, “the alliance must be ready to fight tonight and every night after that.”</p>",
        "<p>“This is not a matter of choice but a matter of survival for our nation.” Those were the words of Kim Jong Un.</p>",
        // A block quotation with a "— Name" paragraph after it.
        "<blockquote><p>Peace on the Korean Peninsula cannot be achieved by one side alone; it requires the courage of both.</p></blockquote><p>— Kim Dae-jung, Nobel lecture, Oslo, December 10, 2000</p>",
        // A quotation over two paragraphs: no closing mark at the end of the first (CMOS 13.30).
        "<p>Kim said: “The alliance must be ready to fight tonight and every night after that, in every season.</p><p>“And it must be ready to do so without waiting for orders from anyone in any capital.”</p>",
        // Attribution phrases, cited titles, links, notes, colon introductions.
        "<p>According to the ministry’s statement, the alliance is “stronger than at any time in its long history so far.”</p>",
        "<p>As the Washington Declaration put it, the alliance is “stronger than at any time in its long history so far.”</p>",
        "<p>In his words, the alliance is “stronger than at any time in its long history so far and growing.”</p>",
        "<p>The <cite>Joint Statement</cite> called the alliance “stronger than at any time in its long history so far.”</p>",
        "<p>The <a href=\"https://example.org/s\">statement</a> called the alliance “stronger than at any time in its long history.”</p>",
        "<p>The message from Pyongyang was blunt: “the alliance will pay for every single provocation it makes in the region.”</p>",
        "<p>The alliance is “stronger than at any time in its long history so far.”<sup><a href=\"#fn1\" id=\"fnref1\">1</a></sup></p><h2>Notes</h2><ol><li id=\"fn1\">Source. <a href=\"#fnref1\">↩</a></li></ol>",
        "<p>The alliance is “stronger than at any time in its long history so far.” So it seemed.<sup><a href=\"#fn1\" id=\"fnref1\">1</a></sup></p><h2>Notes</h2><ol><li id=\"fn1\">Source. <a href=\"#fnref1\">↩</a></li></ol>",
        // Continuations of a credited quotation, in the paragraph and after a paragraph crediting the speaker.
        "<p>“He loved that computer,” Hamilton said. “And he made me feel the same way about it, every single day.”</p>",
        "<p>The president also admitted that some governments needed to improve their records.</p><p>“Well, they are not ideal institutions, but engagement gives us the best opportunity to open up space.”</p>",
        // Not quotations of anyone: short phrases, scare quotes, examples, quoted titles, unclosed marks.
        "<p>Officials called the talks “productive” and the mood “cordial.”</p>",
        "<p>Teams avoid rules such as “If the database is slow, alert for a slow database; otherwise alert for the site.”</p>",
        "<p>Her article “Why the Alliance Still Matters to Both Countries in the Coming Decade” drew wide notice.</p>",
        "<p>The phrase “the alliance is stronger than at any time in its long history runs on to the end of the paragraph.</p>",
    ])
    func creditedOrNotAQuotation(_ body: String) throws {
        #expect(try Self.findings(body, rule: Self.quotation).isEmpty, "\(body)")
    }

    @Test(arguments: [
        // The seed's sentence: a document named in lower case, the quotation the verb's object after a possessive.
        "<p>During the first Trump administration, the joint statement following the Singapore summit on June 12, 2018 affirmed Kim’s “unwavering commitment to the denuclearization of the Korean Peninsula” (emphasis added), phrasing which North Korea exploited.</p>",
        "<p>The alliance remains “stronger than at any time in its long history so far,” and both capitals know it.</p>",
        "<p>The alliance rests on a promise “to defend the Republic of Korea with the full range of its capabilities.”</p>",
        "<blockquote><p>We will build a world-class military that no enemy can ever dare to challenge.</p></blockquote>",
        // "said that" opens what is said: an impersonal "it is said" names nobody.
        "<p>It is often said that “deterrence is a matter of perception rather than of hardware deployed in the theater.”</p>",
        // A new paragraph after a credited, closed quotation starts something new: it needs its own credit.
        "<p>“We will respond swiftly, overwhelmingly, and decisively to any nuclear attack on our ally,” President Biden said.</p><p>The new policy rests on a simple premise: “peace through strength must be backed by credible and visible capabilities at all times.”</p>",
        "<p>“We do not seek regime change, collapse, or an accelerated reunification of the peninsula,” Tillerson said.</p><p>“Every option remains on the table and we will use all of them if it becomes necessary,” and yet many in Pyongyang remain unconvinced.</p>",
        "<ul><li>Officials repeatedly stressed that “no option is off the table, including the redeployment of weapons.”</li><li>“The United States must decide whether it wants an ally or a client in Northeast Asia over the long run.”</li></ul>",
    ])
    func aQuotationNobodyIsCreditedFor(_ body: String) throws {
        let found = try Self.findings(body, rule: Self.quotation)
        #expect(found.count == 1, "\(body)")
        #expect(found.first?.span != nil)
    }

    /// Block quotations in table cells are table text, not running text: not checked.
    @Test func blockQuotationsInTablesAreNotChecked() throws {
        let page = try String(contentsOf: TestPaths.shared.appendingPathComponent("testdata/ingest-cases/table-cell-blocks.html"), encoding: .utf8)
        let context = try StageHarness.run(html: page, stages: [CheckCitationsStage.self])
        #expect(context.diagnostics.filter { $0.rule == Self.quotation }.isEmpty)
        // The same quotation outside the table is reported.
        let outside = page.replacingOccurrences(of: "<table>", with: "<blockquote><p>Applications are approved unless the item would contribute materially to a prohibited end use.</p></blockquote><table>")
        let found = try StageHarness.run(html: outside, stages: [CheckCitationsStage.self]).diagnostics.filter { $0.rule == Self.quotation }
        #expect(found.count == 1)
    }

    @Test func theThresholdIsAnOption() throws {
        let body = "<p>The alliance remains “stronger than ever before,” and both capitals know it.</p>"
        #expect(try Self.findings(body, rule: Self.quotation).isEmpty)
        let context = try StageHarness.run(html: StageExample.articlePage(body), stages: [CheckCitationsStage.self],
                                           options: ["check.citations": ["quotation-min-words": .int(4)]])
        #expect(context.diagnostics.filter { $0.rule == Self.quotation }.count == 1)
    }

    @Test func webAddressSyntax() {
        for good in ["https://www.example.org/a?b=c#d", "http://127.0.0.1:8080/x", "https://en.wikipedia.org/wiki/Korean_War_(1950%E2%80%931953)",
                     "www.kei.org/x", "https://例え.jp/パス", "https://xn--r8jz45g.jp/", "ftp://ftp.example.org/pub", "https://example.org."] {
            #expect(WrittenURL(good).problem == nil, "\(good)")
        }
        let bad: [(String, String)] = [
            ("htp://x.org/a", "scheme"), ("https//x.org/a", "“:”"), ("http:/x.org", "one slash"), ("http:///x", "slashes"),
            ("https://", "no host"), ("https://localhost-x", "domain"), ("https://x..org", "empty part"), ("https://-x.org", "“-”"),
            ("https://x.org:99999/", "port"), ("https://x.org/a%2", "hexadecimal"), ("https://x.org/a<b", "“<”"),
            ("https://x.o", "top-level"), ("https://x_y.org", "“_”"), ("https:\\\\x.org", "backslash"),
        ]
        for (url, why) in bad {
            let p = WrittenURL(url).problem
            #expect(p?.contains(why) == true, "\(url): \(p ?? "nil")")
        }
        #expect(WrittenURL("https://www.whitehouse.gov/x").site == "whitehouse.gov")
        #expect(WrittenURL("https://x.org/p?a=1#f").queryRange.map { Array(Array("https://x.org/p?a=1#f".utf8)[$0]) } == Array("a=1".utf8))
    }

    /// An address broken by a stray space: after a slash or a dot, in the host, before a file name.
    @Test func addressesBrokenByASpace() {
        #expect(URLMention.continues("https://example.org/briefing-room/", with: "statements/2023/"))
        #expect(URLMention.continues("https://ecos.bok", with: ".or.kr/#/StatisticsByTheme"))
        #expect(URLMention.continues("https://www.kcna.kp/en/article/q/1234", with: "abc.html"))
        // Not the rest of an address: words, an address of its own, a file name after a bare host.
        #expect(!URLMention.continues("https://www.kcna.kp/en/article/q/1234", with: "accessed"))
        #expect(!URLMention.continues("https://example.org/a", with: "https://example.org/b"))
        #expect(!URLMention.continues("https://example.org", with: "report.pdf"))
        #expect(!URLMention.continues("https://example.org/a", with: ".Accessed"))
    }

    @Test func trackingParametersAreRemovedAndTheRestKept() {
        func strip(_ u: String) -> String? { WrittenURL(u).queryRange.flatMap { TrackingParameters.strip(u, query: $0) }?.cleaned }
        #expect(strip("https://x.org/p?id=7&utm_source=a&utm_medium=b") == "https://x.org/p?id=7")
        #expect(strip("https://x.org/p?fbclid=abc#top") == "https://x.org/p#top")
        #expect(strip("https://x.org/p?gclid=1&page=2&mc_cid=3&mc_eid=4&igshid=5") == "https://x.org/p?page=2")
        #expect(strip("https://x.org/p?id=7&source=rss") == nil)
    }

    @Test func isbnCheckDigits() {
        for good in ["978-0-306-40615-7", "0-306-40615-2", "0 8044 2957 X", "9791032300824", "080442957x"] {
            #expect(ISBN.problem(good) == nil, "\(good)")
        }
        #expect(ISBN.problem("978-0-306-40615-6")?.contains("should be 7") == true)
        #expect(ISBN.problem("0-306-40615-3")?.contains("should be 2") == true)
        #expect(ISBN.problem("0-306-4061")?.contains("10 or 13") == true)
        #expect(ISBN.problem("977-0-306-40615-7")?.contains("978 or 979") == true)
        #expect(ISBN.problem("03X6406152")?.contains("only the last") == true)
    }

    @Test func doiSyntax() {
        #expect(IdentifierChecker.doiProblem("10.1000/182") == nil)
        #expect(IdentifierChecker.doiProblem("10.1000.10/abc(1)") == nil)
        #expect(IdentifierChecker.doiProblem("10.123/abc")?.contains("four digits") == true)
        #expect(IdentifierChecker.doiProblem("10.22883")?.contains("“/”") == true)
        #expect(IdentifierChecker.doiProblem("11.1000/x")?.contains("10.") == true)
        #expect(IdentifierChecker.doiProblem("10.1000/")?.contains("suffix") == true)
        #expect(IdentifierChecker.doiProblem("10.10a0/x")?.contains("digits") == true)
        let bytes = Array("See doi:10.1000/182. Also https://doi.org/10.5555/12345678, and DOI: 10.1038/nphys1170.".utf8)
        #expect(IdentifierChecker.dois(in: bytes).map(\.1) == ["10.1000/182", "10.5555/12345678", "10.1038/nphys1170"])
    }

    @Test func accessDatesAfterPublication() throws {
        let page = { (note: String) in
            "<html><head><meta name=\"citation_publication_date\" content=\"2025/12/15\"><title>T</title></head><body><article><h1>T</h1><p>A claim long enough to be content in this article.<sup><a href=\"#fn1\" id=\"fnref1\">1</a></sup></p><h2>Notes</h2><ol><li id=\"fn1\">\(note) <a href=\"#fnref1\">↩</a></li></ol></article></body></html>"
        }
        func count(_ note: String) throws -> Int {
            try StageHarness.run(html: page(note), stages: [CheckCitationsStage.self]).diagnostics
                .filter { $0.rule == "check.citations.accessed-after-publication" }.count
        }
        #expect(try count("Site, accessed December 16, 2025.") == 1)
        #expect(try count("Site, accessed Dec. 16, 2025.") == 1)
        #expect(try count("Site, accessed 16 December 2025.") == 1)
        #expect(try count("Site, retrieved 2026-01-02.") == 1)
        #expect(try count("Site, accessed on 1/5/2026.") == 1)
        // Other ways of writing the date, and a year alone (year precision).
        for late in ["accessed 2026", "Accessed: 2025/12/20", "accessed December 20th, 2025", "accessed 20.12.2025",
                     "accessed 20 December, 2025", "accessed 12/20/25"] {
            #expect(try count("Site, \(late).") == 1, "\(late)")
        }
        for early in ["accessed 2025", "Accessed: 2025/12/10", "accessed December 1st, 2025", "accessed 10.12.2025", "accessed 12/10/25"] {
            #expect(try count("Site, \(early).") == 0, "\(early)")
        }
        #expect(try count("Site, accessed December 15, 2025.") == 0)
        #expect(try count("Site, accessed December 2025.") == 0)
        #expect(try count("Site, accessed November 30, 2025.") == 0)
        #expect(try count("Site, accessed February 30, 2026.") == 0)
    }

    @Test func unbalancedMarksInNotes() throws {
        func marks(_ note: String) throws -> [String] {
            let html = "<html><head><title>T</title></head><body><article><h1>T</h1><p>A claim long enough to be content in this article.<sup><a href=\"#fn1\" id=\"fnref1\">1</a></sup></p><h2>Notes</h2><ol><li id=\"fn1\">\(note) <a href=\"#fnref1\">↩</a></li></ol></article></body></html>"
            let context = try StageHarness.run(html: html, stages: [CheckCitationsStage.self])
            return context.diagnostics.filter { $0.rule == "check.citations.note-unbalanced" }.map(\.message)
        }
        #expect(try marks("Kim, <em>Korea’s Allies</em> (Seoul: Hanul, 2019), 45; the allies’ view; ’90s.").isEmpty)
        #expect(try marks("Two points: a) deterrence and b) assurance; (N + 0) counts.").isEmpty)
        #expect(try marks("See https://en.wikipedia.org/wiki/War_(1950 for it.").isEmpty)
        #expect(try marks("Kim (Seoul: Hanul, 2019, 45.").count == 1)
        #expect(try marks("Kim, “Title, 2019.").count == 1)
        #expect(try marks("Kim, Title,” 2019.").count == 1)
        #expect(try marks("Kim, \"Title, 2019.").count == 1)
        #expect(try marks("Kim, ‘Title, 2019.").count == 1)
        #expect(try marks("Kim [Seoul) 2019.").count == 2)
    }

    /// Huge notes and paragraphs as a hang check (speed is measured in `make bench`, never asserted here).
    @Test func hugeNotesAndParagraphsAreChecked() throws {
        let sentence = "Kim said the alliance is “stronger than at any time in its long history” (Seoul, 2019), https://x.org/a?utm_source=z, ISBN 978-0-306-40615-7. "
        let note = String(repeating: sentence, count: 400)
        let paragraph = String(repeating: "The alliance is “stronger than at any time in its long history so far.” ", count: 400)
        let notes = (1...300).map { "<li id=\"fn\($0)\">\(sentence) <a href=\"#fnref\($0)\">↩</a></li>" }.joined()
        let markers = (1...300).map { "<sup><a href=\"#fn\($0)\" id=\"fnref\($0)\">\($0)</a></sup>" }.joined()
        let html = StageExample.articlePage("<p>\(paragraph)\(markers)</p><p>Another claim.<sup><a href=\"#fnx\" id=\"fnrefx\">x</a></sup></p><h2>Notes</h2><ol>\(notes)<li id=\"fnx\">\(note)</li></ol>")
        let context = try StageHarness.run(html: html, stages: [CheckCitationsStage.self])
        #expect(context.diagnostics.contains { $0.rule == "check.citations.url-tracking" })
    }
}
