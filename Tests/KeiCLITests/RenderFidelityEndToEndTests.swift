import Foundation
import Testing
import KeiStages
import KeiTestSupport

/// The render-fidelity defects through the real `kei-pipeline check` binary: the tester's pages
/// (short articles, as written) with linked and emphasised paragraphs, a captioned figure without
/// `<figure>`, doubly misnested lists, backslash and space addresses, and diagnostics with columns.
@Suite(.serialized) struct RenderFidelityEndToEndTests {
    let harness = RenderedReadingEndToEndTests()

    static let head = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title>
        <link rel="canonical" href="javascript:alert(1)">
        <meta name="citation_pdf_url" content="vbscript:pdf"></head><body><article><h1>T</h1><p class="byline">By Jane Doe</p><p>This opening paragraph has more than twenty five words so that the article has enough running text to be chosen as the main content of the page.</p>
        """

    static let page = head + #"""
        <a href="https://x.example/1"><p>Linked paragraph one.</p></a><a href="https://x.example/2"><p>Linked paragraph two.</p></a>
        <a href="https://x.example/blk"><div><p>Linked block paragraph one.</p><h3>Linked heading</h3></div></a><p>Middle paragraph after linked heading.</p><em><p>Emphasised paragraph A.</p></em>
        <div><a href="https://f.example/big.png"><img src="https://f.example/s.png" alt="Second chart"></a><p class="caption"><a href="https://f.example/src">Figure 3: Exports by month</a></p></div>
        <figure class="share"><img src="https://f.example/t.png" alt="Third chart"><figcaption>Figure 4: Imports by year</figcaption></figure>
        <ol><li>One</li><ol><li>One-a</li><ul><li>One-a-i</li></ul><li>One-b</li></ol><li>Two</li><li>Three</li></ol>
        <ol><li>P</li><ul><li>P-a</li></ul><ul><li>P-b</li></ul><li>Q</li></ol>
        <p>Links in a sentence: <a href="https:\\evil.example\x">one</a>, <a href="\\evil\share">two</a>, <a href="https://ok.example/a b">three</a> and <a href="javascript:alert(2)">four</a>.</p>
        <div class="share">Share this article with your friends and colleagues on all the social networks you use, and tell everyone how much you enjoyed it.</div>
        <p>Closing paragraph.</p>
        </article></body></html>
        """#

    /// The item texts of the JATS lists in order, nesting shown by brackets: "One[One-a[One-a-i],One-b],Two".
    static func outline(_ jats: String) -> String {
        var out = ""
        var scanner = jats[...]
        while let r = scanner.range(of: #"<list list-type="[a-z]+">|</list>|<p>[^<]*</p>"#, options: .regularExpression) {
            let token = scanner[r]
            if token.hasPrefix("<list ") { out += "[" } else if token == "</list>" { out += "]" } else { out += "," + token.dropFirst(3).dropLast(4) }
            scanner = scanner[r.upperBound...]
        }
        return out.replacingOccurrences(of: "[,", with: "[")
    }

    @Test func theTestersPagesKeepTheirContentThroughTheBinary() throws {
        let (dir, file) = try harness.writePage(Self.page, name: "render-fidelity")
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = try harness.check(file, ["--show-info"])
        #expect(c.code == 0)
        let jats = c.jats
        // 1. Linked paragraphs.
        #expect(jats.contains("<p><ext-link ext-link-type=\"uri\" xlink:href=\"https://x.example/1\">Linked paragraph one.</ext-link></p>"), "\(jats)")
        #expect(jats.contains("<p><ext-link ext-link-type=\"uri\" xlink:href=\"https://x.example/2\">Linked paragraph two.</ext-link></p>"))
        // 2. The emphasised paragraph after the linked block.
        #expect(jats.contains("<p><italic>Emphasised paragraph A.</italic></p>"))
        // 3. Captioned figures, whatever the markup or class.
        #expect(jats.contains("xlink:href=\"https://f.example/s.png\"") && jats.contains("<label>Figure 3</label>") && jats.contains("Exports by month"))
        #expect(jats.contains("xlink:href=\"https://f.example/t.png\"") && jats.contains("<label>Figure 4</label>") && jats.contains("Imports by year"))
        // 4. Lists as a browser shows them, one warning per repair.
        let lists = Self.outline(String(jats[jats.range(of: "<body>")!.lowerBound...]))
        #expect(lists.contains("[One[One-a[One-a-i],One-b],Two,Three]"), "\(lists)")
        #expect(lists.contains("[P[P-a][P-b],Q]"), "\(lists)")
        #expect(c.rules("ingest.markup-repaired").count == 3)
        // 5. Addresses as the URL parser reads them.
        #expect(jats.contains("xlink:href=\"https://evil.example/x\">one</ext-link>"))
        #expect(jats.contains("xlink:href=\"//evil/share\">two</ext-link>"))
        #expect(jats.contains("xlink:href=\"https://ok.example/a%20b\">three</ext-link>"))
        #expect(!jats.contains("\\") && !jats.contains("script:"))
        // 6. Diagnostics with line, column and span.
        let unsafe = c.rules("ingest.unsafe-link")
        #expect(unsafe.count == 3, "\(unsafe)")
        for d in unsafe {
            #expect((d["line"] as? Int ?? 0) > 0 && d["column"] as? Int != nil, "\(d)")
        }
        #expect(unsafe.contains { $0["line"] as? Int == 2 && ($0["message"] as? String ?? "").contains("canonical") })
        #expect(unsafe.contains { $0["line"] as? Int == 3 && ($0["message"] as? String ?? "").contains("PDF") })
        let removed = c.rules("ingest.chrome-removed")
        #expect(removed.count == 1 && removed.first?["column"] as? Int == 1, "\(removed)")
    }
}
