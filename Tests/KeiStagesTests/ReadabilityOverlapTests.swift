import Foundation
import Testing
import KeiXML
import KeiTestSupport
@testable import KeiStages

/// Word-overlap of the extractor's output with Readability.js's expected output on the 14 real
/// pages in ../shared/testdata/readability (trafilatura reaches a mean F1 of 0.965 there).
///
/// Both files are read as UTF-8 (as Readability's own test harness does): three sources and all
/// expected files carry no charset declaration, and libxml2 would otherwise assume Latin-1.
@Suite struct ReadabilityOverlapTests {
    static let folder = TestPaths.shared.appendingPathComponent("testdata/readability")
    static let meanFloor = 0.975
    static let pageFloor = 0.93

    /// Lower-cased word tokens: maximal runs of letters and digits.
    static func tokens(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// Multiset precision, recall and F1 of `got` against `want`.
    static func overlap(got: [String], want: [String]) -> (p: Double, r: Double, f: Double) {
        var counts: [String: Int] = [:]
        for t in want { counts[t, default: 0] += 1 }
        var common = 0
        for t in got {
            if let c = counts[t], c > 0 { common += 1; counts[t] = c - 1 }
        }
        let p = got.isEmpty ? 0 : Double(common) / Double(got.count)
        let r = want.isEmpty ? 0 : Double(common) / Double(want.count)
        let f = p + r > 0 ? 2 * p * r / (p + r) : 0
        return (p, r, f)
    }

    @Test func overlapIsComputedAsAMultiset() {
        let o = Self.overlap(got: ["a", "a", "b", "x"], want: ["a", "b", "b", "c"])
        #expect(abs(o.p - 0.5) < 1e-9)
        #expect(abs(o.r - 0.5) < 1e-9)
        #expect(Self.tokens("Don't STOP, 2025-12!") == ["don", "t", "stop", "2025", "12"])
    }

    @Test(.enabled(if: TestPaths.sharedExists, "needs ../shared/testdata/readability"))
    func extractionOverlapsReadabilityExpectedOutput() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
        let pages = names.filter {
            FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent($0).appendingPathComponent("source.html").path)
        }.sorted()
        try #require(!pages.isEmpty)
        var rows: [String] = []
        var total = 0.0
        var low: [String] = []
        for name in pages {
            let dir = Self.folder.appendingPathComponent(name)
            let source = try Data(contentsOf: dir.appendingPathComponent("source.html"))
            let expected = try Data(contentsOf: dir.appendingPathComponent("expected.html"))
            let got = ContentExtractor.extract(from: MarkupParser.parseHTML(source, encoding: "UTF-8"))?.textContent ?? ""
            let want = MarkupParser.parseHTML(expected, encoding: "UTF-8").root?.textContent ?? ""
            let o = Self.overlap(got: Self.tokens(got), want: Self.tokens(want))
            total += o.f
            if o.f < Self.pageFloor { low.append(name) }
            rows.append(name.padding(toLength: 20, withPad: " ", startingAt: 0)
                + String(format: "P %.3f  R %.3f  F1 %.3f", o.p, o.r, o.f))
        }
        let mean = total / Double(pages.count)
        print((["ReadabilityOverlap per page:"] + rows + [String(format: "mean F1 %.4f over %d pages", mean, pages.count)])
            .joined(separator: "\n"))
        #expect(mean >= Self.meanFloor, "mean F1 \(mean) below \(Self.meanFloor)")
        #expect(low.isEmpty, "pages below F1 \(Self.pageFloor): \(low)")
    }
}
