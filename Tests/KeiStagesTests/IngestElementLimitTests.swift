import Foundation
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport
import Testing

/// `limits.max-elements` (issue 12, memory stays bounded): a page with more start tags is refused whole
/// by `ingest.html` with an error, never read in part.
@Suite struct IngestElementLimitTests {
    static func ingest(_ html: String, maxElements: Int) throws -> ArticleContext {
        try IngestLimitFixture.ingest(html, limits: Limits(maxElements: maxElements))
    }

    static let page = "<html><head><title>A Title</title></head><body><article><h1>A Title</h1>"
        + String(repeating: "<p>Some text that is long enough to count as the body of the page.</p>", count: 1200)
        + "</article></body></html>"

    @Test func aPageOverTheLimitFailsIngestWithoutAModel() throws {
        let context = try Self.ingest(Self.page, maxElements: 1000)
        #expect(context.article == nil, "no half-read article")
        let errors = context.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.rule) == ["ingest.too-many-elements"])
        #expect(errors.first?.message == "big.html has 1,206 start tags and comments, more than limits.max-elements (1000): the page was not read and nothing will be emitted for it. Split the page, or raise limits.max-elements in the workflow if it is genuine.")
    }

    @Test func aPageWithinTheLimitIsReadWhole() throws {
        let context = try Self.ingest(Self.page, maxElements: 1206)
        #expect(!context.diagnostics.contains { $0.rule == "ingest.too-many-elements" })
        let blocks = context.article?.sections.reduce(0) { $0 + $1.blocks.count } ?? 0
        #expect(blocks == 1200, "every paragraph is in the model")
    }

    @Test func theDefaultLimitReadsAMillionParagraphs() {
        // The README's measured figure (1,103 MiB peak at the limit) is for this value.
        #expect(Limits().maxElements == 1_200_000)
    }
}
