import Foundation
import KeiDocument
import KeiStages
import KeiXML
import Testing

/// Pseudo-random pages assembled from awkward metadata fragments: the extractor never traps,
/// is deterministic, and every diagnostic is well formed.
@Suite struct MetadataFuzzTests {
    static let fragments: [String] = [
        "<meta name=\"citation_title\" content=\"İstanbul ﬁnance \u{0301}\u{200B}\u{FEFF}\">",
        "<meta name=\"citation_title\" content=\"\">",
        "<meta name=\"citation_publication_date\" content=\"-0001-11-30T00:00:00+00:00\">",
        "<meta name=\"citation_publication_date\" content=\"9999-99-99\">",
        "<meta name=\"citation_date\" content=\"2025-02-29\">",
        "<meta property=\"article:published_time\" content=\"2024-02-29T23:59:60Z\">",
        "<meta name=\"citation_author\" content=\",,,\">",
        "<meta name=\"citation_author_institution\" content=\"Orphan Institute\">",
        "<meta name=\"citation_doi\" content=\"doi:\">",
        "<meta name=\"citation_keywords\" content=\";;,;\">",
        "<meta property=\"og:locale\" content=\"__\">",
        "<meta name=\"author\" content=\"http://example.org/(x)\">",
        "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":{\"@id\":\"#a\"},\"@graph\":[{\"@id\":\"#a\",\"author\":{\"@id\":\"#a\"}}]}</script>",
        "<script type=\"application/ld+json\">{\"@type\":[\"Article\",3],\"isPartOf\":{\"isPartOf\":{\"isPartOf\":{\"isPartOf\":{\"isPartOf\":{\"isPartOf\":{\"isPartOf\":{}}}}}}}}</script>",
        "<script type=\"application/ld+json\">\u{0}\u{1}</script>",
        "<title>\u{0085}\u{0093}\u{0094} | KEI</title>",
        "<title> | </title>",
        "<h1>  </h1>",
        "<h1>مرحبا بالعالم</h1>",
        "<div class=\"byline\">By , and &amp; ; </div>",
        "<div class=\"byline\">By İlker Şahin, Boğaziçi Üniversitesi and 김정은</div>",
        "<span class=\"author\"><span class=\"author-affiliation\">Affiliation before name</span></span>",
        "<p>Published 31 February 2025</p>",
        "<p>Published Dec. 99, 20255</p>",
        "<p>Korea Policy Vol. 99999, Issue 3</p>",
        "<p>İİİ Vol. 3, No. 2</p>",
        "<p>Vol. 3 Issue</p>",
        "<time datetime=\"PT5M\">5 minutes</time>",
        "<time datetime=\"\" pubdate></time>",
        "<time datetime=\"2025-W50\" pubdate>week</time>",
        "<a href=\".pdf\">PDF</a>",
        "<link rel=\"canonical\" href=\"   \">",
        "<p class=\"subtitle\">\u{00A0}\u{00A0}</p>",
        "<html lang=\"\u{1F600}\">",
    ]

    /// A small deterministic generator (64-bit LCG).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test func randomFragmentPagesNeverTrapAndAreDeterministic() {
        var g = Generator(state: 0x4B45_4921)
        var diagnostics = 0
        for n in 0..<400 {
            var html = "<html><head>"
            for _ in 0..<(1 + g.next(8)) { html += Self.fragments[g.next(Self.fragments.count)] + "\n" }
            html += "</head><body>"
            for _ in 0..<(1 + g.next(8)) { html += Self.fragments[g.next(Self.fragments.count)] + "\n" }
            html += "</body></html>"
            let doc = MarkupParser.parseHTML(Data(html.utf8))
            let a = MetadataExtractor.extract(from: doc, file: "fuzz-\(n).html")
            let b = MetadataExtractor.extract(from: doc, file: "fuzz-\(n).html")
            #expect(a.metadata == b.metadata && a.diagnostics == b.diagnostics)
            diagnostics += a.diagnostics.count
            for d in a.diagnostics {
                #expect(!d.rule.isEmpty && !d.message.isEmpty && d.location.file == "fuzz-\(n).html")
            }
            if let t = a.metadata.title { #expect(t == t.trimmingCharacters(in: .whitespacesAndNewlines) && !t.isEmpty) }
        }
        print("[metadata-fuzz] 400 pages, \(diagnostics) diagnostics")
    }
}
