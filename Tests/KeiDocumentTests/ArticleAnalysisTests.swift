import Testing
@testable import KeiDocument

/// The shared analysis: units in reading order, the projected text with its sources, and scopes.
@Suite struct ArticleAnalysisTests {
    static let loc = SourceLocation(file: "a.html", line: 3)

    static func unit(_ inlines: [Inline], scope: TextScope = .paragraph, quoted: Bool = false) -> TextUnit {
        TextUnit(scope: scope, location: loc, inlines: inlines, inBlockQuotation: quoted)
    }

    static func unit(_ text: String) -> TextUnit { unit([.text(TextRun(text))]) }

    /// The texts of the unit's scopes of `kind`, in order.
    static func scoped(_ u: TextUnit, _ kind: ScopeKind) -> [String] {
        u.scopes.filter { $0.kind == kind }.map { u.string(of: $0.range) }
    }

    /// A run whose text is its source one for one, starting at source offset `at`.
    static func sourced(_ s: String, at: Int) -> TextRun {
        TextRun(s, source: SourceSpan(start: at, end: at + s.utf8.count), verbatim: true)
    }

    // MARK: Projection

    @Test func projectsMarkersLineBreaksAndQuotationMarksWithTheirSources() {
        let u = Self.unit([
            .text(Self.sourced("Allies", at: 100)),
            .noteRef(NoteRef(label: "12", noteID: "fn12", span: SourceSpan(start: 130, end: 132))),
            .text(Self.sourced(" said", at: 140)), .lineBreak,
            .quotation([.text(Self.sourced("no", at: 160))]),
        ])
        #expect(u.text.string == "Allies\u{FFFC} said\n\u{201C}no\u{201D}")
        #expect(u.span(of: 0..<6) == SourceSpan(start: 100, end: 106))
        #expect(u.span(of: 6..<9) == SourceSpan(start: 130, end: 132), "the marker is one character standing for its label")
        #expect(u.span(of: 9..<14) == SourceSpan(start: 140, end: 145))
        #expect(u.span(of: 14..<15) == nil, "a line break has no source")
        #expect(u.span(of: 15..<18) == nil, "the “ around <q> has no source")
        #expect(u.span(of: 18..<20) == SourceSpan(start: 160, end: 162))
        #expect(u.scopes(at: 6) == [.noteMarker])
        #expect(Self.scoped(u, .quotation) == ["\u{201C}no\u{201D}"])
        #expect(u.isVerbatim(0..<6) && !u.isVerbatim(0..<7) && !u.isVerbatim(6..<9))
    }

    @Test func aMarkerAfterAWordIsItsOwnToken() {
        let u = Self.unit([.text("word"), .noteRef(NoteRef(label: "1", noteID: "fn1")), .text(" and next")])
        let tokens = u.tokens.map { "\($0.kind):\(u.string(of: $0.range))" }
        #expect(tokens == ["word:word", "marker:\u{FFFC}", "word:and", "word:next"], "never “word1”")
        #expect(!tokens.contains { $0.contains("word1") })
    }

    @Test func sentencesAndTokensComeFromTheSplitterAndTokenizer() {
        let u = Self.unit("The talks ended. Both sides left Seoul.")
        #expect(u.sentences.map { u.string(of: $0) } == ["The talks ended.", "Both sides left Seoul."])
        #expect(u.tokens.count == WordTokenizer.tokens(in: u.text.string).count)
        #expect(u.sentenceIndex(containing: 4..<9) == 0 && u.sentenceIndex(containing: 17..<21) == 1)
        #expect(u.sentenceIndex(containing: 10..<21) == nil, "a range across a sentence end")
    }

    // MARK: Scopes from markup

    @Test func citeCodeLinksAndURLs() {
        let u = Self.unit([
            .text("See "), .citedTitle([.text("The Long Peace")]), .text(", run "), .code("make test"),
            .text(", read "), .link(url: "https://kei.org/report", children: [.text("the report")]),
            .text(" at "), .link(url: "https://kei.org/a", children: [.text("kei.org/a")]),
            .text(" or https://example.com/x."),
        ])
        #expect(Self.scoped(u, .citedTitle) == ["The Long Peace"])
        #expect(Self.scoped(u, .code) == ["make test"])
        #expect(Self.scoped(u, .link) == ["the report", "kei.org/a"])
        #expect(Self.scoped(u, .url) == ["kei.org/a", "https://example.com/x"], "link text that is a URL, and a bare URL without the period")
        let report = u.scopes.first { $0.kind == .link }!.range
        #expect(u.isRunningText(report), "link text is running text")
        #expect(!u.isRunningText(u.scopes.first { $0.kind == .code }!.range))
    }

    @Test func italicIsACitedTitleOnlyInNotesAndReferences() {
        let inlines: [Inline] = [.text("Cha, "), .emphasis([.text("Powerplay")]), .text(", 2016.")]
        #expect(Self.scoped(Self.unit(inlines, scope: .note), .citedTitle) == ["Powerplay"])
        #expect(Self.scoped(Self.unit(inlines, scope: .reference), .citedTitle) == ["Powerplay"])
        #expect(Self.scoped(Self.unit(inlines, scope: .paragraph), .citedTitle).isEmpty, "emphasis in running text")
    }

    @Test func aBlockQuotationIsQuotedAsAWholeButNotItsAttribution() {
        let p = Paragraph(inlines: [.text("We will not waver.")], location: Self.loc)
        let quote = BlockQuote(blocks: [.paragraph(p)], attribution: [.text("President Lee")], location: Self.loc)
        let section = Section(id: "s1", title: [], level: 2, blocks: [.blockQuote(quote)], location: Self.loc)
        let units = ArticleAnalysis(Article(id: "a", source: "a.html", sections: [section])).units
        #expect(units.map(\.text.string) == ["We will not waver.", "President Lee"])
        #expect(Self.scoped(units[0], .quotation) == ["We will not waver."])
        #expect(!units[0].isRunningText(0..<2))
        #expect(units[1].isAttribution && units[1].scopes.isEmpty && units[1].isRunningText(0..<9))
    }

    // MARK: Quotation marks (CMOS 17th ed. 6.9, 13.28–13.30) and apostrophes

    struct QuoteCase: Sendable, CustomTestStringConvertible {
        let text: String
        let quotations: [String]
        init(_ text: String, _ quotations: [String]) { self.text = text; self.quotations = quotations }
        var testDescription: String { text.debugDescription }
    }

    static let quoteCases: [QuoteCase] = [
        QuoteCase("He said “yes” today.", ["“yes”"]),
        QuoteCase("He said \"yes\" today.", ["\"yes\""]),
        QuoteCase("“He called it ‘the plan’ twice,” she said.", ["“He called it ‘the plan’ twice,”", "‘the plan’"]),
        QuoteCase("\"He called it 'the plan' twice,\" she said.", ["\"He called it 'the plan' twice,\"", "'the plan'"]),
        QuoteCase("She said, “It was ‘final.’”", ["“It was ‘final.’”", "‘final.’"]),
        QuoteCase("Korea’s allies and the states’ rights in the ’90s and '90s don't change.", []),
        QuoteCase("Korea's allies, the 1990s' legacy and rock ’n’ roll.", []),
        QuoteCase("He wrote “the allies’ burden” last year.", ["“the allies’ burden”"]),
        QuoteCase("They cited ‘the states’ rights’ often.", ["‘the states’ rights’"]),
        QuoteCase("“The first paragraph of a quotation that goes on", ["“The first paragraph of a quotation that goes on"]),
        QuoteCase("(“Allies,” he said) and «ami» and „so“ here.", ["“Allies,”", "«ami»", "„so“"]),
        QuoteCase("A mistyped “close“ mark.", ["“close“"]),
        QuoteCase("A 6' wall and 5\" gap.", []),
        QuoteCase("‘90s music and ‘1984’ as a title.", ["‘1984’"]),
    ]

    @Test(arguments: quoteCases)
    func quotationMarks(_ c: QuoteCase) {
        let u = Self.unit(c.text)
        #expect(Self.scoped(u, .quotation) == c.quotations)
    }

    @Test func marksInCodeAndURLsAndAroundQAreNotQuotationMarks() {
        let u = Self.unit([.text("Set "), .code("x = \"a\""), .text(" and see https://x.org/?q=\"b\" now.")])
        #expect(Self.scoped(u, .quotation).isEmpty)
        let q = Self.unit([.text("It was "), .quotation([.text("a 'plan' indeed")]), .text(".")])
        #expect(Self.scoped(q, .quotation) == ["“a 'plan' indeed”", "'plan'"], "<q> once, and the quotation inside it")
    }

    @Test func quotationScannerIsLinearAndBalancedOnLongText() {
        let piece = "He said “it’s ‘the states’ call’” and 'no' — the allies’ view. "
        let text = String(repeating: piece, count: 2_000)
        let found = QuotationScanner.quotations(in: text, ignoring: [])
        #expect(found.count == 6_000)
        #expect(found.allSatisfy { $0.upperBound <= text.utf8.count })
    }

    // MARK: Units

    @Test func unitsFollowTheWalkersReadingOrderAndScopes() {
        struct Collector: ArticleVisitor {
            var runs: [TextScope] = []
            mutating func visitInlines(_ inlines: [Inline], context: WalkContext) { runs.append(context.scope) }
        }
        let l = Self.loc
        func para(_ s: String) -> Block { .paragraph(Paragraph(inlines: [.text(TextRun(s))], location: l)) }
        let list = Block.list(ListBlock(ordered: false, items: [ListItem(blocks: [para("item")], location: l)], location: l))
        let table = Block.table(Table(id: "t1", caption: [.text("Caption")],
                                      body: [TableRow(cells: [TableCell(inlines: [.text("a")]), TableCell(inlines: [.text("b")])], location: l)],
                                      location: l))
        let quote = Block.blockQuote(BlockQuote(blocks: [para("quoted"), table], attribution: [.text("Someone")], location: l))
        let figure = Block.figure(Figure(id: "f1", caption: [.text("Figure caption")], location: l))
        let pre = Block.preformatted(Preformatted(text: "code", location: l))
        var article = Article(id: "a", source: "a.html",
                              sections: [Section(id: "s1", title: [.text("Heading")], level: 2, blocks: [para("body"), list, quote, figure, pre],
                                                 subsections: [Section(id: "s1.1", title: [.text("Sub")], level: 3, blocks: [para("sub body")], location: l)],
                                                 location: l)],
                              notes: [Note(id: "fn1", label: "1", blocks: [para("a note")], location: l)],
                              references: [Reference(id: "r1", inlines: [.text("Kim, 2020.")], location: l)])
        article.metadata.title = "Title"
        article.metadata.subtitle = "Subtitle"
        article.abstract = [para("summary")]
        var walker = Collector()
        ArticleWalker.walk(article, with: &walker)
        let units = ArticleAnalysis(article).units
        #expect(units.map(\.scope) == walker.runs)
        #expect(units.map(\.text.string) == ["Title", "Subtitle", "summary", "Heading", "body", "item", "quoted", "Caption", "a", "b",
                                             "Someone", "Figure caption", "Sub", "sub body", "a note", "Kim, 2020."])
        #expect(units.filter { $0.scopes.contains { $0.kind == .quotation && $0.range == 0..<$0.range.upperBound } }.map(\.text.string)
                == ["quoted", "Caption", "a", "b"], "everything inside the block quotation but its attribution")
        #expect(units[4].sectionID == "s1" && units[13].sectionID == "s1.1" && units[14].noteID == "fn1")
    }

    @Test func emptyRunsGiveNoUnit() {
        let article = Article(id: "a", source: "a.html", sections: [
            Section(id: "s1", title: [], level: 0, blocks: [.paragraph(Paragraph(inlines: [.text("")], location: Self.loc))], location: Self.loc),
        ])
        #expect(ArticleAnalysis(article).units.isEmpty)
    }

    @Test func queriesClampAndAnswerForEmptyRanges() {
        let u = Self.unit([.text("a "), .code("b"), .text(" c")])
        #expect(u.string(of: -3..<100) == "a b c")
        #expect(u.scopes(at: 2) == [.code] && u.scopes(at: 0).isEmpty)
        #expect(!u.isRunningText(2..<2) && u.isRunningText(0..<0) && u.isRunningText(4..<5))
        #expect(!u.isRunningText(0..<5), "a range that overlaps code")
    }
}
