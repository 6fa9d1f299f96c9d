import Foundation
import KeiDates
import KeiDocument
import Testing

/// ``DateExtractor`` form by form, negative by negative.
@Suite struct DateExtractorTests {
    static let reference = PublicationDate(year: 2025, month: 12, day: 10)!   // a Wednesday

    static func only(_ text: String, reference: PublicationDate? = Self.reference) -> DateMention? {
        let m = DateExtractor(referenceDate: reference).mentions(in: text)
        return m.count == 1 ? m[0] : nil
    }

    /// sentence, mention text, value (nil: none), kind, form
    static let forms: [(String, String, String?, DateMentionKind, DateForm)] = [
        ("Signed December 15, 2025.", "December 15, 2025", "2025-12-15", .date, .monthDayYear),
        ("Signed Dec. 15, 2025.", "Dec. 15, 2025", "2025-12-15", .date, .monthDayYear),
        ("Signed Sept. 3, 2024.", "Sept. 3, 2024", "2024-09-03", .date, .monthDayYear),
        ("Signed 15 December 2025.", "15 December 2025", "2025-12-15", .date, .dayMonthYear),
        ("Signed in December 2025.", "December 2025", "2025-12", .month, .monthYear),
        ("Signed 2025-12-15.", "2025-12-15", "2025-12-15", .date, .iso),
        ("Signed 12/15/2025.", "12/15/2025", "2025-12-15", .date, .numericMonthFirst),
        ("Signed 15/12/2025.", "15/12/2025", "2025-12-15", .date, .numericDayFirst),
        ("Signed 05/06/2025.", "05/06/2025", "2025-05-06", .date, .numericAmbiguous),
        ("Signed 15.12.2025.", "15.12.2025", "2025-12-15", .date, .numericDayFirst),
        ("Signed December 15th, 2025.", "December 15th, 2025", "2025-12-15", .date, .monthDayYear),
        ("Signed on the 15th of December 2025.", "15th of December 2025", "2025-12-15", .date, .dayMonthYear),
        ("On Tuesday, June 12, 2018, they met.", "Tuesday, June 12, 2018", "2018-06-12", .date, .monthDayYear),
        ("They met on June 12.", "June 12", "2025-06-12", .monthDay, .monthDayYear),
        ("It ran June 12–13, 2018.", "June 12–13, 2018", "2018-06-12/2018-06-13", .range, .monthDayYear),
        ("It ran June 30–July 2, 2018.", "June 30–July 2, 2018", "2018-06-30/2018-07-02", .range, .monthDayYear),
        ("It ran 2019–2021.", "2019–2021", "2019/2021", .range, .other),
        ("It ran 2019-21.", "2019-21", "2019/2021", .range, .other),
        ("It ran from March to May 2024.", "from March to May 2024", "2024-03/2024-05", .range, .monthYear),
        ("It ran between 2019 and 2021.", "between 2019 and 2021", "2019/2021", .range, .other),
        ("It ran March 3 to 5, 2024.", "March 3 to 5, 2024", "2024-03-03/2024-03-05", .range, .monthDayYear),
        ("It ran 15–17 December 2025.", "15–17 December 2025", "2025-12-15/2025-12-17", .range, .dayMonthYear),
        ("It was spring 2024.", "spring 2024", "2024-03/2024-05", .season, .other),
        ("In the summer of 2023 they met.", "summer of 2023", "2023-06/2023-08", .season, .other),
        ("The winter 2023–24 was cold.", "winter 2023–24", "2023-12/2024-02", .season, .other),
        ("Profits in Q3 2024 fell.", "Q3 2024", "2024-07/2024-09", .quarter, .other),
        ("Profits in the third quarter of 2024 fell.", "third quarter of 2024", "2024-07/2024-09", .quarter, .other),
        ("Profits in 3Q24 fell.", "3Q24", "2024-07/2024-09", .quarter, .other),
        ("Back in the 1990s it was.", "1990s", "1990/1999", .decade, .other),
        ("It happened in 2018.", "2018", "2018", .year, .other),
        ("The 2018 summit failed.", "2018", "2018", .year, .other),
        ("Reach it by 2030.", "2030", "2030", .year, .other),
        ("Frozen since 2019.", "2019", "2019", .year, .other),
        ("The vote (2019) was close.", "2019", "2019", .year, .other),
        ("2018's talks failed.", "2018's", "2018", .year, .other),
        ("The fiscal year 2025 budget.", "fiscal year 2025", "2025", .year, .other),
        ("The FY2025 budget.", "FY2025", "2025", .year, .other),
        ("They met last week.", "last week", "2025-12-01/2025-12-07", .relative, .other),
        ("They met this year.", "this year", "2025", .relative, .other),
        ("They meet next month.", "next month", "2026-01", .relative, .other),
        ("They met earlier this month.", "earlier this month", "2025-12", .relative, .other),
        ("They met last year.", "last year", "2024", .relative, .other),
        ("They meet this week.", "this week", "2025-12-08/2025-12-14", .relative, .other),
        ("They met yesterday.", "yesterday", "2025-12-09", .relative, .other),
        ("They meet today.", "today", "2025-12-10", .relative, .other),
        ("They met two weeks ago.", "two weeks ago", "2025-11-26", .relative, .other),
        ("They met this spring.", "this spring", "2025-03/2025-05", .relative, .other),
        ("They meet later this year.", "later this year", "2025", .relative, .other),
        ("They met last December.", "last December", "2024-12", .relative, .other),
        ("It says February 30, 2018.", "February 30, 2018", nil, .date, .monthDayYear),
        ("It says April 31.", "April 31", nil, .monthDay, .monthDayYear),
        ("It says February 29, 2025.", "February 29, 2025", nil, .date, .monthDayYear),
        ("It says February 29, 2024.", "February 29, 2024", "2024-02-29", .date, .monthDayYear),
    ]

    @Test(arguments: forms.indices)
    func form(_ k: Int) throws {
        let (sentence, text, value, kind, form) = Self.forms[k]
        let m = try #require(Self.only(sentence), "one mention in \(sentence): \(DateExtractor(referenceDate: Self.reference).mentions(in: sentence).map(\.text))")
        #expect(m.text == text)
        #expect(m.value?.iso == value)
        #expect(m.kind == kind)
        #expect(m.form == form)
        #expect(Array(sentence.utf8)[m.range].elementsEqual(text.utf8), "the range covers the text")
    }

    static let negatives = [
        "Call 202-464-1982 now.", "Dial +82 2 1234 5678.", "See pp. 2018–2020.", "See pages 1999-2001.",
        "It cost $2,018.", "It cost ₩2025.", "It cost $2018.", "Resolution 2397 passed.", "UNSCR 2270 passed.",
        "No. 2024 was filed.", "Public Law 117-167 passed.", "H.R. 2025 passed.", "Some 2,000 troops left.",
        "About 1950 people came.", "It starts at 10:30.", "It starts at 9 a.m. sharp.", "Use version 2.1.2018.",
        "ISBN 978-0-300-2018-4.", "He lives at 1600 Pennsylvania Avenue.", "They won 5-4.", "May I go?",
        "The march began.", "Over the last year, it grew.", "The last week of June was hot.", "Recently it rained.",
        "Jun Lee disagreed.", "Jan Kim agreed.", "The World of Tomorrow opened.", "Ratio 12/15 held.",
        "Case No. 2019-1234 closed.", "It flew 2020 kilometers.", "In his 20s he left.",
    ]

    @Test(arguments: negatives)
    func negative(_ sentence: String) {
        let found = DateExtractor(referenceDate: Self.reference).mentions(in: sentence)
        #expect(found.isEmpty, "\(found.map(\.text))")
    }

    @Test func partsKeepWhatIsWritten() throws {
        let w = try #require(Self.only("On Tuesday, June 12, 2018, they met."))
        #expect(w.parts.weekday == 2 && w.parts.year == 2018 && w.parts.month == 6 && w.parts.day == 12)
        let o = try #require(Self.only("On Dec. 15th, 2025, they met."))
        #expect(o.parts.ordinalDay && o.parts.abbreviatedMonth)
        let bad = try #require(Self.only("It says February 30, 2018."))
        #expect(bad.parts == WrittenDateParts(year: 2018, month: 2, day: 30) && !bad.isValidDate)
        let amb = try #require(Self.only("Signed 05/06/2025."))
        #expect(amb.isAmbiguous && amb.parts.month == 5 && amb.parts.day == 6)
        #expect(Self.only("Signed 15/12/2025.")?.isAmbiguous == false)
        #expect(Self.only("Signed 07/07/2025.")?.isAmbiguous == false, "both orders give one date")
    }

    @Test func monthDayTakesTheYearOfTheNearestPrecedingMention() {
        let e = DateExtractor(referenceDate: Self.reference)
        let m = e.mentions(in: "The talks of March 2019 failed; on June 12 they resumed, and on May 3, 2020, again; on July 1 they ended.")
        #expect(m.map(\.text) == ["March 2019", "June 12", "May 3, 2020", "July 1"])
        #expect(m.map { $0.value?.iso } == ["2019-03", "2019-06-12", "2020-05-03", "2020-07-01"])
        #expect(e.mentions(in: "They met on June 12.").first?.value?.iso == "2025-06-12", "else the reference year")
        #expect(DateExtractor().mentions(in: "They met on June 12.").first.map { $0.value == nil } == true, "else none")
    }

    @Test func relativePhrasesHaveNoValueWithoutAReferenceDate() {
        let m = DateExtractor().mentions(in: "They met last week and again yesterday, two weeks ago and this year.")
        #expect(m.map(\.text) == ["last week", "yesterday", "two weeks ago", "this year"])
        #expect(m.allSatisfy { $0.kind == .relative && $0.value == nil })
    }

    @Test func mentionsAreInOrderAndNeverOverlap() {
        let text = "From 2019 to 2021, and on June 12–13, 2018, the 2018 summit (2018) and Q3 2024 and spring 2024 and last week."
        let m = DateExtractor(referenceDate: Self.reference).mentions(in: text)
        #expect(m.count == 7, "\(m.map(\.text))")
        for (a, b) in zip(m, m.dropFirst()) { #expect(a.range.upperBound <= b.range.lowerBound) }
    }

    @Test func rangesUseTheTokensOfTheSharedAnalysis() {
        let text = "Année 2019: the treaty of 22 décembre; then on Dec. 22, 2017 — “quoted” — it passed."
        let a = DateExtractor().mentions(in: text)
        let b = DateExtractor().mentions(in: text, tokens: WordTokenizer.tokens(in: text))
        #expect(a == b)
        #expect(a.map(\.text) == ["Dec. 22, 2017"])
    }

    @Test func badInputNeverCrashes() {
        var s = ""
        for i in 0..<40_000 { s += ["2019", "–", "June", "12", ",", "from", "between", "and", "Q3", "last", "/", "-", "the", "(", ")", "31"][i % 16] + (i % 3 == 0 ? "" : " ") }
        _ = DateExtractor(referenceDate: Self.reference).mentions(in: s)
        #expect(DateExtractor().mentions(in: "").isEmpty)
        #expect(DateExtractor().mentions(in: "June").isEmpty && DateExtractor().mentions(in: "from").isEmpty)
    }

    // MARK: Fixes of breaker reports

    @Test func monthDayYearsAreInferredOnlyFromTheSameOrPreviousSentenceAndNeverFromAPlan() throws {
        let x = DateExtractor(referenceDate: Self.reference)
        let plan = x.mentions(in: "Talks are planned for March 2026. On December 3, President Yoon said no.")
        #expect(plan.map(\.text) == ["March 2026", "December 3"])
        #expect(plan[1].value == nil && plan[1].parts.year == nil && !plan[1].yearIsInferred)
        let future = x.mentions(in: "The summit opens in May 2026. On June 3 the envoys met.")
        #expect(future[1].value == nil, "a date after the reference date does not date a month-day")
        let same = x.mentions(in: "In 2019 the talks began on June 3.")
        #expect(same[1].value?.iso == "2019-06-03" && same[1].parts.year == nil && same[1].yearIsInferred)
        let previous = x.mentions(in: "The talks began in 2019. On June 3, they stalled.")
        #expect(previous[1].value?.iso == "2019-06-03")
        let far = x.mentions(in: "The talks began in 2019. They stalled. Nobody spoke. On June 3, they resumed.")
        #expect(far[1].value == nil, "two sentences back is too far")
        let none = x.mentions(in: "On June 3, they resumed.")
        #expect(none[0].value?.iso == "2025-06-03" && none[0].yearIsInferred, "no year written before: the reference year")
        #expect(x.mentions(in: "Talks ran March 3 to 5.")[0].yearIsInferred)
        #expect(!(x.mentions(in: "Signed June 12, 2018.")[0].yearIsInferred))
    }

    @Test func aMonthDayBeforeTheNounItModifiesIsANameWithoutValue() {
        for (s, name) in [("Turnout fell before the June 3 election.", "June 3"),
                          ("The September 19 Joint Statement was brief.", "September 19"),
                          ("Seoul marked the March 1 Independence Movement Day.", "March 1"),
                          ("Under the February 13 agreement, it shut down.", "February 13")] {
            let m = Self.only(s)
            #expect(m?.text == name && m?.kind == .monthDay && m?.value == nil, "\(s)")
        }
        #expect(Self.only("After the June 3 and 4 talks, see above.")?.value != nil, "a list or range is not read as a name")
        #expect(Self.only("It was the June 3 that mattered.")?.value != nil, "not before a noun")
    }

    @Test func rangesGiveTheWrittenPartsOfBothEnds() throws {
        let feb = try #require(Self.only("They met February 28–29, 2019."))
        #expect(feb.value == nil && feb.endParts == WrittenDateParts(year: 2019, month: 2, day: 29))
        #expect(feb.parts == WrittenDateParts(year: 2019, month: 2, day: 28))
        #expect(Self.only("They met 28–29 February 2019.")?.endParts?.day == 29)
        #expect(Self.only("They met February 29–30, 2024.")?.endParts == WrittenDateParts(year: 2024, month: 2, day: 30))
        #expect(Self.only("It ran June 30–July 2, 2018.")?.endParts == WrittenDateParts(year: 2018, month: 7, day: 2))
        #expect(Self.only("It ran 2019–2021.")?.endParts?.year == 2021)
        #expect(Self.only("Signed June 12, 2018.")?.endParts == nil)
    }

    @Test func weekdaysAreReadInEveryForm() throws {
        let both = try #require(Self.only("The summit ran Monday–Tuesday, June 12–13, 2018, in Singapore."))
        #expect(both.text == "Monday–Tuesday, June 12–13, 2018" && both.parts.weekday == 1 && both.endParts?.weekday == 2)
        let paren = try #require(Self.only("It opened June 12, 2018 (Wednesday), in Singapore."))
        #expect(paren.text == "June 12, 2018 (Wednesday)" && paren.parts.weekday == 3)
        let fromTo = try #require(Self.only("It ran from Wednesday, June 12 to Thursday, June 13, 2018."))
        #expect(fromTo.parts.weekday == 3 && fromTo.endParts?.weekday == 4 && fromTo.value?.iso == "2018-06-12/2018-06-13")
        let abbr = try #require(Self.only("Signed Wed., June 12, 2018, in Singapore."))
        #expect(abbr.text == "Wed., June 12, 2018" && abbr.parts.weekday == 3)
    }

    /// Korean government releases write an abbreviated weekday in parentheses after the date, and end the
    /// dotted date with a period that belongs to it (breaker3, press.html).
    @Test func abbreviatedWeekdaysInParenthesesAfterTheDate() throws {
        let dotted = try #require(Self.only("Date: 2025.11.19. (Tue.) 10:00"))
        #expect(dotted.text == "2025.11.19. (Tue.)" && dotted.parts.weekday == 2 && dotted.value?.iso == "2025-11-19")
        let written = try #require(Self.only("The forum opens on November 19, 2025 (Tue.) at the Lotte Hotel."))
        #expect(written.text == "November 19, 2025 (Tue.)" && written.parts.weekday == 2)
        let bare = try #require(Self.only("The forum opens on November 19, 2025 (Tue) at the Lotte Hotel."))
        #expect(bare.text == "November 19, 2025 (Tue)" && bare.parts.weekday == 2)
        // The dot is the date's before a time; at a sentence's end it is the sentence's.
        #expect(Self.only("Date: 2025.11.18. 10:00")?.text == "2025.11.18.")
        #expect(Self.only("It was published 2025.11.18. Then the talks resumed.")?.text == "2025.11.18")
    }

    @Test func smallFormsFromTheBreakerReports() {
        let cases: [(String, String, String?, DateMentionKind)] = [
            ("The term runs 01/01/2025–30/06/2025.", "01/01/2025–30/06/2025", "2025-01-01/2025-06-30", .range),
            ("The grant covers 1/1/2026–12/31/2026.", "1/1/2026–12/31/2026", "2026-01-01/2026-12-31", .range),
            ("The grant covers 1/1/2026-12/31/2026.", "1/1/2026-12/31/2026", "2026-01-01/2026-12-31", .range),
            ("They arrived on Dec 3rd.", "Dec 3rd", "2025-12-03", .monthDay),
            ("Markets close Dec 25.", "Dec 25", "2025-12-25", .monthDay),
            ("Offices close 25 Dec for the holiday.", "25 Dec", "2025-12-25", .monthDay),
            ("The FY 2026-27 budget passed.", "FY 2026-27", "2026/2027", .range),
            ("Exports rose in H1 2025.", "H1 2025", "2025-01/2025-06", .range),
            ("Exports rose in the first half of 2025.", "first half of 2025", "2025-01/2025-06", .range),
            ("Exports fell in the second half of 2024.", "second half of 2024", "2024-07/2024-12", .range),
            ("The decree took effect on 2025. 12. 3. as planned.", "2025. 12. 3.", "2025-12-03", .date),
            ("The order dated 03.12.2024 was revoked.", "03.12.2024", "2024-12-03", .date),
            ("Last year's budget grew.", "Last year", "2024", .relative),
            ("Last week’s talks failed.", "Last week", "2025-12-01/2025-12-07", .relative),
        ]
        for (s, text, value, kind) in cases {
            let m = Self.only(s)
            #expect(m?.text == text && m?.value?.iso == value && m?.kind == kind, "\(s): \(String(describing: m))")
        }
        for s in ["Jan 25 members attended.", "Jun 12 was his number.", "It moved from 1/2-3/4 over the year."] {
            #expect(DateExtractor(referenceDate: Self.reference).mentions(in: s).isEmpty, "\(s)")
        }
    }
}
