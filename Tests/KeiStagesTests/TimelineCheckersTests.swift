import Foundation
import Testing
import KeiCore
import KeiDates
import KeiDocument
import KeiStages
import KeiTestSupport

/// The timeline checkers of `check.dates` on small pages, with the small timeline of the end-to-end
/// fixture (`Tests/KeiCLITests/Fixtures/dates-timeline/timeline.yml`). Pages have no date of their own,
/// so they are read at the examples' cover date, 2025-12-15.
@Suite struct TimelineCheckersTests {
    static let timeline: Result<Timeline, Error> = Result {
        try TimelineLoader().load(TestPaths.root.appendingPathComponent("Tests/KeiCLITests/Fixtures/dates-timeline/timeline.yml"))
    }

    /// (rule, the source words the finding spans, message) of the timeline findings on a page of `body`.
    static func findings(_ body: String, timeline: Timeline? = nil) throws -> [(rule: String, words: String, message: String)] {
        let html = StageExample.articlePage(body)
        let outcome = try RunnerHarness.run(html: html, stages: [CheckDatesStage.self], timeline: timeline ?? (try Self.timeline.get()))
        let bytes = Array(html.utf8)
        return outcome.diagnostics.filter { $0.rule.hasPrefix("check.dates.") && Self.rules.contains($0.rule) }.map { d in
            let words = d.span.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } ?? ""
            return (d.rule, words, d.message)
        }
    }

    static let rules: Set<String> = ["check.dates.event-date", "check.dates.event-age", "check.dates.office-holder",
                                     "check.dates.office-never-held", "check.dates.administration-term"]

    static func spans(_ body: String) throws -> [String] { try findings(body).map { "\($0.rule.dropFirst(12)): \($0.words)" } }

    @Test func eventDatesTiedToTheName() throws {
        #expect(try Self.spans("<p>The Singapore summit on June 21, 2018 ended.</p>") == ["event-date: Singapore summit on June 21, 2018"])
        #expect(try Self.spans("<p>The Singapore summit (June 21, 2018) ended.</p>") == ["event-date: Singapore summit (June 21, 2018"])
        #expect(try Self.spans("<p>The 2019 Singapore summit ended.</p>") == ["event-date: 2019 Singapore summit"])
        // Agreeing dates, at the precision written.
        #expect(try Self.spans("<p>The Singapore summit in June 2018 and the 2018 Singapore summit ended.</p>").isEmpty)
        #expect(try Self.spans("<p>The war in Ukraine in March 2025 went on.</p>").isEmpty)
        // A comma, or other words, between the name and a date: the date is not the event's.
        #expect(try Self.spans("<p>After the Singapore summit, on June 21, 2018 the ministers met again.</p>").isEmpty)
        #expect(try Self.spans("<p>The Singapore summit led the ministers to meet on June 21, 2018.</p>").isEmpty)
        // In a quotation the words are the source's.
        #expect(try Self.spans("<p>He said “the Singapore summit on June 21, 2018 changed things.”</p>").isEmpty)
        // What lasts after its date (the armistice, an agreement): "in" a year speaks of it in force then.
        #expect(try Self.spans("<p>The armistice in 1955 held, but the armistice of July 27, 1954 is misdated.</p>")
                == ["event-date: armistice of July 27, 1954"])
        // An acronym matches only in capitals; a name shared by two entries agrees with either.
        let t = try TimelineLoader().load(text: """
            events:
              - {id: ira, name: Inflation Reduction Act, kind: agreement, date: 2022-08-16, aliases: [IRA], source: s}
              - {id: s1, name: Hanoi summit, kind: summit, date: 2019-02-27, source: s}
              - {id: s2, name: Second Hanoi meeting, kind: summit, date: 2019-03-27, aliases: [Hanoi summit], source: s}
            """, displayPath: "t.yml")
        #expect(try Self.findings("<p>Ira of August 16, 2021 wrote; the IRA of August 16, 2021 is misdated.</p>", timeline: t).map(\.words)
                == ["IRA of August 16, 2021"])
        #expect(try Self.findings("<p>The Hanoi summit on March 27, 2019 ended.</p>", timeline: t).isEmpty)
        #expect(try Self.findings("<p>The Hanoi summit on March 29, 2019 ended.</p>", timeline: t).first?.message.contains("t.yml:3: Hanoi summit") == true)
        let message = try #require(try Self.findings("<p>The Singapore summit on June 21, 2018 ended.</p>").first?.message)
        #expect(message.contains("timeline.yml:3: Singapore summit, 2018-06-12 (source: Joint Statement"))
    }

    @Test func eventAgesAgainstThePublicationDate() throws {
        // The seed: in December 2025 the war (from 2022-02-24) is in its fourth year.
        let seed = try Self.findings("<p>As the ongoing Ukraine War nears the end of its third year, Seoul waits.</p>")
        #expect(seed.map(\.words) == ["its third year"])
        #expect(seed.first?.message.contains("4th year (3 whole years since 2022-02-24, plus the year under way), not its 3rd") == true)
        #expect(try Self.spans("<p>As the ongoing Ukraine War nears the end of its fourth year, Seoul waits.</p>").isEmpty)
        #expect(try Self.spans("<p>The Ukraine War goes on. It enters its 3rd year.</p>") == ["event-age: its 3rd year"])
        // "Its" with no event in this or the previous sentence is left alone.
        #expect(try Self.spans("<p>The Ukraine War goes on. Seoul waits. The alliance enters its third year.</p>").isEmpty)
        // Another owner of "its" between the event and "its", or the year of something else.
        #expect(try Self.spans("<p>The Ukraine War goes on. The alliance marks its 70th anniversary.</p>").isEmpty)
        #expect(try Self.spans("<p>The Ukraine War goes on as Russia enters its second year of sanctions.</p>").isEmpty)
        #expect(try Self.spans("<p>The Ukraine War goes on; the war nears its second year in office.</p>").isEmpty)
        #expect(try Self.spans("<p>The second year of the war in Ukraine was costly.</p>") == ["event-age: The second year of the war in Ukraine"])
        // A date in the sentence is the reference instead.
        #expect(try Self.spans("<p>In March 2024, the Ukraine War was in its third year.</p>").isEmpty)
        #expect(try Self.spans("<p>It has been seven years since the Singapore summit.</p>").isEmpty)
        #expect(try Self.spans("<p>It has been five years since the Singapore summit.</p>") == ["event-age: five years since the Singapore summit"])
        // Anniversaries: checked with a present-tense "marks" or a date; otherwise history.
        #expect(try Self.spans("<p>Korea marks the 72nd anniversary of the armistice.</p>").isEmpty)
        #expect(try Self.spans("<p>Korea marks the 70th anniversary of the armistice.</p>") == ["event-age: the 70th anniversary of the armistice"])
        #expect(try Self.spans("<p>At the 70th anniversary of the armistice, leaders spoke.</p>").isEmpty)
        #expect(try Self.spans("<p>In 2023 Korea held the seventieth anniversary of the armistice.</p>").isEmpty)
    }

    @Test func officeTitlesAgainstTheirDates() throws {
        #expect(try Self.spans("<p>President Yoon Suk Yeol met the press.</p>") == ["office-holder: President Yoon Suk Yeol"])
        let m = try #require(try Self.findings("<p>President Yoon met the press.</p>").first?.message)
        #expect(m.contains("it was held then by") && m.contains("Lee Jae Myung, President of South Korea, 2025-06-04 to present"))
        // "former", "then-", a date in the sentence or the paragraph within the term.
        #expect(try Self.spans("<p>Former President Yoon and then-President Yoon met.</p>").isEmpty)
        #expect(try Self.spans("<p>In June 2023 President Yoon visited Paris.</p>").isEmpty)
        #expect(try Self.spans("<p>The talks of June 2023 went well. President Yoon visited Paris.</p>").isEmpty)
        #expect(try Self.spans("<p>In March 2024 President Lee Jae-myung spoke.</p>") == ["office-holder: President Lee Jae-myung"])
        // The qualifier picks the office; the surname shared by several holders is never read as a name.
        #expect(try Self.spans("<p>U.S. President Donald Trump and Minister Kim spoke with President Lee.</p>").isEmpty)
        #expect(try Self.spans("<p>Secretary of State Moon Jae-in spoke.</p>") == ["office-never-held: Secretary of State Moon Jae-in"])
        // Part of a longer title: someone else's office.
        #expect(try Self.spans("<p>Vice President Joe Biden and Acting President Yoon and then vice president Biden spoke.</p>").isEmpty)
        // A one-word alias followed by another capitalized word is someone else's name.
        #expect(try Self.spans("<p>President Moon Hee-sang spoke.</p>").isEmpty)
    }

    @Test func ordinalAdministrations() throws {
        #expect(try Self.spans("<p>The second Trump administration’s 2019 tariffs stayed.</p>") == ["administration-term: The second Trump administration’s 2019"])
        #expect(try Self.spans("<p>Trump’s first term in 2025 is a slip.</p>") == ["administration-term: Trump’s first term in 2025"])
        #expect(try Self.spans("<p>Trump 2.0 in 2019 is a slip.</p>") == ["administration-term: Trump 2.0 in 2019"])
        #expect(try Self.spans("<p>The first Trump administration in 2018 and Trump’s second term in 2025 and Trump 2.0.</p>").isEmpty)
        // A date not written as part of the phrase is not the term's.
        #expect(try Self.spans("<p>Unlike the first Trump administration, the Biden administration in 2021 waited.</p>").isEmpty)
    }

    @Test func noTimelineNoTimelineFindings() throws {
        let html = StageExample.articlePage("<p>President Yoon Suk Yeol met the press at the Singapore summit on June 21, 2018.</p>")
        let outcome = try RunnerHarness.run(html: html, stages: [CheckDatesStage.self])
        #expect(!outcome.diagnostics.contains { Self.rules.contains($0.rule) })
    }

    /// Names are read through a trie built once per timeline: a timeline of tens of thousands of names that
    /// all begin with "the" (breaker2's 24,669-event file took over 9 minutes) is indexed and read in
    /// linear time, and the longest name at a position still wins.
    @Test(.timeLimit(.minutes(1))) func manyNamesSharingAFirstWord() throws {
        let at = SourceLocation(file: "big.yml", line: 1)
        let date = try #require(PublicationDate(year: 2018, month: 6, day: 12))
        var events = (0..<30_000).map { n in
            TimelineEvent(id: "e\(n)", name: "Event \(n)", aliases: ["the \(n) talks", "summit number \(n)"], kind: .summit,
                          start: date, source: "s", location: at)
        }
        events.append(TimelineEvent(id: "long", name: "the 7 talks in Hanoi", kind: .summit,
                                    start: try #require(PublicationDate(year: 2019, month: 2, day: 27)), source: "s", location: at))
        let t = Timeline(file: "big.yml", events: events)
        let found = try Self.findings("<p>The 29999 talks on June 13, 2018 ended; the 5 talks on June 12, 2018 agreed, and the 7 talks in Hanoi on June 12, 2018 did not.</p>", timeline: t)
        #expect(found.map(\.words) == ["The 29999 talks on June 13, 2018", "the 7 talks in Hanoi on June 12, 2018"])
    }

    /// (rule, words) of the timeline findings on one sentence read with the shipped timeline (Workflows/timeline.yml).
    static func shipped(_ sentence: String) throws -> [String] {
        try findings("<p>\(sentence)</p>", timeline: try ShippedTimeline.timeline()).map { "\($0.rule.dropFirst(12)): \($0.words)" }
    }

    /// A month-day whose year was not written names a day, not the sentence's year (breaker1/2).
    @Test func monthDayWithoutYearDatesNothing() throws {
        #expect(try Self.shipped("President Lee Jae Myung, who won the June 3 election, spoke.").isEmpty)
        #expect(try Self.shipped("Since the September 19 Joint Statement, President Lee Jae Myung has spoken twice.").isEmpty)
        #expect(try Self.shipped("The Washington Declaration, agreed after the February 13 talks, is in its third year.").isEmpty)
        // A written year still dates the sentence.
        #expect(try Self.shipped("On June 3, 2019, President Lee Jae Myung spoke.") == ["office-holder: President Lee Jae Myung"])
    }

    /// The claim's own clause gives its date: "now", "this year" beat a past date elsewhere in the sentence;
    /// "next year" and "last year" shift it; hedged counts are checked only for a contradiction.
    @Test func theClaimsClauseDatesIt() throws {
        #expect(try Self.shipped("Nearly 25 years have passed since the first inter-Korean summit of June 2000, and this year marks the 60th anniversary of the 1965 Treaty on Basic Relations.").isEmpty)
        #expect(try Self.shipped("The Washington Declaration, now in its third year, created the NCG, which first met on July 18, 2023.").isEmpty)
        #expect(try Self.shipped("The Washington Declaration, now in its first year, created the NCG, which first met on July 18, 2023.") == ["event-age: its first year"])
        #expect(try Self.shipped("Next year marks the 20th anniversary of North Korea's first nuclear test.").isEmpty)
        #expect(try Self.shipped("Next year marks the 19th anniversary of North Korea's first nuclear test.") == ["event-age: the 19th anniversary of North Korea's first nuclear test"])
        #expect(try Self.shipped("It has been more than 70 years since the Korean War began.").isEmpty)
        #expect(try Self.shipped("It has been nearly 76 years since the Korean War began.").isEmpty)
        #expect(try Self.shipped("It has been more than 80 years since the Korean War began.") == ["event-age: 80 years since the Korean War"])
    }

    /// The event's own date in the sentence dates the event, never the count (breaker3): read at publication.
    @Test func theEventsOwnDateIsNotTheReference() throws {
        #expect(try Self.shipped("It has been 75 years since the Korean War began on June 25, 1950.").isEmpty)
        #expect(try Self.shipped("It has been 72 years since the armistice was signed on July 27, 1953.").isEmpty)
        #expect(try Self.shipped("It has been 60 years since the Korean War began on June 25, 1950.") == ["event-age: 60 years since the Korean War"])
        // Another date of the sentence still dates the count.
        #expect(try Self.shipped("In 2000, it had been 50 years since the Korean War began.").isEmpty)
        #expect(try Self.shipped("In 2000, it had been 40 years since the Korean War began.") == ["event-age: 40 years since the Korean War"])
    }

    /// Han Duck-soo's first term as prime minister (2007-04-03 to 2008-02-28) is listed; before the office's
    /// first listed term the timeline knows no holder and says nothing (breaker3).
    @Test func primeMinisterHanFirstTermAndUnknownPeriods() throws {
        #expect(try Self.shipped("In 2007, Prime Minister Han Duck-soo met Roh Moo-hyun.").isEmpty)
        #expect(try Self.shipped("In 2010, Prime Minister Han Duck-soo met Lee Myung-bak.") == ["office-holder: Prime Minister Han Duck-soo"])
        #expect(try Self.shipped("In 1999, Prime Minister Chung Hong-won spoke.").isEmpty)
        #expect(try Self.shipped("In 2016, Prime Minister Chung Hong-won spoke.") == ["office-holder: Prime Minister Chung Hong-won"])
    }

    /// "Chinese leader" is a description, not a title (breaker3): never a finding.
    @Test func leaderIsADescription() throws {
        #expect(try Self.shipped("Chinese leader Jiang Zemin visited Seoul.").isEmpty)
        #expect(try Self.shipped("The Chinese leader Jiang Zemin visited Seoul.").isEmpty)
        #expect(try Self.shipped("Chinese Leader Jiang Zemin visited Seoul.").isEmpty)
        #expect(try Self.shipped("General Secretary Jiang Zemin visited Seoul.") == ["office-holder: General Secretary Jiang Zemin"])
    }

    /// "Declared" ties a date to the martial-law event (breaker3).
    @Test func martialLawDeclaredOn() throws {
        #expect(try Self.shipped("The 2024 martial law was declared on December 5, 2024.") == ["event-date: 2024 martial law was declared on December 5, 2024"])
        #expect(try Self.shipped("The 2024 martial law was declared on December 3, 2024.").isEmpty)
    }

    /// A sentence with its own relative phrase or "now" is read at the publication date, not at the
    /// previous sentence's date.
    @Test func aRelativePhraseDatesItsSentenceAtPublication() throws {
        #expect(try Self.shipped("In 2023 the talks went well. This autumn President Yoon Suk Yeol spoke.") == ["office-holder: President Yoon Suk Yeol"])
        #expect(try Self.shipped("In 2023 the talks went well. President Yoon Suk Yeol now says otherwise.") == ["office-holder: President Yoon Suk Yeol"])
        #expect(try Self.shipped("In 2023 the talks went well. President Yoon Suk Yeol spoke.").isEmpty)
    }

    /// The armistice's aliases, the longest alias at a position, and the entry-into-force and first-launch ties.
    @Test func armisticeAndEntryIntoForce() throws {
        #expect(try Self.shipped("This year marks the 70th anniversary of the armistice.") == ["event-age: the 70th anniversary of the armistice"])
        #expect(try Self.shipped("This year marks the 72nd anniversary of the armistice.").isEmpty)
        #expect(try Self.shipped("The armistice of July 27, 1954 held.") == ["event-date: armistice of July 27, 1954"])
        #expect(try Self.shipped("The Korean War armistice of July 27, 1953 held.").isEmpty)
        #expect(try Self.shipped("It has been 12 years since the KORUS FTA entered into force.") == ["event-age: 12 years since the KORUS FTA entered into force"])
        #expect(try Self.shipped("It has been 13 years since the KORUS FTA entered into force.").isEmpty)
        #expect(try Self.shipped("The Hwasong-19 was first launched on November 1, 2024.") == ["event-date: Hwasong-19 was first launched on November 1, 2024"])
    }

    /// Findings quote their entries as file:line, name, dates and a source cut to about 120 characters.
    @Test func findingsQuoteShortSources() throws {
        let m = try #require(try Self.findings("<p>Foreign Minister Cho Tae-yul spoke.</p>", timeline: try ShippedTimeline.timeline()).first?.message)
        #expect(m.contains("timeline.yml:") && m.contains("Cho Tae-yul"))
        #expect(m.count < 700, "\(m.count) characters: \(m)")
    }

    /// Titles on titles, period-setting phrases, retrospectives over several holders, the past perfect,
    /// and one finding per person and sentence.
    @Test func officeTitlesInContext() throws {
        #expect(try Self.shipped("USFK Commander Gen. Paul LaCamera told Congress.") == ["office-holder: USFK Commander Gen. Paul LaCamera"])
        #expect(try Self.shipped("During the Moon years, President Moon met Kim three times.").isEmpty)
        #expect(try Self.shipped("President Moon met Kim three times.") == ["office-holder: President Moon"])
        #expect(try Self.shipped("President Obama's strategic patience, President Trump's summitry and President Biden's extended deterrence failed.").isEmpty)
        #expect(try Self.shipped("Prime Minister Shinzo Abe, assassinated on July 8, 2022, had served longer than anyone.").isEmpty)
        #expect(try Self.shipped("President Yoon Suk Yeol said President Yoon Suk Yeol would stay.") == ["office-holder: President Yoon Suk Yeol"])
    }

    /// The event's own verb ties a date in its clause; the appositive "X, VERB on D," and "On D, … VERB … X";
    /// a written span is compared with the event's span.
    @Test func eventVerbsTieDates() throws {
        let cases: [(String, String)] = [
            ("Resolution 2375, adopted on September 12, 2017, tightened sanctions.", "Resolution 2375"),
            ("UN Security Council Resolution 2375 was adopted on September 12, 2017.", "UN Security Council Resolution 2375 was adopted on September 12, 2017"),
            ("The Agreed Framework, signed on October 12, 1994, froze Yongbyon.", "Agreed Framework, signed on October 12, 1994"),
            ("The Agreed Framework was signed on October 12, 1994.", "Agreed Framework was signed on October 12, 1994"),
            ("The Armistice Agreement was signed on July 28, 1953.", "Armistice Agreement was signed on July 28, 1953"),
            ("On September 12, 2017, the Council adopted Resolution 2375.", "September 12, 2017, the Council adopted Resolution 2375"),
            ("On June 21, 2018, Trump and Kim met at the Singapore summit.", "June 21, 2018, Trump and Kim met at the Singapore summit"),
            ("The Singapore summit, held on June 21, 2018, ended.", "Singapore summit, held on June 21, 2018"),
            ("North Korea's sixth nuclear test, on September 9, 2017, shook Seoul.", "North Korea's sixth nuclear test, on September 9, 2017"),
            ("The Hanoi summit (February 26–27, 2019) failed.", "Hanoi summit (February 26–27, 2019"),
            ("The Hwasong-19 was first launched on November 1, 2024.", "Hwasong-19 was first launched on November 1, 2024"),
        ]
        for (sentence, words) in cases {
            let found = try Self.shipped(sentence)
            #expect(found.count == 1 && found.first?.hasPrefix("event-date: ") == true && found.first?.contains(words) == true, "\(sentence) → \(found)")
        }
        #expect(try Self.shipped("The Hanoi summit (February 27–28, 2019) failed.").isEmpty)
        #expect(try Self.shipped("The Singapore summit took place on June 12, 2018.").isEmpty)
        #expect(try Self.shipped("After the Singapore summit, on June 21, 2018 the ministers met again.").isEmpty)
        #expect(try Self.shipped("On June 21, 2018, the ministers recalled the Singapore summit.").isEmpty)
    }

    /// "Trump 2.0's" is the second term; a named administration dated outside every term of its person.
    @Test func namedAdministrationsOutsideTheirTerms() throws {
        #expect(try Self.shipped("Trump 2.0's 2018 steel tariffs hit Korea.") == ["administration-term: Trump 2.0's 2018"])
        #expect(try Self.shipped("The Biden administration's 2018 tariffs hit Korea.") == ["administration-term: The Biden administration's 2018"])
        #expect(try Self.shipped("The Biden administration's 2022 tariffs and the Moon government in 2018 differ.").isEmpty)
    }
}
