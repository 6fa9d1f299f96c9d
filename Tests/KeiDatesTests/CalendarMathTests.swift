import KeiDates
import KeiDocument
import XCTest

final class CalendarMathTests: XCTestCase {
    func testWeekdays() {
        XCTAssertEqual(CalendarMath.weekday(year: 1970, month: 1, day: 1), 4)   // Thursday
        XCTAssertEqual(CalendarMath.weekday(year: 2018, month: 6, day: 12), 2)  // Tuesday: the Singapore summit
        XCTAssertEqual(CalendarMath.weekday(year: 2018, month: 6, day: 13), 3)
        XCTAssertEqual(CalendarMath.weekday(year: 2000, month: 2, day: 29), 2)
        XCTAssertEqual(CalendarMath.weekday(year: 1950, month: 6, day: 25), 7)  // Sunday: the Korean War began
    }

    func testLeapYearsAndDayNumbers() {
        XCTAssertTrue(CalendarMath.isLeap(2024))
        XCTAssertFalse(CalendarMath.isLeap(1900))
        XCTAssertTrue(CalendarMath.isLeap(2000))
        XCTAssertEqual(CalendarMath.daysIn(month: 2, year: 2025), 28)
        for n in [-800_000, -1, 0, 1, 20_000, 700_000] {
            let d = CalendarMath.date(dayNumber: n)
            XCTAssertEqual(CalendarMath.dayNumber(year: d.year, month: d.month, day: d.day), n)
        }
        XCTAssertEqual(CalendarMath.adding(days: 1, to: PublicationDate(iso: "2024-02-28")!)?.iso, "2024-02-29")
        XCTAssertEqual(CalendarMath.adding(days: -1, to: PublicationDate(iso: "2025-03-01")!)?.iso, "2025-02-28")
    }

    func testWholeYears() {
        let invasion = PublicationDate(iso: "2022-02-24")!
        XCTAssertEqual(CalendarMath.wholeYears(from: invasion, to: PublicationDate(iso: "2025-02-23")!), 2)
        XCTAssertEqual(CalendarMath.wholeYears(from: invasion, to: PublicationDate(iso: "2025-02-24")!), 3)
        XCTAssertEqual(CalendarMath.wholeYears(from: invasion, to: PublicationDate(iso: "2025-12-15")!), 3)
    }

    func testSkeletonExtractorForms() {
        let text = "On Dec. 15, 2025, and 15 December 2025 and in December 2025 (2025-12-15), February 30, 2018."
        let m = DateExtractor().mentions(in: text)
        XCTAssertEqual(m.map(\.text), ["Dec. 15, 2025", "15 December 2025", "December 2025", "2025-12-15", "February 30, 2018"])
        XCTAssertEqual(m.map { $0.value?.iso }, ["2025-12-15", "2025-12-15", "2025-12", "2025-12-15", nil])
        XCTAssertEqual(m[1].form, .dayMonthYear)
        XCTAssertTrue(m[0].parts.abbreviatedMonth)
    }
}
