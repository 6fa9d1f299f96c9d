/// The one shared analysis of an article: its text projected into units (one per run of phrase
/// content), with scopes, sentences and word tokens. Built once per version of the model and handed
/// to every check stage; checks never walk the model to build text of their own.
public struct ArticleAnalysis: Sendable {
    public var units: [TextUnit]

    public init(_ article: Article) {
        units = []
        // Filled in by the analysis work (projection, scopes, sentences, tokens).
    }
}
