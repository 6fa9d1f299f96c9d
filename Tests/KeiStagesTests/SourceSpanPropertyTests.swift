import Foundation
import Testing
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport
import KeiXML

/// The text layer's promise: every word token of the model's text slices back to its words in the source.
///
/// For each page (the samples and the 14 real pages of `../shared/testdata/readability`), the page is
/// ingested, the shared analysis is built, and for every word token of every text unit the source is
/// sliced at the token's span; the slice, read as HTML (tags dropped, entities decoded by libxml2, white
/// space collapsed), must be the token. The count of tokens checked is printed; any mismatch fails.
@Suite struct SourceSpanPropertyTests {
    static var pages: [(String, URL)] {
        var out: [(String, URL)] = []
        let samples = TestPaths.samples.appendingPathComponent("issue-3-2")
        for f in (try? FileManager.default.contentsOfDirectory(atPath: samples.path).sorted()) ?? [] where f.hasSuffix(".html") {
            out.append((f, samples.appendingPathComponent(f)))
        }
        let readability = TestPaths.shared.appendingPathComponent("testdata/readability")
        for d in (try? FileManager.default.contentsOfDirectory(atPath: readability.path).sorted()) ?? [] {
            let f = readability.appendingPathComponent(d).appendingPathComponent("source.html")
            if FileManager.default.fileExists(atPath: f.path) { out.append((d, f)) }
        }
        return out
    }

    /// The text a source slice shows: tags dropped, entities decoded, white space collapsed.
    static func rendered(_ slice: String) -> String {
        let doc = MarkupParser.parseHTML(Data(("<html><body><div>" + slice + "</div></body></html>").utf8), encoding: "UTF-8")
        let text = doc.root?.textContent ?? ""
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test(.enabled(if: TestPaths.sharedExists, "needs ../shared/testdata/readability"))
    func everyWordTokenSlicesBackToTheSource() throws {
        var total = 0
        var failures: [String] = []
        for (name, url) in Self.pages {
            let dir = TestPaths.temporaryDirectory("kei-span")
            defer { try? FileManager.default.removeItem(at: dir) }
            var ctx = try StageHarness.run(file: url, display: name, output: dir, workingDirectory: dir)
            let index = try #require(ctx.sourceIndex, "\(name): ingest sets the source index")
            let built = ctx.currentAnalysis()
            let analysis = try #require(built, "\(name): an analysis")
            var checked = 0, unsourced = 0
            var unsourcedSamples: [String] = []
            for unit in analysis.units {
                let s = unit.text.string
                for token in WordTokenizer.words(in: s) {
                    guard let span = unit.text.span(of: token.range) else {
                        // The subtitle comes from metadata (meta tags, JSON-LD): no source span; nor does a title with no source.
                        if unit.scope != .title && unit.scope != .subtitle {
                            unsourced += 1
                            if unsourcedSamples.count < 5 { unsourcedSamples.append("\(unit.scope): \(String(decoding: Array(s.utf8)[token.range], as: UTF8.self))") }
                        }
                        continue
                    }
                    // A title not spelled by the page's <h1> or <title> has one origin: the whole value
                    // it was read from (a <meta content>), where its findings are located.
                    if unit.scope == .title && !unit.isVerbatim(token.range) { continue }
                    let word = String(decoding: Array(s.utf8)[token.range], as: UTF8.self)
                    let back = Self.rendered(index.text(of: span))
                    checked += 1
                    if back != word, failures.count < 40 {
                        let p = index.position(of: span.start)
                        failures.append("\(name):\(p.line):\(p.column): token “\(word)” but the source there reads “\(back)”")
                    }
                }
            }
            print("SourceSpanProperty: \(name): \(checked) word tokens checked, \(unsourced) without a source \(unsourcedSamples)")
            #expect(checked > 10, Comment(rawValue: "\(name): tokens were checked"))
            let share = "\(name): at most 0.5% of tokens without a source (\(unsourced) of \(checked + unsourced))"
            #expect(unsourced * 200 <= checked, Comment(rawValue: share))
            total += checked
        }
        print("SourceSpanProperty: \(total) word tokens checked in \(Self.pages.count) pages")
        let report = "\(failures.count) mismatches:\n" + failures.joined(separator: "\n")
        #expect(failures.isEmpty, Comment(rawValue: report))
    }
}
