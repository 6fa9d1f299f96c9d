import Foundation
import KeiDocument
import KeiStages
import KeiTestSupport
import Testing

/// Legacy-encoded pages: curly quotes and accents in metadata come out as the author wrote them.
@Suite struct MetadataEncodingTests {
    /// `“Ironclad” Alliance – Séoul’s View` in windows-1252 bytes.
    static let titleBytes: [UInt8] = [0x93] + Array("Ironclad".utf8) + [0x94] + Array(" Alliance ".utf8) + [0x96]
        + Array(" S".utf8) + [0xE9] + Array("oul".utf8) + [0x92] + Array("s View".utf8)
    static let expectedTitle = "\u{201C}Ironclad\u{201D} Alliance \u{2013} S\u{E9}oul\u{2019}s View"

    static func page(head: String) -> Data {
        var bytes = Array("<html><head>\(head)<title>".utf8) + titleBytes + Array("</title>".utf8)
        bytes += Array("<meta name=\"citation_author\" content=\"Jos".utf8) + [0xE9] + Array(" Mart".utf8) + [0xED, 0x6E, 0x22, 0x3E]
        bytes += Array("</head><body><article><h1>".utf8) + titleBytes
        bytes += Array("</h1><p>Body text of the article that is long enough to be the content of the page here.</p></article></body></html>".utf8)
        return Data(bytes)
    }

    static func ingest(_ data: Data) throws -> (Article, [Diagnostic]) {
        let dir = TestPaths.temporaryDirectory("kei-meta-enc")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("legacy.html")
        try data.write(to: file)
        return try StageHarness.ingest(file: file, display: "legacy.html")
    }

    @Test func windows1252MetaCharset() throws {
        let (article, diagnostics) = try Self.ingest(Self.page(head: "<meta charset=\"windows-1252\">"))
        #expect(article.metadata.title == Self.expectedTitle)
        #expect(article.metadata.authors.map(\.name) == ["Jos\u{E9} Mart\u{ED}n"])
        #expect(!diagnostics.contains { $0.rule == "ingest.encoding" || $0.rule == "ingest.metadata-conflict" })
    }

    /// ISO-8859-1 has no curly quotes; browsers read such pages as windows-1252, and so does the
    /// metadata normaliser (libxml2 yields C1 controls, which become the windows-1252 characters).
    @Test func iso88591HttpEquivIsReadAsWindows1252() throws {
        let (article, diagnostics) = try Self.ingest(Self.page(
            head: "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"))
        #expect(article.metadata.title == Self.expectedTitle)
        #expect(article.metadata.authors.map(\.name) == ["Jos\u{E9} Mart\u{ED}n"])
        #expect(!diagnostics.contains { $0.rule == "ingest.encoding" || $0.rule == "ingest.metadata-conflict" })
    }

    @Test func utf8PageKeepsCurlyQuotes() throws {
        let html = "<html><head><meta charset=\"utf-8\"><title>\(Self.expectedTitle)</title></head><body><article><h1>\(Self.expectedTitle)</h1><p>Body text of the article that is long enough to count.</p></article></body></html>"
        let (article, _) = try Self.ingest(Data(html.utf8))
        #expect(article.metadata.title == Self.expectedTitle)
    }
}
