import KeiCore
import KeiDocument

/// Reports a word written twice in a row ("the the"), from the shared analysis only.
///
/// Two word tokens repeat when they are adjacent tokens of one text unit (nothing but white space
/// between them, and no line break), in one sentence, equal ignoring case, both in the author's
/// running text (not in a quotation, cited title, URL or code: quoted words are reproduced as the
/// source has them), and not a doubling English allows ("had had", "that that"). Numbers never count
/// ("10 10" is a table's data more often than a slip). A no-break space between the words (`&nbsp;`)
/// does not hide a repetition: "the&nbsp;the" is reported.
///
/// The diagnostic spans both words; its edit deletes the second word and the white space before it
/// (from the end of the first word to the end of the second). The edit is safe when both words stand
/// in the source verbatim and the source between them is only what the space came from (one stretch
/// of source with no gap: a space, a line end or run of white space that collapsed to it, or an entity
/// such as `&nbsp;`). Across a tag, a comment or text the pipeline added ("<em>the</em> the") the edit
/// is only suggested (unsafe); without a source (a title from metadata) there is no edit.
public struct RepeatedWordStage: CheckStage {
    public static let description = StageDescription(
        id: "text.repeated-word",
        summary: "Report a word written twice in a row (\"the the\") in running text, with a fix that deletes the second.",
        kind: .check,
        messages: [Messages.repeated],
        examples: [
            StageExample("no repetition", html: page("<p>The alliance held firm through the crisis of the spring.</p>")),
            StageExample("a grammatical doubling", html: page("<p>The ministry had had the report for a week, and said that that was enough.</p>")),
            StageExample("numbers in a row", html: page("<p>The votes were 10 10 and 12 in the three committees that met.</p>")),
            StageExample("across a line break in a list item", html: page(
                "<p>The summit agreed on points the negotiators had prepared.</p><ul><li>Trade and<br>and security</li><li>Energy</li></ul>")),
            StageExample("inside a <q> quotation", html: page(
                "<p>The minister called it <q>a matter of the the highest order</q> in her speech.</p>"),
                skipping: [.blockQuote: "the example has no repetition outside the quotation to wrap"]),
            StageExample("inside a cited title", html: page(
                "<p>The report <cite>Of Of Mice and Men</cite> is cited for its title as printed.</p>")),
            StageExample("across a note marker", html: page(
                "<p>The claim rests on the<sup><a href=\"#fn1\" id=\"fnref1\">1</a></sup> the evidence of the survey.</p>"
                + "<h2>Notes</h2><ol><li id=\"fn1\">A source, 2024. <a href=\"#fnref1\">↩</a></li></ol>")),
            StageExample("across a sentence end", html: page("<p>The question was settled by that. That was the end of the debate.</p>")),
            StageExample("across a comma", html: page("<p>The point, as we said, is that, that the alliance holds.</p>")),
            StageExample("\"the the\"", html: page("<p>The alliance held firm through ⟦the the⟧ crisis of the spring.</p>"),
                         expect: [Messages.repeated.rule],
                         skipping: [.blockQuote: "repeated words inside quotations are not reported"]),
            StageExample("\"of of\"", html: page("<p>The history ⟦of of⟧ the alliance is long and complicated indeed.</p>"),
                         expect: [Messages.repeated.rule],
                         skipping: [.blockQuote: "repeated words inside quotations are not reported"]),
            StageExample("\"The the\" at a sentence start", html: page("<p>⟦The the⟧ alliance held firm through the crisis of the spring.</p>"),
                         expect: [Messages.repeated.rule],
                         skipping: [.blockQuote: "repeated words inside quotations are not reported"]),
            StageExample("across a no-break space (reported; the edit is safe: the entity stands for the space)", html: page(
                "<p>The alliance held firm through ⟦the&nbsp;the⟧ crisis of the spring.</p>"),
                expect: [Messages.repeated.rule],
                skipping: [.blockQuote: "repeated words inside quotations are not reported"]),
        ],
        readsAnalysis: true
    )

    /// A page around a body fragment, long enough for the extractor to keep as the article.
    static func page(_ body: String) -> String {
        """
        <html><head><title>T</title></head><body><article><h1>T</h1>
        \(body)
        </article></body></html>
        """
    }

    enum Messages {
        static let repeated = StageMessage("text.repeated-word", .warning, "A word is written twice in a row.")
    }

    /// Doublings that are grammatical: the past perfect "had had", and the conjunction "that" before
    /// the demonstrative "that".
    static let allowed: Set<String> = ["had", "that"]

    /// Doublings that are often grammatical ("what the problem is is clear", "what they do do matters"):
    /// reported, but their fix is only suggested (unsafe), never applied by `--fix`.
    static let oftenGrammatical: Set<String> = ["is", "was", "do", "does", "did"]

    public init(options: StageOptions) throws {}

    public func check(_ article: Article, context: ArticleContext) -> [Diagnostic] {
        // The runner builds the analysis before every check stage; without one there is nothing to read.
        guard let analysis = context.analysis else { return [] }
        var out: [Diagnostic] = []
        for unit in analysis.units {
            let tokens = unit.tokens
            guard tokens.count > 1 else { continue }
            for i in 1..<tokens.count {
                let first = tokens[i - 1], second = tokens[i]
                guard first.kind == .word, second.kind == .word, first.range.count == second.range.count,
                      !Self.hasLineBreak(unit.string(of: first.range.upperBound..<second.range.lowerBound)) else { continue }
                let word = unit.string(of: first.range)
                let lower = word.lowercased()
                guard lower == unit.string(of: second.range).lowercased(), !Self.allowed.contains(lower) else { continue }
                let both = first.range.lowerBound..<second.range.upperBound
                guard unit.isRunningText(both), unit.sentenceIndex(containing: both) != nil else { continue }
                out.append(diagnostic(unit, word: word, first: first.range, second: second.range))
            }
        }
        return out
    }

    /// Whether the white space between two words breaks the line (a line feed from `<br>` or a
    /// flattened list, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR).
    static func hasLineBreak(_ gap: String) -> Bool {
        gap.unicodeScalars.contains { ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains($0) }
    }

    func diagnostic(_ unit: TextUnit, word: String, first: Range<Int>, second: Range<Int>) -> Diagnostic {
        let both = first.lowerBound..<second.upperBound
        let shown = unit.string(of: both)
        var edits: [TextEdit] = []
        if let span = unit.span(of: first.upperBound..<second.upperBound) {
            let safe = unit.isVerbatim(first) && unit.isVerbatim(second) && unit.hasContiguousSource(both)
                && !Self.oftenGrammatical.contains(word.lowercased())
            edits.append(TextEdit(span: span, replacement: "", isSafe: safe))
        }
        return Messages.repeated.diagnostic(
            "“\(word)” is written twice in a row (“\(shown)”); delete the second “\(word)” unless the repetition is intended.",
            at: unit.location, excerpt: shown, fix: "Delete the second “\(word)”.", span: unit.span(of: both), edits: edits)
    }
}
