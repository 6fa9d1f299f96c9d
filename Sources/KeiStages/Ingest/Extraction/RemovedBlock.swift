import KeiDocument

/// A block of article text that chrome removal took out of the detected article container, reported
/// as an info diagnostic (`ingest.chrome-removed`) so that a reviewer can see what went.
public struct RemovedBlock: Sendable, Hashable {
    /// Why the block was removed.
    public enum Reason: String, Sendable, Hashable {
        /// Hidden from readers (`hidden`, `aria-hidden="true"`, inline `display:none`…): not rendered.
        case hidden
        /// Its class, id or role says site chrome (navigation, sidebar, share, related…).
        case chromeHint
        /// Mostly links, or too little text for its size (Readability's conditional cleaning).
        case density
        /// It came before the article's title heading (series banners, breadcrumbs).
        case beforeTitle
        /// A short block after the notes (PDF fallbacks, "about the author" lines).
        case afterNotes
        /// A block of the article beside its main text that did not read as article text.
        case besideMainText

        /// How a reviewer is told why.
        public var explanation: String {
            switch self {
            case .hidden: return "it is hidden from readers (hidden, aria-hidden or display:none)"
            case .chromeHint: return "its class, id or role marks site chrome"
            case .density: return "it is mostly links or too little text for its size"
            case .beforeTitle: return "it comes before the article's title heading"
            case .afterNotes: return "it is a short block after the notes"
            case .besideMainText: return "it lies beside the article's main text and does not read as article text"
            }
        }
    }

    /// Blocks with more words than this are reported (shorter ones when they are a paragraph holding
    /// a sentence, or hold a caption or a "Figure 3" label).
    public static let minimumWords = 20
    /// Blocks of the article left out beside its main text (``Reason/besideMainText``) are reported
    /// from this many words on (Unicode word count).
    public static let minimumWordsBesideMainText = 3

    /// The removed element's name (`div`, `ul`…), 1-based source line (0 when unknown) and word count.
    public var element: String
    public var line: Int
    /// The UTF-8 offset of its start tag's `<` in the decoded source, when known.
    public var sourceStart: Int?
    /// Its start tag in the decoded source (filled in by ``ContentExtractor``).
    public var span: SourceSpan?
    public var words: Int
    /// The first words of its text (at most ``excerptWords``), with "…" when cut.
    public var excerpt: String
    public var reason: Reason

    public init(element: String, line: Int, sourceStart: Int? = nil, span: SourceSpan? = nil, words: Int,
                excerpt: String, reason: Reason) {
        self.element = element
        self.line = line
        self.sourceStart = sourceStart
        self.span = span
        self.words = words
        self.excerpt = excerpt
        self.reason = reason
    }

    static let excerptWords = 12

    /// Whether `text` reads as a sentence of running text: at least two words, ending with sentence
    /// punctuation (closing quotes and brackets after it allowed). "Download PDF" does not.
    static func isSentence(_ text: String) -> Bool {
        let trimmed = text.drop(while: { InlineText.isTrimmable($0) })
        var end = trimmed.endIndex
        while end > trimmed.startIndex {
            let c = trimmed[trimmed.index(before: end)]
            guard InlineText.isTrimmable(c) || "\"'\u{201D}\u{2019})]".contains(c) else { break }
            end = trimmed.index(before: end)
        }
        guard end > trimmed.startIndex, ".!?\u{2026}\u{3002}".contains(trimmed[trimmed.index(before: end)]) else { return false }
        return InlineText.wordCount(String(trimmed[..<end])) >= 2
    }

    /// The first ``excerptWords`` words of `text`, whitespace collapsed.
    static func excerpt(of text: String) -> String {
        let words = text.split(whereSeparator: { InlineText.isTrimmable($0) })
        let head = words.prefix(excerptWords).joined(separator: " ")
        return words.count > excerptWords ? head + " …" : head
    }
}
