/// Resource limits, configurable from the workflow's `limits:` key.
public struct Limits: Sendable, Hashable {
    /// The largest source file read, in bytes (default 32 MiB).
    public var maxSourceBytes: Int
    /// The most start tags and comments an HTML page may hold (`limits.max-elements`, default 1,200,000). A page with
    /// more is not parsed: its ingest stage fails with `ingest.too-many-elements`, since a page that
    /// cannot be read whole fails the gate. The default keeps one article's run under 1.5 GB of memory
    /// for the page shape that costs the most per byte, tiny elements (`<p>a</p>` repeated): at the
    /// limit, the release build's `check` with the default workflow peaked at 1,103 MiB (README,
    /// "Memory per article"); a page of 1,000,000 paragraphs is read.
    public var maxElements: Int
    /// The most words the text of one article may hold, each punctuation mark or symbol counting as one
    /// (`limits.max-words`, default 1,500,000; 0 sets no limit). They are counted (``WordCounter``) once the
    /// ingest stage has built the model, before the shared analysis tokenises it; an article with more is
    /// refused whole with `ingest.too-many-words` (error) and no model is kept, since a run's memory grows
    /// with the number of tokens, not with the page's bytes. The default keeps one article under 1.5 GB
    /// with the default workflow for the costliest shape measured, one-letter words that are all repeated
    /// ("a a a …": a token and a `style.repeated-word` finding each); figures in README, "Memory per
    /// article". A long article has 15,000 words, a book 200,000.
    public var maxWords: Int
    /// The most findings of one rule kept for one article (`limits.max-findings-per-rule`, default 1,000;
    /// 0 keeps them all). Findings beyond it are counted, not stored: ``ArticleContext/emit(_:)`` drops
    /// them and the article gets one `pipeline.findings-capped` summary per capped rule, as severe as the
    /// most severe finding it stands for, so gates, `--strict` and `fail-on` give the same verdict. The
    /// runner's own `pipeline.*` diagnostics are never capped. It bounds a run's memory when a page makes a
    /// check report hundreds of thousands of findings (README, "Memory per article").
    public var maxFindingsPerRule: Int

    public init(maxSourceBytes: Int = 32 * 1024 * 1024, maxElements: Int = 1_200_000, maxFindingsPerRule: Int = 1_000,
                maxWords: Int = 1_500_000) {
        self.maxSourceBytes = maxSourceBytes
        self.maxElements = maxElements
        self.maxFindingsPerRule = maxFindingsPerRule
        self.maxWords = maxWords
    }
}
