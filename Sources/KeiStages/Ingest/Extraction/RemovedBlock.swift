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

        /// How a reviewer is told why.
        public var explanation: String {
            switch self {
            case .hidden: return "it is hidden from readers (hidden, aria-hidden or display:none)"
            case .chromeHint: return "its class, id or role marks site chrome"
            case .density: return "it is mostly links or too little text for its size"
            case .beforeTitle: return "it comes before the article's title heading"
            case .afterNotes: return "it is a short block after the notes"
            }
        }
    }

    /// Blocks with more words than this are reported.
    public static let minimumWords = 20

    /// The removed element's name (`div`, `ul`…), 1-based source line (0 when unknown) and word count.
    public var element: String
    public var line: Int
    public var words: Int
    /// The first words of its text (at most ``excerptWords``), with "…" when cut.
    public var excerpt: String
    public var reason: Reason

    public init(element: String, line: Int, words: Int, excerpt: String, reason: Reason) {
        self.element = element
        self.line = line
        self.words = words
        self.excerpt = excerpt
        self.reason = reason
    }

    static let excerptWords = 12

    /// The first ``excerptWords`` words of `text`, whitespace collapsed.
    static func excerpt(of text: String) -> String {
        let words = text.split(whereSeparator: { InlineText.isTrimmable($0) })
        let head = words.prefix(excerptWords).joined(separator: " ")
        return words.count > excerptWords ? head + " …" : head
    }
}
