import Foundation
import Testing
import KeiCore
import KeiDocument
@testable import KeiStages
import KeiXML
import KeiTestSupport

@Suite struct EmitCrossrefStageTests {
    static func issue(timestamp: String? = "20251215090000", issn: String = "0378-5955") throws -> IssueInfo {
        var journal = JournalInfo(id: "korea-policy", title: "Korea Policy", abbreviatedTitle: "Korea Policy", publisher: "KEI",
                                  issnPrint: issn, issnOnline: "2049-3630")
        journal.doiPattern = try PublishingPattern("10.5555/kp.{volume}.{number}.{order:2}")
        journal.elocationPattern = try PublishingPattern("e{volume}{number}{order:2}")
        journal.resourceURLPattern = try PublishingPattern("https://keia.org/kp/{volume}/{number}/{id}/")
        journal.crossref.depositorName = "KEI"
        journal.crossref.depositorEmail = "publications@keia.org"
        journal.displayPath = "Workflows/journals/j.yml"
        var issue = IssueInfo(journal: journal, volume: "3", number: "2", coverDate: "2025-12-15", title: "Vol. 3, Issue 2")
        issue.deposit.timestamp = timestamp
        issue.deposit.batchID = "kp-3-2-001"
        return issue
    }

    static func outcome(_ id: String, order: Int, title: String?, authors: [Author], references: [String] = [],
                        contributors: [ContributorEntry] = []) -> ArticleOutcome {
        var article = Article(id: id, source: "\(id).html")
        article.metadata.title = title
        article.metadata.authors = authors
        article.references = references.enumerated().map {
            Reference(id: "r\($0.offset)", inlines: [.text(TextRun($0.element))], location: SourceLocation(file: "\(id).html", line: 1))
        }
        var entry = ArticleEntry(id: id, source: "\(id).html", sourceURL: URL(fileURLWithPath: "/x/\(id).html"), status: .approved,
                                 declaredAt: SourceLocation(file: "Workflows/w.yml", line: 10 + order, column: 5))
        entry.order = order
        entry.contributors = contributors
        return ArticleOutcome(entry: entry, sourceDisplayPath: "\(id).html", article: article, diagnostics: [], artifacts: [], failed: false)
    }

    static let hostileArticles: [ArticleOutcome] = [
        outcome("hostile", order: 1, title: "<script>alert(1)</script> & ]]> \u{0}\u{1B}\u{FFFF} \"quoted\" \u{200F}RTL",
                authors: [Author(name: "Plato"), Author(name: "Kim 2nd Jong-un?"), Author(name: "\u{0}\u{7}"),
                          Author(name: "The <Group> & Co.", kind: .group), Author(name: String(repeating: "Verylongname", count: 12))],
                references: ["Cha, Victor. “Allied Decoupling in an Era of North Korean ICBMs.” Washington Quarterly 39, no. 4 (2016): 7–20. https://doi.org/10.1080/0163660X.2016.1261560.",
                             "Unstructured <note> & \u{1}stuff"]),
        outcome("long", order: 2, title: String(repeating: "A very long title of a policy article. ", count: 400), authors: []),
    ]

    func run(_ dir: URL, _ issue: IssueInfo, _ articles: [ArticleOutcome], environment: [String: String] = [:]) throws -> IssueContext {
        var context = IssueContext(issue: issue, workflowName: "w", articles: articles, outputDirectory: dir.appendingPathComponent("out"),
                                   workingDirectory: dir, workflowDisplayPath: "Workflows/w.yml")
        try EmitCrossrefStage(options: StageOptions(), environment: environment).run(&context)
        return context
    }

    @Test(.enabled(if: CrossrefSchema.available, "needs ../shared/crossref/5.3.1"))
    func hostileTextGivesASchemaValidDeposit() throws {
        let dir = TestPaths.temporaryDirectory("kei-crossref"); defer { try? FileManager.default.removeItem(at: dir) }
        let context = try run(dir, try Self.issue(), Self.hostileArticles)
        #expect(context.diagnostics.isEmpty, "\(context.diagnostics)")
        #expect(context.artifacts.map(\.relativePath) == ["crossref/w-deposit.xml", "crossref/deposits.txt", "crossref/dois.txt"])
        let file = dir.appendingPathComponent("out/crossref/w-deposit.xml")
        let lint = try CrossrefSchema.validate(file: file)
        #expect(lint.passed, "\(lint.messages)")
        let xml = try String(contentsOf: file, encoding: .utf8)
        let broken = try CrossrefSchema.validate(xml: xml.replacingOccurrences(of: "<doi>10.5555/kp.3.2.01</doi>", with: "<doi>not-a-doi</doi>"))
        #expect(!broken.passed && broken.messages.contains("not-a-doi"), "the validator does refuse a bad deposit")
        #expect(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt;") && !xml.contains("\u{1B}"))
        #expect(xml.contains("<surname>Plato</surname>"), "a name that cannot be split is the surname (a mononym)")
        #expect(xml.contains("<organization sequence=\"additional\" contributor_role=\"author\">The &lt;Group&gt; &amp; Co.</organization>"))
        #expect(xml.contains("<doi>10.1080/0163660X.2016.1261560</doi>") && xml.contains("<cYear>2016</cYear>"))
        #expect(xml.contains("<citation key=\"ref2\">") && xml.contains("Unstructured &lt;note&gt; &amp; stuff"))
        #expect(xml.contains("<item_number item_number_type=\"article_number\">e3202</item_number>"))
    }

    @Test func timestampsMustGrowWithEveryChangedDeposit() throws {
        let dir = TestPaths.temporaryDirectory("kei-crossref-ts"); defer { try? FileManager.default.removeItem(at: dir) }
        let ledger = dir.appendingPathComponent("out/crossref/deposits.txt")
        func lines() throws -> [String] { try String(contentsOf: ledger, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init) }
        let a = [Self.outcome("a", order: 1, title: "First", authors: [Author(name: "Laura J. Brennan")])]
        let b = [Self.outcome("a", order: 1, title: "First, corrected", authors: [Author(name: "Laura J. Brennan")])]
        #expect(try run(dir, try Self.issue(), a).diagnostics.isEmpty)
        let deposit = try Data(contentsOf: dir.appendingPathComponent("out/crossref/w-deposit.xml"))
        #expect(try lines() == ["20251215090000 kp-3-2-001 " + Digests.sha256Hex(deposit)])
        #expect(try run(dir, try Self.issue(), a).diagnostics.isEmpty, "an identical re-run is not a new deposit")
        #expect(try lines().count == 1)
        let changed = try run(dir, try Self.issue(), b)
        #expect(changed.diagnostics.map(\.rule) == ["emit.crossref.timestamp-not-increasing"])
        #expect(changed.diagnostics.first?.location.description == "Workflows/w.yml")
        #expect(try run(dir, try Self.issue(timestamp: "20251215085959"), b).diagnostics.map(\.rule) == ["emit.crossref.timestamp-not-increasing"])
        #expect(try lines().count == 1, "a refused deposit is not recorded")
        var next = try Self.issue(timestamp: "20251216000000")
        next.deposit.batchID = "kp-3-2-002"
        #expect(try run(dir, next, b).diagnostics.isEmpty)
        #expect(try lines().map { String($0.prefix(14)) } == ["20251215090000", "20251216000000"])
    }

    @Test func timestampComesFromTheWorkflowOrSourceDateEpochNeverTheClock() throws {
        let dir = TestPaths.temporaryDirectory("kei-crossref-epoch"); defer { try? FileManager.default.removeItem(at: dir) }
        let a = [Self.outcome("a", order: 1, title: "First", authors: [])]
        let none = try run(dir, try Self.issue(timestamp: nil), a)
        #expect(none.diagnostics.map(\.rule) == ["emit.crossref.no-timestamp"] && none.artifacts.isEmpty)
        #expect(none.diagnostics.first?.message.contains("deposit: timestamp:") == true)
        let epoch = try run(dir, try Self.issue(timestamp: nil), a, environment: ["SOURCE_DATE_EPOCH": "1765789200"])
        #expect(epoch.diagnostics.isEmpty)
        let xml = try String(contentsOf: dir.appendingPathComponent("out/crossref/w-deposit.xml"), encoding: .utf8)
        #expect(xml.contains("<timestamp>20251215090000</timestamp>"), "1765789200 s is 2025-12-15 09:00:00 UTC (date -u -d @1765789200)")
        #expect(DepositTimestamp.format(seconds: 0) == "19700101000000")
        #expect(DepositTimestamp.format(seconds: 951_782_400) == "20000229000000", "a leap day")
        #expect(try run(dir, try Self.issue(timestamp: nil), a, environment: ["SOURCE_DATE_EPOCH": "soon"]).diagnostics.map(\.rule) == ["emit.crossref.no-timestamp"])
        var derived = try Self.issue(timestamp: nil)
        derived.deposit.batchID = nil
        // In a fresh folder: in `dir` this deposit would differ from the recorded one at the same timestamp.
        let fresh = dir.appendingPathComponent("derived")
        #expect(try run(fresh, derived, a, environment: ["SOURCE_DATE_EPOCH": "1765789200"]).diagnostics.isEmpty)
        #expect(try String(contentsOf: fresh.appendingPathComponent("out/crossref/w-deposit.xml"), encoding: .utf8)
                    .contains("<doi_batch_id>w-20251215090000</doi_batch_id>"))
    }

    @Test func placeholderISSNFailsTheGateAfterWritingTheDeposit() throws {
        let dir = TestPaths.temporaryDirectory("kei-crossref-issn"); defer { try? FileManager.default.removeItem(at: dir) }
        let context = try run(dir, try Self.issue(issn: "0000-0000"), [Self.outcome("a", order: 1, title: "First", authors: [])])
        #expect(context.diagnostics.map(\.rule) == ["emit.crossref.placeholder-issn"])
        #expect(context.diagnostics.first?.location.file == "Workflows/journals/j.yml")
        #expect(context.artifacts.map(\.relativePath) == ["crossref/w-deposit.xml"], "written, but not recorded as a deposit")
    }

    @Test func identifiersTheSchemaWouldRefuseStopTheDeposit() throws {
        let dir = TestPaths.temporaryDirectory("kei-crossref-doi"); defer { try? FileManager.default.removeItem(at: dir) }
        var issue = try Self.issue()
        issue.journal.doiPattern = try PublishingPattern("10.55/kp.{order}")
        let context = try run(dir, issue, [Self.outcome("a", order: 1, title: nil, authors: [])])
        #expect(context.diagnostics.map(\.rule) == ["emit.crossref.untitled", "emit.crossref.invalid-doi"])
        #expect(context.diagnostics.first?.location.description == "Workflows/w.yml:11:5")
        #expect(context.artifacts.isEmpty)
        #expect(EmitCrossrefStage.isCrossrefDOI("10.5555/kp.3.2.01") && EmitCrossrefStage.isCrossrefDOI("10.1000/" + String(repeating: "한", count: 200)))
        #expect(!EmitCrossrefStage.isCrossrefDOI("10.5555/" + String(repeating: "x", count: 201)) && !EmitCrossrefStage.isCrossrefDOI("10.5555/a\nb"))
        #expect(!EmitCrossrefStage.isCrossrefDOI("doi:10.5555/x") && !EmitCrossrefStage.isCrossrefDOI("10.123/x"))
    }

    @Test func issnCheckDigits() {
        #expect(ISSN.isValid("0378-5955") && ISSN.isValid("2049-3630") && ISSN.isValid("03785955") && ISSN.isValid("1050-124X"))
        #expect(ISSN.isPlaceholder("0000-0000") && ISSN.isPlaceholder("0378-5954") && ISSN.isPlaceholder("TBD") && ISSN.isPlaceholder(""))
        #expect(!ISSN.isValid(" 0378-5955") && !ISSN.isValid("0378_5955") && !ISSN.isValid("٠٣٧٨-٥٩٥٥"))
        #expect(ISSN.hasSchemaForm("0000-0000") && !ISSN.hasSchemaForm("TBD"))
    }

    @Test func depositPathsStayInsideTheCrossrefFolder() {
        #expect(EmitCrossrefStage.depositPath(workflow: "issue-3-2") == "crossref/issue-3-2-deposit.xml")
        #expect(EmitCrossrefStage.depositPath(workflow: "../x/y z") == "crossref/..-x-y-z-deposit.xml")
    }

    static func withDOI(_ o: ArticleOutcome, _ doi: String) -> ArticleOutcome {
        var o = o
        o.entry.doi = doi
        return o
    }

    @Test func aRegisteredDOINeverChangesOwner() throws {
        let dir = TestPaths.temporaryDirectory("kei-crossref-owner"); defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out/crossref")
        func issue(_ t: String, _ batch: String) throws -> IssueInfo { var i = try Self.issue(timestamp: t); i.deposit.batchID = batch; return i }
        let first = [Self.outcome("a", order: 1, title: "A", authors: []), Self.outcome("b", order: 2, title: "B", authors: [])]
        #expect(try run(dir, issue("20251215090000", "kp-1"), first).diagnostics.isEmpty)
        let dois = try String(contentsOf: out.appendingPathComponent("dois.txt"), encoding: .utf8)
        #expect(dois.split(separator: "\n").filter { !$0.hasPrefix("#") } == ["a 10.5555/kp.3.2.01", "b 10.5555/kp.3.2.02"])
        let accepted = try Data(contentsOf: out.appendingPathComponent("w-deposit.xml"))

        // A new article first: it would take a's DOI (order 1), and a would take b's.
        let reordered = [Self.outcome("n", order: 1, title: "N", authors: []), Self.outcome("a", order: 2, title: "A", authors: []),
                         Self.outcome("b", order: 3, title: "B", authors: [])]
        let refused = try run(dir, issue("20251216000000", "kp-2"), reordered)
        #expect(refused.diagnostics.map(\.rule) == ["emit.crossref.doi-reassigned", "emit.crossref.doi-reassigned"])
        let message = try #require(refused.diagnostics.first?.message)
        #expect(message.contains("'n'") && message.contains("'a'") && message.contains("10.5555/kp.3.2.01") && message.contains("`doi:`"))
        #expect(refused.diagnostics.first?.location.description == "Workflows/w.yml:11:5", "at the article that would take the DOI")
        #expect(refused.artifacts.map(\.relativePath) == ["crossref/w-deposit.rejected.xml"])
        #expect(try Data(contentsOf: out.appendingPathComponent("w-deposit.xml")) == accepted, "the last accepted deposit is kept")
        #expect(try String(contentsOf: out.appendingPathComponent("deposits.txt"), encoding: .utf8).split(separator: "\n").count == 2,
                "header and the first deposit: the refused one is not recorded")

        // Giving the new article its own DOI and restoring the others' is accepted, and clears the rejected file.
        let fixed = [Self.withDOI(reordered[0], "10.5555/kp.3.2.new"), Self.withDOI(reordered[1], "10.5555/kp.3.2.01"),
                     Self.withDOI(reordered[2], "10.5555/kp.3.2.02")]
        #expect(try run(dir, issue("20251216000000", "kp-2"), fixed).diagnostics.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("w-deposit.rejected.xml").path))
        #expect(try String(contentsOf: out.appendingPathComponent("dois.txt"), encoding: .utf8).hasSuffix("n 10.5555/kp.3.2.new\n"))
        #expect(DOIRegistry(text: "# c\nx 10.1/a b\nbad\n").owner(of: "10.1/a b") == "x", "a DOI may hold a space: it runs to the end of the line")
    }

    @Test func aRefusedDepositDoesNotReplaceTheAcceptedOne() throws {
        let dir = TestPaths.temporaryDirectory("kei-crossref-rejected"); defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out/crossref")
        let a = [Self.outcome("a", order: 1, title: "First", authors: [])]
        let b = [Self.outcome("a", order: 1, title: "First, corrected", authors: [])]
        #expect(try run(dir, try Self.issue(), a).diagnostics.isEmpty)
        let accepted = try Data(contentsOf: out.appendingPathComponent("w-deposit.xml"))
        let stale = try run(dir, try Self.issue(), b)
        #expect(stale.diagnostics.map(\.rule) == ["emit.crossref.timestamp-not-increasing"])
        #expect(stale.artifacts.map(\.relativePath) == ["crossref/w-deposit.rejected.xml"])
        #expect(try Data(contentsOf: out.appendingPathComponent("w-deposit.xml")) == accepted)
        #expect(try String(contentsOf: out.appendingPathComponent("w-deposit.rejected.xml"), encoding: .utf8).contains("First, corrected"))
        let reused = try run(dir, try Self.issue(timestamp: "20251216000000"), b)
        #expect(reused.diagnostics.map(\.rule) == ["emit.crossref.batch-id-reused"], "a changed deposit needs a new batch id")
        #expect(reused.diagnostics.first?.message.contains("kp-3-2-001") == true)
        let placeholder = try run(dir, try Self.issue(timestamp: "20251216000000", issn: "0000-0000"), a)
        #expect(placeholder.diagnostics.map(\.rule) == ["emit.crossref.placeholder-issn", "emit.crossref.batch-id-reused"])
        #expect(try Data(contentsOf: out.appendingPathComponent("w-deposit.xml")) == accepted, "after an accepted deposit, a draft goes aside")
        #expect(try run(dir, try Self.issue(), a).diagnostics.isEmpty, "the accepted deposit again: nothing new")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("w-deposit.rejected.xml").path), "a stale rejected file is removed")
        #expect(EmitCrossrefStage.rejectedPath(depositPath: "crossref/w-deposit.xml") == "crossref/w-deposit.rejected.xml")
    }
}
