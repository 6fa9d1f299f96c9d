import Foundation
import KeiDocument
import KeiStages
import KeiTestSupport
import KeiXML
import Testing

/// Runs the metadata extractor over the 14 real pages of `../shared/testdata/readability` and
/// compares title, byline names, published date and language with Readability.js's expected metadata.
@Suite struct MetadataReadabilityTests {
    static let pages = ["aclu", "bbc-1", "citylab-1", "cnn", "ebb-org", "google-sre-book-1", "ietf-1", "lwn-1",
                        "nytimes-1", "quanta-1", "seattletimes-1", "telegraph", "wapo-1", "wikipedia"]

    /// Where this project deliberately differs from Readability.js, the value it must give instead:
    /// `<title>` parts the visible `<h1>` does not show are site names (issue 6), and a JSON-LD
    /// `creator` that is a newsroom desk is the article's group author, which Readability misses.
    static let deliberateTitles = [
        "ebb-org": "On Recent Controversial Events",  // <title> "… - Bradley M. Kuhn ( Brad ) ( bkuhn )"
        "wikipedia": "Mozilla",                       // <title> "Mozilla - Wikipedia"
    ]
    static let deliberateGroupAuthors = ["telegraph": ["Our Foreign Staff"]]  // JSON-LD "creator"

    @Test(.enabled(if: TestPaths.sharedExists)) func realPagesMatchReadabilityMetadata() throws {
        let base = TestPaths.shared.appendingPathComponent("testdata/readability")
        var titleOK = 0, bylineOK = 0, dateOK = 0, langOK = 0, pagesRead = 0
        var datesExpected = 0, datesAgreeing = 0, extraDates = 0
        for name in Self.pages {
            let dir = base.appendingPathComponent(name)
            let html = try Data(contentsOf: dir.appendingPathComponent("source.html"))
            let expectedData = try Data(contentsOf: dir.appendingPathComponent("expected-metadata.json"))
            let expected = try #require(try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
            let doc = MarkupParser.parseHTML(html)
            let (meta, diagnostics) = MetadataExtractor.extract(from: doc, file: "\(name)/source.html")
            pagesRead += 1
            for d in diagnostics {
                #expect(!d.rule.isEmpty && !d.message.isEmpty && d.location.file == "\(name)/source.html")
            }

            let expTitle = expected["title"] as? String
            let titleMatch = Self.deliberateTitles[name].map { meta.title == $0 }
                ?? expTitle.map { MetadataComparison.key($0) == MetadataComparison.key(meta.title ?? "") } ?? (meta.title == nil)

            let expByline = (expected["byline"] as? String).map(MetadataComparison.key)
            let names = meta.authors.map { MetadataComparison.key($0.name) }
            let bylineMatch: Bool
            if let groups = Self.deliberateGroupAuthors[name] {
                bylineMatch = meta.authors.map(\.name) == groups && meta.authors.allSatisfy { $0.kind == .group }
            } else if let expByline {
                bylineMatch = !names.isEmpty && names.allSatisfy { expByline.contains($0) }
            } else {
                bylineMatch = names.isEmpty
            }

            let expDate = (expected["publishedTime"] as? String).map { String($0.prefix(10)) }
            let dateMatch = expDate == meta.publicationDate?.iso
            if expDate != nil {
                datesExpected += 1
                if dateMatch { datesAgreeing += 1 }
            } else if meta.publicationDate != nil {
                extraDates += 1
            }

            let expLang = (expected["lang"] as? String)?.lowercased()
            let langMatch = expLang == meta.language?.lowercased()

            if titleMatch { titleOK += 1 }
            if bylineMatch { bylineOK += 1 }
            if dateMatch { dateOK += 1 }
            if langMatch { langOK += 1 }
            print("""
                [metadata] \(name): title \(titleMatch ? "ok" : "MISS") (\(meta.title ?? "nil") | expected \(expTitle ?? "nil")); \
                byline \(bylineMatch ? "ok" : "MISS") (\(meta.authors.map(\.name)) | expected \(expected["byline"] as? String ?? "nil")); \
                date \(dateMatch ? "ok" : "MISS") (\(meta.publicationDate?.iso ?? "nil") | expected \(expDate ?? "nil")); \
                lang \(langMatch ? "ok" : "MISS") (\(meta.language ?? "nil") | expected \(expLang ?? "nil")); \
                \(diagnostics.count) diagnostics: \(diagnostics.map(\.rule))
                """)
        }
        print("[metadata] totals over \(pagesRead) pages: title \(titleOK), byline \(bylineOK), publishedTime \(dateOK), lang \(langOK)")
        print("[metadata] publishedTime: \(datesAgreeing)/\(datesExpected) agree where Readability has a date; a date was found on \(extraDates) pages where Readability has none")
        // Floors measured at 14 / 11 / 8 / 13 (see the printed per-page lines for the misses). Before
        // issue 6: the same counts, with ebb-org and wikipedia titles matching Readability's suffixes
        // and the telegraph byline (a JSON-LD creator) missed; they are now checked as `deliberate…`.
        #expect(pagesRead == Self.pages.count)
        #expect(titleOK >= 14)
        #expect(bylineOK >= 11)
        #expect(dateOK >= 7)
        #expect(datesAgreeing == datesExpected)
        #expect(langOK >= 12)
    }
}
