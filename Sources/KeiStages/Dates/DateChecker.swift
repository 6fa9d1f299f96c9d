import KeiCore
import KeiDates
import KeiDocument

/// One family of `check.dates` rules (calendar validity, weekdays, house date style, chronology, relative
/// phrases; the timeline's events and office holders). Checkers are read-only: they see the model, the
/// shared analysis, the date mentions found once per article and the timeline, and return diagnostics.
protocol DateChecker: Sendable {
    /// Every rule the checker can emit.
    static var messages: [StageMessage] { get }
    func check(_ input: DateCheckInput) -> [Diagnostic]
}

/// What every date checker reads: one article's model and analysis, the date mentions of every unit
/// (found once by the stage), the reference date, the timeline, the stage's options and the context.
struct DateCheckInput {
    var article: Article
    var analysis: ArticleAnalysis
    /// `mentions[i]` are the date mentions of `analysis.units[i]`, in text order.
    var mentions: [[DateMention]]
    /// The date the article is read against: its own publication date, else the issue's cover date;
    /// nil when neither is known (chronology checks then stay silent).
    var publicationDate: PublicationDate?
    /// The issue's cover date, when the workflow gives one.
    var coverDate: PublicationDate?
    /// The timeline knowledge base, when the workflow names one.
    var timeline: Timeline?
    /// The timeline's look-up tables (built once per stage instance), when there is a timeline.
    var indexes: TimelineIndexes?
    /// `words[i]` are the words of `analysis.units[i]` as the indexes compare them; empty without a timeline.
    var words: [TimelineWords]
    var context: ArticleContext
    var options: DateOptions

    init(article: Article, analysis: ArticleAnalysis, context: ArticleContext, options: DateOptions, timeline: Timeline?,
         indexes: TimelineIndexes?) {
        self.article = article
        self.analysis = analysis
        self.context = context
        self.options = options
        self.timeline = timeline
        self.indexes = indexes
        words = indexes == nil ? [] : analysis.units.map(TimelineWords.init)
        coverDate = context.issue.coverDate.flatMap(PublicationDate.init(iso:))
        publicationDate = article.metadata.publicationDate ?? coverDate
        let extractor = DateExtractor(referenceDate: publicationDate)
        mentions = analysis.units.map { extractor.mentions(in: $0.text.string, tokens: $0.tokens) }
    }

    /// Every (unit, mention) pair in reading order.
    var allMentions: [(unit: TextUnit, mention: DateMention)] {
        var out: [(TextUnit, DateMention)] = []
        for (i, unit) in analysis.units.enumerated() { for m in mentions[i] { out.append((unit, m)) } }
        return out
    }
}

/// The options of `check.dates`, read once when the stage is built.
struct DateOptions: Sendable {
    /// `house-style`: report dates not in the house form (``DateStyleChecker``).
    var houseStyle = true
    /// `relative-phrases`: report relative phrases (``RelativePhraseChecker``).
    var relativePhrases = true

    init(_ options: StageOptions) {
        houseStyle = options.bool("house-style", default: true)
        relativePhrases = options.bool("relative-phrases", default: true)
    }
}
