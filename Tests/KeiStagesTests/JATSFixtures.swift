import Foundation
import KeiCore
import KeiDocument

/// Hand-built articles for the JATS tests: one that uses every node type of the model, and
/// degenerate ones (no title, no sections, hostile ids).
enum JATSFixtures {
    static let file = "rich.html"

    static func loc(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line) }

    static func p(_ inlines: [Inline], line: Int = 1) -> Block { .paragraph(Paragraph(inlines: inlines, location: loc(line))) }

    static func p(_ text: String, line: Int = 1) -> Block { p([.text(TextRun(text))], line: line) }

    static func item(_ blocks: [Block]) -> ListItem { ListItem(blocks: blocks, location: loc(1)) }

    static func row(_ cells: [TableCell]) -> TableRow { TableRow(cells: cells, location: loc(1)) }

    /// Text with every character class the escaper must handle: markup characters, U+00A0,
    /// curly quotes, Korean, emoji, and control characters XML 1.0 cannot carry.
    static let specialText = "AT&T <tag> \"quoted\" 'single' \u{201C}curly\u{201D} \u{2018}x\u{2019} a\u{00A0}b 한국어 🇰🇷😀 ctl[\u{0001}\u{0008}\u{000B}\u{001F}\u{FFFE}] ]]> tab\tend"

    static let issue = IssueInfo(
        journal: JournalInfo(id: "korea-policy", title: "Korea Policy", abbreviatedTitle: "Korea Policy",
                             publisher: "Korea Economic Institute of America",
                             publisherLocation: "Washington, DC", issnPrint: "0000-0000", issnOnline: "0000-0001",
                             license: "Distributed under the Creative Commons Attribution 4.0 International License.",
                             licenseURL: "https://creativecommons.org/licenses/by/4.0/"),
        volume: "3", number: "2", coverDate: "2025-12-15", title: "Economic Security")

    /// An article using every block and inline type, nested lists, a quotation with attribution,
    /// a table with head, body and foot (note rows and a totals row), spans, a figure, notes with
    /// markers (one dangling), references, and special characters everywhere.
    static func richArticle() -> Article {
        let metadata = ArticleMetadata(
            title: "Supply Chains & <Resilience> in \u{201C}Korea\u{2013}U.S.\u{201D} Ties 한국어",
            subtitle: "A \"subtitle\" with\u{00A0}NBSP",
            authors: [
                Author(name: "Scott A. Snyder", affiliation: "Korea Economic Institute of America", email: "s@example.org"),
                Author(name: "Lee Jae Myung", affiliation: "Seoul National University"),
                Author(name: "Kim Jong Un", affiliation: "Korea Economic Institute of America"),
                Author(name: "Victor Cha", role: "Editor"),
                Author(name: "이재명"),
            ],
            publicationDate: PublicationDate(year: 2025, month: 12, day: 15),
            journal: "Korea Policy", volume: "99", issue: "98", series: "Korea Policy",
            publisher: "KEI", canonicalURL: "https://example.org/article?a=1&b=2", language: "en",
            keywords: ["supply chains", "economic security & trade", "  ", "한국"],
            summary: "Summary", pdfURL: "https://example.org/a.pdf", doi: "10.00000/kp.2025.3.2.1")

        let nestedList = Block.list(ListBlock(ordered: false, items: [
            item([p("inner bullet one")]),
            item([p("inner bullet two"), .list(ListBlock(ordered: true, items: [item([p("deepest")])], location: loc(1)))]),
        ], location: loc(1)))

        let table = Block.table(Table(
            id: "tbl1", label: "Table 1", caption: [.text("Trade "), .emphasis([.text("flows")]), .lineBreak, .text("2020\u{2013}2024")],
            head: [row([TableCell(inlines: [.text("Year")], isHeader: true), TableCell(inlines: [.text("Value & share")], isHeader: true, columnSpan: 2)])],
            body: [
                row([TableCell(inlines: [.text("2020")], rowSpan: 2), TableCell(inlines: [.strong([.text("10")])]),
                     TableCell(inlines: [.text("5%"), .noteRef(NoteRef(label: "2", noteID: "fn2"))])]),
                row([TableCell(inlines: [.text("line"), .lineBreak, .text("two")]),
                     TableCell(inlines: [.link(url: "https://example.org/t", children: [.text("link")])])]),
                row([]),
            ],
            foot: [
                row([TableCell(inlines: [.text("Total")], isHeader: true), TableCell(inlines: [.text("20")]), TableCell(inlines: [.text("10%")])]),
                row([TableCell(inlines: [.text("Source: KEI calculations "), .lineBreak, .text("& estimates.")], columnSpan: 3)]),
            ],
            location: loc(40)))

        let figure = Block.figure(Figure(id: "fig1", label: "Figure 1", caption: [.text("Exports "), .superscript([.text("a")])],
                                         graphic: "images/fig1.png?x=1&y=2", altText: "A \"bar\" chart", location: loc(50)))
        let bareFigure = Block.figure(Figure(id: "fig 2", label: nil, caption: nil, graphic: nil, altText: "only alt", location: loc(51)))

        let quote = Block.blockQuote(BlockQuote(blocks: [
            p([.text("To be "), .emphasis([.text("or")]), .text(" not."), .noteRef(NoteRef(label: "1", noteID: "fn1"))]),
            .list(ListBlock(ordered: true, items: [item([p("quoted item")])], location: loc(1))),
        ], attribution: [.text("\u{2014} "), .link(url: "https://example.org/hamlet", children: [.emphasis([.text("Hamlet")])]), .lineBreak, .text("Act 3")],
           location: loc(30)))

        let list = Block.list(ListBlock(ordered: true, items: [
            item([p("first"), nestedList]),
            item([table]),
            item([p("third"), .preformatted(Preformatted(text: "code in item", location: loc(1)))]),
            item([]),
            item([.blockQuote(BlockQuote(blocks: [p("quote in item")], location: loc(1))), figure]),
        ], location: loc(20)))

        let intro = Section(
            id: "sec1", title: [.text("Introduction & "), .emphasis([.text("Scope")]), .lineBreak,
                                .link(url: "https://example.org/title", children: [.text("link in title")]),
                                .noteRef(NoteRef(label: "1", noteID: "fn1"))],
            level: 2,
            blocks: [
                p([.text(TextRun(specialText))], line: 10),
                p([.text("Formatting: "), .emphasis([.text("italic "), .strong([.text("bold-italic")])]), .text(" "),
                   .strong([.text("bold")]), .text(" H"), .subscript([.text("2")]), .text("O E=mc"), .superscript([.text("2")]),
                   .text(" "), .code("let x = a < b && c"), .text(" "),
                   .link(url: "https://example.org/?q=a&r=\"b\"", children: [.text("a link "), .emphasis([.text("with em")]),
                                                                      .link(url: "https://nested.example.org", children: [.text("nested")]),
                                                                      .noteRef(NoteRef(label: "1", noteID: "fn1"))]),
                   .text(" line"), .lineBreak, .text("break"),
                   .noteRef(NoteRef(label: "1", noteID: "fn1")), .text(" dangling"),
                   .noteRef(NoteRef(label: "99", noteID: "fn99")),
                   .superscript([.noteRef(NoteRef(label: "2", noteID: "fn2"))]),
                   .link(url: "", children: [.text(" empty-url link")]),
                   .link(url: "https://example.org/empty", children: [])], line: 11),
                quote,
                list,
                .preformatted(Preformatted(text: "line 1\n  line <2> & \"3\"\r\nend\t\u{0007}", location: loc(60))),
                bareFigure,
            ],
            subsections: [
                Section(id: "sec1.1", title: [.text("Nested")], level: 3, blocks: [p("nested text")],
                        subsections: [Section(id: "sec1.1.1", title: [.text("Deeper")], level: 4, blocks: [p("deeper text")], location: loc(70))],
                        location: loc(65)),
            ],
            location: loc(9))

        let second = Section(id: "fn1", title: [.text("Section whose id clashes with a note")], level: 2,
                             blocks: [p("clash")], location: loc(80))
        let untitledLater = Section(id: "", title: [], level: 0, blocks: [p("untitled after titled")], location: loc(85))
        let leading = Section(id: "sec0", title: [], level: 0, blocks: [p("Leading untitled content.")], location: loc(5))

        let notes = [
            Note(id: "fn1", label: "1", blocks: [p([.text("A note with "), .link(url: "https://example.org/n", children: [.text("a link")])]),
                                                 .list(ListBlock(ordered: false, items: [item([p("list in note")])], location: loc(1)))],
                 location: loc(90)),
            Note(id: "fn2", label: "2", blocks: [.blockQuote(BlockQuote(blocks: [p("quote in note")], location: loc(1)))], location: loc(91)),
            Note(id: "fn3", label: "3", blocks: [], location: loc(92)),
            Note(id: "fn1", label: "1bis", blocks: [p("duplicate id")], location: loc(93)),
        ]
        let references = [
            Reference(id: "ref1", label: "1", inlines: [.text("Lee, A. 2023. "), .emphasis([.text("Title & more")]), .text(". "),
                                                       .link(url: "https://example.org/r1", children: [.text("https://example.org/r1")]),
                                                       .noteRef(NoteRef(label: "1", noteID: "fn1")), .lineBreak, .text("2nd line")],
                      location: loc(100)),
            Reference(id: "1 bad id", label: nil, inlines: [.text("KEI. 2024. Report.")], location: loc(101)),
        ]
        return Article(id: "kp-3-2-1", source: file, metadata: metadata,
                       abstract: [p("The abstract & summary."), nestedList],
                       sections: [leading, intro, second, untitledLater], notes: notes, references: references)
    }

    /// An article with nothing but an id: no title, no authors, no date, no sections.
    static func emptyArticle() -> Article {
        Article(id: "", source: file)
    }
}
