import KeiDocument

/// Site chrome as it survives in scraped plain text: the phrases of the KEI site's header, sidebar
/// and footer that are never article text. Lines are compared by ``InlineText/key(_:)`` (case and
/// spacing folded). The download/print/share tool lines are ``SectionAssembler/toolLines``, shared
/// with `ingest.html`, which drops them after the title in HTML pages too.
enum TextChrome {
    /// Lines that are chrome wherever they stand (whole-line match).
    static let lines: Set<String> = [
        "search all site content", "subscribe to our mailing list!", "subscribe to our mailing list", "subscribe",
        "sign up for our mailing list to keep up to date on all the latest developments.",
        "view series publications", "about korea policy", "share this publication", "related publications",
        "skip to main content", "menu", "search",
    ]

    /// Line prefixes that are chrome (`Total Index: 6869 publications.`).
    static let prefixes: [String] = ["total index:"]

    /// Lines that start the page footer: they and everything after them are chrome.
    static let footerStarts: [String] = [
        "this browser does not support pdfs", "copyright ©", "© ", "related publications",
    ]

    /// Share/social buttons as text: `Share on Twitter`, `Share via Email`, `Follow us on Facebook`, `Tweet`.
    static let sharePrefixes: [String] = ["share on ", "share via ", "share to ", "share with ", "follow us on ", "follow kei on "]
    static let shareLines: Set<String> = ["share", "share:", "tweet", "tweet this", "email this", "print this"]

    /// True when the line (already trimmed) is a chrome line by its own words.
    static func isChrome(_ text: String) -> Bool {
        let k = InlineText.key(text)
        if k.isEmpty { return false }
        return lines.contains(k) || SectionAssembler.toolLines.contains(k) || prefixes.contains { k.hasPrefix($0) }
            || isShareLine(k)
    }

    /// A share/social button line (key already folded): a short line of ``shareLines`` or ``sharePrefixes``.
    static func isShareLine(_ k: String) -> Bool {
        shareLines.contains(k) || (InlineText.wordCount(k) <= 5 && sharePrefixes.contains { k.hasPrefix($0) })
    }

    /// True when the line starts the footer.
    static func startsFooter(_ text: String) -> Bool {
        let k = InlineText.key(text)
        return footerStarts.contains { k.hasPrefix($0) }
    }
}
