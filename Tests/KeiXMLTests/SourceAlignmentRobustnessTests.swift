import Foundation
import KeiTestSupport
import Testing
@testable import KeiXML

/// The aligner on malformed and unusual input: the html5lib tree-construction and encoding inputs and
/// the ingest test pages under `../shared/testdata`, plus the project's samples. Whatever libxml2 makes
/// of them, no origin may point at source that does not read as its text.
@Suite struct SourceAlignmentRobustnessTests {
    /// The `#data` sections of an html5lib `.dat` file (bytes, since some are not UTF-8).
    static func dataSections(_ file: URL) -> [[UInt8]] {
        guard let bytes = try? Data(contentsOf: file) else { return [] }
        var cases: [[UInt8]] = []
        var current: [UInt8]?
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if line.first == 0x23 { // '#'
                let header = String(decoding: line, as: UTF8.self)
                if let c = current { cases.append(Array(c.dropLast())) } // drop the line feed before the header
                current = header == "#data" ? [] : nil
                continue
            }
            current?.append(contentsOf: line)
            current?.append(0x0A)
        }
        return cases
    }

    static func files(under folder: URL, ext: String) -> [URL] {
        let e = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var out: [URL] = []
        while let url = e?.nextObject() as? URL {
            if url.pathExtension == ext { out.append(url) }
        }
        return out.sorted { $0.path < $1.path }
    }

    @Test(.enabled(if: TestPaths.sharedExists)) func html5libInputsNeverMisalign() {
        let folder = TestPaths.shared.appendingPathComponent("testdata/html5lib")
        var visible = 0, sourced = 0, cases = 0, nodes = 0, aligned = 0
        var failures: [String] = []
        var unsourced: [String] = []
        for file in Self.files(under: folder, ext: "dat") {
            for (i, input) in Self.dataSections(file).enumerated() where !input.isEmpty {
                cases += 1
                let check = AlignmentCheck(MarkupParser.parseHTML(Data(input)))
                visible += check.visibleBytes
                sourced += check.sourcedVisibleBytes
                nodes += check.textNodes
                aligned += check.fullyAlignedNodes
                failures += check.failures.map { "\(file.lastPathComponent)#\(i + 1): \($0)" }
                if check.sourcedVisibleBytes < check.visibleBytes, unsourced.count < 30 {
                    unsourced.append("\(file.lastPathComponent)#\(i + 1): \(check.unsourced.prefix(3))")
                }
            }
        }
        let percentage = visible == 0 ? 100 : 100 * Double(sourced) / Double(visible)
        print("alignment: html5lib \(cases) inputs, \(nodes) text nodes, \(aligned) fully aligned, \(visible) visible bytes, "
              + String(format: "%.2f", percentage) + "% sourced")
        for u in unsourced { print("alignment: unsourced \(u)") }
        #expect(cases > 1000)
        #expect(failures.isEmpty, "\(failures.prefix(10))")
        #expect(percentage >= 99)
    }

    @Test(.enabled(if: TestPaths.sharedExists)) func ingestCasesAndSamplesAlignFully() throws {
        var pages = Self.files(under: TestPaths.shared.appendingPathComponent("testdata/ingest-cases"), ext: "html")
        pages += Self.files(under: TestPaths.samples, ext: "html")
        #expect(pages.count > 5)
        for page in pages {
            let doc = MarkupParser.parseHTML(try Data(contentsOf: page))
            let check = AlignmentCheck(doc)
            #expect(check.failures.isEmpty, "\(page.lastPathComponent): \(check.failures.prefix(5))")
            #expect(check.sourcedVisibleBytes == check.visibleBytes, "\(page.lastPathComponent): unsourced \(check.unsourced)")
        }
    }
}
