/// Splits plain text into sentences.
///
/// In: any `String` of plain text (whitespace already collapsed, as the article model keeps it).
/// Out: one half-open range of UTF-8 byte offsets (0-based) into `text.utf8` per sentence, in text
/// order, never overlapping, each starting and ending on a grapheme-cluster (hence Unicode scalar)
/// boundary, with leading and trailing whitespace excluded. Empty or whitespace-only text gives `[]`.
/// Text without any sentence end is one sentence. Linear time in the length of the text.
///
/// A sentence ends after a run of sentence-ending punctuation (. ! ? … ‼ ⁇ ⁈ ⁉ ‽ ．), together with
/// the closing quotes and brackets straight after it (” ’ " ' ) ] } » › 」 』 …) and any U+FFFC
/// note markers among them ("end of claim.\u{FFFC} Next" keeps the marker in the first sentence),
/// when what follows is
/// - the end of the text, or
/// - whitespace that is not only no-break spaces (U+00A0, U+2007, U+202F glue "p.\u{A0}3"), and
///   then a sentence opener: a letter that is not lowercase (upper- or titlecase, or a letter
///   without case such as Hangul or a CJK ideograph), a decimal digit, an opening quote or
///   bracket, or a currency sign, or
/// - only no-break spaces and then a letter that may open a sentence, after a mark that closes no
///   abbreviation, list label or initial: web pages often write the space between sentences as
///   `&nbsp;` ("greater.&nbsp;The second" is two sentences; "Mr.&nbsp;Kim", "p.&nbsp;3" are not).
///
/// So a period inside a token never ends a sentence ("7.5", "3.2.1", "kei.org",
/// "www.example.com/a.b", "U.S.-ROK"), and neither does punctuation followed by a lowercase word
/// ("Really? she asked", "Wait... what", "etc. and").
/// The full-width stops 。 ｡ ！ ？ end a sentence whatever follows them, and a paragraph break
/// (two or more line breaks in one run of whitespace, or U+2029) ends one even without
/// punctuation; a single "\n" is ordinary whitespace.
///
/// A lone period (not "..." or "?.", and with no closer or marker straight after it) does not end
/// the sentence when it closes an abbreviation (see `Abbreviations`; the list follows Chicago
/// Manual of Style usage, 17th ed., 10.4ff, where CMOS applies):
/// - titles, name suffixes, company names and scholarly abbreviations never end a sentence:
///   "Mr. Kim", "Sen. Warren", "Kim Jr. said", "Acme Inc. Shares", "e.g. Japan", "cf. Table",
///   "vs. China", "p. 3", "pp. 4–5", "vol. IV", "ed. Kim", "Smith et al. Found";
/// - months, "No.", "Art." and the like continue the sentence only before a numeral ("Dec. 15",
///   "No. 3", "Art. IV"); before a capitalised word they end it ("…in Jan. The next…");
/// - "etc.", "a.m.", "p.m.", "ibid.", "Ph.D." end a sentence when a capitalised word follows
///   ("…tariffs, etc. The next…" is two sentences), and not before a lowercase word;
/// - dotted all-capital abbreviations never end a sentence ("U.S. Senate", "U.N.", "D.C.",
///   "J.R.R."), nor does a single capital letter other than "I" (initials: "Kim D. J. said",
///   "J. R. R. Tolkien");
/// - at the start of a paragraph, a list label — a number of up to three digits, a single letter or
///   a Roman numeral — is no sentence ("1. Introduction", "A. Background", "IV. Conclusion").
///
/// Limitations: a sentence that really ends with one of these ("…moved to the U.S. Then…",
/// "…Plan B. The…", "…Acme Inc. It…") is not split there; "?" or "!" inside a sentence before a
/// capitalised word ("Why? Kim asked.") is split; a sentence that starts with a lowercase word
/// ("iPhone sales…", "de Gaulle…") or with an emoji or other symbol is not split off ("Great! 🎉
/// Next" stays one); a closing quote or note marker straight after an abbreviation's period counts
/// as the end of a sentence ("…the “U.S.” Then…" is split).
public enum SentenceSplitter {
    /// The sentences of `text` as UTF-8 byte ranges; see the type's documentation for the rules.
    public static func sentences(in text: String) -> [Range<Int>] {
        let units = TextUnits(text)
        return sentences(units, tokens: WordTokenizer.scan(units))
    }

    /// Sentences and word tokens of `text` from one pass of the tokenizer (what the analysis needs).
    public static func sentencesAndTokens(in text: String) -> (sentences: [Range<Int>], tokens: [WordToken]) {
        let units = TextUnits(text)
        let spans = WordTokenizer.scan(units)
        return (sentences(units, tokens: spans), spans.map { WordToken(range: units.byteRange($0.units), kind: $0.kind) })
    }

    static func sentences(_ units: TextUnits, tokens: [WordTokenizer.Span]) -> [Range<Int>] {
        let c = units.chars
        var tokenAt = [Int](repeating: -1, count: c.count)
        for (t, token) in tokens.enumerated() {
            for k in token.units { tokenAt[k] = t }
        }
        let context = Context(units: units, tokens: tokens, tokenAt: tokenAt)

        // Character indices where a sentence ends (exclusive); nondecreasing.
        var cuts: [Int] = []
        var paragraphStart = 0
        var i = 0
        while i < c.count {
            if CharacterClass.isWhitespace(c[i]) {
                let runStart = i
                var lineBreaks = 0
                var paragraphBreak = false
                while i < c.count, CharacterClass.isWhitespace(c[i]) {
                    if CharacterClass.isParagraphSeparator(c[i]) { paragraphBreak = true }
                    if CharacterClass.isLineBreak(c[i]) { lineBreaks += 1 }
                    i += 1
                }
                if paragraphBreak || lineBreaks >= 2 {
                    cuts.append(runStart)
                    paragraphStart = i
                }
                continue
            }
            guard CharacterClass.isTerminal(c[i]) else {
                i += 1
                continue
            }
            var runEnd = i
            while runEnd < c.count, CharacterClass.isTerminal(c[runEnd]) { runEnd += 1 }
            var end = runEnd
            while end < c.count, CharacterClass.isCloser(c[end]) || CharacterClass.isMarker(c[end]) { end += 1 }
            if context.endsSentence(punctuation: i..<runEnd, end: end, paragraphStart: paragraphStart) {
                cuts.append(end)
            }
            i = end
        }

        var sentences: [Range<Int>] = []
        var start = 0
        for cut in cuts + [c.count] {
            var lower = start, upper = cut
            while lower < upper, CharacterClass.isWhitespace(c[lower]) { lower += 1 }
            while upper > lower, CharacterClass.isWhitespace(c[upper - 1]) { upper -= 1 }
            if lower < upper { sentences.append(units.byteRange(lower..<upper)) }
            start = cut
        }
        return sentences
    }

    /// The text with its tokens, for the decisions at one run of punctuation.
    private struct Context {
        let units: TextUnits
        let tokens: [WordTokenizer.Span]
        /// For each character, the index of the token covering it, or -1 (whitespace).
        let tokenAt: [Int]

        var c: [Character] { units.chars }

        /// Whether the punctuation run `punctuation`, with closers and markers up to `end`, ends a sentence.
        func endsSentence(punctuation: Range<Int>, end: Int, paragraphStart: Int) -> Bool {
            if c[punctuation].contains(where: CharacterClass.isFullWidthTerminal) { return true }
            var next = end
            var breakingSpace = false
            while next < c.count, CharacterClass.isWhitespace(c[next]) {
                if !CharacterClass.isNoBreakSpace(c[next]) { breakingSpace = true }
                next += 1
            }
            if next == c.count { return true }
            guard CharacterClass.canStartSentence(c[next]) else { return false }
            if !breakingSpace {
                // Only no-break spaces: glue ("p.\u{A0}3", "Mr.\u{A0}Kim"), unless a word that is no
                // abbreviation ends with the mark and a letter follows: web pages often write the space
                // between sentences as `&nbsp;` ("greater.&nbsp;The second").
                guard next > end, CharacterClass.isLetter(c[next]) else { return false }
                if punctuation.count == 1, c[punctuation.lowerBound] == "." {
                    return abbreviation(endingWithPeriodAt: punctuation.lowerBound, paragraphStart: paragraphStart) == nil
                }
                return true
            }
            guard punctuation.count == 1, c[punctuation.lowerBound] == ".", end == punctuation.upperBound else { return true }
            switch abbreviation(endingWithPeriodAt: punctuation.lowerBound, paragraphStart: paragraphStart) {
            case nil, .mayEnd?: return true
            case .neverEnds?: return false
            case .continuesBeforeNumeral?: return !isNumeral(tokenAt[next])
            }
        }

        private func text(ofToken t: Int) -> String { units.string(tokens[t].units) }

        /// What the period at `k` closes, if it closes an abbreviation or a list label.
        private func abbreviation(endingWithPeriodAt k: Int, paragraphStart: Int) -> Abbreviations.Behaviour? {
            // A dotted abbreviation, whose final period the tokenizer keeps in the word ("U.S.").
            if tokenAt[k] >= 0, tokens[tokenAt[k]].kind == .word, tokens[tokenAt[k]].units.upperBound == k + 1 {
                let word = text(ofToken: tokenAt[k])
                if let known = Abbreviations.behaviour(of: word) { return known }
                let initials = word.split(separator: ".").allSatisfy { $0.count == 1 && $0.first!.isUppercase }
                return initials ? .neverEnds : .mayEnd
            }
            // Otherwise the word or number right before the period ("Mr", "al", "1").
            guard k > 0, tokenAt[k - 1] >= 0 else { return nil }
            let t = tokenAt[k - 1]
            let word = text(ofToken: t)
            let firstInParagraph = tokens[t].units.lowerBound >= paragraphStart
                && (t == 0 || tokens[t - 1].units.upperBound <= paragraphStart)
            switch tokens[t].kind {
            case .number:
                return firstInParagraph && word.count <= 3 ? .neverEnds : nil
            case .word:
                if firstInParagraph && (word.count == 1 || Self.isRomanNumeral(word)) { return .neverEnds }
                if word == "al" {
                    let afterEt = t > 0 && tokens[t - 1].kind == .word && text(ofToken: t - 1).lowercased() == "et"
                    return afterEt ? .neverEnds : nil
                }
                if let known = Abbreviations.behaviour(of: word + ".") { return known }
                if word.count == 1, word != "I", word.first!.isUppercase { return .neverEnds }
                return nil
            default:
                return nil
            }
        }

        /// Whether token `t` is a numeral: starts with a digit ("15", "3rd") or is a Roman numeral.
        private func isNumeral(_ t: Int) -> Bool {
            guard t >= 0 else { return false }
            let word = text(ofToken: t)
            return word.first.map(CharacterClass.isDigit) == true || Self.isRomanNumeral(word)
        }

        /// Upper-case Roman numerals of I V X L C (up to seven letters) and i to x in lower case.
        static func isRomanNumeral(_ word: String) -> Bool {
            if ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"].contains(word) { return true }
            return (1...7).contains(word.count) && word.allSatisfy { "IVXLC".contains($0) }
        }
    }
}
