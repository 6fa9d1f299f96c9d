import Foundation
import KeiDocument
import KeiStages
import KeiTestSupport
import Testing

/// Blocks and inlines: paragraphs, whitespace, lists (also flattened "•" lists), quotations,
/// tables, figures, preformatted text, formatting and links, and that no text is lost.
@Suite struct BodyBuilderBlockTests {
    func only(_ html: String) -> [Block] {
        BodyFixture.blocks(BodyFixture.build(html))
    }

    func paragraph(_ b: Block?) -> Paragraph? {
        if case .paragraph(let p)? = b { return p }
        return nil
    }

    @Test func whitespaceCollapsesButNoBreakSpacesStayInsideText() {
        let blocks = only("<p>\n  At a time of\u{A0}escalating   cooperation,\n the <em> role </em> grows.\u{A0}\u{A0}</p>")
        #expect(paragraph(blocks.first)?.inlines == [
            .text("At a time of\u{A0}escalating cooperation, the "), .emphasis([.text("role ")]), .text("grows."),
        ])
    }

    @Test func emptyAndNoBreakSpaceOnlyParagraphsAreDropped() {
        let blocks = only("<p></p><p>&nbsp;</p><p> \u{A0} <br> </p><p><span> </span></p><p>Kept.</p>")
        #expect(blocks.count == 1)
        #expect(BodyFixture.text(blocks) == "Kept.")
    }

    @Test func scriptStyleAndNoscriptAreDropped() {
        let blocks = only("<p>Before<script>var x = 1;</script> after.</p><style>p{}</style><noscript>Enable JS</noscript>")
        #expect(BodyFixture.text(blocks) == "Before after.")
    }

    @Test func inlineFormattingLinksAndBreaks() {
        let blocks = only("""
            <p><em>e</em> <i>i</i> <strong>s</strong> <b>b</b> H<sub>2</sub>O x<sup>2</sup> <code>let  x</code> \
            <a href="https://keia.org/">KEI</a><br>next <a href="javascript:void(0)">js</a></p>
            """)
        #expect(paragraph(blocks.first)?.inlines == [
            .emphasis([.text("e")]), .text(" "), .emphasis([.text("i")]), .text(" "), .strong([.text("s")]), .text(" "),
            .strong([.text("b")]), .text(" H"), .subscript([.text("2")]), .text("O x"), .superscript([.text("2")]),
            .text(" "), .code("let x"), .text(" "), .link(url: "https://keia.org/", children: [.text("KEI")]),
            .lineBreak, .text("next js"),
        ])
    }

    @Test func inlineQuotationsKeepTheirQuotationMarks() {
        #expect(BodyFixture.text(only("<p>He said <q>no</q>.</p>")) == "He said \u{201C}no\u{201D}.")
    }

    @Test func looseTextInDivsIsWrappedIntoParagraphs() {
        let blocks = only("<div>Loose <b>bold</b> text<p>A paragraph.</p>tail text<div>inner</div></div>")
        #expect(BodyFixture.text(blocks) == "Loose bold text\nA paragraph.\ntail text\ninner")
        #expect(blocks.count == 4)
    }

    @Test func unknownElementsKeepTheirText() {
        let blocks = only("<custom-widget><x-a>alpha</x-a> beta</custom-widget><section><article><font>gamma</font></article></section><center>delta</center>")
        let text = BodyFixture.text(blocks)
        for word in ["alpha", "beta", "gamma", "delta"] { #expect(text.contains(word)) }
    }

    @Test func blockLocationsAreElementLines() {
        let r = BodyFixture.build("<p>one</p>\n<ul>\n<li>two</li>\n</ul>\n<div>\nloose\n</div>")
        let blocks = BodyFixture.blocks(r)
        #expect(blocks.map(\.location.line) == [2, 3, 7])
        if case .list(let l) = blocks[1] { #expect(l.items.first?.location.line == 4) }
    }

    @Test func nestedListsAndBareTextItems() {
        let blocks = only("""
            <ol><li>First</li><li><p>Second para</p><p>Second more</p><ul><li>Nested <em>a</em></li><li>Nested b</li></ul></li></ol>
            """)
        guard case .list(let l)? = blocks.first else { Issue.record("no list"); return }
        #expect(l.ordered)
        #expect(l.items.count == 2)
        #expect(l.items[0].blocks == [.paragraph(Paragraph(inlines: [.text("First")], location: l.items[0].blocks[0].location))])
        #expect(l.items[1].blocks.count == 3)
        guard case .list(let nested) = l.items[1].blocks[2] else { Issue.record("no nested list"); return }
        #expect(!nested.ordered)
        #expect(nested.items.count == 2)
    }

    @Test func listNestedDirectlyInAListBelongsToThePreviousItem() {
        let blocks = only("<ul><li>Parent</li><ul><li>Child</li></ul><li>Next</li></ul>")
        guard case .list(let l)? = blocks.first else { Issue.record("no list"); return }
        #expect(l.items.count == 2)
        #expect(l.items[0].blocks.count == 2)
    }

    @Test func bulletParagraphsBecomeAList() {
        let blocks = only("<p>Intro.</p><p>\u{A0} • First point</p><p>• Second point</p><p>After.</p>")
        #expect(blocks.count == 3)
        guard case .list(let l) = blocks[1] else { Issue.record("no list"); return }
        #expect(l.items.map { BodyFixture.text($0.blocks) } == ["First point", "Second point"])
    }

    @Test func boldTitleBulletsNestTheirExplanations() {
        let blocks = only("""
            <p>• <strong>Affirm denuclearization</strong></p>
            <p>• Both leaders must clarify their stance.</p>
            <p>• <strong>Assure commitments</strong></p>
            <p>• Clear expectations are vital.</p>
            <p>• A second explanation.</p>
            """)
        guard case .list(let l)? = blocks.first, blocks.count == 1 else { Issue.record("expected one list"); return }
        #expect(l.items.count == 2)
        guard case .list(let second) = l.items[1].blocks.last else { Issue.record("no nested list"); return }
        #expect(second.items.map { BodyFixture.text($0.blocks) } == ["Clear expectations are vital.", "A second explanation."])
    }

    @Test func bulletLinesSeparatedByBreaksBecomeAList() {
        let blocks = only("<p>• one<br>• two<br>• three</p>")
        guard case .list(let l)? = blocks.first else { Issue.record("no list"); return }
        #expect(l.items.count == 3)
    }

    @Test(.enabled(if: TestPaths.sharedExists))
    func seedPolicyRecommendationsBecomeAList() throws {
        let seed = try String(contentsOf: TestPaths.shared.appendingPathComponent("seed/000_585abf9ef188c73f.txt"), encoding: .utf8)
        let lines = seed.split(separator: "\n", omittingEmptySubsequences: true)
        let html = lines.map { "<p>\($0.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;"))</p>" }
            .joined(separator: "\n")
        let r = BodyFixture.build(html)
        var lists: [ListBlock] = []
        for b in BodyFixture.blocks(r) { if case .list(let l) = b { lists.append(l) } }
        let bullets = lines.filter { $0.hasPrefix("  \u{2022} ") }
        #expect(lists.count == 1)
        #expect(lists.first?.items.count == bullets.count)
        #expect(lists.first.map { BodyFixture.text($0.items[0].blocks) }?.hasPrefix("South Korea and the United States must") == true)
    }

    @Test func blockQuoteAttributions() {
        let cases: [(String, String)] = [
            ("<blockquote><p>Words.</p><cite>Kim Example</cite></blockquote>", "Kim Example"),
            ("<blockquote><p>Words.</p><footer>— Kim Example, 2024</footer></blockquote>", "— Kim Example, 2024"),
            ("<blockquote><p>Words.</p><p>— Kim Example</p></blockquote>", "Kim Example"),
            ("<blockquote><p>Words.<br>— Kim Example</p></blockquote>", "Kim Example"),
            ("<blockquote><p>Words.</p><p><cite>Kim Example</cite></p></blockquote>", "Kim Example"),
        ]
        for (html, attribution) in cases {
            guard case .blockQuote(let q)? = only(html).first else { Issue.record("no quote: \(html)"); continue }
            #expect(q.attribution?.plainText == attribution, "\(html)")
            #expect(BodyFixture.text(q.blocks) == "Words.", "\(html)")
        }
        guard case .blockQuote(let plain)? = only("<blockquote><p>As <cite>The Book</cite> says.</p></blockquote>").first
        else { Issue.record("no quote"); return }
        #expect(plain.attribution == nil)
        #expect(BodyFixture.text(plain.blocks) == "As The Book says.")
    }

    @Test func tablesWithHeadFootSpansAndLabelledCaption() {
        let blocks = only("""
            <table><caption><strong>Table 2:</strong> Trade, 2024</caption>
            <thead><tr><th rowspan="2">Item</th><th colspan="2">Value</th></tr><tr><th>A</th><th>B</th></tr></thead>
            <tbody><tr><td>x</td><td><p>1</p><p>2</p></td><td>3</td></tr></tbody>
            <tfoot><tr><td colspan="3">Source: KEI.</td></tr></tfoot></table>
            <table><tr><th>H1</th><th>H2</th></tr><tr><td>a</td><td>b</td></tr></table>
            """)
        guard blocks.count == 2, case .table(let t) = blocks[0], case .table(let u) = blocks[1] else {
            Issue.record("expected two tables"); return
        }
        #expect(t.id == "table1")
        #expect(u.id == "table2")
        #expect(t.label == "Table 2")
        #expect(t.caption?.plainText == "Trade, 2024")
        #expect(t.head.count == 2)
        #expect(t.head[0].cells.map(\.rowSpan) == [2, 1])
        #expect(t.head[0].cells.map(\.columnSpan) == [1, 2])
        #expect(t.head[0].cells.allSatisfy { $0.isHeader })
        #expect(t.body[0].cells[1].inlines == [.text("1"), .lineBreak, .text("2")])
        #expect(t.body[0].cells.allSatisfy { !$0.isHeader })
        #expect(t.foot.first?.cells.first?.columnSpan == 3)
        #expect(u.head.count == 1)
        #expect(u.body.count == 1)
        #expect(u.label == nil)
    }

    @Test func captionLabels() {
        for (caption, label, rest) in [("Table 1. Trade flows", "Table 1", "Trade flows"),
                                        ("Figure 3: A chart", "Figure 3", "A chart"),
                                        ("Table 1 — Scenarios", "Table 1", "Scenarios"),
                                        ("Tables of data", nil, "Tables of data"),
                                        ("Table manners matter", nil, "Table manners matter")] as [(String, String?, String)] {
            guard case .table(let t)? = only("<table><caption>\(caption)</caption><tr><td>x</td></tr></table>").first else {
                Issue.record("no table"); continue
            }
            #expect(t.label == label, "\(caption)")
            #expect(t.caption?.plainText == rest, "\(caption)")
        }
    }

    @Test func figuresWithCaptionsAndBareImages() {
        let blocks = only("""
            <figure><img src="chart.png" alt="A chart"><figcaption>Figure 1: Exports by year. Source: KEI.</figcaption></figure>
            <p><img src="photo.jpg" alt=""></p>
            <figure class="wp-block-table"><table><tr><td>x</td></tr></table><figcaption>Table 1: In a figure</figcaption></figure>
            """)
        guard blocks.count == 3, case .figure(let f) = blocks[0], case .figure(let g) = blocks[1], case .table(let t) = blocks[2] else {
            Issue.record("unexpected blocks: \(blocks)"); return
        }
        #expect(f.id == "fig1")
        #expect(f.label == "Figure 1")
        #expect(f.caption?.plainText == "Exports by year. Source: KEI.")
        #expect(f.graphic == "chart.png")
        #expect(f.altText == "A chart")
        #expect(g.id == "fig2")
        #expect(g.caption == nil)
        #expect(g.altText == nil)
        #expect(t.label == "Table 1")
        #expect(t.caption?.plainText == "In a figure")
    }

    @Test func bareImageTakesAFollowingFigureCaptionParagraph() {
        let blocks = only("<p><img src=\"map.png\"></p><p><em>Figure 2.</em> Map of the peninsula.</p><p>Text.</p>")
        guard blocks.count == 2, case .figure(let f) = blocks[0] else { Issue.record("unexpected blocks: \(blocks)"); return }
        #expect(f.label == "Figure 2")
        #expect(f.caption?.plainText == "Map of the peninsula.")
        #expect(BodyFixture.text([blocks[1]]) == "Text.")
    }

    @Test func preformattedKeepsWhitespace() {
        guard case .preformatted(let p)? = only("<pre>\nline 1\n  indented  twice\n</pre>").first else {
            Issue.record("no pre"); return
        }
        #expect(p.text == "line 1\n  indented  twice")
    }

    @Test func noTextOfAMixedPageIsLost() {
        let html = """
            <div class="wrap">Alpha <span>Bravo</span><table><tr><td>Charlie</td></tr>Delta</table>
            <dl><dt>Echo</dt><dd>Foxtrot</dd></dl><details><summary>Golf</summary>Hotel</details>
            <object data="x.pdf"><p>India <a href="x.pdf">Juliett</a></p></object>
            <form><label>Kilo</label><fieldset><legend>Lima</legend>Mike</fieldset></form>
            <figure><blockquote><p>November</p></blockquote><figcaption>Oscar</figcaption></figure>
            <address>Papa</address><ul>Quebec<li>Romeo</li></ul></div>
            """
        let text = BodyFixture.allText(BodyFixture.build(html))
        for word in ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett",
                     "Kilo", "Lima", "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo"] {
            #expect(text.contains(word), "\(word) was lost")
        }
    }
}
