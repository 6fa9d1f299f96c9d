import Foundation
import Testing
import KeiTestSupport

/// `limits.max-words` through the real binary (issue 12, memory): a workflow with `max-words: 50` refuses a
/// page of 200 words with `ingest.too-many-words` (exit 1, the file named, no JATS), reads a short page
/// whole, and a negative value is a configuration error (exit 2 at the workflow's line). Serialized: each
/// case runs the binary.
@Suite(.serialized) struct WordLimitEndToEndTests {
    static func workflow(maxWords: String) -> String {
        Hostile.minimalWorkflow + "limits:\n  max-words: \(maxWords)\n"
    }

    @Test func aPageOverTheLimitFailsTheGateNamingTheFile() throws {
        let dir = TestPaths.temporaryDirectory("kei-word-limit")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Hostile.write(Self.workflow(maxWords: "50"), "words.yml", in: dir)
        try Hostile.write(Hostile.page("<p>" + String(repeating: "word ", count: 200) + "</p>"), "long.html", in: dir)
        try Hostile.write(Hostile.page("<p>A short paragraph that stays well within the limit.</p>"), "short.html", in: dir)

        let long = try Hostile.check("200 words over max-words 50", "long.html", in: dir, workflow: "words.yml")
        Hostile.expectProcessed(long, rule: "ingest.too-many-words")
        #expect(long.code == 1, "the gate fails: \(long.rules)")
        let refusal = try #require(long.diagnostics("ingest.too-many-words").first)
        #expect(refusal["severity"] as? String == "error" && refusal["file"] as? String == "long.html")
        let message = refusal["message"] as? String ?? ""
        #expect(message.hasPrefix("long.html has 2") && message.contains("more than limits.max-words (50)"), "\(message)")
        #expect(long.jats("long").isEmpty, "no article, no JATS")

        let short = try Hostile.check("a short page under max-words 50", "short.html", in: dir, workflow: "words.yml")
        Hostile.expectProcessed(short, rule: nil)
        #expect(short.code == 0, "\(short.rules)")
        #expect(short.jats("short").contains("A short paragraph that stays well within the limit."))
    }

    @Test func aNegativeLimitIsAConfigurationError() throws {
        let dir = TestPaths.temporaryDirectory("kei-word-limit")
        defer { try? FileManager.default.removeItem(at: dir) }
        let yaml = Self.workflow(maxWords: "-5")
        let line = try #require(yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("max-words") }) + 1
        try Hostile.write(yaml, "words.yml", in: dir)
        try Hostile.write(Hostile.page("<p>Some text.</p>"), "page.html", in: dir)
        let run = try Hostile.check("max-words -5", "page.html", in: dir, workflow: "words.yml")
        Hostile.expectRefused(run, naming: "words.yml:\(line):14:", saying: ["limits.max-words must be 0 (no limit) or positive"])
    }
}
