import Testing
@testable import KeiDocument

@Suite struct SentenceSplitterTests {
    typealias Case = AnalysisTestSupport.TableCase

    static let cases: [Case] = [
        // Empty and trivial input.
        Case("", []),
        Case("   \n\t ", []),
        Case("Hello world.", ["Hello world."]),
        Case("No end punctuation here", ["No end punctuation here"]),
        Case("One. Two. Three.", ["One.", "Two.", "Three."]),
        Case("  Leading and trailing.  ", ["Leading and trailing."]),
        Case("Trailing space after end. ", ["Trailing space after end."]),
        Case("This is one!   This is two.", ["This is one!", "This is two."]),
        Case("Wait.Next", ["Wait.Next"]),
        Case("\u{2026}", ["\u{2026}"]),
        // Question and exclamation marks.
        Case("Is it? Yes! Done.", ["Is it?", "Yes!", "Done."]),
        Case("Really?! Yes.", ["Really?!", "Yes."]),
        Case("Why? Because. Yes.", ["Why?", "Because.", "Yes."]),
        Case("\"Really?\" she asked. He nodded.", ["\"Really?\" she asked.", "He nodded."]),
        // Closing quotes and brackets after the period.
        Case("He said \u{201C}Stop.\u{201D} Then he left.", ["He said \u{201C}Stop.\u{201D}", "Then he left."]),
        Case("It was \u{2018}final.\u{2019} Nobody argued.", ["It was \u{2018}final.\u{2019}", "Nobody argued."]),
        Case("The 'sunshine policy.' It failed.", ["The 'sunshine policy.'", "It failed."]),
        Case("(See the annex.) The data follow.", ["(See the annex.)", "The data follow."]),
        Case("She said, \"It is over.\" \"Is it?\" he asked.", ["She said, \"It is over.\"", "\"Is it?\" he asked."]),
        Case("The data end in 2019. (Later years differ.)", ["The data end in 2019.", "(Later years differ.)"]),
        // Dotted abbreviations.
        Case("The U.S. Senate voted. It passed.", ["The U.S. Senate voted.", "It passed."]),
        Case("The U.K. Parliament and the U.N. Security Council met.", ["The U.K. Parliament and the U.N. Security Council met."]),
        Case("U.S.-ROK ties deepened. Seoul agreed.", ["U.S.-ROK ties deepened.", "Seoul agreed."]),
        Case("Some allies, e.g. Japan, agreed. Others did not.", ["Some allies, e.g. Japan, agreed.", "Others did not."]),
        Case("The partners, i.e. Japan and Australia, agreed.", ["The partners, i.e. Japan and Australia, agreed."]),
        Case("He earned a Ph.D. In 2010 he moved.", ["He earned a Ph.D.", "In 2010 he moved."]),
        Case("The meeting is at 9 a.m. The talks follow.", ["The meeting is at 9 a.m.", "The talks follow."]),
        Case("The meeting is at 9 a.m. tomorrow.", ["The meeting is at 9 a.m. tomorrow."]),
        // Titles and names.
        Case("Mr. Kim met Mrs. Lee and Ms. Park. They talked.", ["Mr. Kim met Mrs. Lee and Ms. Park.", "They talked."]),
        Case("Dr. Yoon and Prof. Choi spoke.", ["Dr. Yoon and Prof. Choi spoke."]),
        Case("Sen. Warren and Rep. Kim questioned Gen. Park.", ["Sen. Warren and Rep. Kim questioned Gen. Park."]),
        Case("Gen. Park, Lt. Col. Kim and Capt. Lee attended. It ended.", ["Gen. Park, Lt. Col. Kim and Capt. Lee attended.", "It ended."]),
        Case("He lives on St. Mark's Place.", ["He lives on St. Mark's Place."]),
        Case("Martin Luther King Jr. Day is a holiday. Offices close.", ["Martin Luther King Jr. Day is a holiday.", "Offices close."]),
        Case("Kim Sr. Met him.", ["Kim Sr. Met him."]),
        Case("SK Inc. Chairman Chey attended.", ["SK Inc. Chairman Chey attended."]),
        Case("Kia Corp. President Song and Hanwha Co. Executives met.", ["Kia Corp. President Song and Hanwha Co. Executives met."]),
        Case("Samsung Electronics Co. Ltd. Reported profits. Shares rose.", ["Samsung Electronics Co. Ltd. Reported profits.", "Shares rose."]),
        // Initials and single capitals.
        Case("Kim D. J. said so. Others disagreed.", ["Kim D. J. said so.", "Others disagreed."]),
        Case("J. R. R. Tolkien wrote it. It sold.", ["J. R. R. Tolkien wrote it.", "It sold."]),
        Case("J.R.R. Tolkien wrote it.", ["J.R.R. Tolkien wrote it."]),
        Case("World War I. The aftermath followed.", ["World War I.", "The aftermath followed."]),
        // Dates and numbered references.
        Case("They met on Dec. 15 in Seoul. Talks resumed.", ["They met on Dec. 15 in Seoul.", "Talks resumed."]),
        Case("Trade rose in Jan. 2024 and fell later.", ["Trade rose in Jan. 2024 and fell later."]),
        Case("Talks began in Jan. The outcome was unclear.", ["Talks began in Jan.", "The outcome was unclear."]),
        Case("See No. 3 on the list. It matters.", ["See No. 3 on the list.", "It matters."]),
        Case("The answer was No. Then they left.", ["The answer was No.", "Then they left."]),
        Case("Sec. 301 tariffs were imposed. China retaliated.", ["Sec. 301 tariffs were imposed.", "China retaliated."]),
        Case("See Art. IV of the treaty. It binds.", ["See Art. IV of the treaty.", "It binds."]),
        // Scholarly abbreviations.
        Case("See p. 45 and pp. 46\u{2013}50. Both matter.", ["See p. 45 and pp. 46\u{2013}50.", "Both matter."]),
        Case("The report (vol. II, ch. 3) explains. It is long.", ["The report (vol. II, ch. 3) explains.", "It is long."]),
        Case("Published in vol. 3, ed. Kim Jiyoung. It sold.", ["Published in vol. 3, ed. Kim Jiyoung.", "It sold."]),
        Case("As Smith et al. (2020) argue, the gap widened.", ["As Smith et al. (2020) argue, the gap widened."]),
        Case("Compare the 2019 figures (cf. Table 2). They differ.", ["Compare the 2019 figures (cf. Table 2).", "They differ."]),
        Case("Korea vs. Japan was the match. Korea won.", ["Korea vs. Japan was the match.", "Korea won."]),
        Case("Roe v. Wade changed that. Later rulings differed.", ["Roe v. Wade changed that.", "Later rulings differed."]),
        Case("Kim Jiyoung, ed., The Alliance (Seoul: KEI, 2020), 45. Next.", ["Kim Jiyoung, ed., The Alliance (Seoul: KEI, 2020), 45.", "Next."]),
        // etc.
        Case("Tariffs, quotas, etc. were discussed.", ["Tariffs, quotas, etc. were discussed."]),
        Case("Tariffs, quotas, etc. The list goes on.", ["Tariffs, quotas, etc.", "The list goes on."]),
        Case("(tariffs, quotas, etc.) The list goes on.", ["(tariffs, quotas, etc.)", "The list goes on."]),
        // Numbers, decimals, versions, currency.
        Case("Growth was 7.5 percent. It slowed.", ["Growth was 7.5 percent.", "It slowed."]),
        Case("Version 3.2.1 is out. Update now.", ["Version 3.2.1 is out.", "Update now."]),
        Case("Prices rose 3.5%. Wages did not.", ["Prices rose 3.5%.", "Wages did not."]),
        Case("Prices fell in 2020. 2021 was better.", ["Prices fell in 2020.", "2021 was better."]),
        Case("Costs were $5 billion. $3 billion came later.", ["Costs were $5 billion.", "$3 billion came later."]),
        // URLs and e-mail addresses.
        Case("Visit kei.org. The site has more.", ["Visit kei.org.", "The site has more."]),
        Case("See www.example.com/a.b for details. Then reply.", ["See www.example.com/a.b for details.", "Then reply."]),
        Case("Write to kim@kei.org. We reply within a week.", ["Write to kim@kei.org.", "We reply within a week."]),
        Case("Read https://www.kei.org/report.pdf?id=3. It is free.", ["Read https://www.kei.org/report.pdf?id=3.", "It is free."]),
        // Ellipses.
        Case("Wait... what happened?", ["Wait... what happened?"]),
        Case("He paused\u{2026} and went on.", ["He paused\u{2026} and went on."]),
        Case("He paused\u{2026} Then he went on.", ["He paused\u{2026}", "Then he went on."]),
        Case("It ended... The next day was quiet.", ["It ended...", "The next day was quiet."]),
        // List labels at paragraph start.
        Case("1. Introduction", ["1. Introduction"]),
        Case("2. Methods\n\n3. Results", ["2. Methods", "3. Results"]),
        Case("A. Background\n\nB. Findings", ["A. Background", "B. Findings"]),
        Case("IV. Conclusion", ["IV. Conclusion"]),
        // The note marker.
        Case("end of claim.\u{FFFC} Next sentence", ["end of claim.\u{FFFC}", "Next sentence"]),
        Case("A \u{201C}quoted claim.\u{201D}\u{FFFC} Next one.", ["A \u{201C}quoted claim.\u{201D}\u{FFFC}", "Next one."]),
        Case("Two notes.\u{FFFC}\u{FFFC} Then more.", ["Two notes.\u{FFFC}\u{FFFC}", "Then more."]),
        Case("A marker\u{FFFC} mid-sentence. End.", ["A marker\u{FFFC} mid-sentence.", "End."]),
        Case("It was the U.N.\u{FFFC} Delegates disagreed.", ["It was the U.N.\u{FFFC}", "Delegates disagreed."]),
        // Korean, CJK, emoji and other multi-byte text.
        Case("한국은 성장했다. 그러나 문제가 남았다.", ["한국은 성장했다.", "그러나 문제가 남았다."]),
        Case("서울에서 회의가 열렸다\u{3002}다음 회의는 부산이다\u{3002}", ["서울에서 회의가 열렸다\u{3002}", "다음 회의는 부산이다\u{3002}"]),
        Case("这是第一句\u{3002}这是第二句\u{3002}", ["这是第一句\u{3002}", "这是第二句\u{3002}"]),
        Case("Yoon\u{2019}s visit to 서울 was brief. Moon\u{2019}s was longer.", ["Yoon\u{2019}s visit to 서울 was brief.", "Moon\u{2019}s was longer."]),
        Case("Emoji \u{1F389} inside. Then text \u{1F44D}\u{1F3FD} too.", ["Emoji \u{1F389} inside.", "Then text \u{1F44D}\u{1F3FD} too."]),
        Case("\u{1F600} Emoji first. Next.", ["\u{1F600} Emoji first.", "Next."]),
        Case("成長率は３．５％だった\u{3002}次の年", ["成長率は３．５％だった\u{3002}", "次の年"]),
        Case("Sales rose. iPhone sales fell.", ["Sales rose. iPhone sales fell."]),
        Case("Caf\u{0065}\u{0301} culture grew. \u{00C9}lite views differ.", ["Caf\u{0065}\u{0301} culture grew.", "\u{00C9}lite views differ."]),
        // Line and paragraph breaks, no-break spaces.
        Case("Heading without period\n\nBody text starts here. It goes on.", ["Heading without period", "Body text starts here.", "It goes on."]),
        Case("Line one\ncontinues here. Done.", ["Line one\ncontinues here.", "Done."]),
        Case("Paragraph one.\r\n\r\nParagraph two", ["Paragraph one.", "Paragraph two"]),
        Case("Part one\u{2029}Part two", ["Part one", "Part two"]),
        // A no-break space between sentences (KEI's pages write ".&nbsp;The") ends one; as glue after an
        // abbreviation, a label or an initial, or before a figure or lower-case word, it does not.
        Case("It ended.\u{00A0}Then more.", ["It ended.", "Then more."]),
        Case("Why?\u{00A0}Nobody knew.", ["Why?", "Nobody knew."]),
        Case("Mr.\u{00A0}Kim spoke. See p.\u{00A0}3 and No.\u{00A0}5.", ["Mr.\u{00A0}Kim spoke.", "See p.\u{00A0}3 and No.\u{00A0}5."]),
        Case("The U.S.\u{00A0}Senate agreed. Kim D.\u{00A0}J. spoke.", ["The U.S.\u{00A0}Senate agreed.", "Kim D.\u{00A0}J. spoke."]),
        Case("It rose in 2024.\u{00A0}3 more came. It fell.\u{00A0}then rose.", ["It rose in 2024.\u{00A0}3 more came.", "It fell.\u{00A0}then rose."]),
    ]

    @Test(arguments: cases)
    func splits(_ testCase: Case) {
        let ranges = SentenceSplitter.sentences(in: testCase.input)
        #expect(ranges.map { AnalysisTestSupport.slice(testCase.input, $0) } == testCase.expected)
        AnalysisTestSupport.expectWellFormed(ranges, in: testCase.input)
    }

    @Test func rangesAreUTF8ByteOffsets() {
        // "한국." is 7 bytes (two 3-byte syllables and a period) and 3 characters.
        #expect(SentenceSplitter.sentences(in: "한국. Next.") == [0..<7, 8..<13])
        #expect(SentenceSplitter.sentences(in: " \u{1F600}!") == [1..<6])
    }

    /// Random texts: ranges well formed, no sentence starts or ends with whitespace, and every
    /// scalar that is neither whitespace nor a combining mark (which may cling to a space) lies in a sentence.
    @Test func randomTextsGiveWellFormedSentences() {
        for text in AnalysisTestSupport.RandomTexts.texts(seed: 20251215, count: 2000) {
            let ranges = SentenceSplitter.sentences(in: text)
            AnalysisTestSupport.expectWellFormed(ranges, in: text)
            for range in ranges {
                let sentence = AnalysisTestSupport.slice(text, range)
                #expect(sentence.first?.isWhitespace == false && sentence.last?.isWhitespace == false,
                        "\(sentence.debugDescription) in \(text.debugDescription)")
            }
            for (scalar, offset) in AnalysisTestSupport.scalarsWithOffsets(text)
            where !scalar.properties.isWhitespace && scalar.properties.generalCategory != .nonspacingMark {
                #expect(ranges.contains { $0.contains(offset) }, "\(scalar.escaped(asASCII: true)) at \(offset) left out of \(text.debugDescription)")
            }
        }
    }
}
