import KeiDocument

/// What the page's JSON-LD says about the article (the first Article-like node found).
struct JSONLDMetadata {
    var headline: String?
    var alternativeHeadline: String?
    var authors: [Author] = []
    /// `creator`, used for authors when there is no `author`.
    var creators: [Author] = []
    /// `datePublished` as written (validated by the extractor).
    var datePublished: String?
    var keywords: [String] = []
    var issueNumber: String?
    var volumeNumber: String?
    /// The `name` of the `Periodical` the article `isPartOf`.
    var periodical: String?
    var publisher: String?
    var inLanguage: String?
    var url: String?
    var description: String?
    var doi: String?
    /// The line of the `<script>` element holding the node.
    var line: Int = 0
    /// UTF-8 offset of that `<script>`'s `<`, for diagnostic spans.
    var start: Int?
    /// Lines of `<script type="application/ld+json">` blocks that are not valid JSON, with the reason.
    var invalidBlocks: [(line: Int, reason: String)] = []
    /// Lines of blocks whose strings escape control characters (``JSONLDReader/replacingControlEscapes(_:)``),
    /// with how many.
    var controlEscapes: [(line: Int, count: Int)] = []
}
