import Foundation
import KeiDocument
import KeiTestSupport
import KeiXML
import Testing
@testable import KeiStages

/// Character references in JSON-LD and meta values are decoded; values that differ only in encoding,
/// quotes, case or spacing are one value (no conflict); a conflict has a span; a `<title>` part the
/// page does not show is removed (issue 6, item 8).
@Suite struct MetadataEquivalenceTests {
    static func extract(_ html: String) -> (ArticleMetadata, [Diagnostic]) {
        let doc = MarkupParser.parseHTML(Data(html.utf8))
        let r = MetadataExtractor.extract(from: doc, file: "page.html")
        return (r.metadata, r.diagnostics)
    }

    @Test(arguments: [
        ("Won&#8217;t Blink", "Won\u{2019}t Blink"), ("Won&rsquo;t Blink", "Won\u{2019}t Blink"),
        ("Won&#x2019;t Blink", "Won\u{2019}t Blink"), ("Won&#146;t Blink", "Won\u{2019}t Blink"),
        ("&#147;Blink&#148; &#151; Seoul", "\u{201C}Blink\u{201D} \u{2014} Seoul"), ("A &amp;amp; B", "A & B"),
        ("&quot;Blink&quot; &mdash; Seoul", "\"Blink\" \u{2014} Seoul"), ("AT&T &c", "AT&T &c"), ("&#0;x&#128;", "\u{FFFD}x\u{20AC}"),
        ("Won&#8217t", "Won\u{2019}t"), ("&unknown; &#xZZ;", "&unknown; &#xZZ;"),
    ] as [(String, String)])
    func jsonLDStringsAreDecoded(raw: String, decoded: String) {
        let (m, _) = Self.extract("<html><head><script type=\"application/ld+json\">{\"@type\": \"Article\", \"headline\": \"\(raw)\"}</script></head></html>")
        #expect(m.title == decoded)
    }

    @Test func metaValuesEncodedTwiceAreDecoded() {
        let (m, d) = Self.extract("""
            <html><head><meta name="citation_title" content="Won&amp;#8217;t Blink: Seoul&amp;rsquo;s Controls">
            <meta name="citation_author" content="O&amp;#8217;Neil, Jane"><meta name="description" content="Tariffs &amp;amp; chips"></head>
            <body><h1>Won’t Blink: Seoul’s Controls</h1></body></html>
            """)
        #expect(m.title == "Won\u{2019}t Blink: Seoul\u{2019}s Controls")
        #expect(m.authors.map(\.name) == ["O\u{2019}Neil, Jane"])
        #expect(m.summary == "Tariffs & chips")
        #expect(!d.contains { $0.rule == "ingest.metadata-conflict" })
    }

    @Test(arguments: [
        "Won't Blink: Reading Seoul's Export Controls", "WON’T BLINK: READING SEOUL’S EXPORT CONTROLS",
        "Won’t  Blink :Reading Seoul’s Export Controls", "Won&#8217;t Blink: Reading Seoul&#8217;s Export Controls",
        "Wonâ€™t Blink: Reading Seoulâ€™s Export Controls", "Won’t Blink: Reading Seoul’s Export Controls.",
        "Ｗｏｎ’ｔ Blink: Reading Seoul’s Export Controls",
    ])
    func valuesDifferingOnlyInEncodingQuotesCaseOrSpacingAreNoConflict(other: String) {
        let (m, d) = Self.extract("""
            <html><head><meta charset="utf-8"><meta name="citation_title" content="Won’t Blink: Reading Seoul’s Export Controls">
            <meta property="og:title" content="\(other)"></head><body><h1>\(other)</h1></body></html>
            """)
        #expect(m.title == "Won’t Blink: Reading Seoul’s Export Controls")
        #expect(!d.contains { $0.rule == "ingest.metadata-conflict" }, "\(d.map(\.message))")
    }

    @Test func aRealConflictIsReportedWithASpan() throws {
        let html = "<html><head><meta name=\"citation_title\" content=\"Korea\">\n  <meta property=\"og:title\" content=\"Japan\"></head></html>"
        let doc = MarkupParser.parseHTML(Data(html.utf8))
        let d = MetadataExtractor.extract(from: doc, file: "page.html").diagnostics.filter { $0.rule == "ingest.metadata-conflict" }
        let span = try #require(d.first?.span)
        let index = SourceLineIndex(doc.sourceText)
        #expect(index.text(of: span) == "Japan")
        #expect(index.position(of: span.start).line == 2 && index.position(of: span.start).column == 38)
    }

    @Test(arguments: [
        ("Trade Rules - Example Institute", "Trade Rules"), ("Trade Rules | Example Institute", "Trade Rules"),
        ("Trade Rules — Example Institute", "Trade Rules"), ("Trade Rules – Example Institute", "Trade Rules"),
        ("Example Institute: Trade Rules", "Trade Rules"), ("«Example Institute» | Trade Rules", "Trade Rules"),
        ("Example Institute | Trade Rules", "Trade Rules"), ("Trade Rules :: Example", "Trade Rules"),
        ("Trade Rules: A Primer", "Trade Rules: A Primer"), ("Trade Rules", "Trade Rules"),
    ] as [(String, String)])
    func aTitlePartThePageDoesNotShowIsRemoved(title: String, expected: String) {
        let viaH1 = Self.extract("<html><head><title>\(title)</title></head><body><h1>Trade Rules</h1></body></html>")
        #expect(viaH1.0.title == expected)
        #expect(!viaH1.1.contains { $0.rule == "ingest.metadata-conflict" })
        let viaOG = Self.extract("<html><head><title>\(title)</title><meta property=\"og:title\" content=\"Trade Rules\"></head><body></body></html>")
        #expect(viaOG.0.title == "Trade Rules")
        let ogWithSuffix = Self.extract("<html><head><meta property=\"og:title\" content=\"\(title)\"></head><body><h1>Trade Rules</h1></body></html>")
        #expect(ogWithSuffix.0.title == expected)
    }

    @Test func aTitleWithoutAShownReferenceKeepsItsParts() {
        let (m, _) = Self.extract("<html><head><title>Trade Rules - Example Institute</title></head><body><p>x</p></body></html>")
        #expect(m.title == "Trade Rules - Example Institute")
    }

    @Test func referenceDecoderFollowsWHATWG() {
        #expect(HTMLCharacterReferences.decode("&#150;&#x99;&#129;&#x110000;&#xD800;&#7;") == "\u{2013}\u{2122}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(HTMLCharacterReferences.decode("plain") == "plain")
        #expect(HTMLCharacterReferences.decode("&apos;&nbsp;&eacute;") == "'\u{A0}\u{E9}")
        #expect(Windows1252.referenceReplacement(0x80) == "\u{20AC}" && Windows1252.referenceReplacement(0x81) == nil)
        #expect(MetadataText.repairingMojibake("Wonâ€™t") == "Won\u{2019}t")
        #expect(MetadataText.repairingMojibake("Café") == "Café")
    }
}
