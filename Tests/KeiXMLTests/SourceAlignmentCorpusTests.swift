import Foundation
import KeiTestSupport
import Testing
@testable import KeiXML

/// The aligner on real pages: the 14 readability test pages under `../shared/testdata/readability`.
@Suite struct SourceAlignmentCorpusTests {
    static var pagesFolder: URL {
        TestPaths.shared.appendingPathComponent("testdata/readability")
    }

    static var pages: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: pagesFolder.path)) ?? [])
            .filter { FileManager.default.fileExists(atPath: pagesFolder.appendingPathComponent("\($0)/source.html").path) }
            .sorted()
    }

    @Test(.enabled(if: TestPaths.sharedExists)) func everyRealPageAlignsAlmostFully() throws {
        let pages = Self.pages
        #expect(pages.count >= 14)
        for page in pages {
            let data = try Data(contentsOf: Self.pagesFolder.appendingPathComponent("\(page)/source.html"))
            let doc = MarkupParser.parseHTML(data)
            let check = AlignmentCheck(doc)
            let name = page.padding(toLength: 18, withPad: " ", startingAt: 0)
            let line = String(format: "%6d text nodes, %6d fully aligned; %7d visible bytes, %6.2f%% sourced; %4d references; comments %d/%d; element starts %d/%d",
                              check.textNodes, check.fullyAlignedNodes, check.visibleBytes, check.sourcedPercentage,
                              check.referenceOrigins, check.commentsWithSpan, check.comments, check.elementsWithStart, check.elements)
            print("alignment: \(name) \(line)")
            #expect(!doc.sourceText.isEmpty, "\(page): no source text")
            #expect(check.failures.isEmpty, "\(page): \(check.failures.prefix(5))")
            #expect(check.sourcedPercentage >= 99.5, "\(page): \(check.sourcedPercentage)% sourced; unsourced: \(check.unsourced.prefix(5))")
        }
    }
}
