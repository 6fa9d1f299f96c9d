import Foundation
import Testing
@testable import KeiStages
import KeiCore
import KeiDates
import KeiDocument
import KeiTestSupport

/// The calendar, style, chronology and relative-phrase rules of `check.dates`, rule by rule, on small
/// pages: what each reports (message and edit) and what it leaves alone.
@Suite struct DateCalendarRulesTests {
    /// The page of `body`, with `date` as its own publication date when given, checked in an issue with
    /// the cover date `cover`.
    static func findings(_ body: String, date: String? = nil, cover: String? = "2025-12-15",
                         options: [String: OptionValue] = [:]) throws -> [Diagnostic] {
        let meta = date.map { "<meta name=\"citation_publication_date\" content=\"\($0)\">" } ?? ""
        let page = "<html><head><title>T</title>\(meta)</head><body><article><h1>T</h1>\n\(body)\n</article></body></html>"
        let context = try StageHarness.run(html: page, stages: [CheckDatesStage.self], options: ["check.dates": options],
                                           issue: IssueInfo(coverDate: cover))
        return context.diagnostics.filter { $0.rule.hasPrefix("check.dates.") }
    }

    static func rules(_ d: [Diagnostic]) -> [String] { d.map(\.rule) }

    // MARK: Calendar validity

    @Test(arguments: [
        ("February 30, 2018", "February 2018 ends on February 28"),
        ("April 31, 2019", "April 2019 ends on April 30"),
        ("February 29, 2023", "2023 is not a leap year"),
        ("February 29, 1900", "1900 is not a leap year"),
        ("June 31, 2024", "June 2024 ends on June 30"),
    ])
    func impossibleDates(_ date: String, _ says: String) throws {
        let d = try Self.findings("<p>The envoys met on \(date) in Panmunjom.</p>", cover: nil)
        #expect(Self.rules(d) == ["check.dates.impossible-date"], "\(d)")
        #expect(d.first?.message.contains(says) == true, "\(d.first?.message ?? "")")
        #expect(d.first?.severity == .error)
    }

    /// The impossible end of a range of days (breaker probe).
    @Test(arguments: ["February 28–29, 2019", "28–29 February 2019", "February 29–30, 2024"])
    func impossibleEndsOfRanges(_ range: String) throws {
        let d = try Self.findings("<p>The envoys met on \(range) in Hanoi.</p>", cover: nil)
        #expect(Self.rules(d).contains("check.dates.impossible-date"), "\(d)")
        #expect(try Self.findings("<p>The envoys met on February 27–28, 2019, and on 30 May–2 June 2019 in Hanoi.</p>", cover: nil)
            .filter { $0.rule == "check.dates.impossible-date" }.isEmpty)
    }

    @Test(arguments: ["February 29, 2024", "February 29, 2000", "April 30, 2019", "December 31, 2025"])
    func realDatesPass(_ date: String) throws {
        #expect(try Self.findings("<p>The envoys met on \(date) in Panmunjom.</p>", cover: nil).isEmpty)
    }

    // MARK: Weekdays

    @Test func aWrongWeekdayNamesTheRealOne() throws {
        let d = try Self.findings("<p>The leaders met on Tuesday, June 13, 2018, in Singapore.</p>", cover: nil)
        #expect(Self.rules(d) == ["check.dates.wrong-weekday"], "\(d)")
        #expect(d.first?.message.contains("June 13, 2018 was a Wednesday, not a Tuesday") == true, "\(d.first?.message ?? "")")
        #expect(try Self.findings("<p>The leaders met on Tuesday, June 12, 2018, in Singapore.</p>", cover: nil).isEmpty)
    }

    /// A weekday with a month-day whose year was inferred is checked in the year it was read in, as a
    /// warning naming that year (breaker3, press.html:6).
    @Test func aWeekdayWithAnInferredYearIsAWarning() throws {
        let d = try Self.findings("<p>The Ministry will hold a follow-up briefing on Thursday, November 21.</p>", date: "2025-11-18")
        #expect(Self.rules(d) == ["check.dates.wrong-weekday"], "\(d)")
        #expect(d.first?.severity == .warning)
        #expect(d.first?.message.contains("November 21, 2025 would be a Friday, not a Thursday") == true, "\(d.first?.message ?? "")")
        #expect(try Self.findings("<p>The Ministry will hold a follow-up briefing on Friday, November 21.</p>", date: "2025-11-18").isEmpty)
    }

    /// A weekday written after the date in parentheses, abbreviated (breaker3, Korean releases).
    @Test(arguments: ["The forum opens on November 19, 2025 (Tue.) at the Lotte Hotel.",
                      "The forum opens on November 19, 2025 (Tue) at the Lotte Hotel."])
    func aWeekdayInParenthesesAfterTheDateIsChecked(_ sentence: String) throws {
        let d = try Self.findings("<p>\(sentence)</p>", cover: nil)
        #expect(Self.rules(d) == ["check.dates.wrong-weekday"], "\(d)")
        #expect(d.first?.message.contains("November 19, 2025 was a Wednesday, not a Tuesday") == true, "\(d.first?.message ?? "")")
        #expect(d.first?.severity == .error)
    }

    /// The period that ends a Korean dotted date is part of the replaced span: no stray period is left
    /// ("2025.11.18. (Tue.)" became "November 18, 2025. (Tue.)").
    @Test func theKoreanDottedDateIsReplacedWithItsPeriodAndWeekday() throws {
        let d = try Self.findings("<p>Date: 2025.11.18. (Tue.) 10:00</p>", date: "2025-11-18")
        #expect(Self.rules(d) == ["check.dates.numeric-date"], "\(d)")
        #expect(d.first?.edits.map(\.replacement) == ["Tuesday, November 18, 2025,"], "\(d.first?.edits ?? [])")
        let wrong = try Self.findings("<p>Date: 2025.11.19. (Tue.) 10:00</p>", date: "2025-11-18")
        #expect(wrong.first { $0.rule == "check.dates.numeric-date" }?.edits.map(\.isSafe) == [false],
                "a wrong weekday is not rewritten as a safe edit: \(wrong)")
        let plain = try Self.findings("<p>Date: 2025.11.18. 10:00</p>", date: "2025-11-18")
        #expect(plain.first?.edits.map(\.replacement) == ["November 18, 2025,"], "\(plain.first?.edits ?? [])")
    }

    /// A wire dateline keeps the wire's date form (breaker3, wire.html); the same date in running text does not.
    @Test(arguments: ["SEOUL, Dec 3 (Reuters) - The talks resumed.", "NEW YORK, Dec. 3 (AP) — The talks resumed.",
                      "SEOUL, 3 Dec 2025 - The talks resumed."])
    func aWireDatelineHasNoFormFinding(_ paragraph: String) throws {
        #expect(try Self.findings("<p>\(paragraph)</p>", date: "2025-12-03").isEmpty)
    }

    @Test func aDatelineIsOnlyAtTheStartOfAParagraph() throws {
        let d = try Self.findings("<p>The talks resumed in Seoul, Dec 3, and ended a week later.</p>", date: "2025-12-15")
        #expect(Self.rules(d) == ["check.dates.abbreviated-month"], "\(d)")
        let lowercase = try Self.findings("<p>Seoul, Dec 3 (Reuters) - The talks resumed.</p>", date: "2025-12-03")
        #expect(Self.rules(lowercase) == ["check.dates.abbreviated-month"], "\(lowercase)")
    }

    // MARK: House style

    @Test func dayMonthYearGetsTheHouseFormAsASafeEdit() throws {
        let d = try Self.findings("<p>The ministers met on 15 November 2025 in Seoul.</p>")
        #expect(Self.rules(d) == ["check.dates.day-month-year"], "\(d)")
        #expect(d.first?.edits.map(\.replacement) == ["November 15, 2025,"], "CMOS 6.38: a comma after the year when the sentence goes on")
        #expect(d.first?.edits.allSatisfy(\.isSafe) == true)
        let atTheEnd = try Self.findings("<p>The ministers met in Seoul on 15 November 2025.</p>")
        #expect(atTheEnd.first?.edits.map(\.replacement) == ["November 15, 2025"], "no comma before the period")
    }

    @Test func anEntityInsideTheDateMakesTheEditASuggestion() throws {
        let d = try Self.findings("<p>The ministers met on 15&nbsp;November 2025 in Seoul.</p>")
        #expect(Self.rules(d) == ["check.dates.day-month-year"], "\(d)")
        #expect(d.first?.edits.map(\.isSafe) == [false], "\(d.first?.edits ?? [])")
    }

    @Test func ordinalsAndAbbreviations() throws {
        let ordinal = try Self.findings("<p>The ministers met on November 20th, 2025, in Seoul.</p>")
        #expect(Self.rules(ordinal) == ["check.dates.ordinal-day"], "\(ordinal)")
        #expect(ordinal.first?.edits.map(\.replacement) == ["November 20, 2025"])
        let abbreviated = try Self.findings("<p>The ministers met on Nov. 3, 2025, in Seoul.</p>")
        #expect(Self.rules(abbreviated) == ["check.dates.abbreviated-month"], "\(abbreviated)")
        #expect(abbreviated.first?.edits.map(\.replacement) == ["November 3, 2025"])
        #expect(abbreviated.first?.edits.allSatisfy(\.isSafe) == true)
    }

    @Test func notesMayAbbreviateMonthsButNotWriteDayMonthYear() throws {
        let body = "<p>The ministers met in Seoul.<sup><a href=\"#fn1\" id=\"fnref1\">1</a></sup></p><h2>Notes</h2>"
            + "<ol><li id=\"fn1\">Ministry of Unification, press release, Nov. 3, 2025; statement of 4 November 2025. <a href=\"#fnref1\">↩</a></li></ol>"
        let d = try Self.findings(body)
        #expect(Self.rules(d) == ["check.dates.day-month-year"], "\(d)")
        #expect(d.first?.message.contains("4 November 2025") == true)
    }

    @Test func quotationsKeepTheirSourcesForm() throws {
        #expect(try Self.findings("<p>The communiqué began: “Seoul, 15 November 2025, Nov. 3rd.”</p>").isEmpty)
        #expect(try Self.findings("<blockquote><p>We met on 15 November 2025 in Seoul.</p></blockquote>").isEmpty)
    }

    @Test func numericDates() throws {
        let iso = try Self.findings("<p>The ministry’s statement followed on 2025-11-28 in Seoul.</p>")
        #expect(Self.rules(iso) == ["check.dates.numeric-date"], "\(iso)")
        #expect(iso.first?.edits.map(\.replacement) == ["November 28, 2025,"])
        let ambiguous = try Self.findings("<p>The ministry’s statement followed on 05/06/2025 in Seoul.</p>")
        #expect(Self.rules(ambiguous) == ["check.dates.ambiguous-numeric-date"], "\(ambiguous)")
        #expect(ambiguous.first?.message.contains("May 6, 2025 or June 5, 2025") == true, "\(ambiguous.first?.message ?? "")")
        // The suggestion carries the comma after the year when the sentence goes on, as the safe edits do
        // (CMOS 6.38); this test expected "May 6, 2025" before.
        #expect(ambiguous.first?.edits.map(\.replacement) == ["May 6, 2025,"] && ambiguous.first?.edits.map(\.isSafe) == [false],
                "the U.S. reading is only suggested: \(ambiguous.first?.edits ?? [])")
        let slashes = try Self.findings("<p>The ministry’s statement followed on 2025/11/28 in Seoul.</p>")
        #expect(Self.rules(slashes) == ["check.dates.numeric-date"], "\(slashes)")
        let dayFirst = try Self.findings("<p>The ministry’s statement on the talks followed on 28/11/2025.</p>")
        #expect(dayFirst.first?.edits.map(\.replacement) == ["November 28, 2025"] && dayFirst.first?.edits.map(\.isSafe) == [true], "\(dayFirst)")
    }

    @Test func theHouseStyleOptionSwitchesTheFamilyOff() throws {
        let body = "<p>The ministers met on 15 November 2025 and on Nov. 3, 2025, in Seoul.</p>"
        #expect(try Self.findings(body, options: ["house-style": .bool(false)]).isEmpty)
        #expect(try Self.findings(body).count == 2)
    }

    // MARK: Chronology

    @Test func aLaterDateNarratedAsPast() throws {
        let d = try Self.findings("<p>On March 3, 2026, the ministers met in Seoul.</p>", date: "2025-12-10")
        #expect(Self.rules(d) == ["check.dates.after-publication"], "\(d)")
        #expect(d.first?.message.contains("2025-12-10") == true)
        // Without a page date the cover date is the publication date.
        #expect(Self.rules(try Self.findings("<p>On March 3, 2026, the ministers met in Seoul.</p>")) == ["check.dates.after-publication"])
        #expect(Self.rules(try Self.findings("<p>In March 2026 the ministers met in Seoul.</p>", date: "2025-12-10")) == ["check.dates.after-publication"])
        // No date at all: silent.
        #expect(try Self.findings("<p>On March 3, 2026, the ministers met in Seoul.</p>", cover: nil).isEmpty)
    }

    @Test(arguments: [
        "<p>The ministers will meet on March 3, 2026, in Seoul.</p>",
        "<p>The summit is scheduled for March 3, 2026.</p>",
        "<p>Seoul plans to sign the agreement on March 3, 2026.</p>",
        "<p>The agreement was to be signed by March 2026, officials said.</p>",
        "<p>The sanctions were extended until June 2026.</p>",
        "<p>The ministers are expected to meet on March 3, 2026.</p>",
        "<p>If the talks resume on March 3, 2026, the ministers could meet in Seoul.</p>",
        "<p>The agreement, signed in 2024, is due to expire in March 2026.</p>",
        "<p>The ministers met on December 3, 2025, in Seoul.</p>",
        "<p>The ministers met in December 2025 in Seoul.</p>",
        "<p>The National Assembly passed the 2026 budget after a long debate.</p>",
        "<p>Seoul was to host the leaders’ summit in November 2026, officials said.</p>",
        "<p>The ministers said they would meet again on March 3, 2026.</p>",
    ])
    func notNarratedAsPastOrNotLater(_ body: String) throws {
        let d = try Self.findings(body, date: "2025-12-15")
        #expect(!Self.rules(d).contains("check.dates.after-publication"), "\(body): \(d)")
    }

    @Test func thePageDateAgainstTheCoverDate() throws {
        // Page dated after the cover date: reported, and a past date between the two is after the cover date.
        let d = try Self.findings("<p>On January 20, 2026, the ministers met in Seoul.</p>", date: "2026-02-10", cover: "2025-12-15")
        #expect(Set(Self.rules(d)) == ["check.dates.published-after-cover-date", "check.dates.after-cover-date"], "\(d)")
        let published = d.first { $0.rule == "check.dates.published-after-cover-date" }
        #expect(published?.message.contains("(2026-02-10, read from its date metadata") == true, "\(published?.message ?? "")")
        #expect(published?.message.contains("is after the issue’s cover date (2025-12-15)") == true, "\(published?.message ?? "")")
        #expect(published?.fix?.contains("move the article to an issue dated on or after 2026-02-10") == true, "\(published?.fix ?? "")")
        // A page dated before the cover date: a date between the two is after publication, not after the cover date.
        let e = try Self.findings("<p>On December 12, 2025, the ministers met in Seoul.</p>", date: "2025-12-01", cover: "2025-12-15")
        #expect(Self.rules(e) == ["check.dates.after-publication"], "\(e)")
        // Same month at the cover's precision: not after.
        #expect(try Self.findings("<p>The ministers met in Seoul.</p>", date: "2025-12-20", cover: "2025-12").isEmpty)
    }

    /// Breaker probes: a past verb elsewhere in the sentence does not make a date in a present or future
    /// clause "narrated as past".
    @Test(arguments: [
        "<p>The ministry announced that the exercise begins on March 9, 2026.</p>",
        "<p>The agreement, signed in 2019, expires on December 31, 2026.</p>",
        "<p>The SMA, signed in 2024, raised Seoul’s share to KRW 1.5 trillion in 2026.</p>",
        "<p>Officials said the law takes effect in January 2026.</p>",
        "<p>Had the talks resumed in January 2026, the deal was possible.</p>",
        "<p>The minister said the summit takes place on January 20, 2026.</p>",
        "<p>The central bank cut its forecast for growth to 1.8 percent in 2026.</p>",
        "<p>Seoul and Tokyo agreed to hold the next summit in March 2026.</p>",
        "<p>The plan, unveiled in 2024, envisioned new deployments in 2026.</p>",
    ])
    func aPastVerbOutsideTheDatesClause(_ body: String) throws {
        let d = try Self.findings(body, date: "2025-12-15")
        #expect(!Self.rules(d).contains("check.dates.after-publication"), "\(body): \(d)")
    }

    @Test(arguments: [
        "<p>On January 9, 2026, the prosecution requested the death penalty.</p>",
        "<p>The court sentenced him on February 19, 2026.</p>",
        "<p>The ministry announced that the exercise began on March 9, 2026.</p>",
        "<p>The agreement, signed in 2019, expired on December 31, 2026.</p>",
    ])
    func aPastVerbInTheDatesClause(_ body: String) throws {
        let d = try Self.findings(body, date: "2025-12-15")
        #expect(Self.rules(d) == ["check.dates.after-publication"], "\(body): \(d)")
    }

    /// "will" in another clause of the sentence no longer hides a date narrated as past.
    @Test func aFutureClauseDoesNotHideAPastOne() throws {
        let d = try Self.findings("<p>The group met on December 18, 2025, in Tokyo and will meet again in Seoul in March 2026.</p>",
                                  date: "2026-02-10", cover: "2025-12-15")
        let after = d.filter { $0.rule == "check.dates.after-cover-date" }
        #expect(after.count == 1 && after.first?.message.contains("December 18, 2025") == true, "\(d)")
        #expect(!d.contains { $0.message.contains("March 2026") }, "\(d)")
    }

    /// A month and day without a written year take their year from the reference date: no chronology claim.
    @Test func aMonthDayWithoutItsYearIsNotDated() throws {
        let d = try Self.findings("<p>On December 20, the ministers met in Seoul.</p>", date: "2025-12-15")
        #expect(!Self.rules(d).contains("check.dates.after-publication"), "\(d)")
    }

    // MARK: House style (breaker probes)

    @Test func theLastDayOfAListGetsNoEdit() throws {
        for body in ["<p>They met on 3, 4 and 5 December 2024 in Seoul.</p>", "<p>They met on 15 and 16 December 2025 in Seoul.</p>"] {
            let d = try Self.findings(body)
            #expect(Self.rules(d) == ["check.dates.day-month-year"], "\(d)")
            #expect(d.first?.edits.isEmpty == true, "no half-rewrite: \(d.first?.edits ?? [])")
            #expect(d.first?.fix?.contains("whole list") == true, "\(d.first?.fix ?? "")")
        }
        // A single day after "and" something else still gets its safe edit.
        let single = try Self.findings("<p>They met in 2019 and on 5 December 2024 in Seoul.</p>")
        #expect(single.first?.edits.map(\.isSafe) == [true], "\(single)")
    }

    @Test func aDateInItalicsMayBeATitle() throws {
        let d = try Self.findings("<p>In his book <i>The Night of 3 December 2024</i>, Kim argues. The film <em>12 December 2019</em> was banned.</p>")
        #expect(Self.rules(d) == ["check.dates.day-month-year", "check.dates.day-month-year"], "\(d)")
        #expect(d.allSatisfy { $0.edits.map(\.isSafe) == [false] }, "only suggested: \(d.map(\.edits))")
        #expect(d.allSatisfy { $0.message.contains("may be part of a title") }, "\(d.map(\.message))")
        let bold = try Self.findings("<p>The report, dated <b>15 December 2025</b>, was leaked.</p>")
        #expect(bold.first?.edits.map(\.isSafe) == [true], "bold is not a title: \(bold)")
    }

    @Test(arguments: [
        ("from 3 to 5 December 2025", "from December 3 to 5, 2025"),
        ("between 3 and 5 December 2025", "between December 3 and 5, 2025"),
        ("from 10 May 2022 to 4 April 2025", "from May 10, 2022, to April 4, 2025"),
    ])
    func aWordedRangeKeepsItsWords(_ written: String, _ house: String) throws {
        let d = try Self.findings("<p>He served \(written).</p>")
        #expect(Self.rules(d) == ["check.dates.day-month-year"], "\(d)")
        #expect(d.first?.edits.map(\.replacement) == [house], "CMOS 6.78: \(d.first?.edits ?? [])")
    }

    @Test func notesUseChicagosMonthAbbreviations() throws {
        let body = "<p>The ministers met in Seoul.<sup><a href=\"#fn1\" id=\"fnref1\">1</a></sup></p><h2>Notes</h2>"
            + "<ol><li id=\"fn1\">Yonhap, press release, Sep. 3, 2025; Dec 4 2025; Jun. 5, 2025; Sept. 6, 2025. <a href=\"#fnref1\">↩</a></li></ol>"
        let d = try Self.findings(body)
        #expect(Self.rules(d) == Array(repeating: "check.dates.month-abbreviation", count: 3), "\(d)")
        #expect(d.flatMap { $0.edits.map(\.replacement) } == ["Sept. 3, 2025", "Dec. 4, 2025", "June 5, 2025"], "\(d.map(\.edits))")
        #expect(d.allSatisfy { $0.edits.allSatisfy(\.isSafe) })
    }

    @Test func tableCellsKeepCompactFormsButNotImpossibleDates() throws {
        let d = try Self.findings("<table><tr><td>6 Oct 2025</td><td>2025-10-06</td><td>October 6th</td><td>February 30, 2025</td></tr></table>")
        #expect(Self.rules(d) == ["check.dates.impossible-date"], "\(d)")
    }

    // MARK: Relative phrases

    @Test func relativePhrasesResolveAgainstThePublicationDate() throws {
        let d = try Self.findings("<p>The ministers met last week in Seoul, as they do every year.</p>", date: "2025-12-10")
        #expect(Self.rules(d) == ["check.dates.relative-phrase"], "\(d)")
        #expect(d.first?.severity == .info)
        #expect(d.first?.message.contains("2025-12-10") == true, "\(d.first?.message ?? "")")
        #expect(d.first?.message.contains("(2025-12-01/2025-12-07)") == true, "\(d.first?.message ?? "")")
        #expect(try Self.findings("<p>The ministers met last week in Seoul.</p>", options: ["relative-phrases": .bool(false)]).isEmpty)
        #expect(try Self.findings("<p>The minister said, “We met last week in Seoul and agreed on the plan.”</p>").isEmpty)
        #expect(try Self.findings("<p>Today, the alliance faces the weapons of tomorrow. Is the site slower than it was last week?</p>").isEmpty)
        let year = try Self.findings("<p>This year, cooperation between the two states expanded.</p>", date: "2025-12-10")
        #expect(year.map(\.message) == ["“This year” counts from the day it is read; against the publication date (2025-12-10) it means 2025."], "\(year)")
    }

    // MARK: Robustness

    @Test func hugeInputIsChecked() throws {
        let paragraph = "<p>On 15 November 2025 the ministers met last week, and on February 30, 2018, then 05/06/2025.</p>"
        let d = try Self.findings(String(repeating: paragraph, count: 500))
        #expect(d.count >= 500 * 3)
    }

    /// One sentence with thousands of dates after publication and relative phrases: each sentence is read once.
    @Test func oneHugeSentenceIsChecked() throws {
        let dates = (0..<4000).map { "March \($0 % 28 + 1), 2026, last week" }.joined(separator: ", ")
        let d = try Self.findings("<p>The ministers met on \(dates) in Seoul.</p>", date: "2025-12-10")
        #expect(d.filter { $0.rule == "check.dates.after-publication" }.count == 4000)
        #expect(d.filter { $0.rule == "check.dates.relative-phrase" }.count == 4000)
    }
}
