import Foundation
import KeiCore
import KeiDocument
import KeiStages
import KeiTestSupport
import KeiXML
import Testing

/// Robustness of the ingest stage on html5lib's malformed-markup and encoding cases
/// (`../shared/testdata/html5lib`), on invalid UTF-8, an empty file and very deep nesting.
@Suite struct HTML5LibRobustnessTests {
    static var html5lib: URL { TestPaths.shared.appendingPathComponent("testdata/html5lib") }

    static func cases(in folder: String) throws -> [HTML5LibCase] {
        let dir = html5lib.appendingPathComponent(folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".dat") }.sorted()
        return try files.flatMap { f in
            HTML5LibCase.parse(try Data(contentsOf: dir.appendingPathComponent(f)), file: "\(folder)/\(f)")
        }
    }

    /// Ingests `data` written to a temporary file shown as `display`, with article id `id`.
    static func ingest(_ data: Data, display: String, id: String, in dir: URL) throws -> ArticleContext {
        let file = dir.appendingPathComponent("\(id).html")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try StageHarness.run(file: file, display: display, id: id, output: dir.appendingPathComponent("out"),
                                    workingDirectory: dir)
    }

    /// Checks the invariants every ingest must keep and returns the problems found.
    static func problems(_ ctx: ArticleContext, display: String, id: String, inputIsEmpty: Bool) -> [String] {
        var out: [String] = []
        for d in ctx.diagnostics {
            if d.rule.isEmpty { out.append("empty rule id: \(d.message)") }
            if d.message.trimmingCharacters(in: .whitespaces).isEmpty { out.append("empty message for \(d.rule)") }
            if d.location.file != display { out.append("\(d.rule) located in \(d.location.file), not \(display)") }
        }
        if let article = ctx.article {
            if article.id != id { out.append("article id \(article.id) != \(id)") }
        } else if !inputIsEmpty {
            out.append("no article")
        } else if !ctx.diagnostics.contains(where: { $0.rule == "ingest.empty" }) {
            out.append("empty input without ingest.empty")
        }
        return out
    }

    @Test(.enabled(if: TestPaths.sharedExists)) func everyTreeConstructionCaseIngests() throws {
        let cases = try Self.cases(in: "tree-construction")
        let dir = TestPaths.temporaryDirectory("kei-html5lib")
        defer { try? FileManager.default.removeItem(at: dir) }
        var withParserInfo = 0, withoutContent = 0, empty = 0, hidden = 0, failures: [String] = []
        for (n, c) in cases.enumerated() {
            let id = "h5-\(n + 1)"
            let ctx = try Self.ingest(c.data, display: c.name, id: id, in: dir)
            let p = Self.problems(ctx, display: c.name, id: id, inputIsEmpty: c.data.isEmpty)
            failures += p.map { "\(c.name): \($0)" }
            if ctx.diagnostics.contains(where: { $0.rule == "ingest.parser" && $0.severity == .info }) { withParserInfo += 1 }
            if ctx.diagnostics.contains(where: { $0.rule == "ingest.no-content" }) { withoutContent += 1 }
            // Reading stops here are only the browsers' own: an unclosed comment, script or style.
            let stops = MarkupParser.parseHTML(c.data).readingStops
            hidden += stops.count
            failures += stops.filter { $0.kind == .textMissing || $0.kind == .parserStopped }.map { "\(c.name): \($0)" }
            if c.data.isEmpty { empty += 1 }
        }
        print("[html5lib] tree-construction: \(cases.count) cases, \(withParserInfo) with ingest.parser info, \(withoutContent) with ingest.no-content, \(empty) empty inputs, \(hidden) with content hidden by an unclosed comment/script/style, \(failures.count) invariant failures")
        for f in failures.prefix(20) { print("[html5lib]   \(f)") }
        #expect(cases.count == 1207)
        #expect(failures.isEmpty)
    }

    /// The real pages of `../readability/` (hundreds of libxml2 errors each) ingest with the same invariants.
    @Test(.enabled(if: TestPaths.sharedExists)) func realMalformedPagesIngest() throws {
        let base = TestPaths.shared.appendingPathComponent("testdata/readability")
        let names = try FileManager.default.contentsOfDirectory(atPath: base.path)
            .filter { FileManager.default.fileExists(atPath: base.appendingPathComponent("\($0)/source.html").path) }.sorted()
        var parserMessages = 0, failures: [String] = []
        for name in names {
            let display = "readability/\(name)/source.html"
            let dir = TestPaths.temporaryDirectory("kei-real")
            defer { try? FileManager.default.removeItem(at: dir) }
            let ctx = try StageHarness.run(file: base.appendingPathComponent("\(name)/source.html"), display: display,
                                           id: name, output: dir, workingDirectory: dir)
            failures += Self.problems(ctx, display: display, id: name, inputIsEmpty: false).map { "\(name): \($0)" }
            // Real pages read whole, in their declared encoding, without control characters.
            failures += ctx.diagnostics.filter { $0.rule.hasPrefix("ingest.encoding") || $0.rule == "ingest.truncated" || $0.rule == "ingest.control-character" }
                .map { "\(name): \($0.rule) \($0.message)" }
            parserMessages += ctx.diagnostics.filter { $0.rule == "ingest.parser" }.count
        }
        print("[html5lib] real pages: \(names.count) ingested, \(parserMessages) ingest.parser diagnostics, \(failures.count) invariant failures")
        #expect(names.count == 14)
        #expect(failures.isEmpty, "\(failures)")
    }

    /// html5lib's expected encodings (the HTML standard's prescan, windows-1252 when it finds nothing)
    /// against what ingest decodes with, both as the Encoding Standard names them.
    @Test(.enabled(if: TestPaths.sharedExists)) func encodingDeclarationsAreDetected() throws {
        let cases = try Self.cases(in: "encoding")
        var agree = 0, disagree: [String] = []
        for c in cases {
            let expectedRaw = String(decoding: c.sections["encoding"] ?? Data(), as: UTF8.self)
            let expected = EncodingLabel.encoding(forLabel: expectedRaw)
            let doc = MarkupParser.parseHTML(c.data)
            if let decoded = doc.decoding?.encoding, decoded == expected {
                agree += 1
            } else {
                disagree.append("\(c.name): expected \(expectedRaw), decoded as \(doc.decoding?.encoding ?? "nothing") (\(doc.decoding?.basis.rawValue ?? ""))")
            }
        }
        print("[html5lib] encoding: \(cases.count) cases, \(agree) agree, \(disagree.count) disagree")
        for d in disagree { print("[html5lib]   \(d)") }
        #expect(cases.count == 82)
        // libxml2's own sniffing agreed on 64; the prescan of the HTML standard agrees on all.
        #expect(disagree.isEmpty)
    }

    @Test func invalidUTF8InAUTF8PageIsAWarningNotACrash() throws {
        let dir = TestPaths.temporaryDirectory("kei-robust")
        defer { try? FileManager.default.removeItem(at: dir) }
        var bytes = Array("<html><head><meta charset=\"utf-8\"><title>T</title></head>\n<body><article><h1>T</h1>\n<p>Broken ".utf8)
        bytes += [0xC3, 0x28, 0xFF, 0xFE, 0xE2, 0x82]
        bytes += Array(" bytes in a paragraph that is long enough to count as the article body.</p></article></body></html>".utf8)
        let ctx = try Self.ingest(Data(bytes), display: "broken-utf8.html", id: "broken", in: dir)
        let enc = ctx.diagnostics.filter { $0.rule == "ingest.encoding" }
        #expect(enc.count == 1)
        #expect(enc.first?.severity == .warning)
        #expect(enc.first?.location.line == 3)
        #expect(Self.problems(ctx, display: "broken-utf8.html", id: "broken", inputIsEmpty: false).isEmpty)
    }

    @Test func zeroByteFileIsAnErrorNotACrash() throws {
        let dir = TestPaths.temporaryDirectory("kei-robust")
        defer { try? FileManager.default.removeItem(at: dir) }
        let ctx = try Self.ingest(Data(), display: "empty.html", id: "empty", in: dir)
        #expect(ctx.diagnostics.contains { $0.rule == "ingest.empty" && $0.severity == .error })
        #expect(Self.problems(ctx, display: "empty.html", id: "empty", inputIsEmpty: true).isEmpty)
    }

    /// A page of `depth` nested `<div>`s around "deep text", titled "Deep".
    static func nestedDivs(depth: Int) -> Data {
        var bytes = [UInt8]()
        bytes.reserveCapacity(depth * 11 + 200)
        bytes += Array("<html><head><title>Deep</title></head><body>".utf8)
        for _ in 0..<depth { bytes += [0x3C, 0x64, 0x69, 0x76, 0x3E] }
        bytes += Array("deep text".utf8)
        for _ in 0..<depth { bytes += [0x3C, 0x2F, 0x64, 0x69, 0x76, 0x3E] }
        bytes += Array("</body></html>".utf8)
        return Data(bytes)
    }

    /// 1,850,000 nested `<div>`s (20 MB) are over the default `limits.max-elements` (1,200,000):
    /// the page is refused whole with `ingest.too-many-elements`, located in the file, and no article.
    @Test func twentyMegabytesOfNestedDivsAreRefusedByTheElementLimit() throws {
        let dir = TestPaths.temporaryDirectory("kei-robust")
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = Self.nestedDivs(depth: 1_850_000)
        #expect(data.count >= 20_000_000)
        let ctx = try Self.ingest(data, display: "deep.html", id: "deep", in: dir)
        print("[html5lib] 20 MB nested <div>s: \(data.count) bytes, \(ctx.diagnostics.count) diagnostics \(ctx.diagnostics.map(\.rule))")
        #expect(Self.problems(ctx, display: "deep.html", id: "deep", inputIsEmpty: false) == ["no article"])
        let refusal = ctx.diagnostics.first { $0.rule == "ingest.too-many-elements" }
        #expect(refusal?.severity == .error)
        #expect(ctx.article == nil)
    }

    /// 1,100,000 nested `<div>`s, under the default element limit, are read without a crash and keep their text.
    @Test func nestingJustUnderTheElementLimitIsRead() throws {
        let dir = TestPaths.temporaryDirectory("kei-robust")
        defer { try? FileManager.default.removeItem(at: dir) }
        let ctx = try Self.ingest(Self.nestedDivs(depth: 1_100_000), display: "deep.html", id: "deep", in: dir)
        #expect(Self.problems(ctx, display: "deep.html", id: "deep", inputIsEmpty: false).isEmpty)
        #expect(!ctx.diagnostics.contains { $0.rule == "ingest.too-many-elements" })
        #expect(ctx.article?.metadata.title == "Deep")
    }
}
