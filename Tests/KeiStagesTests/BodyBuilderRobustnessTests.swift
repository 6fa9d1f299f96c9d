import Foundation
import KeiDocument
import KeiStages
import KeiTestSupport
import KeiXML
import Testing

/// BodyBuilder on real and malformed pages: it never crashes, and no text of the content is lost.
@Suite struct BodyBuilderRobustnessTests {
    /// Words of the visible text of an element (script, style and form controls excluded).
    static func words(_ e: DOMElement) -> [String] {
        var out: [String] = []
        func visit(_ el: DOMElement) {
            for child in el.children {
                switch child {
                case .text(let t): out += tokens(t.value)
                case .element(let c):
                    if ["script", "style", "noscript", "template", "button", "select", "textarea", "option",
                        "iframe", "svg", "math", "head", "title"].contains(c.name) { continue }
                    visit(c)
                case .comment: continue
                }
            }
        }
        visit(e)
        return out
    }

    static func tokens(_ s: String) -> [String] {
        s.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.lowercased() }
    }

    /// Letters and digits of `input` that `output` does not have as many of (order-insensitive,
    /// so text glued across element boundaries or moved into notes still counts as kept).
    static func lostCharacters(input: String, output: String) -> [Character] {
        var counts: [Character: Int] = [:]
        for c in output where c.isLetter || c.isNumber { counts[Character(c.lowercased()), default: 0] += 1 }
        var lost: [Character] = []
        for c in input where c.isLetter || c.isNumber {
            let k = Character(c.lowercased())
            if let n = counts[k], n > 0 { counts[k] = n - 1 } else { lost.append(k) }
        }
        return lost
    }

    static var readabilityPages: [String] {
        let dir = TestPaths.shared.appendingPathComponent("testdata/readability")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: dir.appendingPathComponent("\($0)/source.html").path) }.sorted()
    }

    @Test(.enabled(if: TestPaths.sharedExists, "needs ../shared/testdata/readability"), arguments: readabilityPages)
    func noTextLostOnRealPages(_ name: String) throws {
        let url = TestPaths.shared.appendingPathComponent("testdata/readability/\(name)/source.html")
        let document = MarkupParser.parseHTML(try Data(contentsOf: url))
        let body = try #require(document.root?.firstDescendant(named: "body"))
        let result = BodyBuilder.build(content: body, document: document, metadata: ArticleMetadata(), file: name)
        let missing = Self.lostCharacters(input: Self.words(body).joined(), output: BodyFixture.allText(result))
        // Leading bylines and datelines are dropped on purpose; allow those few characters.
        #expect(missing.count <= 40, "\(name): characters lost: \(String(missing.prefix(80)))")
    }

    /// The `#data` sections of the html5lib tree-construction cases.
    static func html5libCases() -> [String] {
        let dir = TestPaths.shared.appendingPathComponent("testdata/html5lib/tree-construction")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".dat") }
        var cases: [String] = []
        for name in names.sorted() {
            guard let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) else { continue }
            var current: [Substring]?
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line == "#data" { current = []; continue }
                if line.hasPrefix("#"), let c = current { cases.append(c.joined(separator: "\n")); current = nil; continue }
                current?.append(line)
            }
        }
        return cases
    }

    @Test(.enabled(if: TestPaths.sharedExists, "needs ../shared/testdata/html5lib"))
    func malformedPagesNeverCrashAndKeepTheirText() {
        let cases = Self.html5libCases()
        var lossy: [String] = []
        for html in cases {
            let document = MarkupParser.parseHTML(Data(html.utf8))
            guard let body = document.root?.firstDescendant(named: "body") else { continue }
            let result = BodyBuilder.build(content: body, document: document, metadata: ArticleMetadata(), file: "case.html")
            if !Self.lostCharacters(input: Self.words(body).joined(), output: BodyFixture.allText(result)).isEmpty {
                lossy.append(html)
            }
        }
        #expect(cases.count > 1000)
        #expect(lossy.isEmpty, "text lost in \(lossy.count) cases, e.g. \(lossy.prefix(5))")
    }

    @Test func deepNestingAndLongPagesAreBuilt() {
        var html = "<html><head><meta charset=\"utf-8\"></head><body>"
        html += String(repeating: "<div><span>", count: 100) + "deep text" + String(repeating: "</span></div>", count: 100)
        for i in 0..<3000 { html += "<p>Paragraph \(i) with <em>some</em> text<sup><a href=\"#fn\(i)\">\(i + 1)</a></sup>.</p>\n" }
        html += "<ol class=\"footnotes\">"
        for i in 0..<3000 { html += "<li id=\"fn\(i)\">Note \(i).</li>" }
        html += "</ol></body></html>"
        let document = MarkupParser.parseHTML(Data(html.utf8))
        guard let body = document.root?.firstDescendant(named: "body") else { Issue.record("no body"); return }
        let result = BodyBuilder.build(content: body, document: document, metadata: ArticleMetadata(), file: "big.html")
        #expect(result.notes.count == 3000)
        #expect(BodyFixture.allText(result).contains("deep text"))
        #expect(result.diagnostics.isEmpty)
    }
}
