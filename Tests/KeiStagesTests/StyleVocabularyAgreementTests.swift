import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport

/// The vocabulary of the shipped style agrees with its own term rules: every person's full name and
/// every acronym expansion, written in running text, passes every substitution, existence and
/// capitalization rule of the journal's style (Workflows/styles/korea-policy.yml over kei.yml). A
/// full-name fix ("Write “Sergei Lavrov”") or an expansion a spelling rule rewrites would otherwise
/// have the first-use rules prescribe what the term rules forbid.
@Suite struct StyleVocabularyAgreementTests {
    static func journalSheet() throws -> StyleSheet {
        try StyleLoader().load([TestPaths.workflows.appendingPathComponent("styles/korea-policy.yml")])
    }

    @Test func everyFullNameAndExpansionPassesTheTermRules() throws {
        let sheet = try Self.journalSheet()
        let kinds: Set<StyleRuleKind> = [.substitution, .existence, .capitalization]
        let termRules = Set(sheet.rules.filter { kinds.contains($0.kind) && $0.enabled }.map(\.id))
        #expect(termRules.count >= 40)
        let phrases = sheet.vocabulary.people.map(\.fullName) + sheet.vocabulary.acronyms.flatMap(\.expansions)
        #expect(phrases.contains("Sergey Lavrov"))
        // One paragraph per phrase, in neutral words; a finding's line tells which phrase it is.
        let body = phrases.map { "<p>The report named \($0) at length.</p>" }.joined(separator: "\n")
        let journal = try String(contentsOf: TestPaths.workflows.appendingPathComponent("styles/korea-policy.yml"), encoding: .utf8)
        let ds = try StylePageRun.run(StylePageRun.page(body), style: journal,
                                      styleFiles: ["kei.yml": try StylePageRun.shippedStyle()])
            .filter { termRules.contains($0.rule) }
        #expect(ds.isEmpty, "\(ds.map { "\($0.rule): \($0.excerpt ?? "-") — \($0.message)" })")
        // The check can fail: a name the style rewrites is found.
        let wrong = try StylePageRun.run(StylePageRun.page("<p>The report named Sergei Lavrov at length.</p>"))
            .filter { termRules.contains($0.rule) }
        #expect(wrong.map(\.rule) == ["style.name-sergey-lavrov"])
    }
}
