import Foundation
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport
import Testing

/// `limits.max-words` (issue 12, memory stays bounded): an article whose text has more words than the
/// limit is refused whole by the ingest stage with `ingest.too-many-words` (error) and no model, before
/// any stage builds the shared analysis; at or under the limit it is read whole.
@Suite struct IngestWordLimitTests {
    static func ingest(_ page: String, name: String = "big.html", maxWords: Int) throws -> ArticleContext {
        try IngestLimitFixture.ingest(page, name: name, limits: Limits(maxWords: maxWords))
    }

    /// Title "A Title" (2 words), heading "Background" (1), 20 paragraphs of 14 words and a period: 303.
    static let page = "<html><head><title>A Title</title></head><body><article><h1>A Title</h1><h2>Background</h2>"
        + String(repeating: "<p>Some text that is long enough to count as the body of the page.</p>", count: 20)
        + "</article></body></html>"

    @Test func thePageHasTheWordsItShows() throws {
        let context = try Self.ingest(Self.page, maxWords: 0)
        let article = try #require(context.article)
        #expect(WordCounter.count(in: article) == 303)
    }

    @Test func overTheLimitTheArticleIsNotBuilt() throws {
        let context = try Self.ingest(Self.page, maxWords: 302)
        #expect(context.article == nil, "no half-read article")
        #expect(context.analysisBuilds == 0)
        let errors = context.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.rule) == ["ingest.too-many-words"])
        #expect(errors.first?.message == "big.html has 303 words and punctuation marks, more than limits.max-words (302): no article was built and nothing will be emitted for it. Split the page, or raise limits.max-words in the workflow (0: no limit) if it is genuine.")
        #expect(errors.first?.location.file == "big.html")
    }

    @Test func atTheLimitThePageIsReadWhole() throws {
        let context = try Self.ingest(Self.page, maxWords: 303)
        #expect(!context.diagnostics.contains { $0.rule == "ingest.too-many-words" })
        let blocks = context.article?.sections.reduce(0) { $0 + $1.blocks.count } ?? 0
        #expect(blocks == 20, "every paragraph is in the model")
    }

    @Test func underTheLimitAndWithNoLimitThePageIsRead() throws {
        for limit in [1_000, 0] {
            let context = try Self.ingest(Self.page, maxWords: limit)
            #expect(context.article != nil, "limit \(limit)")
            #expect(!context.diagnostics.contains { $0.rule == "ingest.too-many-words" }, "limit \(limit)")
        }
    }

    /// A `.txt` back-issue page goes through the same check.
    @Test func aTextPageOverTheLimitIsRefusedToo() throws {
        let text = "A Title\nPublished December 15, 2025\n\n" + String(repeating: "Some text that is long enough to count as the body.\n\n", count: 10)
        let over = try Self.ingest(text, name: "old.txt", maxWords: 50)
        #expect(over.article == nil)
        #expect(over.diagnostics.filter { $0.severity == .error }.map(\.rule) == ["ingest.too-many-words"])
        #expect(over.diagnostics.first { $0.rule == "ingest.too-many-words" }?.message.hasPrefix("old.txt has ") == true)
        let within = try Self.ingest(text, name: "old.txt", maxWords: 1_000)
        #expect(within.article != nil)
    }

    @Test func theDefaultReadsABook() {
        // The README's measured figures ("Memory per article") are for this value.
        #expect(Limits().maxWords == 1_500_000)
    }
}

/// ``WordCounter``: one pass, close to the tokenizer's tokens (words, numbers, punctuation marks).
@Suite struct WordCounterTests {
    @Test func countsWordsAndNumbers() {
        #expect(WordCounter.count(in: "") == 0)
        #expect(WordCounter.count(in: "a a a ") == 3)
        #expect(WordCounter.count(in: "  The cat sat.  ") == 4)
        #expect(WordCounter.count(in: "don’t stop: state-owned COVID-19 in 2025") == 7)
        // Each mark is one: a, -, -, b, ', quoted, ', -, x, -, ., ., ., !, !
        #expect(WordCounter.count(in: "a--b 'quoted' -x- ... !!") == 15)
        #expect(WordCounter.count(in: "& & &\u{200B}&") == 4)
        #expect(WordCounter.count(in: "서울의 정책은 변했다") == 3)
        #expect(WordCounter.count(in: "café naïve") == 2)
        // Decomposed accents (combining marks) stay inside their word.
        #expect(WordCounter.count(in: "cafe\u{301} nai\u{308}ve") == 2)
    }

    @Test func agreesWithTheTokenizerOnProse() {
        let text = "In 2024 the minister’s budget — almost half of it — was cut; state-owned firms objected (see the annex)!"
        #expect(WordCounter.count(in: text) == WordTokenizer.tokens(in: text).count)
        #expect(WordCounter.count(in: text) == 23)
    }
}
