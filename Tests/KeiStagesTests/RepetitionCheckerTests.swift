import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport

/// The repetition kind (`style.repeated-word`, formerly the stage text.repeated-word) on hand-built models
/// (so every character's source is known), with its allow and unsafe lists from data, and through the runner.
@Suite struct RepetitionCheckerTests {
    static let loc = SourceLocation(file: "a.html", line: 4)

    static func article(_ inlines: [Inline], scope: TextScope = .paragraph) -> Article {
        let p = Block.paragraph(Paragraph(inlines: inlines, location: loc))
        switch scope {
        case .note:
            return Article(id: "a", source: "a.html", notes: [Note(id: "fn1", label: "1", blocks: [p], location: loc)])
        case .quotation:
            return Article(id: "a", source: "a.html", sections: [Section(id: "s1", title: [], level: 0,
                           blocks: [.blockQuote(BlockQuote(blocks: [p], location: loc))], location: loc)])
        default:
            return Article(id: "a", source: "a.html", sections: [Section(id: "s1", title: [], level: 0, blocks: [p], location: loc)])
        }
    }

    static func context(_ article: Article) -> ArticleContext {
        let dir = URL(fileURLWithPath: "/tmp")
        var ctx = ArticleContext(entry: ArticleEntry(id: "a", source: "a.html", sourceURL: nil, status: .received),
                                 issue: IssueInfo(), sourceDisplayPath: "a.html", outputDirectory: dir, workingDirectory: dir,
                                 article: article)
        ctx.currentAnalysis()
        return ctx
    }

    static let rule = "style.repeated-word"

    static func check(_ article: Article) throws -> [Diagnostic] {
        try KEIStyle.stage([rule]).check(article, context: context(article))
    }

    static func check(_ text: String, scope: TextScope = .paragraph) throws -> [Diagnostic] {
        try check(article([.text(TextRun(text))], scope: scope))
    }

    /// A run whose text is its source one for one, starting at source offset `at`.
    static func sourced(_ s: String, at: Int) -> TextRun {
        TextRun(s, source: SourceSpan(start: at, end: at + s.utf8.count), verbatim: true)
    }

    /// A run from pieces that follow each other in the source from offset `start`: each piece's text, how
    /// many source bytes it came from (for a verbatim piece, its own length) and whether it is verbatim.
    static func run(start: Int = 10, _ pieces: (String, Int, Bool)...) -> TextRun {
        var at = start
        var out = TextRun.empty
        for (text, length, verbatim) in pieces {
            let n = verbatim ? text.utf8.count : length
            out.append(TextRun(text, source: SourceSpan(start: at, end: at + n), verbatim: verbatim))
            at += n
        }
        return out
    }

    @Test func reportsBothWordsWithASafeEditDeletingTheSecond() throws {
        // "Through the the crisis." at source offset 100: "the the" is bytes 8..<15.
        let ds = try Self.check(Self.article([.text(Self.sourced("Through the the crisis.", at: 100))]))
        let d = try #require(ds.first)
        #expect(ds.count == 1)
        #expect(d.rule == Self.rule && d.severity == .warning)
        #expect(d.span == SourceSpan(start: 108, end: 115))
        #expect(d.edits == [TextEdit(span: SourceSpan(start: 111, end: 115), replacement: "", isSafe: true)])
        #expect(d.message.contains("“the”") && d.message.contains("delete the second"))
        #expect(d.location == Self.loc && d.message.contains("(“the the”)"))
    }

    @Test(arguments: ["the the", "of of", "The the", "THE the", "서울 서울", "U.S. U.S.", "state-owned state-owned"])
    func reportsRepeatedWords(_ pair: String) throws {
        let ds = try Self.check("It was \(pair) matter.")
        #expect(ds.count == 1, "\(pair)")
        #expect(ds.first?.message.contains("(“\(pair)”)") == true)
    }

    @Test(arguments: [
        "The ministry had had the report.", "He said that that was enough.", "That that was enough.",
        "The votes were 10 10 in committee.", "It ended with that. That was all.", "It is that, that we hold.",
        "The\u{2029}the end", "the\u{2028}the end", "the\r\nthe end", "thethe the-the", "a the, the b", "the—the",
    ])
    func doesNotReport(_ text: String) throws {
        #expect(try Self.check(text).isEmpty, "\(text)")
    }

    @Test func notAcrossLineBreaksOrMarkers() throws {
        #expect(try Self.check(Self.article([.text("and"), .lineBreak, .text("and more")])).isEmpty)
        #expect(try Self.check(Self.article([.text("on the"), .noteRef(NoteRef(label: "1", noteID: "fn1")), .text(" the evidence")])).isEmpty)
    }

    @Test func notInQuotationsCitedTitlesURLsOrCode() throws {
        #expect(try Self.check(Self.article([.text("He said "), .quotation([.text("the the")]), .text(".")])).isEmpty)
        #expect(try Self.check("He said “the the end” and left.").isEmpty)
        #expect(try Self.check("He said 'of of' and left.").isEmpty)
        #expect(try Self.check("Words the the words", scope: .quotation).isEmpty, "a block quotation")
        #expect(try Self.check(Self.article([.text("See "), .citedTitle([.text("Of Of Mice")])])).isEmpty)
        #expect(try Self.check(Self.article([.text("Cha, "), .emphasis([.text("Of Of Mice")]), .text(", 2016.")], scope: .note)).isEmpty,
                "italic in a note is a title")
        #expect(try Self.check(Self.article([.text("Run "), .code("go go"), .text(" now.")])).isEmpty)
        #expect(try Self.check("See https://kei.org/the the report.").isEmpty, "a URL then a word is no repetition of the URL")
        #expect(try Self.check("See www.the.org the.org here.").isEmpty)
    }

    @Test func aRepetitionHalfInsideAQuotationIsNotReported() throws {
        #expect(try Self.check(Self.article([.text("It was the "), .quotation([.text("the best")]), .text(".")])).isEmpty)
    }

    @Test func theEditIsSafeOnlyOverOneStretchOfSource() throws {
        // "the&nbsp;the": the no-break space stands for a six-byte entity; the words are verbatim.
        let nbsp = Self.run(("the", 10, true), ("\u{A0}", 6, false), ("the", 3, true))
        let d = try #require(try Self.check(Self.article([.text("In "), .text(nbsp), .text(" end")])).first)
        #expect(d.span == SourceSpan(start: 10, end: 22))
        #expect(d.edits == [TextEdit(span: SourceSpan(start: 13, end: 22), replacement: "", isSafe: true)])
        // "the\n    the": a line end and indentation collapsed to one space.
        let wrapped = Self.run(("the", 10, true), (" ", 5, false), ("the", 3, true))
        let w = try #require(try Self.check(Self.article([.text("In "), .text(wrapped), .text(" end")])).first)
        #expect(w.span == SourceSpan(start: 10, end: 21))
        #expect(w.edits == [TextEdit(span: SourceSpan(start: 13, end: 21), replacement: "", isSafe: true)])
        // A word that is itself partly an entity replacement ("&#116;he the") is not verbatim: unsafe.
        let entity = Self.run(("t", 10, false), ("he the", 6, true))
        #expect(try Self.check(Self.article([.text(entity)])).first?.edits.map(\.isSafe) == [false])
        // A space the pipeline added (no source) between the words: unsafe.
        let added = Self.sourced("the", at: 10) + TextRun(" ") + Self.sourced("the", at: 30)
        #expect(try Self.check(Self.article([.text(added)])).first?.edits.map(\.isSafe) == [false])
        // Across a tag: "<em>the</em> the".
        let em = try #require(try Self.check(Self.article([.emphasis([.text(Self.sourced("the", at: 4))]), .text(Self.sourced(" the end", at: 12))])).first)
        #expect(em.span == SourceSpan(start: 4, end: 16))
        #expect(em.edits.map(\.isSafe) == [false])
        // No source at all (a title from metadata): reported, no span, no edit.
        var titled = Article(id: "a", source: "a.html")
        titled.metadata.title = "The the Title"
        let t = try #require(try Self.check(titled).first)
        #expect(t.span == nil && t.edits.isEmpty)
    }

    @Test func readsOnlyTheSharedAnalysis() throws {
        let stage = try KEIStyle.stage([Self.rule])
        let repeated = Self.article([.text("the the")])
        let clean = Self.article([.text("the end")])
        // The analysis in the context is what is checked, not the model handed in.
        #expect(stage.check(clean, context: Self.context(repeated)).count == 1)
        #expect(stage.check(repeated, context: Self.context(clean)).isEmpty)
        let dir = URL(fileURLWithPath: "/tmp")
        let bare = ArticleContext(entry: ArticleEntry(id: "a", source: "a.html", sourceURL: nil, status: .received), issue: IssueInfo(),
                                  sourceDisplayPath: "a.html", outputDirectory: dir, workingDirectory: dir, article: repeated)
        #expect(stage.check(repeated, context: bare).isEmpty, "no analysis, nothing read")
    }

    @Test func runsThroughTheRunnerOnAPage() throws {
        let html = """
        <html><head><title>T</title></head><body><article><h1>T</h1>
        <p>The alliance held firm through the the crisis, and the the allies knew it well enough.</p>
        <ul><li>Trade and<br>and security</li></ul>
        </article></body></html>
        """
        let outcome = try RunnerHarness.run(html: html, stages: [LintStyleStage.self], options: KEIStyle.only([Self.rule]),
                                            style: KEIStyle.sheet)
        let ds = outcome.diagnostics.filter { $0.rule == Self.rule }
        #expect(ds.count == 2)
        #expect(ds.allSatisfy { $0.location.file == "example.html" && $0.location.line == 2 && $0.stage == "lint.style" })
        #expect(ds.allSatisfy { $0.excerpt == "the the" })
    }

    /// The lists come from the rule's data: a sheet whose rule allows "the" and marks "of" unsafe.
    @Test func allowAndUnsafeListsComeFromTheRule() throws {
        var rule = try #require(KEIStyle.sheet.rule(id: Self.rule))
        rule.parameters["allow"] = .list(["the"])
        rule.parameters["unsafe"] = .list(["of"])
        var options = StageOptions(defaultsOf: LintStyleStage.description, overrides: ["rules": .stringList([Self.rule])])
        options.style = StyleSheet(rules: [rule])
        let stage = try LintStyleStage(options: options)
        let a = Self.article([.text(Self.sourced("It had had the the history of of the alliance.", at: 0))])
        let ds = stage.check(a, context: Self.context(a))
        #expect(ds.map(\.message) == [rule.render(["word": "had", "match": "had had"]), rule.render(["word": "of", "match": "of of"])])
        #expect(ds.map { $0.edits.map(\.isSafe) } == [[true], [false]], "had is no longer allowed; of is fixed only by hand")
        // A rule whose fix is none reports without an edit.
        rule.fix = .none
        options.style = StyleSheet(rules: [rule])
        #expect(try LintStyleStage(options: options).check(a, context: Self.context(a)).allSatisfy(\.edits.isEmpty))
    }

    /// Suppressions name the new rule; one naming the retired stage is told where it went.
    @Test func suppressionsNameTheRuleAndTheOldIdPointsToIt() throws {
        let html = """
        <html><head><title>T</title></head><body><article><h1>T</h1>
        <!-- kei-disable-next style.repeated-word -->
        <p>The alliance held firm through the the crisis, and the allies knew it well enough.</p>
        <!-- kei-disable-next text.repeated-word -->
        <p>The allies knew it well enough, and the the alliance held firm through the crisis.</p>
        <p data-kei-ignore="style.repeated-word">Nothing of of this paragraph is reported by the rule at all.</p>
        </article></body></html>
        """
        let outcome = try RunnerHarness.run(html: html, stages: [LintStyleStage.self], options: KEIStyle.only([Self.rule]),
                                            style: KEIStyle.sheet)
        #expect(outcome.diagnostics.filter { $0.rule == Self.rule }.map(\.location.line) == [5], "only the paragraph under the old id")
        let unknown = outcome.diagnostics.filter { $0.rule == "pipeline.suppression-unknown-rule" }
        #expect(unknown.count == 1 && unknown.first?.message.contains("moved into lint.style as the rule style.repeated-word") == true,
                "\(unknown.map(\.message))")
    }
}
