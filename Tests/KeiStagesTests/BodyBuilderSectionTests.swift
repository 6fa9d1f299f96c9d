import Foundation
import KeiDocument
import KeiStages
import Testing

/// Sections from the heading hierarchy: nesting, ids, title/byline/dateline dropping, heading
/// normalisation, bold paragraphs as headings, the abstract.
@Suite struct BodyBuilderSectionTests {
    @Test func headingsNestByLevelWithDeterministicIDs() {
        let r = BodyFixture.build("""
            <h2>One</h2><p>a</p>
            <h2>Two</h2><p>b</p>
            <h3>Two point one</h3><p>c</p>
            <h4>Deep</h4><p>d</p>
            <h3>Two point two</h3><p>e</p>
            <h2>Three</h2><p>f</p>
            """)
        #expect(r.sections.map(\.id) == ["sec1", "sec2", "sec3"])
        #expect(r.sections.map { $0.title.plainText } == ["One", "Two", "Three"])
        let two = r.sections[1]
        #expect(two.subsections.map(\.id) == ["sec2.1", "sec2.2"])
        #expect(two.subsections[0].subsections.map(\.id) == ["sec2.1.1"])
        #expect(two.subsections[0].subsections[0].level == 4)
        #expect(BodyFixture.text(two.subsections[1].blocks) == "e")
    }

    @Test func sectionLocationsAreHeadingLines() {
        let r = BodyFixture.build("<p>intro</p>\n<h2>First</h2>\n<p>x</p>\n\n<h2>Second</h2>")
        // The fixture page puts the fragment on line 2.
        #expect(r.sections.map(\.location.line) == [2, 3, 6])
        #expect(r.sections.map(\.location.file) == ["t.html", "t.html", "t.html"])
    }

    @Test func contentBeforeFirstHeadingIsAnUntitledLevelZeroSection() {
        let r = BodyFixture.build("<p>Lead paragraph.</p><h2>Body</h2><p>Text.</p>")
        #expect(r.sections.count == 2)
        #expect(r.sections[0].level == 0)
        #expect(r.sections[0].title.isEmpty)
        #expect(BodyFixture.text(r.sections[0].blocks) == "Lead paragraph.")
    }

    @Test func titleHeadingBylineDatelineAndDownloadLineAreDropped() {
        let r = BodyFixture.build("""
            <h1>Allying Against Adversaries</h1>
            <p>By Jordan Example and Sam Sample</p>
            <p>Published December 15, 2025</p>
            <p><a href="/x.pdf">Download PDF</a></p>
            <p>The first real paragraph.</p>
            <h2>Background</h2><p>More.</p>
            """, title: "Allying Against Adversaries | Korea Economic Institute of America")
        #expect(r.sections.count == 2)
        #expect(BodyFixture.text(r.sections[0].blocks) == "The first real paragraph.")
        #expect(!BodyFixture.allText(r).contains("Published"))
        #expect(!BodyFixture.allText(r).contains("Download PDF"))
    }

    @Test func leadingContentThatIsOnlyTheTitleLeavesNoLevelZeroSection() {
        let r = BodyFixture.build("<h1>A Title</h1><p>December 15, 2025</p><h2>Start</h2><p>x</p>", title: "A Title")
        #expect(r.sections.map { $0.title.plainText } == ["Start"])
    }

    @Test func sentencesStartingLikeBylinesAreKept() {
        let r = BodyFixture.build("<h1>T</h1><p>By 2030, South Korea will need twice as many engineers.</p>", title: "T")
        #expect(BodyFixture.allText(r).contains("By 2030"))
    }

    @Test func authorLineIsDroppedButASentenceNamingTheAuthorIsKept() {
        let authors = [Author(name: "Kim Example"), Author(name: "Lee Sample")]
        let r = BodyFixture.build("<h1>T</h1><p>Kim Example, KEI; Lee Sample, Hanbit University</p><p>Kim Example and Lee Sample argue this.</p>",
                                  title: "T", authors: authors)
        #expect(BodyFixture.text(BodyFixture.blocks(r)) == "Kim Example and Lee Sample argue this.")
    }

    @Test func headingsAreNormalised() {
        let r = BodyFixture.build("""
            <h2><strong>Executive Summary\u{A0}\u{A0}</strong></h2><p>s</p>
            <h2> <b>Background</b>&nbsp; </h2><p>b</p>
            <h2>&nbsp;</h2>
            <h2><strong></strong></h2>
            <h2>Mixed <strong>bold</strong> title&nbsp;</h2><p>m</p>
            """)
        #expect(r.sections.map { $0.title } == [[.text("Background")], [.text("Mixed "), .strong([.text("bold")]), .text(" title")]])
        #expect(r.abstract.count == 1)
    }

    @Test func executiveSummaryAbstractAndSummaryBecomeTheAbstract() {
        for title in ["Executive Summary", "Abstract", "Summary:", "EXECUTIVE SUMMARY"] {
            let r = BodyFixture.build("<h2>\(title)</h2><p>The gist.</p><p>More gist.</p><h2>Body</h2><p>x</p>")
            #expect(BodyFixture.text(r.abstract) == "The gist.\nMore gist.", "\(title)")
            #expect(r.sections.map { $0.title.plainText } == ["Body"], "\(title)")
        }
    }

    @Test func shortBoldParagraphBetweenBlocksIsAHeading() {
        let r = BodyFixture.build("""
            <h2>Recommendations</h2>
            <p>Intro text.</p>
            <p><strong>Deepen Trilateral Cooperation</strong></p>
            <p>Explanation of the recommendation.</p>
            """)
        let sub = r.sections.first?.subsections.first
        #expect(sub?.title == [.text("Deepen Trilateral Cooperation")])
        #expect(sub?.level == 3)
        #expect(BodyFixture.text(sub?.blocks ?? []) == "Explanation of the recommendation.")
    }

    @Test func boldSentencesAndBoldRunsAreNotHeadings() {
        let r = BodyFixture.build("""
            <p>Intro.</p>
            <p><strong>This is a bold sentence that ends with a period.</strong></p>
            <p>Text.</p>
            <p><strong>Name One</strong></p>
            <p><strong>Name Two</strong></p>
            <p>Text.</p>
            <p><strong>A bold line with far too many words to be any kind of plausible section heading here</strong></p>
            <p>Text.</p>
            """)
        #expect(r.sections.count == 1)
        #expect(r.sections[0].level == 0)
        #expect(r.sections[0].blocks.count == 8)
    }

    @Test func boldParagraphsTakeTheLevelBelowThePrecedingHeading() {
        let r = BodyFixture.build("<h1>Page</h1><p><strong>First Part</strong></p><p>x</p><p><strong>Second Part</strong></p><p>y</p>")
        #expect(r.sections.first?.subsections.map { $0.level } == [2, 2])
        #expect(r.sections.first?.subsections.map { $0.title.plainText } == ["First Part", "Second Part"])
    }
}
