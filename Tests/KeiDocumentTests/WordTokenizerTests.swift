import Testing
@testable import KeiDocument

@Suite struct WordTokenizerTests {
    typealias Kind = WordToken.Kind

    /// `expected` is written as "text/kind" with kinds w, n, p, m, u ("U.S./w", "./p").
    typealias Case = AnalysisTestSupport.TableCase

    static func code(_ kind: Kind) -> String {
        switch kind {
        case .word: "w"
        case .number: "n"
        case .punctuation: "p"
        case .marker: "m"
        case .url: "u"
        }
    }

    static let cases: [Case] = [
        Case("", []),
        Case(" \t\n ", []),
        Case("Hello, world!", ["Hello/w", ",/p", "world/w", "!/p"]),
        Case("don\u{2019}t stop", ["don\u{2019}t/w", "stop/w"]),
        Case("don't stop", ["don't/w", "stop/w"]),
        Case("state-owned firms", ["state-owned/w", "firms/w"]),
        Case("Moon Jae-in\u{2019}s plan", ["Moon/w", "Jae-in\u{2019}s/w", "plan/w"]),
        Case("students\u{2019} views", ["students/w", "\u{2019}/p", "views/w"]),
        Case("rock 'n' roll", ["rock/w", "'/p", "n/w", "'/p", "roll/w"]),
        Case("the U.S. and e.g. Japan", ["the/w", "U.S./w", "and/w", "e.g./w", "Japan/w"]),
        Case("i.e., Ph.D. holders", ["i.e./w", ",/p", "Ph.D./w", "holders/w"]),
        Case("U.S.-ROK ties", ["U.S.-ROK/w", "ties/w"]),
        Case("in the U.S.", ["in/w", "the/w", "U.S./w"]),
        Case("Mr. Kim", ["Mr/w", "./p", "Kim/w"]),
        Case("p. 3", ["p/w", "./p", "3/n"]),
        Case("end.The", ["end/w", "./p", "The/w"]),
        Case("1,200 people", ["1,200/n", "people/w"]),
        Case("7.5 percent", ["7.5/n", "percent/w"]),
        Case("3.5% growth", ["3.5%/n", "growth/w"]),
        Case("version 3.2.1.", ["version/w", "3.2.1/n", "./p"]),
        Case("1,200.", ["1,200/n", "./p"]),
        Case("1990s and 3rd", ["1990s/w", "and/w", "3rd/w"]),
        Case("2025년 예산", ["2025년/w", "예산/w"]),
        Case("３．５％ 상승", ["３．５％/n", "상승/w"]),
        Case("24-hour coverage", ["24-hour/w", "coverage/w"]),
        Case("2019-20", ["2019/n", "-/p", "20/n"]),
        Case("COVID-19 cases", ["COVID-19/w", "cases/w"]),
        Case("v1.2.3 released", ["v1.2.3/w", "released/w"]),
        Case("\u{20A9}1,000", ["\u{20A9}/p", "1,000/n"]),
        Case("word\u{FFFC}", ["word/w", "\u{FFFC}/m"]),
        Case("claim.\u{FFFC} Next", ["claim/w", "./p", "\u{FFFC}/m", "Next/w"]),
        Case("See https://kei.org/a_b?x=1.", ["See/w", "https://kei.org/a_b?x=1/u", "./p"]),
        Case("(www.example.com/a.b)", ["(/p", "www.example.com/a.b/u", ")/p"]),
        Case("https://en.wikipedia.org/wiki/Foo_(bar).", ["https://en.wikipedia.org/wiki/Foo_(bar)/u", "./p"]),
        Case("<HTTPS://KEI.ORG>", ["</p", "HTTPS://KEI.ORG/u", ">/p"]),
        Case("Email kim.lee@kei.org.", ["Email/w", "kim.lee@kei.org/u", "./p"]),
        Case("kei.org is", ["kei.org/u", "is/w"]),
        Case("mofa.go.kr/eng/index.do, then", ["mofa.go.kr/eng/index.do/u", ",/p", "then/w"]),
        Case("한국은 성장했다.", ["한국은/w", "성장했다/w", "./p"]),
        Case("中文句子\u{3002}", ["中文句子/w", "\u{3002}/p"]),
        Case("Great \u{1F389} news", ["Great/w", "\u{1F389}/p", "news/w"]),
        Case("\u{1F44D}\u{1F3FD}\u{1F1F0}\u{1F1F7}", ["\u{1F44D}\u{1F3FD}/p", "\u{1F1F0}\u{1F1F7}/p"]),
        Case("cafe\u{0301} au lait", ["cafe\u{0301}/w", "au/w", "lait/w"]),
        Case("Wait...", ["Wait/w", "./p", "./p", "./p"]),
        Case("a\u{200B}b", ["a/w", "b/w"]),
        Case("polit\u{00AD}ical", ["polit\u{00AD}ical/w"]),
        Case("\u{201C}Yes,\u{201D} she said\u{2014}twice.", ["\u{201C}/p", "Yes/w", ",/p", "\u{201D}/p", "she/w", "said/w", "\u{2014}/p", "twice/w", "./p"]),
    ]

    @Test(arguments: cases)
    func tokenizes(_ testCase: Case) {
        let tokens = WordTokenizer.tokens(in: testCase.input)
        #expect(tokens.map { AnalysisTestSupport.slice(testCase.input, $0.range) + "/" + Self.code($0.kind) } == testCase.expected)
        AnalysisTestSupport.expectWellFormed(tokens.map(\.range), in: testCase.input)
    }

    @Test func wordsKeepsOnlyWordsAndNumbers() {
        let text = "Hello, world! 3.5% \u{FFFC} kei.org \u{1F600} U.S."
        #expect(WordTokenizer.words(in: text).map { AnalysisTestSupport.slice(text, $0.range) } == ["Hello", "world", "3.5%", "U.S."])
        #expect(WordTokenizer.words(in: text).allSatisfy { $0.kind == .word || $0.kind == .number })
    }

    @Test func rangesAreUTF8ByteOffsets() {
        #expect(WordTokenizer.tokens(in: "한국 ok") == [WordToken(range: 0..<6, kind: .word), WordToken(range: 7..<9, kind: .word)])
        #expect(WordTokenizer.tokens(in: "\u{1F600}\u{FFFC}") == [WordToken(range: 0..<4, kind: .punctuation), WordToken(range: 4..<7, kind: .marker)])
    }

    /// Random texts: ranges well formed, no token holds whitespace, and every scalar that is not
    /// whitespace, an invisible format character or a mark clinging to one of those is in a token.
    @Test func randomTextsGiveWellFormedTokens() {
        for text in AnalysisTestSupport.RandomTexts.texts(seed: 4_1207, count: 2000) {
            let tokens = WordTokenizer.tokens(in: text)
            AnalysisTestSupport.expectWellFormed(tokens.map(\.range), in: text)
            for token in tokens {
                let slice = AnalysisTestSupport.slice(text, token.range)
                #expect(!slice.unicodeScalars.contains { $0.properties.isWhitespace }, "\(slice.debugDescription) in \(text.debugDescription)")
                if token.kind == .marker { #expect(slice.unicodeScalars.first == "\u{FFFC}", "\(slice.debugDescription)") }
            }
            for (scalar, offset) in AnalysisTestSupport.scalarsWithOffsets(text) {
                let category = scalar.properties.generalCategory
                guard !scalar.properties.isWhitespace, category != .format, category != .nonspacingMark else { continue }
                #expect(tokens.contains { $0.range.contains(offset) }, "\(scalar.escaped(asASCII: true)) at \(offset) left out of \(text.debugDescription)")
            }
        }
    }
}
