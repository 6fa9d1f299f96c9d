import Foundation
import KeiCore

/// Applies an ``ExampleMutation`` to a marked example page (`⟦ ⟧` marks kept, so they travel with the
/// text). Shared by the stage example test and the house-style rule example test.
public enum ExampleMutator {
    /// The text of the paragraph that cites the note the ``ExampleMutation/note`` mutation makes.
    public static let noteCitingParagraph = "The argument is set out in a note."

    /// The paragraph holding the first mark (or the first paragraph): from its `<p` to the end of its `</p>`.
    public static func targetParagraph(_ html: String) -> Range<String.Index>? {
        let anchor = html.firstIndex(of: StageExample.openMark)
        var start: String.Index?
        var from = html.startIndex
        while let r = html.range(of: "<p", range: from..<html.endIndex) {
            if let a = anchor, r.lowerBound > a { break }
            let next = r.upperBound < html.endIndex ? html[r.upperBound] : " "
            if next == ">" || next == " " {
                start = r.lowerBound
                if anchor == nil { break }
            }
            from = r.upperBound
        }
        guard let start, let end = html.range(of: "</p>", range: start..<html.endIndex) else { return nil }
        return start..<end.upperBound
    }

    /// Whether the page has footnotes of its own (a second note list would start a second series).
    static func hasNotes(_ html: String) -> Bool {
        ["href=\"#fn", "id=\"fn", "footnote", "endnote", ">Notes<"].contains { html.contains($0) }
    }

    /// The page changed by `mutation` (marks kept), or nil when the mutation does not apply to it.
    public static func apply(_ mutation: ExampleMutation, to html: String) -> String? {
        var s = html
        switch mutation {
        case .wrappedInDiv:
            guard let r = s.range(of: "<body>"), let e = s.range(of: "</body>", options: .backwards) else { return nil }
            s.replaceSubrange(e, with: "</div></body>")
            s.replaceSubrange(r, with: "<body><div class=\"wrapper\">")
        case .blockQuote, .listItem:
            guard let p = targetParagraph(s) else { return nil }
            let (open, close) = mutation == .blockQuote ? ("<blockquote>", "</blockquote>") : ("<ul><li>", "</li></ul>")
            s.replaceSubrange(p, with: open + s[p] + close)
        case .multiByteBefore:
            guard let p = targetParagraph(s), let tagEnd = s[p].firstIndex(of: ">") else { return nil }
            s.insert(contentsOf: "한국어 텍스트 🇰🇷 &amp; ", at: s.index(after: tagEnd))
        case .note:
            // The paragraph keeps its element (and attributes: a data-kei-ignore travels with it) inside the note.
            guard !hasNotes(s), let p = targetParagraph(s) else { return nil }
            let paragraph = String(s[p].dropLast(4)) + " <a href=\"#fnref1\">↩</a></p>"
            s.replaceSubrange(p, with: "<p>\(noteCitingParagraph)<sup><a href=\"#fn1\" id=\"fnref1\">1</a></sup></p>")
            let list = "\n<h2>Notes</h2>\n<ol><li id=\"fn1\">\(paragraph)</li></ol>\n"
            guard let end = s.range(of: "</article>", options: .backwards) ?? s.range(of: "</body>", options: .backwards) else { return nil }
            s.insert(contentsOf: list, at: end.lowerBound)
        case .crlf:
            s = s.replacingOccurrences(of: "\n", with: "\r\n")
        }
        return s
    }
}
