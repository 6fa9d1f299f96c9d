import Foundation
import Testing
import KeiTestSupport
@testable import KeiCitations

/// Field-level accuracy of `cite parse` on the held-out dev set (`../shared/testdata/citations/
/// anystyle-dev.json`, 132 real references with AnyStyle's gold labels), scored on the CSL-JSON output
/// as ``ReferenceScoring`` defines it: gold labels mapped to CSL keys (journal → container-title,
/// location → publisher-place, date → issued year, pages → page, volume → volume and issue…), both
/// sides normalised (case, white space, dashes, outer punctuation and brackets, "pp."/"vol."/"no."
/// prefixes; names as sets of words without "and", "et al.", "eds."), labels without a CSL key
/// (citation-number…) not scored.
///
/// The issue's target is micro F1 ≥ 0.92. The parser reaches 0.890 here (5-fold cross-validation on
/// the training data: 0.930), so the test asserts a floor just below what it reaches, to catch
/// regressions; see README "Citations". No rule of the parser names a dev string.
@Suite struct DevSetAccuracyTests {
    static var devURL: URL { TestPaths.shared.appendingPathComponent("testdata/citations/anystyle-dev.json") }
    static let floor = 0.880

    @Test(.enabled(if: TestPaths.sharedExists, "needs ../shared")) func microF1OnTheDevSet() throws {
        let dev = try DevReference.load(Self.devURL)
        #expect(dev.count == 132)
        var table = ReferenceScoring.Table()
        for d in dev {
            ReferenceScoring.score(gold: d.fields, item: ReferenceParser.shared.parse(d.reference).item, into: &table)
        }
        print("cite parse on anystyle-dev.json:\n" + table.render())
        let micro = table.micro
        #expect(micro.f1 >= Self.floor, "micro F1 \(micro.f1) fell below \(Self.floor)")
        // The core fields carry the score; none of them may collapse.
        for key in ["author", "title", "issued", "page", "container-title"] {
            #expect((table.fields[key]?.f1 ?? 0) >= 0.75, "\(key): \(table.fields[key]?.f1 ?? 0)")
        }
    }

    @Test(.enabled(if: TestPaths.sharedExists, "needs ../shared")) func devStringsAreLeftOutOfTraining() throws {
        let dev = try DevReference.load(Self.devURL)
        let training = TestPaths.root.appendingPathComponent("Sources/KeiCitations/Training")
        let corpus = try TrainingCorpus.load(directory: training, excludingTexts: Set(dev.map(\.reference)))
        let devTexts = Set(dev.map { ReferenceTokenizer.collapsingWhitespace($0.reference) })
        #expect(corpus.excluded > 0)
        #expect(!corpus.references.contains { devTexts.contains($0.text) })
        #expect(corpus.files.map(\.name).contains("kei-chicago-notes.xml"))
    }

    @Test func scoringNormalisesBothSides() {
        var item = CSLItem(type: .journalArticle)
        item.author = [CSLName(family: "Schaal", given: "S."), CSLName(family: "Atkeson", given: "C.")]
        item.title = "Robot juggling"
        item.volume = "14"
        item.issue = "2"
        item.page = "57–71"
        item.issued = CSLDate(year: 1994)
        item.containerTitle = "Control Systems"
        var table = ReferenceScoring.Table()
        ReferenceScoring.score(gold: ["author": ["Schaal, S., & Atkeson, C."], "title": ["Robot juggling."],
                                      "volume": ["14(2),"], "pages": ["pp. 57-71."], "date": ["(1994)."],
                                      "journal": ["Control Systems,"], "citation-number": ["[3]"]], item: item, into: &table)
        #expect(table.micro.truePositives == 6 && table.micro.falsePositives == 0 && table.micro.falseNegatives == 0)
        // A wrong value is one false positive and one false negative; a missing one a false negative.
        item.page = "57"
        item.title = nil
        var second = ReferenceScoring.Table()
        ReferenceScoring.score(gold: ["title": ["Robot juggling."], "pages": ["57-71"]], item: item, into: &second)
        #expect(second.fields["page"]?.falsePositives == 1 && second.fields["page"]?.falseNegatives == 1)
        #expect(second.fields["title"]?.falseNegatives == 1)
    }
}
