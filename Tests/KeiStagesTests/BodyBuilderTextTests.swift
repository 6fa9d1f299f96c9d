import Foundation
@testable import KeiStages
import KeiXML
import Testing

/// The scalar and byte fast paths of the body's text helpers give exactly the Character-level results.
@Suite struct BodyBuilderTextTests {
    /// Every scalar of the simple ranges (surrogates excluded).
    static let simpleScalars: [Unicode.Scalar] = (0...0xFFFF).compactMap { v -> Unicode.Scalar? in
        guard let u = Unicode.Scalar(UInt32(v)), SimpleText.isSimple(u) else { return nil }
        return u
    }

    static func string(_ scalars: Unicode.Scalar...) -> String {
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars)
        return s
    }

    @Test func simpleScalarsNeverJoinANeighbour() {
        let a: Unicode.Scalar = "a"
        let syllable: Unicode.Scalar = "\u{AC00}"
        var joining: [String] = []
        for u in Self.simpleScalars {
            // Extend, ZWJ, SpacingMark and Prepend join an "a" on one side; a leading jamo joins a
            // following syllable, a vowel or trailing jamo a preceding one; regional indicators pair up.
            if Self.string(a, u, a).count != 3 || Self.string(u, syllable).count != 2
                || Self.string(syllable, u).count != 2 || Self.string(u, u).count != 2 {
                if !(u == "\r" || u == "\n") { joining.append(String(u.value, radix: 16)) }
            }
        }
        #expect(joining.isEmpty, "scalars that join a neighbour: \(joining.prefix(20))")
        #expect(Self.string("\r", "\n").count == 1)
    }

    @Test func simpleScalarsMatchTheirCharacterLevelReading() {
        let literals: [Character] = [" ", "\t", "\n", "\r", "\u{0C}", "#", "[", "(", "]", ")", ".", ":", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2013}", "\u{2014}",
                                     "\u{2010}", "\u{2011}"]
        for u in Self.simpleScalars {
            let c = Character(u)
            for l in literals {
                #expect((c == l) == (String(l).unicodeScalars.elementsEqual([u])), "U+\(String(u.value, radix: 16)) vs \(l)")
            }
            #expect(InlineText.isTrimmable(c) == SimpleText.isTrimmable(u))
            #expect(InlineText.isCollapsible(c) == (u.value < 0x80 && SimpleText.isCollapsible(UInt8(u.value))))
            if u.value >= 0x80 {
                #expect(c.lowercased() == u.properties.lowercaseMapping, "U+\(String(u.value, radix: 16))")
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

    /// Short random strings over an alphabet of whitespace, quotes, dashes and scalars that join
    /// their neighbours (combining marks, Prepend, ZWJ, regional indicators, Hangul jamo).
    static func randomStrings(count: Int) -> [String] {
        let alphabet: [String] = [
            " ", " ", " ", "\n", "\r", "\t", "\u{0C}", "a", "B", "z", "#", "\u{A0}", "\u{2009}", "\u{202F}",
            "\u{200B}", "\u{FEFF}", "\u{2018}", "\u{201D}", "\u{2014}", "\u{2011}", "\u{E9}", "\u{130}", "\u{DF}",
            "\u{0301}", "\u{0600}", "\u{1F1F0}", "\u{200D}", "\u{1F44D}", "\u{D55C}", "\u{1100}", "\u{1161}",
            "\u{2022}", "\u{0387}", "[", "(", ")", ".", ":", "1", "\u{3A3}", "\u{1C5}", "\u{0E33}", "\u{FE0F}",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        return (0..<count).map { _ in (0..<next(14)).map { _ in alphabet[next(alphabet.count)] }.joined() }
    }

    /// Byte equality (`==` on strings is canonical equivalence).
    static func same(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

    @Test func fastPathsAgreeWithCharacterCode() {
        for s in Self.randomStrings(count: 20_000) {
            let scalars = s.unicodeScalars.map(\.value)
            #expect(Self.same(InlineText.collapse(s), InlineText.collapseCharacters(s)), "\(scalars)")
            #expect(Self.same(InlineText.key(s), InlineText.keyCharacters(s)), "\(scalars)")
            #expect(InlineText.isBlank(s) == InlineText.trim(s).isEmpty, "\(scalars)")
            #expect(Self.same(InlineText.trim(s), InlineText.trimCharacters(s)), "\(scalars)")
            if SimpleText.isASCII(s) {
                for part in ["a", "#", " a", "ba"] {
                    #expect(TextSearch.contains(s, part) == s.contains(part), "\(scalars) \(part)")
                }
            }
            #expect(SimpleText.isSimple(s) == s.unicodeScalars.allSatisfy(SimpleText.isSimple), "\(scalars)")
            let backlinkKey = FootnoteMarkup.backlinkTexts.contains(InlineText.key(s))
            #expect(FootnoteMarkup.isBacklinkText(s) == backlinkKey, "\(scalars)")
            #expect(Self.same(FootnoteMarkup.cleanLabel(s), FootnoteMarkup.cleanLabelCharacters(s)), "\(scalars)")
            #expect(FootnoteMarkup.firstHash(in: s) == s.firstIndex(of: "#"), "\(scalars)")
            for prefix in ["a", "ab", "a b", "javascript:"] {
                let text = s + (prefix == "javascript:" ? "JavaScript:void(0)" : "")
                #expect(SimpleText.hasLowercasedPrefix(text, prefix) == text.lowercased().hasPrefix(prefix), "\(scalars)")
                #expect(SimpleText.hasLowercasedPrefix("Ab" + s, prefix) == ("Ab" + s).lowercased().hasPrefix(prefix))
            }
            #expect(BulletListMerger.containsBulletScalar(s) == s.unicodeScalars.contains(where: BulletListMerger.isBulletScalar))
            let element = DOMElement(name: "a", attributes: [DOMAttribute(name: "class", value: s)])
            #expect(FootnoteMarkup.lowercasedClasses(element).map { Array($0.utf8) }
                == element.classList.map { Array($0.lowercased().utf8) }, "\(scalars)")
            for start in [false, true] {
                var fast = start
                var slow = start
                let f = SimpleText.droppingRepeatedSpaces(s, lastWasSpace: &fast)
                let c = InlineText.dropRepeatedSpaces(s, lastWasSpace: &slow)
                #expect((f == nil) == !SimpleText.isSimple(s), "\(scalars)")
                #expect(f.map { Self.same($0, c) } ?? (fast == start), "\(scalars)")
                if f != nil { #expect(fast == slow, "\(scalars)") }
            }
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
