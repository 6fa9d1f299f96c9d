import KeiCore

/// The examples of `check.citations` (run by the shared stage example test): passing pages, and one page
/// per rule with the words each finding stands on marked ⟦…⟧.
enum CheckCitationsExamples {
    /// A page whose text paragraph is `text` and whose note list holds `notes` (inner HTML of each `<li>`).
    static func page(_ text: String, notes: [String], list: String = "<ol>") -> String {
        let items = notes.enumerated().map { "<li id=\"fn\($0.offset + 1)\">\($0.element) <a href=\"#r\($0.offset + 1)\">↩</a></li>" }
        return StageExample.articlePage("""
            <p>\(text)</p>
            <h2>Notes</h2>\(list)\(items.joined())</ol>
            """)
    }

    /// "Claim n.¹" sentences citing notes 1…`count` in order, long enough to be article text.
    static func claims(_ count: Int) -> String {
        (1...count).map { "The alliance claim number \($0) needs a source.\(marker($0))" }.joined(separator: " ")
    }

    static func marker(_ n: Int, label: String? = nil) -> String {
        "<sup><a href=\"#fn\(n)\" id=\"r\(n)\">\(label ?? String(n))</a></sup>"
    }

    static let fullKwak = "Min-seo Kwak, “Subsidy Races and Alliance Politics,” <em>Korea Trade Review</em> 31, no. 2 (2025): 77–98."
    static let noteBlockQuote: [ExampleMutation: String] = [
        .blockQuote: "the marked words are in a note paragraph; in a block quotation inside a note they are quoted text, which the note reader does not read as citations",
    ]

    static let all: [StageExample] = [
        StageExample("one marker, one note", html: """
            <html><head><title>T</title></head><body><article><h1>T</h1>
            <p>A claim that needs a source and is long enough to be content.<sup><a href="#fn1" id="fnref1">1</a></sup></p>
            <h2>Notes</h2><ol><li id="fn1">A source, 2024. <a href="#fnref1">↩</a></li></ol></article></body></html>
            """),
        StageExample("markers cited out of order", html: """
            <html><head><title>T</title></head><body><article><h1>T</h1>
            <p>A claim that needs a source and is long enough to be content.<sup><a href="#fn2" id="fnref2">2</a></sup>
            Another claim.<sup><a href="#fn1" id="fnref1">1</a></sup></p>
            <h2>Notes</h2><ol><li id="fn1">First source. <a href="#fnref1">↩</a></li><li id="fn2">Second source. <a href="#fnref2">↩</a></li></ol>
            </article></body></html>
            """, expect: ["check.notes.order"]),
        StageExample("Ibid. after a note with one source, commentary around it, several sources in one note", html: page(claims(3), notes: [
            "On subsidies, see \(fullKwak)",
            "Ibid., 80; see also Hana Seo-Whitfield, <em>Secrets among Friends</em> (Ithaca, NY: Northgate University Press, 2025), 12.",
            "Interviews with industry executives, Seoul, June 2025.",
        ])),
        StageExample("table notes lettered from a in each table beside the numbered notes", html: StageExample.articlePage("""
            <p>The alliance claim needs a source and is long enough to be content.\(marker(1)) And another claim.\(marker(2))</p>
            <table><caption>Table 1: Trade</caption><tr><th>Year</th><th>Value</th></tr><tr><td>2024<sup><a href="#t1a">a</a></sup></td><td>41</td></tr></table>
            <ol class="table-notes"><li id="t1a">a. Estimate.</li></ol>
            <table><caption>Table 2: Chips</caption><tr><th>Year</th><th>Value</th></tr><tr><td>2025<sup><a href="#t2a">a</a></sup></td><td>42</td></tr></table>
            <ol class="table-notes"><li id="t2a">a. Estimate.</li></ol>
            <h2>Notes</h2><ol><li id="fn1">A source, 2024.</li><li id="fn2">Another source, 2025.</li></ol>
            """)),
        StageExample("the notes start at 2", html: page(
            "The alliance claim needs a source here.\(marker(1, label: "⟦2⟧")) And another claim.\(marker(2, label: "3"))",
            notes: ["A source, 2024.", "Another source, 2025."], list: "<ol start=\"2\">"),
            expect: ["check.citations.numbering-start"]),
        StageExample("two notes numbered 1", html: page(
            "The alliance claim needs a source here.\(marker(1)) And another claim.\(marker(2, label: "⟦1⟧"))",
            notes: ["1. A source, 2024.", "1. Another source, 2025."]),
            expect: ["check.citations.duplicate-number"]),
        StageExample("a marker before a period", html: page(
            "The alliance claim needs a source and is long enough to be content\(marker(1, label: "⟦1⟧")).",
            notes: ["A source, 2024."]),
            expect: ["check.citations.marker-before-punctuation"]),
        StageExample("a marker in a heading", html: StageExample.articlePage("""
            <p>The alliance claim needs a source and is long enough to be content.\(marker(1))</p>
            <h2>Background\(marker(2, label: "⟦2⟧"))</h2>
            <p>More of the argument, long enough to be read as the article's own text.</p>
            <h2>Notes</h2><ol><li id="fn1">A source, 2024.</li><li id="fn2">Another source, 2025.</li></ol>
            """), expect: ["check.citations.marker-in-heading"]),
        StageExample("Ibid. in the first note", html: page(claims(1), notes: ["<p>⟦Ibid.⟧, 45.</p>"]),
                     expect: ["check.citations.ibid-first-note"], skipping: noteBlockQuote),
        StageExample("Ibid. after a note with two sources", html: page(claims(2), notes: [
            "Kim Ji-won, <em>Trade and Power</em> (Seoul: Hanbit, 2020), 3; Lee Min-ho, <em>Chips and States</em> (Seoul: Hanbit, 2021), 4.",
            "<p>⟦Ibid.⟧, 5.</p>",
        ]), expect: ["check.citations.ibid-after-several-sources"], skipping: noteBlockQuote),
        StageExample("Ibid. after a note without a source", html: page(claims(2), notes: [
            "This estimate is the author's own.",
            "<p>⟦ibid.⟧</p>",
        ]), expect: ["check.citations.ibid-after-no-source"], skipping: noteBlockQuote),
        StageExample("a short form resolved to note 1", html: page(claims(2), notes: [
            fullKwak,
            "<p>⟦Kwak, “Subsidy Races,” 90.⟧</p>",
        ]), expect: ["check.citations.short-form"], skipping: noteBlockQuote),
        StageExample("a short form without a full citation before it", html: page(claims(1), notes: [
            "<p>⟦Park, <em>Missing Book</em>, 12.⟧</p>",
        ]), expect: ["check.citations.short-form-unresolved"], skipping: noteBlockQuote),
        StageExample("a full citation repeated", html: page(claims(2), notes: [
            fullKwak,
            "<p>⟦Min-seo Kwak, “Subsidy Races and Alliance Politics,” <em>Korea Trade Review</em> 31, no. 2 (2025): 77–98.⟧</p>",
        ]), expect: ["check.citations.full-citation-repeated"], skipping: noteBlockQuote),
    ]
}
