import Foundation
import Testing
import KeiCore
import KeiTestSupport
@testable import KeiStages

/// Arbitrary (seeded, reproducible) article models must always give well-formed, DTD-valid JATS.
@Suite struct JATSRobustnessTests {
    static let seeds: [UInt64] = Array(1...60)

    @Test func randomArticlesPassTheStructuralValidatorAndAreDeterministic() {
        var all = ""
        for seed in Self.seeds {
            var generator = JATSRandomArticles(seed: seed)
            let article = generator.article()
            let issue = generator.issue()
            let xml = JATSWriter.write(article, issue: issue)
            #expect(JATSStructureValidator.validate(xml).isEmpty, "seed \(seed): \(JATSStructureValidator.validate(xml))")
            #expect(xml == JATSWriter.write(article, issue: issue), "seed \(seed) not deterministic")
            all += xml
        }
        // The generator really exercises the writer.
        for needle in ["<table-wrap", "<tfoot>", "<table-wrap-foot>", "<fig ", "<disp-quote>", "<attrib>", "<xref ref-type=\"fn\"",
                       "<ext-link", "<break/>", "&#xA;", "<preformat>", "<p><list", "<string-name>", "<sec id="] {
            #expect(all.contains(needle), "no \(needle) in any random article")
        }
    }

    @Test(.enabled(if: JATSXMLLint.dtdsAvailable, "needs ../shared/jats"))
    func randomArticlesAreValidAgainstTheDTD() throws {
        for seed in Self.seeds {
            var generator = JATSRandomArticles(seed: seed)
            let article = generator.article()
            let xml = JATSWriter.write(article, issue: generator.issue())
            let result = try JATSXMLLint.validate(xml: xml, name: "seed-\(seed).xml")
            #expect(result.passed, "seed \(seed): exit \(result.status): \(result.stderr.prefix(1500))")
        }
    }
}
