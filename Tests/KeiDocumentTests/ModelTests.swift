import Testing
@testable import KeiDocument

@Suite struct PublicationDateTests {
    @Test func parsesISOForms() {
        #expect(PublicationDate(iso: "2025-12-15")?.iso == "2025-12-15")
        #expect(PublicationDate(iso: "2025-12")?.iso == "2025-12")
        #expect(PublicationDate(iso: "2025")?.iso == "2025")
        #expect(PublicationDate(iso: "2025-12-15T09:00:00-05:00")?.iso == "2025-12-15")
        #expect(PublicationDate(iso: "2024-02-29")?.iso == "2024-02-29")
    }

    @Test func rejectsImpossibleDates() {
        for bad in ["-0001-11-30T00:00:00+00:00", "0000-00-00", "2025-13-01", "2025-02-29", "2025-04-31", "25-12-15", "2025/12/15", "", "garbage", "2025-1-5"] {
            #expect(PublicationDate(iso: bad) == nil, "\(bad)")
        }
    }
}

@Suite struct WalkerTests {
    struct Collector: ArticleVisitor {
        var runs: [(TextScope, String)] = []
        mutating func visitInlines(_ inlines: [Inline], context: WalkContext) {
            runs.append((context.scope, inlines.plainText))
        }
    }

    @Test func visitsEveryTextRunWithItsScopeInReadingOrder() {
        let loc = SourceLocation(file: "a.html", line: 3)
        let quote = Block.blockQuote(BlockQuote(blocks: [.paragraph(Paragraph(inlines: [.text("quoted")], location: loc))],
                                                attribution: [.text("Someone")], location: loc))
        let list = Block.list(ListBlock(ordered: false, items: [ListItem(blocks: [.paragraph(Paragraph(inlines: [.emphasis([.text("item")])], location: loc))], location: loc)], location: loc))
        let section = Section(id: "sec1", title: [.strong([.text("Background")])], level: 2,
                              blocks: [.paragraph(Paragraph(inlines: [.text("body"), .noteRef(NoteRef(label: "1", noteID: "fn1"))], location: loc)), list, quote],
                              location: loc)
        var article = Article(id: "a", source: "a.html", sections: [section],
                              notes: [Note(id: "fn1", label: "1", blocks: [.paragraph(Paragraph(inlines: [.text("a note")], location: loc))], location: loc)])
        article.metadata.title = "Title"
        article.abstract = [.paragraph(Paragraph(inlines: [.text("summary")], location: loc))]
        var c = Collector()
        ArticleWalker.walk(article, with: &c)
        #expect(c.runs.map { "\($0.0.rawValue):\($0.1)" } == [
            "title:Title", "abstract:summary", "heading:Background", "paragraph:body1", "listItem:item",
            "quotation:quoted", "quotation:Someone", "note:a note",
        ])
    }

    @Test func treeDumpShowsStructureLocationsAndNoBreakSpaces() {
        let loc = SourceLocation(file: "a.html", line: 7)
        let article = Article(id: "a", source: "a.html", sections: [
            Section(id: "sec1", title: [.text("Conclusion")], level: 2,
                    blocks: [.paragraph(Paragraph(inlines: [.text("end\u{00A0}"), .link(url: "https://x", children: [.text("x")])], location: loc))],
                    location: loc),
        ])
        let dump = TreeDumper.dump(article)
        #expect(dump.contains("  Section id=sec1 level=2 @7 \"Conclusion\"\n"))
        #expect(dump.contains("    Paragraph @7 \"end\\u{A0}\"[\"x\"](https://x)\n"))
    }
}
