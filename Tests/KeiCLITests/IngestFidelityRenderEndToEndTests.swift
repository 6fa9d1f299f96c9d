import Foundation
import Testing
import KeiTestSupport

/// Issue 6, third round, through the real `kei-pipeline check --show-info`: the tester's pages with
/// images among words, a PDF URL hiding its scheme behind a tab, and URLs to normalise or drop.
@Suite(.serialized) struct IngestFidelityRenderEndToEndTests {
    static let head = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title>
        <link rel="canonical" href="HTTPS://Example.ORG:443/a/b.html">
        <meta name="citation_pdf_url" content="java&#x09;script:alert(1)"></head><body><article><h1>T</h1><p class="byline">By Jane Doe</p><p>This opening paragraph has more than twenty five words so that the article has enough running text to be chosen as the main content of the page.</p>
        """

    static let page = head + #"""
        <p>A paragraph with an inline chart <img src="chart.png" alt="Chart: exports fell twenty percent in 2023"> that explains things.</p>
        <p>Images: <img src=a alt=x> and <img src=b alt=y> and <img src=c alt=z>.</p>
        <p>Unsafe <img src="javascript:alert(2)" alt="first"> and <img src="data:image/png;base64,AAA" alt="second"> images.</p>
        <p>A <a href="http://[::1">bad host</a>, a <a href="https://example.org/&#0;x">nul</a> and a <a href="HTTP://Other.EXAMPLE:80/p">shouting</a> link.</p>
        </article></body></html>
        """#

    @Test func theTestersPagesThroughTheBinary() throws {
        let dir = TestPaths.temporaryDirectory("kei-fidelity-render")
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = try PageCheck.run(html: Self.page, name: "fidelity-render", in: dir,
                                  arguments: ["--show-info", "--workflow", TestPaths.workflows.appendingPathComponent("default.yml").path])
        #expect(c.code == 0, "\(c.stderr)")
        #expect(c.jatsProblems.isEmpty, "\(c.jatsProblems)")
        let body = c.body
        // 1. Images among words.
        #expect(body.contains(#"<p>A paragraph with an inline chart <inline-graphic xlink:href="https://example.org/a/chart.png"><alt-text>Chart: exports fell twenty percent in 2023</alt-text></inline-graphic> that explains things.</p>"#), "\(body)")
        #expect(body.contains(#"<inline-graphic xlink:href="https://example.org/a/b"><alt-text>y</alt-text></inline-graphic>"#))
        #expect(c.rules("style.repeated-word").isEmpty, "\(c.rules("style.repeated-word"))")
        #expect(body.contains("<p>Unsafe first and second images.</p>"))
        // 2. The PDF URL with a tab in its scheme.
        #expect(!c.jats.contains("script:") && !c.jats.contains("content-type=\"pdf\""))
        // 4. URLs as the URL Standard serializes them, unreadable ones dropped.
        #expect(c.jats.contains(#"<self-uri xlink:href="https://example.org/a/b.html"/>"#))
        #expect(body.contains("A bad host, a <ext-link"))
        #expect(body.contains(#"xlink:href="https://example.org/%EF%BF%BDx">nul</ext-link>"#))
        #expect(body.contains(#"xlink:href="http://other.example/p">shouting</ext-link>"#))
        let unsafe = c.rules("ingest.unsafe-link")
        #expect(unsafe.count == 4, "\(unsafe)")
        #expect(unsafe.contains { ($0["message"] as? String ?? "").contains("PDF URL") })
        #expect(unsafe.contains { ($0["message"] as? String ?? "").contains("IPv6") })
        #expect(unsafe.filter { ($0["message"] as? String ?? "").hasPrefix("An image address") }.count == 2)
        for d in unsafe {
            #expect(d["severity"] as? String == "warning" && (d["line"] as? Int ?? 0) > 0 && d["column"] as? Int != nil, "\(d)")
        }
    }
}
