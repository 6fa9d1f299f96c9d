import Foundation
import Testing
import KeiTestSupport

/// breaker3's weekday and dateline reports through the real binary: a weekday with an inferred year is a
/// warning naming the year; a weekday in parentheses after the date is read and checked; `--fix` replaces
/// a Korean dotted date with its closing period; a wire dateline keeps the wire's form.
@Suite(.serialized) struct DateWeekdayDatelineEndToEndTests {
    static func page(_ body: String) -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title><meta name="citation_title" content="T"><meta name="citation_author" content="A B"><meta name="citation_publication_date" content="2025-11-18"></head><body><article><h1>T</h1>
        \(body)
        </article></body></html>
        """
    }

    /// Writes `body` as a page in a temporary directory and checks it from the repository (its workflows).
    static func check(_ body: String, _ name: String, _ arguments: [String]) throws -> PageCheck {
        let dir = TestPaths.temporaryDirectory("kei-dates-weekday")
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent(name + ".html")
        try Data(Self.page(body).utf8).write(to: page)
        return try PageCheck.run(page, arguments: arguments)
    }

    @Test func weekdaysAndDatelines() throws {
        let c = try Self.check("""
            <p>SEOUL, Nov 18 (Reuters) - The ministry released a statement.</p>
            <p>The Ministry will hold a follow-up briefing on Thursday, November 21.</p>
            <p>The forum opens on November 19, 2025 (Tue.) at the Lotte Hotel.</p>
            """, "weekday", ["--show-info"])
        let weekdays = c.rules("check.dates.wrong-weekday")
        #expect(weekdays.count == 2, "\(weekdays)")
        let inferred = weekdays.first { ($0["message"] as? String)?.contains("November 21, 2025 would be a Friday") == true }
        #expect(inferred?["severity"] as? String == "warning", "\(weekdays)")
        let written = weekdays.first { ($0["message"] as? String)?.contains("November 19, 2025 was a Wednesday, not a Tuesday") == true }
        #expect(written?["severity"] as? String == "error", "\(weekdays)")
        #expect(c.rules("check.dates.abbreviated-month").isEmpty, "the dateline keeps the wire's form: \(c.rules(prefix: "check.dates."))")
    }

    @Test func fixReplacesTheKoreanDottedDateWithItsPeriod() throws {
        let c = try Self.check("<p>The ministers of the two countries met in Washington to discuss the joint fact sheet and its follow-up.</p><p>Press Release No. 25-1123 | Date: 2025.11.18. (Tue.) 10:00 | Contact: North America Bureau</p>",
                               "dotted", ["--fix"])
        let changes = (c.report["changes"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "check.dates.numeric-date" }
        let after = changes.compactMap { $0["after"] as? String }
        #expect(after.count == 1 && after[0].contains("Date: Tuesday, November 18, 2025, 10:00 |"), "\(changes)")
        #expect(!after.contains { $0.contains("2025. (Tue.)") }, "\(changes)")
    }
}
