import Foundation
@testable import KeiStages
import KeiXML
import KeiDocument
import Testing

/// The body's text helpers: one path over Unicode scalars, keeping each character's source.
@Suite struct BodyBuilderTextTests {
    /// A run whose every byte maps verbatim to the same offset + `base` in a source.
    static func sourced(_ s: String, at base: Int = 100) -> TextRun {
        TextRun(s, source: SourceSpan(start: base, end: base + s.utf8.count), verbatim: true)
    }

    @Test func collapsingKeepsSources() {
        let run = Self.sourced("a  \n\tb c")
        var last = false
        let c = run.collapsingWhitespace(lastWasSpace: &last)
        #expect(c.string == "a b c")
        // "a" at 100, the collapsed run "  \n\t" (101..<105) as one space, "b" at 105, " " at 106, "c" at 107.
        #expect(c.span(of: 0..<1) == SourceSpan(start: 100, end: 101))
        #expect(c.span(of: 1..<2) == SourceSpan(start: 101, end: 105))
        #expect(c.span(of: 2..<3) == SourceSpan(start: 105, end: 106))
        #expect(c.span(of: 3..<5) == SourceSpan(start: 106, end: 108))
        #expect(!last)
    }

    @Test func trimmingAndDroppingKeepSources() {
        let run = Self.sourced("\u{A0} 한국 text ")
        let t = run.trimming(InlineText.isTrimmable)
        #expect(t.string == "한국 text")
        #expect(t.span == SourceSpan(start: 103, end: 103 + "한국 text".utf8.count))
        let d = t.droppingFirst(3)
        #expect(d.string == "text")
        #expect(d.span == SourceSpan(start: 103 + "한국 ".utf8.count, end: 103 + "한국 text".utf8.count))
    }

    @Test func normalizingMergesRunsAndKeepsEachSource() {
        let inl: [Inline] = [.text(Self.sourced(" Hello ", at: 10)), .emphasis([.text(Self.sourced(" big ", at: 30))]), .text(Self.sourced(" world ", at: 50))]
        let n = InlineText.normalize(inl)
        #expect(n.plainText == "Hello big world")
        guard case .text(let first)? = n.first, case .text(let last)? = n.last else {
            Issue.record("expected text at both ends: \(n)")
            return
        }
        #expect(first.span == SourceSpan(start: 11, end: 17))
        #expect(last.span == SourceSpan(start: 51, end: 56), "the leading space after \"big \" collapses away")
    }

    @Test func stringHelpersMatchTheirDefinitions() {
        #expect(InlineText.collapse(" a \r\n\t b ") == " a b ")
        #expect(InlineText.trim("\u{A0}\u{200B} a b \u{202F}") == "a b")
        #expect(InlineText.key("  “Korea’s”\u{A0}—  Policy ") == "\"korea's\" - policy")
        #expect(InlineText.isBlank(" \u{A0}\r\n"))
        #expect(!InlineText.isBlank(" x "))
        #expect(InlineText.isTrimmable(Character("\r\n")))
    }

    /// Short random strings over an alphabet of whitespace, quotes, dashes and joining scalars.
    static func randomStrings(count: Int) -> [String] {
        let alphabet: [String] = [
            " ", " ", " ", "\n", "\r", "\t", "\u{0C}", "a", "B", "z", "#", "\u{A0}", "\u{2009}", "\u{202F}",
            "\u{200B}", "\u{FEFF}", "\u{2018}", "\u{201D}", "\u{2014}", "\u{2011}", "\u{E9}", "\u{130}", "\u{DF}",
            "\u{0301}", "\u{0600}", "\u{1F1F0}", "\u{200D}", "\u{1F44D}", "\u{D55C}", "\u{1100}", "\u{1161}",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        return (0..<count).map { _ in (0..<next(14)).map { _ in alphabet[next(alphabet.count)] }.joined() }
    }

    /// Collapsing random text: every verbatim byte of the result slices back to the same bytes of the source.
    @Test func collapsedRandomTextSlicesBack() {
        for s in Self.randomStrings(count: 2000) {
            let run = Self.sourced(s, at: 0)
            var last = false
            let c = run.collapsingWhitespace(lastWasSpace: &last)
            let src = Array(s.utf8)
            var offset = 0
            for o in c.origins {
                let part = Array(c.string.utf8)[offset..<(offset + o.length)]
                if o.verbatim, let span = o.source {
                    #expect(Array(src[span.range]) == Array(part), "\(s.debugDescription)")
                } else if let span = o.source {
                    #expect(String(decoding: src[span.range], as: UTF8.self).unicodeScalars.allSatisfy(InlineText.isCollapsible) && part.elementsEqual([0x20]), "\(s.debugDescription)")
                }
                offset += o.length
            }
        }
    }

    @Test func bulletScalarsCoverEveryBulletCharacter() {
        let bullets = BulletListMerger.topBullets.union(BulletListMerger.subBullets)
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            #expect(bullets.contains(Character(u)) == BulletListMerger.isBulletScalar(u), "U+\(String(v, radix: 16))")
            #expect(BulletListMerger.containsBulletScalar("a" + String(u) + "b") == BulletListMerger.isBulletScalar(u))
        }
    }

    /// `isBacklinkText` skips long texts: sound only while no back-link text grows under decomposition.
    @Test func backlinkTextsAreDecomposed() {
        for t in FootnoteMarkup.backlinkTexts {
            #expect(t.decomposedStringWithCanonicalMapping.unicodeScalars.count == t.unicodeScalars.count, "\(t)")
        }
        #expect(FootnoteMarkup.isBacklinkText(" \u{A0}Back  to\ntext "))
        #expect(!FootnoteMarkup.isBacklinkText("Back to the text of the article"))
    }
}
