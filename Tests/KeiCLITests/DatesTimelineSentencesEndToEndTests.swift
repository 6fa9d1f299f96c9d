import Foundation
import Testing
import KeiTestSupport

/// The timeline checks through the real binary with the shipped timeline (`kei-pipeline check`, the
/// project's default workflow), on the sentences the second round of testers reported: the false alarms
/// stay silent and the missed claims are found, each once, with a short quoted entry.
@Suite struct DatesTimelineSentencesEndToEndTests {
    static let quiet = [
        "President Lee Jae Myung, who won the June 3 election, spoke.",
        "Nearly 25 years have passed since the first inter-Korean summit of June 2000, and this year marks the 60th anniversary of the 1965 Treaty on Basic Relations.",
        "The Washington Declaration, now in its third year, created the NCG, which first met on July 18, 2023.",
        "Next year marks the 20th anniversary of North Korea's first nuclear test.",
        "It has been more than 70 years since the Korean War began.",
        "During the Moon years, President Moon met Kim three times.",
        "President Obama's strategic patience, President Trump's summitry and President Biden's extended deterrence differ.",
        "After the Singapore summit, on June 21, 2018 the ministers met again.",
        "It has been 75 years since the Korean War began on June 25, 1950.",
        "It has been 72 years since the armistice was signed on July 27, 1953.",
        "In 2007, Prime Minister Han Duck-soo met Roh Moo-hyun.",
        "Chinese leader Jiang Zemin visited Seoul.",
    ]
    static let flagged: [(rule: String, words: String)] = [
        ("check.dates.event-date", "UN Security Council Resolution 2375"),
        ("check.dates.event-date", "Singapore summit"),
        ("check.dates.event-age", "the 70th anniversary of the armistice"),
        ("check.dates.event-age", "12 years since the KORUS FTA entered into force"),
        ("check.dates.office-holder", "USFK Commander Gen. Paul LaCamera"),
        ("check.dates.administration-term", "The Biden administration's"),
        ("check.dates.event-date", "2024 martial law"),
    ]
    static let flaggedSentences = [
        "UN Security Council Resolution 2375 was adopted on September 12, 2017.",
        "On June 21, 2018, Trump and Kim met at the Singapore summit.",
        "This year marks the 70th anniversary of the armistice.",
        "It has been 12 years since the KORUS FTA entered into force.",
        "USFK Commander Gen. Paul LaCamera told Congress.",
        "The Biden administration's 2018 tariffs hit Korea.",
        "The 2024 martial law was declared on December 5, 2024.",
    ]

    @Test func reportedSentences() throws {
        let dir = TestPaths.temporaryDirectory("kei-dates-sentences")
        defer { try? FileManager.default.removeItem(at: dir) }
        let body = (Self.quiet + Self.flaggedSentences).map { "<p>\($0)</p>" }.joined(separator: "\n")
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>T</title><meta name="citation_title" content="T">
            <meta name="citation_author" content="A B"><meta name="citation_publication_date" content="2025/12/15"></head>
            <body><article><h1>T</h1>
            \(body)
            </article></body></html>
            """
        let page = dir.appendingPathComponent("sentences.html")
        try Data(html.utf8).write(to: page)
        let r = try CLIHarness.runBinary(["check", page.path, "--output", dir.appendingPathComponent("out").path, "--report", "json:-"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "\(r.err)")
        let rules: Set<String> = ["check.dates.event-date", "check.dates.event-age", "check.dates.office-holder",
                                  "check.dates.office-never-held", "check.dates.administration-term"]
        let found = try #require(json["diagnostics"] as? [[String: Any]]).filter { rules.contains($0["rule"] as? String ?? "") }
        let messages = found.map { "\($0["rule"] as? String ?? "?"): \($0["message"] as? String ?? "")" }
        #expect(found.count == Self.flagged.count, "\(messages)")
        for (rule, words) in Self.flagged {
            #expect(found.contains { $0["rule"] as? String == rule && ($0["message"] as? String)?.contains("“\(words)”") == true },
                    "missing \(rule) on “\(words)”: \(messages)")
        }
        for m in found.compactMap({ $0["message"] as? String }) {
            #expect(m.contains("Workflows/timeline.yml:") && m.count < 900, "\(m)")
        }
    }
}
