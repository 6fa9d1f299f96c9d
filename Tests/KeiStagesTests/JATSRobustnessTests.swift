import Foundation
import Testing
import KeiCore
import KeiDocument
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

    @Test(.enabled(if: XMLLint.dtdsAvailable, "needs ../shared/jats"))
    func randomArticlesAreValidAgainstTheDTD() throws {
        for seed in Self.seeds {
            var generator = JATSRandomArticles(seed: seed)
            let article = generator.article()
            let xml = JATSWriter.write(article, issue: generator.issue())
            let result = try XMLLint.validate(xml: xml, name: "seed-\(seed).xml")
            #expect(result.passed, "seed \(seed): exit \(result.status): \(result.stderr.prefix(1500))")
        }
    }
}

extension JATSRobustnessTests {
    /// Nesting as deep as the HTML parser allows (512 levels) must not exhaust the stack and must stay valid.
    @Test func deeplyNestedContentIsWritten() throws {
        let loc = SourceLocation(file: "deep.html", line: 1)
        var block = Block.paragraph(Paragraph(inlines: [.text("bottom")], location: loc))
        var inline = Inline.text("core")
        for i in 0..<600 {
            block = i % 2 == 0
                ? .list(ListBlock(ordered: false, items: [ListItem(blocks: [block], location: loc)], location: loc))
                : .blockQuote(BlockQuote(blocks: [block], location: loc))
            inline = i % 2 == 0 ? .emphasis([inline]) : .link(url: "https://example.org/\(i)", children: [inline])
        }
        var section = Section(id: "s", title: [.text("Deep")], level: 2,
                              blocks: [block, .paragraph(Paragraph(inlines: [inline], location: loc))], location: loc)
        for i in 0..<100 {
            section = Section(id: "s\(i)", title: [.text(TextRun("Level \(i)"))], level: 2, blocks: [], subsections: [section], location: loc)
        }
        let article = Article(id: "deep", source: "deep.html", metadata: ArticleMetadata(title: "Deep"), sections: [section])
        let xml = JATSWriter.write(article, issue: JATSFixtures.issue)
        #expect(xml.contains("bottom") && xml.contains("core") && xml.contains("Level 0") && xml.contains("Level 99"))
        #expect(xml.contains("xlink:href=\"https://example.org/599\"") && xml.contains("(https://example.org/1)"), "nested links keep their URL")
        #expect(JATSStructureValidator.validate(xml).isEmpty)
        if XMLLint.dtdsAvailable {
            let result = try XMLLint.validate(xml: xml)
            #expect(result.passed, "exit \(result.status): \(result.stderr.prefix(800))")
        }
    }
}
