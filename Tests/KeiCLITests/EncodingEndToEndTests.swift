import Foundation
import Testing
import KeiTestSupport

/// Encoding and truncation through the real `kei-pipeline check` binary: the ingest-cases pages and
/// variants of each kind of fault (other spellings, positions, encodings), each checked in the JATS
/// written and the JSON report (rule, line, exit code).
@Suite(.serialized) struct EncodingEndToEndTests {
    struct Outcome {
        var code: Int32
        var report: [String: Any]
        var jats: String
        var reportText: String

        var diagnostics: [[String: Any]] { report["diagnostics"] as? [[String: Any]] ?? [] }
        func rules() -> [String] { diagnostics.compactMap { $0["rule"] as? String } }
        func diagnostic(_ rule: String) -> [String: Any]? { diagnostics.first { $0["rule"] as? String == rule } }
        func line(_ rule: String) -> Int? { diagnostic(rule)?["line"] as? Int }
        var metadata: [String: Any] { ((report["articles"] as? [[String: Any]])?.first?["metadata"] as? [String: Any]) ?? [:] }
    }

    /// Runs `check` on `file` (absolute path) from a throwaway project; reads the JSON report and the JATS.
    static func check(_ file: URL, _ extra: [String] = []) throws -> Outcome {
        let p = try ProjectFixture(); defer { p.remove() }
        let out = p.root.appendingPathComponent("out")
        let r = try CLIHarness.runBinary(["check", file.path, "--output", out.path, "--report", "json:-"] + extra, in: p.root)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "stdout: \(r.out) stderr: \(r.err)")
        let id = file.deletingPathExtension().lastPathComponent
        let jats = (try? String(contentsOf: out.appendingPathComponent("jats/\(id).xml"), encoding: .utf8)) ?? ""
        return Outcome(code: r.code, report: report, jats: jats, reportText: r.out)
    }

    /// Writes `bytes` to a temporary `name.html` and checks it.
    static func check(bytes: [UInt8], name: String, _ extra: [String] = []) throws -> Outcome {
        let dir = TestPaths.temporaryDirectory("kei-enc"); defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("\(name).html")
        try Data(bytes).write(to: file)
        return try check(file, extra)
    }

    /// A page: `head` bytes, then a body whose middle is `body`; line 3 holds `body`'s first line.
    static func page(head: [UInt8] = Array(#"<meta charset="utf-8">"#.utf8), body: [UInt8]) -> [UInt8] {
        Array("<!DOCTYPE html><html><head>".utf8) + head
            + Array("<title>Encoding Case</title><meta name=\"citation_author\" content=\"Ann Author\"><meta name=\"citation_publication_date\" content=\"2025-01-20\"></head>\n<body><main><article><h1>Encoding Case</h1><p>An opening paragraph with enough words to be the article body.</p>\n".utf8)
            + body + Array("\n<p>AFTER END: the closing paragraph of the article.</p></article></main></body></html>\n".utf8)
    }

    /// No C0 control but tab/LF/CR, and no C1 control, in the JATS or the report.
    static func expectNoControls(_ o: Outcome, _ label: String) {
        for (what, text) in [("JATS", o.jats), ("report", o.reportText)] {
            let bad = text.unicodeScalars.filter { ($0.value < 0x20 && !["\t", "\n", "\r"].contains($0)) || (0x7F...0x9F).contains($0.value) }
            #expect(bad.isEmpty, "\(label): control characters in the \(what): \(bad.map { String($0.value, radix: 16) })")
        }
    }

    static var ingestCases: URL { TestPaths.shared.appendingPathComponent("testdata/ingest-cases") }

    // MARK: The ingest-cases pages

    @Test(.enabled(if: TestPaths.sharedExists)) func c1NumericReferencesReadAsWindows1252() throws {
        let o = try Self.check(Self.ingestCases.appendingPathComponent("c1-numeric-refs.html"))
        #expect(o.code == 0, "\(o.rules())")
        for text in ["The minister’s remarks were brief—barely two minutes—but", "“a reset, not a retreat”", "elaborate… which",
                     "rose by 4–6 percent", "marked ™ in the draft", "euro sign (€)"] {
            #expect(o.jats.contains(text), "\(text)")
        }
        Self.expectNoControls(o, "c1-numeric-refs")
    }

    @Test(.enabled(if: TestPaths.sharedExists)) func charsetInDescriptionsLinksAndTextIsNoDeclaration() throws {
        let o = try Self.check(Self.ingestCases.appendingPathComponent("charset-false-meta.html"))
        #expect(o.code == 0, "\(o.rules())")
        for text in ["Seoul (서울) and Malmö", "them—turning “quotes” into junk", "café, naïve, 정책 and €10"] {
            #expect(o.jats.contains(text), "\(text)")
        }
        #expect(!o.jats.contains("Ã") && !o.jats.contains("â€"))
        #expect(o.rules().filter { $0.hasPrefix("ingest.encoding") }.isEmpty, "\(o.rules())")
        let authors = o.metadata["authors"] as? [[String: Any]]
        #expect(authors?.first?["name"] as? String == "Søren Ægidius-Nørby")
    }

    // MARK: Encoding variants

    static let cp1252Body: [UInt8] = Array("<p>It".utf8) + [0x92] + Array("s a ".utf8) + [0x93] + Array("quote".utf8) + [0x94]
        + Array(" ".utf8) + [0x96] + Array(" caf".utf8) + [0xE9] + Array(" for ".utf8) + [0x80] + Array("10.</p>".utf8)

    @Test func windows1252WithoutADeclarationAndWithLatin1Labels() throws {
        let heads: [(String, String?)] = [
            ("", "ingest.encoding-undeclared"),
            (#"<meta charset="latin1">"#, nil),
            (#"<meta charset=ISO-8859-1>"#, nil),
            (#"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=us-ascii">"#, nil),
            (#"<meta content="text/html; charset='cp1252'" http-equiv="content-type">"#, nil),
        ]
        for (head, warning) in heads {
            let o = try Self.check(bytes: Self.page(head: Array(head.utf8), body: Self.cp1252Body), name: "cp1252")
            #expect(o.code == 0, "\(head): \(o.rules())")
            #expect(o.jats.contains("It’s a “quote” – café for €10."), "\(head)")
            #expect(o.jats.contains("AFTER END"))
            let encodingRules = o.rules().filter { $0.hasPrefix("ingest.encoding") }
            #expect(encodingRules == (warning.map { [$0] } ?? []), "\(head): \(o.rules())")
            if let warning { #expect(o.line(warning) == 3) }
            Self.expectNoControls(o, head)
        }
    }

    @Test func utf16WithAByteOrderMarkRaisesNoUTF8Warning() throws {
        let page = String(decoding: Self.page(head: Array(#"<meta charset="utf-16">"#.utf8), body: Array("<p>Seoul 서울, Malmö, 😀.</p>".utf8)), as: UTF8.self)
        var le: [UInt8] = [0xFF, 0xFE], be: [UInt8] = [0xFE, 0xFF]
        for u in page.utf16 { le += [UInt8(u & 0xFF), UInt8(u >> 8)]; be += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        for bytes in [le, be] {
            let o = try Self.check(bytes: bytes, name: "utf16")
            #expect(o.code == 0, "\(o.rules())")
            #expect(o.jats.contains("Seoul 서울, Malmö, 😀.") && o.jats.contains("AFTER END"))
            #expect(o.rules().filter { $0.hasPrefix("ingest.encoding") }.isEmpty, "\(o.rules())")
        }
    }

    /// UTF-16 without a byte order mark (declared or not: a `<meta>` in UTF-16 is unreadable to the
    /// prescan): read as UTF-16 with one ingest.encoding-undeclared warning, not as windows-1252 with a
    /// control-character warning for each NUL.
    @Test func utf16WithoutAByteOrderMarkIsDetected() throws {
        for head in [#"<meta charset="utf-16">"#, ""] {
            let page = String(decoding: Self.page(head: Array(head.utf8), body: Array("<p>Seoul 서울, Malmö, 😀.</p>".utf8)), as: UTF8.self)
            var le: [UInt8] = [], be: [UInt8] = []
            for u in page.utf16 { le += [UInt8(u & 0xFF), UInt8(u >> 8)]; be += [UInt8(u >> 8), UInt8(u & 0xFF)] }
            for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
                let o = try Self.check(bytes: bytes, name: "utf16")
                #expect(o.code == 0, "\(name): \(o.rules())")
                #expect(o.jats.contains("Seoul 서울, Malmö, 😀.") && o.jats.contains("AFTER END"), "\(name)")
                #expect(o.rules().filter { $0.hasPrefix("ingest.encoding") || $0 == "ingest.control-character" } == ["ingest.encoding-undeclared"], "\(name): \(o.rules())")
                #expect((o.diagnostic("ingest.encoding-undeclared")?["message"] as? String)?.contains("read as \(name)") == true)
            }
        }
    }

    /// One stray byte (and a truncated sequence) in a UTF-8 page, declared or not: U+FFFD at its line, the
    /// rest of the page still UTF-8.
    @Test func aStrayByteGarblesNothingAfterIt() throws {
        for head in [#"<meta charset="utf-8">"#, ""] {
            for stray in [[0xFF], [0xE2, 0x80], [0xC3]] as [[UInt8]] {
                let body = Array("<p>Before café 서울.</p>\n<p>Stray ".utf8) + stray + Array(" byte, then “quotes”, café and 서울.</p>".utf8)
                let o = try Self.check(bytes: Self.page(head: Array(head.utf8), body: body), name: "stray")
                #expect(o.code == 0, "\(o.rules())")
                #expect(o.jats.contains("Stray \u{FFFD} byte, then “quotes”, café and 서울."), "\(head) \(stray)")
                #expect(o.rules().filter { $0.hasPrefix("ingest.encoding") } == ["ingest.encoding"], "\(o.rules())")
                #expect(o.line("ingest.encoding") == 4)
                #expect(o.diagnostic("ingest.encoding")?["column"] as? Int == 10)
            }
        }
    }

    @Test func aMetaAfterTheFirst1024Bytes() throws {
        let padding = Array(("<!--" + String(repeating: "padding ", count: 140) + "-->").utf8)
        // Valid UTF-8: read as UTF-8 whatever the late meta says.
        let utf8 = try Self.check(bytes: Self.page(head: padding + Array(#"<meta charset="windows-1252">"#.utf8),
                                                   body: Array("<p>Seoul 서울 and café.</p>".utf8)), name: "late")
        #expect(utf8.jats.contains("Seoul 서울 and café."))
        #expect(utf8.rules().filter { $0.hasPrefix("ingest.encoding") }.isEmpty)
        // windows-1251 bytes: the late declaration is followed, with a warning at its line.
        let cyrillic = try Self.check(bytes: Self.page(head: padding + Array("\n<meta charset=\"windows-1251\">".utf8),
                                                       body: Array("<p>".utf8) + [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2] + Array(" world.</p>".utf8)), name: "late")
        #expect(cyrillic.jats.contains("Привет world."))
        #expect(cyrillic.rules().contains("ingest.encoding-declaration"))
        #expect(cyrillic.line("ingest.encoding-declaration") == 2)
    }

    @Test func unknownAndRefusedLabels() throws {
        let unknown = try Self.check(bytes: Self.page(head: Array(#"<meta charset="utf-9">"#.utf8), body: Array("<p>café</p>".utf8)), name: "label")
        #expect(unknown.code == 0)
        #expect(unknown.jats.contains("café"))
        #expect(unknown.line("ingest.encoding-declaration") == 1)
        let refused = try Self.check(bytes: Self.page(head: Array(#"<meta charset="iso-2022-kr">"#.utf8), body: Array("<p>x</p>".utf8)), name: "label")
        #expect(refused.code == 1)
        #expect(refused.diagnostic("ingest.encoding-unsupported")?["severity"] as? String == "error")
    }

    @Test func utf8ReadAsLatin1IsSuspect() throws {
        // UTF-8 bytes declared ISO-8859-1, and mojibake written into a UTF-8 page.
        for (head, body) in [(#"<meta charset="iso-8859-1">"#, "<p>It’s café.</p>"), (#"<meta charset="utf-8">"#, "<p>ItÃ¢â‚¬â„¢s cafÃ©.</p>"),
                             ("", "<p>It’s café in MalmÃ¶.</p>")] {
            let o = try Self.check(bytes: Self.page(head: Array(head.utf8), body: Array(body.utf8)), name: "mojibake")
            #expect(o.code == 0)
            #expect(o.rules().contains("ingest.encoding-suspect"), "\(head) \(body): \(o.rules())")
            #expect(o.line("ingest.encoding-suspect") == 3)
            #expect(o.diagnostic("ingest.encoding-suspect")?["column"] as? Int != nil)
        }
    }

    /// `&#146;`-style references in the title, a meta value, the body and a note; references to
    /// controls and literal control bytes (NUL in an attribute, BEL, DEL, a C1 byte in UTF-8).
    @Test func referencesAndControlsEverywhere() throws {
        let head = Array(#"<meta charset="utf-8"><meta name="citation_title" content="Seoul&#146;s &#x93;Reset&#x94;">"#.utf8)
        let first: [UInt8] = Array(##"<p title="a&#150;b">It&#146;s brief&#151;very<sup><a href="#fn1" id="r1">1</a></sup> &#x81; &#1;.</p>"##.utf8)
        let second: [UInt8] = Array("\n<p title=\"x".utf8) + [0x00] + Array("y\">Bell".utf8) + [0x07, 0x7F, 0xC2, 0x85] + Array(" end.</p>".utf8)
        let notes: [UInt8] = Array("\n<h2>Notes</h2><ol><li id=\"fn1\">The note&#146;s text &#133; <a href=\"#r1\">↩</a></li></ol>".utf8)
        let body = first + second + notes
        let o = try Self.check(bytes: Self.page(head: head, body: body), name: "refs")
        #expect(o.code == 0, "\(o.rules())")
        #expect(o.metadata["title"] as? String == "Seoul’s “Reset”")
        #expect(o.jats.contains("It’s brief—very"))
        #expect(o.jats.contains("The note’s text …"))
        #expect(o.jats.contains("Bell\u{FFFD}\u{FFFD}\u{FFFD} end.") && o.jats.contains("AFTER END"))
        #expect(o.rules().filter { $0 == "ingest.control-character" }.count == 2)
        Self.expectNoControls(o, "refs")
    }

    // MARK: Truncation

    /// Each way found to stop libxml2 early: the text after the stop is in the JATS, or the run exits 1
    /// with ingest.truncated at the line where reading stopped.
    @Test func everyWayToStopTheParserIsRecoveredOrFails() throws {
        let after = "AFTER END: the closing paragraph of the article."
        // Over libxml2's 10 MB text-node limit in 900,000 long words: under limits.max-words (1,500,000).
        let words = (0..<900_000).map { ["alphabetical", "betweenness", "gammaradiation", "deltafunction", "epsilonically"][$0 % 5] }.joined(separator: " ")
        let recovered: [(String, [UInt8])] = [
            ("nesting deeper than 256", Array((String(repeating: "<div>", count: 300) + "<p>The deep paragraph holds a full sentence of article text that must survive.</p>" + String(repeating: "</div>", count: 300)).utf8)),
            ("a text node over 10 MB", Array(("<p>" + words + "</p>").utf8)),
            ("NUL in an attribute", Array(#"<p title="a"#.utf8) + [0x00] + Array(#"b">text</p>"#.utf8)),
            ("NUL in text", Array("<p>before".utf8) + [0x00] + Array("after</p>".utf8)),
            ("a 1 MB attribute value", Array(("<p title=\"" + String(repeating: "v", count: 1_000_000) + "\">text</p>").utf8)),
            ("a 60 kB tag name", Array(("<x" + String(repeating: "a", count: 60_000) + ">t</x>").utf8)),
            ("CDATA in HTML", Array("<p>before <![CDATA[ x ]]> after</p>".utf8)),
            ("an abruptly closed comment <!-->", Array("<p>Kept.</p>\n<!-->\n<p>Shown paragraph.</p>".utf8)),
            ("an abruptly closed comment <!--->", Array("<p>Kept.</p><!--->\n<p>Shown paragraph.</p>\n<!-- end -->".utf8)),
            ("an unclosed xmp (its content is kept)", Array("<p>Kept.</p><xmp>\n<p>Shown paragraph.</p>".utf8)),
        ]
        for (label, body) in recovered {
            let o = try Self.check(bytes: Self.page(body: body), name: "stop")
            #expect(o.jats.contains(after), "\(label): the text after the stop is missing")
            #expect(!o.rules().contains("ingest.truncated"), "\(label): \(o.rules())")
        }
        let failing: [(String, String, Int)] = [
            ("an unclosed comment", "<p>Kept.</p>\n<!-- a comment never closed\n<p>Hidden paragraph.</p>", 4),
            ("an unclosed script", "<p>Kept.</p>\n<script>var x = 1;\n<p>Hidden paragraph.</p>", 4),
            ("an unclosed style", "<p>Kept.</p>\n<style type=\"text/css\">p { color: red }\n<p>Hidden paragraph.</p>", 4),
            ("an unclosed textarea", "<p>Kept.</p>\n<textarea name=\"notes\">\n<p>Hidden paragraph.</p>", 4),
            ("an unclosed iframe", "<p>Kept.</p>\n<IFRAME src=\"x.html\">\n<p>Hidden paragraph.</p>", 4),
            ("an unclosed svg", "<p>Kept.</p>\n<svg width=\"10\" height=\"10\"><rect/>\n<p>Hidden paragraph.</p>", 4),
            ("an unclosed math", "<p>Kept.</p>\n<math><mi>x</mi>\n<p>Hidden paragraph.</p>", 4),
            ("an unclosed object", "<p>Kept.</p>\n<object data=\"x.swf\">\n<p>Hidden paragraph.</p>", 4),
            ("an unclosed noscript", "<p>Kept.</p>\n<NoScript>\n<p>Hidden paragraph.</p>", 4),
            ("an unclosed template", "<p>Kept.</p>\n<template id=\"t\">\n<p>Hidden paragraph.</p>", 4),
            ("an unclosed select", "<p>Kept.</p>\n<select name=\"s\"><option>One\n<p>Hidden paragraph.</p>", 4),
            ("an unclosed title in the body", "<p>Kept.</p>\n<title>\n<p>Hidden paragraph.</p>", 4),
            ("an attribute's double quote never closed", "<p>Kept.</p>\n<p class=\"a\n<p>Hidden paragraph.</p>", 4),
            ("an attribute's single quote never closed", "<p>Kept.</p>\n<div><p id=x class='a>\n<p>Hidden paragraph.</p>", 4),
        ]
        for (label, body, line) in failing {
            let o = try Self.check(bytes: Self.page(body: Array(body.utf8)), name: "stop")
            #expect(o.code == 1, "\(label)")
            #expect(o.diagnostic("ingest.truncated")?["severity"] as? String == "error", "\(label): \(o.rules())")
            #expect(o.line("ingest.truncated") == line, "\(label)")
        }
    }

    // MARK: Attribute values and JSON-LD

    /// A numeric reference to a control (or any non-character) in an attribute value, in every kind of
    /// attribute the article reads: the rest of the value stays, the reference becomes U+FFFD, one warning.
    @Test func controlReferencesInAttributesKeepTheRestOfTheValue() throws {
        let head = Array(#"<meta charset="utf-8"><meta name="citation_title" content="Real &#2;Title Here"><meta name="citation_author" content=Jane&#1;Doe>"#.utf8)
        let body = Array(##"<p>Links <a href="https://example.org/&#1;x&#133;y">one</a>, <a href='https://example.org/&#x0;z&#xD800;w'>two</a> and <a href="&#0;javascript:alert(1)">three</a>.</p>"##.utf8)
            + Array(##"\n<figure><img src="a&#0;b.png" alt="alt&#7;text"><figcaption>Figure 1: A caption.</figcaption></figure>"##.utf8)
        let o = try Self.check(bytes: Self.page(head: head, body: body), name: "attrs")
        #expect(o.metadata["title"] as? String == "Real \u{FFFD}Title Here")
        #expect(o.jats.contains("https://example.org/%EF%BF%BDx%E2%80%A6y"), "\(o.jats)")
        #expect(o.jats.contains("https://example.org/%EF%BF%BDz%EF%BF%BDw"))
        #expect(o.jats.contains("%EF%BF%BDjavascript:alert(1)"), "the link keeps its value (a relative URL, as in browsers)")
        #expect(o.jats.contains("a%EF%BF%BDb.png"))
        #expect(o.jats.contains("AFTER END"))
        let control = try #require(o.diagnostic("ingest.control-character"))
        #expect((control["message"] as? String)?.contains("8 numeric character reference") == true, "\(control)")
        #expect(control["line"] as? Int == 1)
        #expect(!o.reportText.contains("invalid xmlChar value"), "libxml2 never sees a reference it would cut a value at")
        Self.expectNoControls(o, "attrs")
    }

    /// JSON `\u0085` is the C1 control, not `&#133;`; `\u0000` and `\u0007` are controls too: each becomes
    /// U+FFFD (the rest of the value stays) with ingest.control-character at the block's line.
    @Test func jsonLDControlEscapesAreReplacedAndReported() throws {
        let head = Array(##"<meta charset="utf-8"><script type="application/ld+json">{"@type":"Article","headline":"Seoul\u0000Talks","author":{"@type":"Person","name":"Jane\u0085 Doe\u0007"},"description":"A \\u0085 escaped backslash, a tab\tand \u00e9t\u00e9"}</script>"##.utf8)
        let o = try Self.check(bytes: Self.page(head: head, body: Array("<p>Body.</p>".utf8)), name: "jsonld")
        let control = try #require(o.diagnostic("ingest.control-character"), "\(o.rules())")
        #expect((control["message"] as? String)?.contains("3 control character") == true, "\(control)")
        #expect(control["line"] as? Int == 1)
        #expect(!o.reportText.contains("Jane… Doe") && !o.jats.contains("Jane…"))
        Self.expectNoControls(o, "jsonld")
        #expect(o.code == 0)
    }
}
