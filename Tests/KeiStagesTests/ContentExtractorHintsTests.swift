import Testing
@testable import KeiStages

/// Class/id/role hint classification used by the extractor.
@Suite struct ContentExtractorHintsTests {
    static func hints(_ c: String?, id: String? = nil, role: String? = nil) -> ClassHints {
        ClassHints(classValue: c, id: id, role: role)
    }

    @Test func tokensMatchExactlyOrByPrefix() {
        #expect(Self.hints("site-search").isChrome)
        #expect(!Self.hints("research-area").isChrome)
        #expect(Self.hints("newsletter-signup").isChrome)
        #expect(Self.hints("Series-About").isChrome)
        #expect(Self.hints("share-tools").isUtility)
        #expect(Self.hints("download-pdf").isUtility)
        #expect(Self.hints("entry-content").isPositive)
        #expect(!Self.hints("entry-content").isChrome)
        #expect(Self.hints(nil, id: "sidebar").isChrome)
        #expect(Self.hints(nil, role: "navigation").isChrome)
        #expect(!Self.hints(nil, role: "main").isChrome)
    }

    @Test func notesHintsWinOverUtility() {
        #expect(Self.hints("wp-block-footnotes").isNotes)
        #expect(Self.hints("endnotes").isNotes)
        #expect(Self.hints(nil, id: "references").isNotes)
        let both = Self.hints("footnotes print")
        #expect(both.isNotes && !both.isUtility)
    }

    @Test func slugIdsAreNotHints() {
        #expect(!Self.hints(nil, id: "worrying-about-your-tail-or-instrumentation").isChrome)
        #expect(Self.hints(nil, id: "about-us").isChrome)
    }

    @Test func weightFollowsReadability() {
        #expect(Self.hints("post-body").weight == 25)
        #expect(Self.hints("sidebar").weight == -25)
        #expect(Self.hints("content sidebar").weight == 0)
        #expect(Self.hints(nil).weight == 0)
    }

    @Test func wordProcessorNoteBlocksAreRecognised() {
        for id in ["ftn1", "_ftn12", "_edn3", "sdfootnote2", "fn7", "footnote-4"] {
            #expect(ExtractionPass.looksLikeNoteBlockID(id), "\(id)")
        }
        for id in ["_ftnref1", "fnref1", "ftn", "content-1", "main"] {
            #expect(!ExtractionPass.looksLikeNoteBlockID(id), "\(id)")
        }
    }

    @Test func pdfLinksAreRecognised() {
        #expect(ExtractionTree.isPDF("/wp-content/uploads/2025/12/KP-3-2.pdf"))
        #expect(ExtractionTree.isPDF("https://x.org/a.PDF?dl=1"))
        #expect(ExtractionTree.isPDF("a.pdf#page=2"))
        #expect(!ExtractionTree.isPDF("/pdfs/index.html"))
        #expect(!ExtractionTree.isPDF("a.pdfx"))
        #expect(!ExtractionTree.isPDF(""))
    }

    @Test func noteIDsAreRecognised() {
        for id in ["fn1", "footnote-0", "footnote1_abc", "endnote12", "cite_note-4", "ref3", "_ftn2", "edn4"] {
            #expect(ExtractionPass.looksLikeNoteID(id), "\(id)")
        }
        for id in ["footer", "main", "fnref", "content-2"] where !id.contains(where: \.isNumber) || id.hasPrefix("content") {
            #expect(!ExtractionPass.looksLikeNoteID(id), "\(id)")
        }
    }
}
