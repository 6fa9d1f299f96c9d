import Testing
import KeiDocument
@testable import KeiStages

/// ``TermMatcher``: one automaton for every pattern, matches at word boundaries in one unit.
@Suite struct TermMatcherTests {
    /// The matched texts of `patterns` in `text`, as "rule:index=text", in the order found.
    func found(_ text: String, _ patterns: [TermPattern]) -> [String] {
        let matcher = TermMatcher(patterns)
        let u = Array(text.utf8)
        return matcher.matches(in: text, tokens: WordTokenizer.tokens(in: text), unit: 0).map {
            "\($0.rule):\($0.index)=" + String(decoding: u[$0.range], as: UTF8.self)
        }
    }

    func p(_ text: String, rule: String = "r", index: Int = 0, cs: Bool = false) -> TermPattern {
        TermPattern(rule: rule, index: index, text: text, caseSensitive: cs)
    }

    @Test func multiTokenAndCaseInsensitive() {
        #expect(found("The KOREAN peninsula and the Korean Peninsula.", [p("Korean peninsula")])
                == ["r:0=KOREAN peninsula", "r:0=Korean Peninsula"])
    }

    @Test func wordBoundariesOnly() {
        #expect(found("Busan, USFK, US-led, US’s, USA and US.", [p("US", cs: true)]) == ["r:0=US", "r:0=US", "r:0=US"])
        #expect(found("defences defence-related", [p("defence")]) == ["r:0=defence"])
    }

    @Test func caseSensitiveNeedsExactText() {
        #expect(found("Let us go; the US and Us.", [p("US", cs: true)]) == ["r:0=US"])
    }

    @Test func symbolsGlueToWords() {
        #expect(found("US$ 5 billion and #US and US", [p("US", cs: true)]) == ["r:0=US"])
    }

    @Test func overlappingAndSharedPrefixes() {
        let pats = [p("Kim Jong", rule: "a"), p("Kim Jong Un", rule: "b"), p("Jong Un", rule: "c"), p("Kim Jong-un", rule: "d"),
                    p("Kim", rule: "e", cs: true)]
        #expect(found("Kim Jong Un met Kim Jong-un’s envoy.", pats)
                == ["e:0=Kim", "a:0=Kim Jong", "b:0=Kim Jong Un", "c:0=Jong Un", "e:0=Kim", "d:0=Kim Jong-un"])
        // A phrase is not found inside a hyphenated compound; one word is ("US" in "US-led").
        #expect(found("Cho Hyun-woo and Pusan-based Cho Hyun", [p("Cho Hyun"), p("Pusan", index: 1)]) == ["r:1=Pusan", "r:0=Cho Hyun"])
    }

    @Test func failureLinksFindSuffixMatches() {
        // "a b c" fails after "a b" on "d"; "b d" must still be found through the failure link.
        #expect(found("a b d", [p("a b c", rule: "x"), p("b d", rule: "y")]) == ["y:0=b d"])
    }

    @Test func lineBreakURLAndMarkerStopAMatch() {
        #expect(found("Korean\npeninsula", [p("Korean peninsula")]).isEmpty)
        #expect(found("Korean \u{FFFC} peninsula", [p("Korean peninsula")]).isEmpty)
        #expect(found("Korean  \u{00A0}peninsula", [p("Korean peninsula")]) == ["r:0=Korean  \u{00A0}peninsula"])
    }

    @Test func multiByteTextAndApostrophes() {
        let text = "한국어 문장 — Moon Jae-in’s “Moon Jae-in” 서울 Seoul"
        #expect(found(text, [p("Moon Jae-in"), p("서울", index: 1)]) == ["r:0=Moon Jae-in", "r:0=Moon Jae-in", "r:1=서울"])
        #expect(found("People's Republic", [p("People’s Republic", cs: true)]) == ["r:0=People's Republic"])
    }

    @Test func percentIsAPieceOfItsNumber() {
        #expect(found("3.5% and 4 percent", [p("%"), p("percent", index: 1)]) == ["r:0=%", "r:1=percent"])
    }

    @Test func hyphenAndSpaceDiffer() {
        #expect(found("Lee Jae-myung and Lee Jae Myung", [p("Lee Jae Myung", cs: true), p("Lee Jae-myung", index: 1, cs: true)])
                == ["r:1=Lee Jae-myung", "r:0=Lee Jae Myung"])
    }

    @Test func matchesGroupedByRuleInReadingOrder() throws {
        var article = Article(id: "a", source: "a.html")
        article.metadata.title = "US and the US"
        let analysis = ArticleAnalysis(article)
        let m = TermMatcher([p("the US", rule: "y"), p("US", rule: "x", cs: true)]).matches(in: analysis)
        #expect(m["x"]?.map(\.range) == [0..<2, 11..<13])
        #expect(m["y"]?.map(\.range) == [7..<13])
    }
}
