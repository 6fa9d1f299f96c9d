/// The character classes the sentence splitter and the word tokenizer agree on. A `Character` is an
/// extended grapheme cluster; its first scalar decides its class (a letter with combining accents is
/// a letter, a period with a combining mark is a period).
enum CharacterClass {
    /// U+FFFC OBJECT REPLACEMENT CHARACTER, which the article text uses where a note marker stands.
    static let marker: Unicode.Scalar = "\u{FFFC}"

    static func first(_ c: Character) -> Unicode.Scalar {
        // An ASCII character is one scalar ("\r\n" reads as its "\n": both are line breaks).
        if let a = c.asciiValue { return Unicode.Scalar(a) }
        return c.unicodeScalars.first!
    }

    static func isMarker(_ c: Character) -> Bool { first(c) == marker }

    /// Unicode White_Space (space, tab, newlines, no-break spaces, ideographic space…).
    ///
    /// The classes below answer ASCII characters from the byte itself: Unicode property look-ups cost
    /// more than everything else the analysis does (`make bench`: the whole pipeline was 8x slower with
    /// them on every character); the answers are the same.
    static func isWhitespace(_ c: Character) -> Bool {
        if let a = c.asciiValue { return a == 0x20 || (a >= 0x09 && a <= 0x0D) }
        return c.isWhitespace
    }

    /// An ASCII letter or digit, from the byte.
    private static func isASCIIAlphanumeric(_ a: UInt8) -> Bool {
        (a >= 0x30 && a <= 0x39) || (a | 0x20 >= 0x61 && a | 0x20 <= 0x7A)
    }

    /// A letter in any script.
    static func isLetter(_ c: Character) -> Bool {
        if let a = c.asciiValue { return a | 0x20 >= 0x61 && a | 0x20 <= 0x7A }
        return c.isLetter
    }

    /// Whitespace that glues its neighbours: NO-BREAK SPACE, FIGURE SPACE, NARROW NO-BREAK SPACE.
    /// House style puts these after "p." or "No."; they never open a sentence break.
    static func isNoBreakSpace(_ c: Character) -> Bool {
        switch first(c).value {
        case 0x00A0, 0x2007, 0x202F: true
        default: false
        }
    }

    /// Counts as one line break: "\n", "\r", "\r\n" (one character), NEL, LINE SEPARATOR.
    static func isLineBreak(_ c: Character) -> Bool {
        if let a = c.asciiValue { return a >= 0x0A && a <= 0x0D }
        return c.isNewline && !isParagraphSeparator(c)
    }

    /// U+2029 PARAGRAPH SEPARATOR: a paragraph break on its own.
    static func isParagraphSeparator(_ c: Character) -> Bool { first(c).value == 0x2029 }

    /// An invisible format character (general category Cf: soft hyphen, zero-width space and
    /// joiners, byte order mark).
    static func isFormat(_ c: Character) -> Bool {
        if c.asciiValue != nil { return false }
        return first(c).properties.generalCategory == .format
    }

    /// A decimal digit in any script (general category Nd).
    static func isDigit(_ c: Character) -> Bool {
        if let a = c.asciiValue { return a >= 0x30 && a <= 0x39 }
        return first(c).properties.generalCategory == .decimalNumber
    }

    static func isASCIIDigit(_ c: Character) -> Bool { c.asciiValue.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }

    static func isASCIILetter(_ c: Character) -> Bool { c.asciiValue.map { $0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A } ?? false }

    /// A letter (any script, including Hangul and CJK ideographs) or a number character: the stuff
    /// words are made of.
    static func isWordCharacter(_ c: Character) -> Bool {
        if let a = c.asciiValue { return isASCIIAlphanumeric(a) }
        return c.isLetter || c.isNumber
    }

    /// ' (U+0027), ’ (U+2019): an apostrophe when it stands between two letters.
    static func isApostrophe(_ c: Character) -> Bool { let u = first(c); return u == "'" || u == "\u{2019}" }

    /// - (U+002D), ‐ (U+2010), non-breaking hyphen (U+2011): a hyphen when it stands inside a word.
    /// Dashes (– —) are not hyphens.
    static func isHyphen(_ c: Character) -> Bool { let u = first(c); return u == "-" || u == "\u{2010}" || u == "\u{2011}" }

    /// Sentence-ending punctuation: . ! ? … ‼ ⁇ ⁈ ⁉ ‽ ． (U+FF0E, which also stands between
    /// full-width digits, so it needs a space after it like ".") and the full-width stops of
    /// `isFullWidthTerminal`.
    static func isTerminal(_ c: Character) -> Bool {
        switch first(c) {
        case ".", "!", "?", "\u{2026}", "\u{203C}", "\u{2047}", "\u{2048}", "\u{2049}", "\u{203D}", "\u{FF0E}": true
        default: isFullWidthTerminal(c)
        }
    }

    /// 。 (U+3002), ｡ (U+FF61), ！ (U+FF01), ？ (U+FF1F): end a sentence without a space after them.
    static func isFullWidthTerminal(_ c: Character) -> Bool {
        switch first(c) {
        case "\u{3002}", "\u{FF61}", "\u{FF01}", "\u{FF1F}": true
        default: false
        }
    }

    /// Closing quotes and brackets that may follow sentence-ending punctuation and still belong to
    /// the sentence: ” ’ " ' ) ] } » › and the CJK closers 」 』 ） ］ 】 〉 》 〕.
    static func isCloser(_ c: Character) -> Bool {
        switch first(c) {
        case "\u{201D}", "\u{2019}", "\"", "'", ")", "]", "}", "\u{00BB}", "\u{203A}",
             "\u{300D}", "\u{300F}", "\u{FF09}", "\u{FF3D}", "\u{3011}", "\u{3009}", "\u{300B}", "\u{3015}": true
        default: false
        }
    }

    /// Opening quotes and brackets that may begin a sentence: “ ‘ " ' ( [ { « ‹ „ ‚ ¿ ¡ and the CJK
    /// openers 「 『 （ ［ 【 〈 《 〔.
    static func isOpener(_ c: Character) -> Bool {
        switch first(c) {
        case "\u{201C}", "\u{2018}", "\"", "'", "(", "[", "{", "\u{00AB}", "\u{2039}", "\u{201E}", "\u{201A}",
             "\u{00BF}", "\u{00A1}",
             "\u{300C}", "\u{300E}", "\u{FF08}", "\u{FF3B}", "\u{3010}", "\u{3008}", "\u{300A}", "\u{3014}": true
        default: false
        }
    }

    /// What may begin a new sentence after sentence-ending punctuation and whitespace: a letter that
    /// is not lowercase (upper- or titlecase, or a letter without case such as Hangul or a CJK
    /// ideograph), a decimal digit, an opening quote or bracket, or a currency sign ("$5 billion…").
    static func canStartSentence(_ c: Character) -> Bool {
        if c.isLetter { return !c.isLowercase }
        return isDigit(c) || isOpener(c) || c.isCurrencySymbol
    }
}
